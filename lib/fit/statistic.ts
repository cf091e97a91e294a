/**
 * Goodness-of-fit statistics of binned fits.
 *
 * - Gaussian chi-square: sum (n_i - mu_i)^2 / V_i with fixed variances V_i (Neyman's when V_i = n_i).
 * - Poisson likelihood chi-square of S. Baker & R. D. Cousins, NIM 221 (1984) 437, Eq. (6):
 *   chi2_lambda = 2 sum [mu_i - n_i + n_i ln(n_i / mu_i)], the -2 ln of the likelihood ratio to the
 *   saturated model; asymptotically chi-square distributed, and unbiased for small counts. Being a
 *   -2 ln L, its errordef is 1 like a chi-square's.
 */

/** Which statistic a binned fit minimises. */
export type FitStatistic = "chi2" | "poisson";

/**
 * Gaussian chi-square over the bins.
 *
 * @example
 * gaussChi2([10, 12], [11, 11], [11, 11]); // => 0.181818 (1/11 + 1/11)
 */
export function gaussChi2(counts: ArrayLike<number>, expected: ArrayLike<number>, variance: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < counts.length; i++) {
    const r = counts[i] - expected[i];
    s += (r * r) / variance[i];
  }
  return s;
}

/**
 * One bin's Baker-Cousins term, 2 [mu - n + n ln(n / mu)] (Baker & Cousins, NIM 221 (1984) 437,
 * Eq. 6), the -2 ln of the Poisson probability of n at mean mu over that at mean n. For n = 0 it is
 * 2 mu (the limit n ln n -> 0). A Poisson mean is >= 0: mu < 0 lies outside the model (no
 * probability), and mu = 0 with n > 0 has probability 0, so both give +Infinity. The one definition
 * every Poisson fit of the project uses.
 *
 * @example
 * bakerCousinsTerm(4, 2); // => 1.545177 (2 (mu - n + n ln(n / mu)) = 2 (4 ln 2 - 2))
 */
export function bakerCousinsTerm(n: number, mu: number): number {
  if (!(mu >= 0)) return Infinity;
  if (n > 0) return mu > 0 ? 2 * (mu - n + n * Math.log(n / mu)) : Infinity;
  return 2 * mu;
}

/**
 * Baker-Cousins Poisson likelihood chi-square, the sum of {@link bakerCousinsTerm}; +Infinity if some expectation is < 0, or 0 where counts > 0.
 *
 * @example
 * bakerCousinsChi2([10, 0], [10, 2]); // => 4 (0 for n = mu, 2 mu for n = 0)
 */
export function bakerCousinsChi2(counts: ArrayLike<number>, expected: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < counts.length; i++) {
    s += bakerCousinsTerm(counts[i], expected[i]);
    if (s === Infinity) return Infinity;
  }
  return s;
}
