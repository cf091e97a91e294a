/**
 * n points from a to b (inclusive), evenly spaced in log(E).
 *
 * @example
 * logGrid(1, 100, 3); // => [1.0000000, 10.000000, 100.00000]
 */
export function logGrid(a: number, b: number, n: number): Float64Array {
  if (!(a > 0 && b > a && n >= 2)) throw new Error(`logGrid: need 0 < a < b and n >= 2, got a=${a}, b=${b}, n=${n}`);
  const out = new Float64Array(n);
  const r = Math.log(b / a) / (n - 1);
  for (let i = 0; i < n; i++) out[i] = a * Math.exp(r * i);
  out[n - 1] = b;
  return out;
}
