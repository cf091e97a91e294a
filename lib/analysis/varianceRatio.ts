/**
 * The variance-to-count ratio of corrected counts (efficiency-corrected: 1/eta; noble-gas
 * subtracted: larger), which lets a fit use a variance proportional to the expectation
 * (quasi-likelihood, var = ratio x mu) and the profile likelihood treat a corrected count c with
 * variance v as c/ratio Poisson counts.
 *
 * Choice (ours): a bin's own ratio v/c is used where c >= 1 count. Below that (a subtracted
 * count near or below zero) v/c is meaningless: it is negative, or blows up as c -> 0, and the
 * earlier rule "ratio 1 where c <= 0" made such a bin's variance the expectation (~50 counts)
 * where the file said 3e4, so those bins dominated chi^2(X, K). There the median ratio of the
 * bins with c >= 1 (inside `mask` when given) stands in; with no such bin, 1.
 */
export function varianceToCountRatio(counts: ArrayLike<number>, variance: ArrayLike<number> | undefined, mask?: ArrayLike<number>): Float64Array {
  const n = counts.length;
  if (!variance) return new Float64Array(n).fill(1);
  const own: number[] = [];
  for (let i = 0; i < n; i++) if (counts[i] >= 1 && (!mask || mask[i])) own.push(variance[i] / counts[i]);
  own.sort((a, b) => a - b);
  const median = own.length === 0 ? 1 : own.length % 2 ? own[(own.length - 1) / 2] : 0.5 * (own[own.length / 2 - 1] + own[own.length / 2]);
  return Float64Array.from({ length: n }, (_, i) => (counts[i] >= 1 ? variance[i] / counts[i] : median));
}
