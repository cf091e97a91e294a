/**
 * Checks of a fit's result, and the error a refused fit raises.
 *
 * Goodness of fit at any count level: the fit statistic's own mean and variance under the fitted
 * model, bin by bin, instead of the chi-square distribution (which the Baker-Cousins statistic
 * reaches only for large counts: at 0.5 counts per bin its mean is ~0.7 per bin, not 1):
 *  - Poisson likelihood chi-square (Baker & Cousins, NIM 221 (1984) 437, Eq. 6): the exact moments
 *    of 2 [mu - n + n ln(n/mu)] for n ~ Poisson(mu), summed over n;
 *  - Gaussian (Pearson) chi-square with variance proportional to the expectation: per bin mean 1
 *    and variance 2 + 1/m (the fourth central moment of a Poisson count of mean m, m + 3 m^2),
 *    with m = mu^2 / variance the equivalent Poisson counts.
 * The fitted parameters lower the mean by their number (nbins - ndf). The statistic is then read as
 * a scaled chi-square a chi2_nu with the same mean and variance (Satterthwaite's moment matching,
 * Biometrics Bull. 2 (1946) 110: a = var / (2 mean), nu = 2 mean^2 / var), which keeps the chi-square's
 * heavier right tail (a normal approximation put a 4.5 sigma toy at 5.3), and z is the normal
 * quantile of its cumulative probability (z > 0: chi2 above its expectation).
 *
 * Plausibility bound (ours): |z| <= 5. For a correct model z is near-normal, |z| > 5 has
 * probability 6e-7: a fit past it does not describe the data (z > 5) or the stated variances are
 * far larger than the scatter of the counts (z < -5, e.g. correlated correction errors quoted
 * per bin, or a smoother that follows the noise). It is a bound for refusing a fit, not a test.
 */

import chisquareCdf from "@stdlib/stats-base-dists-chisquare-cdf";
import normalQuantile from "@stdlib/stats-base-dists-normal-quantile";
import { FitError } from "../errors.js";

/** A fit the analysis refuses to use; the message names the period, the model and what to try. */
export class FitRefusedError extends FitError {
  override readonly name: string = "FitRefusedError";
  /** The period (or other unit) whose fit was refused. */
  declare readonly period: string;
  /** The model or background of that fit. */
  declare readonly model: string;
  constructor(message: string, period: string, model: string) {
    super(message, { period, model });
  }
}

/** |z| bound of a plausible goodness of fit (see the file header). */
export const PLAUSIBLE_GOF_Z = 5;

/** Mean and variance of the Baker-Cousins term 2 [mu - n + n ln(n/mu)] for n ~ Poisson(mu). */
export function poissonDevianceMoments(mu: number): { mean: number; variance: number } {
  if (!(mu > 0)) return { mean: 0, variance: 0 };
  if (mu > 1e4) return { mean: 1 + 1 / (6 * mu), variance: 2 }; // large-count limit (chi-square with 1 dof)
  const nMax = Math.ceil(mu + 12 * Math.sqrt(mu) + 25);
  let p = Math.exp(-mu); // P(0)
  let m1 = 0;
  let m2 = 0;
  for (let n = 0; n <= nMax; n++) {
    if (n > 0) p *= mu / n;
    const d = n > 0 ? 2 * (mu - n + n * Math.log(n / mu)) : 2 * mu;
    m1 += p * d;
    m2 += p * d * d;
  }
  return { mean: m1, variance: Math.max(m2 - m1 * m1, 0) };
}

/** Goodness of fit of a binned fit's statistic against its expectation under the fitted model. */
export interface GoodnessOfFit {
  chi2: number;
  ndf: number;
  /** Expected statistic under the fitted model (number of fitted parameters subtracted). */
  mean: number;
  sd: number;
  /** The normal quantile of P(statistic <= chi2) under the moment-matched scaled chi-square. */
  z: number;
}

/**
 * z of a fit statistic (see the file header). `expected`: fitted counts of the bins in the fit;
 * `variance`: their variances for the Gaussian statistic (ignored for "poisson").
 */
export function goodnessOfFit(statistic: "poisson" | "chi2", chi2: number, ndf: number, expected: ArrayLike<number>, variance?: ArrayLike<number>): GoodnessOfFit {
  let mean = 0;
  let v = 0;
  for (let i = 0; i < expected.length; i++) {
    if (statistic === "poisson") {
      const m = poissonDevianceMoments(expected[i]);
      mean += m.mean;
      v += m.variance;
    } else {
      const mu = expected[i];
      const eq = variance && variance[i] > 0 && mu > 0 ? (mu * mu) / variance[i] : Math.max(mu, 0);
      mean += 1;
      v += 2 + (eq > 0 ? Math.min(1 / eq, 1e6) : 1e6);
    }
  }
  mean -= expected.length - ndf;
  const sd = Math.sqrt(Math.max(v, 1e-12));
  let z: number;
  if (!(mean > 0)) z = (chi2 - mean) / sd;
  else {
    const a = (sd * sd) / (2 * mean);
    const nu = (2 * mean * mean) / (sd * sd);
    const cdf = chisquareCdf(Math.max(chi2, 0) / a, nu);
    // Beyond the tail the CDF rounds to 0 or 1: the Gaussian z keeps the sign and stays finite.
    const zq = cdf > 0 && cdf < 1 ? normalQuantile(cdf, 0, 1) : NaN;
    z = Number.isFinite(zq) ? zq : (chi2 - mean) / sd;
  }
  return { chi2, ndf, mean, sd, z };
}
