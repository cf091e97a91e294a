/**
 * Counts of `values` in the bins [edges[i], edges[i+1]) (the last bin closed), optionally only
 * where `mask[k]` is non-zero. Edges ascending; values outside are ignored. Binary search per
 * value, so any binning works; O(n log bins).
 *
 * @example
 * histogram([0.5, 1.5, 1.7, 3], [0, 1, 2]); // => [1, 2] (3 lies outside)
 */
export function histogram(values: ArrayLike<number>, edges: ArrayLike<number>, mask?: ArrayLike<number>): Float64Array {
  const nb = edges.length - 1;
  if (nb < 1) throw new Error("histogram bins: need at least two edges");
  for (let i = 1; i <= nb; i++) if (!(edges[i] > edges[i - 1])) throw new Error(`histogram bins: edges must be strictly ascending (index ${i})`);
  const out = new Float64Array(nb);
  const lo = edges[0];
  const hi = edges[nb];
  for (let k = 0; k < values.length; k++) {
    if (mask && !mask[k]) continue;
    const v = values[k];
    if (!(v >= lo && v <= hi)) continue;
    let a = 0;
    let b = nb;
    while (b - a > 1) {
      const m = (a + b) >> 1;
      if (edges[m] <= v) a = m;
      else b = m;
    }
    out[a]++;
  }
  return out;
}
