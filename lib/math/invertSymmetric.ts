import { cholesky, choleskySolve } from "./cholesky.js";

/**
 * Inverse of a symmetric positive-definite matrix through its Cholesky factor, or null if not positive definite.
 *
 * @example
 * invertSymmetric([2, 1, 1, 2], 2); // => [0.666667, -0.333333, -0.333333, 0.666667] ([[2, -1], [-1, 2]] / 3)
 */
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
