/** Panel edges for composite quadrature: uniform subdivision, and breaks merged into it. */

/**
 * `n + 1` edges splitting [a, b] into n equal panels (n = ceil((b - a) / maxWidth), at least 1).
 *
 * @example
 * uniformEdges(0, 1, 0.3); // => [0, 0.25, 0.5, 0.75, 1] (the fewest equal panels no wider than 0.3)
 */
export function uniformEdges(a: number, b: number, maxWidth: number): Float64Array {
  const n = Math.max(1, Math.ceil((b - a) / maxWidth - 1e-12));
  const e = new Float64Array(n + 1);
  for (let k = 0; k <= n; k++) e[k] = a + ((b - a) * k) / n;
  e[n] = b;
  return e;
}

/**
 * Sorted panel edges on [a, b]: a, b, every break strictly inside (a, b), and uniform
 * subdivisions so that no panel is wider than maxPanel.
 */
export function mergeEdges(a: number, b: number, breaks: ArrayLike<number>, maxPanel: number): Float64Array {
  const pts: number[] = [a, b];
  for (let i = 0; i < breaks.length; i++) {
    const x = breaks[i];
    if (x > a && x < b) pts.push(x);
  }
  pts.sort((x, y) => x - y);
  const out: number[] = [pts[0]];
  for (let k = 1; k < pts.length; k++) {
    const lo = out[out.length - 1];
    const hi = pts[k];
    if (hi - lo <= 1e-12 * Math.max(1, Math.abs(hi))) continue;
    const sub = uniformEdges(lo, hi, maxPanel);
    for (let j = 1; j < sub.length; j++) out.push(sub[j]);
  }
  return Float64Array.from(out);
}
