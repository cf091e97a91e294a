import { describe, expect, it } from "vitest";
import { pseudoInverseSymmetric } from "../../lib/math/pseudoInverseSymmetric.js";
import { symmetricEigen } from "../../lib/math/symmetricEigen.js";

function matmul(a: ArrayLike<number>, b: ArrayLike<number>, n: number): Float64Array {
  const c = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) for (let k = 0; k < n; k++) c[i * n + j] += a[i * n + k] * b[k * n + j];
  return c;
}

describe("symmetricEigen (cyclic Jacobi)", () => {
  it("the tridiagonal Toeplitz matrix tridiag(-1, 2, -1) has eigenvalues 2 - 2 cos(k pi / (n + 1)) (closed form)", () => {
    const n = 9;
    const a = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      a[i * n + i] = 2;
      if (i > 0) a[i * n + i - 1] = a[(i - 1) * n + i] = -1;
    }
    const { values } = symmetricEigen(a, n);
    const expected = Array.from({ length: n }, (_, k) => 2 - 2 * Math.cos(((k + 1) * Math.PI) / (n + 1))).sort((x, y) => x - y);
    expected.forEach((e, k) => expect(values[k]).toBeCloseTo(e, 13));
  });

  it("reconstructs A = V diag(lambda) V^T with orthonormal V for a random symmetric matrix", () => {
    const n = 7;
    const a = new Float64Array(n * n);
    let s = 12345;
    const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1;
    for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) a[i * n + j] = a[j * n + i] = rnd();
    const { values, vectors } = symmetricEigen(a, n);
    const vt = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) vt[i * n + j] = vectors[j * n + i];
    const vtv = matmul(vt, vectors, n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) expect(vtv[i * n + j]).toBeCloseTo(i === j ? 1 : 0, 12);
    const d = new Float64Array(n * n);
    for (let i = 0; i < n; i++) d[i * n + i] = values[i];
    const back = matmul(matmul(vectors, d, n), vt, n);
    a.forEach((x, i) => expect(back[i]).toBeCloseTo(x, 12));
    for (let i = 1; i < n; i++) expect(values[i]).toBeGreaterThanOrEqual(values[i - 1]);
  });

  it("the pseudo-inverse of a rank-deficient covariance satisfies A A+ A = A and has the rank of A", () => {
    // A = J J^T with J 4 x 2 (rank 2), parameters of very different scales.
    const j = [1, 1e-3, 2, 3e-3, 3, 1e-3, 4, 5e-3];
    const n = 4;
    const a = new Float64Array(n * n);
    for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) a[r * n + c] = j[r * 2] * j[c * 2] + j[r * 2 + 1] * j[c * 2 + 1];
    const { inverse, rank } = pseudoInverseSymmetric(a, n);
    expect(rank).toBe(2);
    const back = matmul(matmul(a, inverse, n), a, n);
    a.forEach((x, i) => expect(Math.abs(back[i] - x)).toBeLessThan(1e-9 * Math.max(1, Math.abs(x))));
  });

  it("the pseudo-inverse of an invertible matrix is its inverse", () => {
    const a = [4, 1, 0.5, 1, 3, 0.2, 0.5, 0.2, 2];
    const { inverse, rank } = pseudoInverseSymmetric(a, 3);
    expect(rank).toBe(3);
    const id = matmul(a, inverse, 3);
    for (let i = 0; i < 3; i++) for (let k = 0; k < 3; k++) expect(id[i * 3 + k]).toBeCloseTo(i === k ? 1 : 0, 13);
  });
  it("recovers a 3x3 matrix built from known orthonormal eigenvectors (eigenvalues -1, 2, 5)", () => {
    const q = [
      [2 / 3, 2 / 3, 1 / 3],
      [-2 / 3, 1 / 3, 2 / 3],
      [1 / 3, -2 / 3, 2 / 3],
    ]; // orthonormal rows
    const lam = [5, 2, -1];
    const m = new Float64Array(9);
    for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) for (let k = 0; k < 3; k++) m[3 * r + c] += lam[k] * q[k][r] * q[k][c];
    const { values, vectors } = symmetricEigen(m, 3);
    expect(Array.from(values).map((v) => +v.toFixed(12))).toEqual([-1, 2, 5]);
    for (let c = 0; c < 3; c++) {
      const k = 2 - c; // ascending eigenvalues: column c holds eigenvalue lam[2 - c]
      const dot = vectors[c] * q[k][0] + vectors[3 + c] * q[k][1] + vectors[6 + c] * q[k][2];
      expect(Math.abs(dot)).toBeCloseTo(1, 12);
    }
  });
});
