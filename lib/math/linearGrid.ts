/**
 * n points from a to b (inclusive), evenly spaced.
 *
 * @example
 * linearGrid(0, 1, 5); // => [0, 0.25, 0.5, 0.75, 1]
 */
export function linearGrid(a: number, b: number, n: number): Float64Array {
  if (!(b > a && n >= 2)) throw new Error(`linearGrid: need a < b and n >= 2, got a=${a}, b=${b}, n=${n}`);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = a + ((b - a) * i) / (n - 1);
  return out;
}
