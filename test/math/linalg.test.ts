import { describe, expect, it } from "vitest";
import { cholesky, choleskySolve } from "../../lib/math/cholesky.js";
import { invertGaussJordan } from "../../lib/math/invertGaussJordan.js";
import { invertSymmetric } from "../../lib/math/invertSymmetric.js";
import { matMul } from "../../lib/math/matMul.js";
import { weightedLeastSquares } from "../../lib/math/weightedLeastSquares.js";

// The 3 x 3 Hilbert matrix H_ij = 1/(i + j + 1) and its exact integer inverse.
const hilbert = [1, 1 / 2, 1 / 3, 1 / 2, 1 / 3, 1 / 4, 1 / 3, 1 / 4, 1 / 5];
const hilbertInverse = [9, -36, 30, -36, 192, -180, 30, -180, 180];

describe("linalg", () => {
  it("invertSymmetric (Cholesky) reproduces the exact inverse of the 3x3 Hilbert matrix", () => {
    const inv = invertSymmetric(hilbert, 3)!;
    inv.forEach((v, i) => expect(v).toBeCloseTo(hilbertInverse[i], 9));
  });

  it("invertGaussJordan reproduces it too, and handles a zero leading pivot", () => {
    const inv = invertGaussJordan(hilbert, 3);
    inv.forEach((v, i) => expect(v).toBeCloseTo(hilbertInverse[i], 9));
    // [[0, 1], [1, 0]] is its own inverse and needs a row swap.
    expect(Array.from(invertGaussJordan([0, 1, 1, 0], 2))).toEqual([0, 1, 1, 0]);
    expect(() => invertGaussJordan([1, 2, 2, 4], 2)).toThrow(/singular/);
  });

  it("cholesky rejects an indefinite matrix and solves a positive-definite system", () => {
    expect(cholesky([1, 2, 2, 1], 2)).toBeNull();
    const a = [4, 2, 2, 3];
    const l = cholesky(a, 2)!;
    // L = [[2, 0], [1, sqrt 2]]
    expect(Array.from(l)).toEqual([2, 0, 1, Math.SQRT2]);
    const x = choleskySolve(l, 2, [2, 1]); // 4x + 2y = 2, 2x + 3y = 1 -> x = 0.5, y = 0
    expect(x[0]).toBeCloseTo(0.5, 15);
    expect(x[1]).toBeCloseTo(0, 15);
  });

  it("matMul of a matrix with its inverse is the identity", () => {
    const p = matMul(hilbert, hilbertInverse, 3, 3, 3);
    p.forEach((v, i) => expect(v).toBeCloseTo(i % 4 === 0 ? 1 : 0, 10));
  });

  it("weightedLeastSquares fits a straight line like the textbook closed form", () => {
    // Unweighted line through (0,1), (1,3), (2,4), (3,7): slope = (n Sxy - Sx Sy)/(n Sxx - Sx^2) = 1.9, intercept 0.9.
    const design = [1, 0, 1, 1, 1, 2, 1, 3];
    const r = weightedLeastSquares(design, 4, 2, [1, 3, 4, 7], [1, 1, 1, 1]);
    expect(r.solution[0]).toBeCloseTo(0.9, 13);
    expect(r.solution[1]).toBeCloseTo(1.9, 13);
    // (A^T A)^-1 = [[Sxx, -Sx], [-Sx, n]] / (n Sxx - Sx^2) = [[14, -6], [-6, 4]] / 20.
    expect(Array.from(r.inverseNormal).map((v) => v * 20)).toEqual([14, -6, -6, 4].map((v) => expect.closeTo(v, 12)));
  });
});
