/**
 * Piecewise-linear interpolation of the table (x, y) at t: y_i + (t - x_i) / (x_{i+1} - x_i)
 * (y_{i+1} - y_i) on the interval x_i <= t < x_{i+1} found by bisection. Outside [x_0, x_last] the
 * first or last interval is extended (linear extrapolation); at a knot the table value is returned.
 * `x` must be strictly increasing (not checked: this sits in inner loops).
 *
 * @example
 * interpolateLinear([0, 1, 2], [0, 10, 20], 1.5); // => 15
 */
export function interpolateLinear(x: ArrayLike<number>, y: ArrayLike<number>, t: number): number {
  if (x.length < 2 || y.length !== x.length) throw new Error(`interpolateLinear: need a table of at least 2 points with as many values as abscissae (got ${x.length} and ${y.length})`);
  let lo = 0;
  let hi = x.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (x[mid] <= t) lo = mid;
    else hi = mid;
  }
  const f = (t - x[lo]) / (x[hi] - x[lo]);
  return y[lo] + f * (y[hi] - y[lo]);
}
