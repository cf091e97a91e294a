/** Matrices in lib/math are row-major Float64Array. */

/**
 * Row-major n x n identity.
 *
 * @example
 * identity(2); // => [1, 0, 0, 1]
 */
export function identity(n: number): Float64Array {
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) a[i * n + i] = 1;
  return a;
}
