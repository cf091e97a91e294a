/**
 * Small dense linear algebra for fits: matrices are row-major Float64Array of n x n.
 *
 * Cholesky factorisation (Golub & Van Loan, Matrix Computations 4th ed., Alg. 4.2.1) for the
 * symmetric positive-definite matrices of fits (Hessians, normal equations), and Gauss-Jordan
 * elimination with partial pivoting (Numerical Recipes 3rd ed., Sec. 2.1) for general matrices.
 */

import { FitError } from "../errors.js";

/** Row-major n x n identity. */
export function identity(n: number): Float64Array {
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) a[i * n + i] = 1;
  return a;
}

/**
 * Lower-triangular L with A = L L^T, or null when A is not (numerically) positive definite.
 * Only the lower triangle of `a` is read.
 */
export function cholesky(a: ArrayLike<number>, n: number): Float64Array | null {
  const l = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    let d = a[j * n + j];
    for (let k = 0; k < j; k++) d -= l[j * n + k] * l[j * n + k];
    if (!(d > 0)) return null;
    const ljj = Math.sqrt(d);
    l[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let s = a[i * n + j];
      for (let k = 0; k < j; k++) s -= l[i * n + k] * l[j * n + k];
      l[i * n + j] = s / ljj;
    }
  }
  return l;
}

/** Solves L L^T x = b for x, given the Cholesky factor L (forward then back substitution). */
export function choleskySolve(l: ArrayLike<number>, n: number, b: ArrayLike<number>): Float64Array {
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= l[i * n + k] * y[k];
    y[i] = s / l[i * n + i];
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i];
    for (let k = i + 1; k < n; k++) s -= l[k * n + i] * x[k];
    x[i] = s / l[i * n + i];
  }
  return x;
}

/** Inverse of a symmetric positive-definite matrix through its Cholesky factor, or null if not positive definite. */
export function invertSymmetric(a: ArrayLike<number>, n: number): Float64Array | null {
  const l = cholesky(a, n);
  if (!l) return null;
  const inv = new Float64Array(n * n);
  const e = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    e.fill(0);
    e[j] = 1;
    const col = choleskySolve(l, n, e);
    for (let i = 0; i < n; i++) inv[i * n + j] = col[i];
  }
  // Symmetrise away round-off.
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const m = 0.5 * (inv[i * n + j] + inv[j * n + i]);
      inv[i * n + j] = m;
      inv[j * n + i] = m;
    }
  }
  return inv;
}

/**
 * Inverse of a general square matrix by Gauss-Jordan elimination with partial (row) pivoting.
 * Throws when the matrix is singular to working precision.
 */
export function invertGaussJordan(a: ArrayLike<number>, n: number): Float64Array {
  const m = Float64Array.from(a as ArrayLike<number>);
  const inv = identity(n);
  let scale = 0;
  for (let i = 0; i < n * n; i++) scale = Math.max(scale, Math.abs(m[i]));
  for (let c = 0; c < n; c++) {
    let p = c;
    let best = Math.abs(m[c * n + c]);
    for (let r = c + 1; r < n; r++) {
      const v = Math.abs(m[r * n + c]);
      if (v > best) {
        best = v;
        p = r;
      }
    }
    if (!(best > 1e-14 * scale)) throw new FitError(`invertGaussJordan: matrix is singular (pivot ${best} in column ${c})`);
    if (p !== c) {
      for (let k = 0; k < n; k++) {
        let t = m[c * n + k];
        m[c * n + k] = m[p * n + k];
        m[p * n + k] = t;
        t = inv[c * n + k];
        inv[c * n + k] = inv[p * n + k];
        inv[p * n + k] = t;
      }
    }
    const piv = 1 / m[c * n + c];
    for (let k = 0; k < n; k++) {
      m[c * n + k] *= piv;
      inv[c * n + k] *= piv;
    }
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r * n + c];
      if (f === 0) continue;
      for (let k = 0; k < n; k++) {
        m[r * n + k] -= f * m[c * n + k];
        inv[r * n + k] -= f * inv[c * n + k];
      }
    }
  }
  return inv;
}

/** Product C = A B of row-major matrices, A is r x k, B is k x c. */
export function matMul(a: ArrayLike<number>, b: ArrayLike<number>, r: number, k: number, c: number): Float64Array {
  const out = new Float64Array(r * c);
  for (let i = 0; i < r; i++) {
    for (let l = 0; l < k; l++) {
      const ail = a[i * k + l];
      if (ail === 0) continue;
      for (let j = 0; j < c; j++) out[i * c + j] += ail * b[l * c + j];
    }
  }
  return out;
}

/**
 * Weighted linear least squares: minimises sum_i w_i (y_i - sum_k A_ik p_k)^2 with the normal
 * equations (A^T W A) p = A^T W y solved by Cholesky. `design` is row-major m x n.
 * Returns the solution and (A^T W A)^-1, which is the covariance when w_i = 1/variance_i.
 */
export function weightedLeastSquares(
  design: ArrayLike<number>,
  m: number,
  n: number,
  y: ArrayLike<number>,
  weights: ArrayLike<number>,
): { solution: Float64Array; inverseNormal: Float64Array } {
  const ata = new Float64Array(n * n);
  const aty = new Float64Array(n);
  for (let i = 0; i < m; i++) {
    const w = weights[i];
    if (w === 0) continue;
    for (let a = 0; a < n; a++) {
      const wa = w * design[i * n + a];
      aty[a] += wa * y[i];
      for (let b = 0; b <= a; b++) ata[a * n + b] += wa * design[i * n + b];
    }
  }
  for (let a = 0; a < n; a++) for (let b = 0; b < a; b++) ata[b * n + a] = ata[a * n + b];
  const l = cholesky(ata, n);
  if (!l) throw new FitError("weightedLeastSquares: normal matrix is not positive definite (degenerate design)");
  const solution = choleskySolve(l, n, aty);
  const inverseNormal = invertSymmetric(ata, n) as Float64Array;
  return { solution, inverseNormal };
}
