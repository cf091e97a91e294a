/*
 * Poisson tail probabilities through the regularized incomplete gamma function
 * (P(N >= n | mu) = P(n, mu), the lower regularized gamma; Abramowitz & Stegun 6.5.2 and 26.4.21),
 * used by the noble-gas and run-rate tests.
 */
import gammainc from "@stdlib/math-base-special-gammainc";
import normalQuantile from "@stdlib/stats-base-dists-normal-quantile";

/**
 * P(N >= n) for N ~ Poisson(mu): 1 for n <= 0; for mu = 0, 0 when n >= 1.
 *
 * @example
 * poissonUpperTail(1, 2); // => 0.864665 (1 - e^-2)
 */
export function poissonUpperTail(n: number, mu: number): number {
  if (n <= 0) return 1;
  if (!(mu > 0)) return 0;
  return gammainc(mu, n, true, false);
}

/**
 * P(N <= n) for N ~ Poisson(mu): 0 for n < 0; for mu = 0, 1.
 *
 * @example
 * poissonLowerTail(0, 2); // => 0.135335 (e^-2)
 */
export function poissonLowerTail(n: number, mu: number): number {
  if (n < 0) return 0;
  if (!(mu > 0)) return 1;
  return gammainc(mu, n + 1, true, true);
}

/**
 * One-sided Gaussian significance of a p-value: z with P(Z > z) = p (p = 1e-3 gives 3.09).
 *
 * @example
 * zFromOneSidedP(1e-3); // => 3.0902 (Phi^-1(0.999))
 */
export function zFromOneSidedP(p: number): number {
  return -normalQuantile(p, 0, 1);
}
