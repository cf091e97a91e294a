/**
 * Product C = A B of row-major matrices, A is r x k, B is k x c.
 *
 * @example
 * matMul([1, 2, 3, 4], [5, 6, 7, 8], 2, 2, 2); // => [19, 22, 43, 50]
 */
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
