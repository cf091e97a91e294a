import { cholesky, choleskySolve } from "./cholesky.js";
import { invertSymmetric } from "./invertSymmetric.js";

/**
 * Weighted linear least squares: minimises sum_i w_i (y_i - sum_k A_ik p_k)^2 with the normal
 * equations (A^T W A) p = A^T W y solved by Cholesky. `design` is row-major m x n.
 * Returns the solution and (A^T W A)^-1, which is the covariance when w_i = 1/variance_i.
 */

import { FitError } from "../errors.js";
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
