import { symmetricEigen } from "./symmetricEigen.js";

/**
 * Pseudo-inverse of a symmetric positive semi-definite matrix (e.g. a Fisher information that some
 * parameter leaves flat): the matrix is first scaled to unit diagonal (so the tolerance does not
 * depend on the parameters' units), eigenvalues below `relTol` x the largest are treated as zero.
 * Rows and columns with a zero diagonal get zero. Returns the inverse and the rank kept.
 *
 * @example
 * pseudoInverseSymmetric([1, 1, 1, 1], 2).inverse; // => [0.25, 0.25, 0.25, 0.25] (the Moore-Penrose inverse of J is J / 4)
 */
export function pseudoInverseSymmetric(a: ArrayLike<number>, n: number, relTol = 1e-10): { inverse: Float64Array; rank: number } {
  const d = new Float64Array(n);
  for (let i = 0; i < n; i++) d[i] = a[i * n + i] > 0 ? 1 / Math.sqrt(a[i * n + i]) : 0;
  const s = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) s[i * n + j] = a[i * n + j] * d[i] * d[j];
  const { values, vectors } = symmetricEigen(s, n);
  const max = Math.max(0, ...values);
  const inv = new Float64Array(n * n);
  let rank = 0;
  for (let c = 0; c < n; c++) {
    if (!(values[c] > relTol * max)) continue;
    rank++;
    const w = 1 / values[c];
    for (let i = 0; i < n; i++) {
      const vi = vectors[i * n + c] * w;
      if (vi === 0) continue;
      for (let j = 0; j < n; j++) inv[i * n + j] += vi * vectors[j * n + c];
    }
  }
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) inv[i * n + j] *= d[i] * d[j];
  return { inverse: inv, rank };
}
