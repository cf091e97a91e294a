/**
 * Trapezoid-rule integral of samples y at increasing x: sum of (x_i - x_{i-1}) (y_i + y_{i-1}) / 2.
 *
 * @example
 * trapezoid([0, 1, 2], [0, 1, 4]); // => 3 (0.5 + 2.5)
 */
export function trapezoid(x: ArrayLike<number>, y: ArrayLike<number>): number {
  if (y.length !== x.length) throw new Error(`trapezoid: ${x.length} abscissae but ${y.length} values`);
  let s = 0;
  for (let i = 1; i < x.length; i++) s += 0.5 * (x[i] - x[i - 1]) * (y[i] + y[i - 1]);
  return s;
}
