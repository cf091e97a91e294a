/**
 * Normal CDF and quantile deep in the lower tail, where the @stdlib quantile degrades (checked
 * against scipy's ndtri: relative error 2e-9 at p = 1e-10, 1e-5 at 1e-14, 1.5e-3 at 1e-16, and
 * -Infinity below ~1e-17, while the @stdlib CDF stays accurate) and Phi itself underflows
 * (z < -38): ln Phi(z) and its inverse. ln Phi from the @stdlib CDF down to z = -30, below that from
 * the asymptotic series of the Mills ratio (Abramowitz & Stegun 26.2.12):
 * Phi(z) = phi(z)/|z| (1 - 1/z^2 + 3/z^4 - 15/z^6 + 105/z^8 - ...), truncation error < 1e-11 there.
 * The inverse: @stdlib for p >= 1e-6; below, Newton's method on ln Phi(z) = L
 * (d ln Phi / dz = phi / Phi), started from @stdlib (or from -sqrt(-2L) where it gives up).
 */
import normalCdf from "@stdlib/stats-base-dists-normal-cdf";
import normalQuantile from "@stdlib/stats-base-dists-normal-quantile";

const LN_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/**
 * ln Phi(z), accurate also where Phi underflows.
 *
 * @example
 * logNormalCdf(0); // => -0.6931472 (ln 1/2)
 */
export function logNormalCdf(z: number): number {
  if (z > -30) return Math.log(normalCdf(z, 0, 1));
  const r = 1 / (z * z);
  const series = 1 - r * (1 - 3 * r * (1 - 5 * r * (1 - 7 * r * (1 - 9 * r))));
  return -0.5 * z * z - Math.log(-z) - LN_SQRT_2PI + Math.log(series);
}

/**
 * z with ln Phi(z) = logP (logP <= 0): the standard normal quantile of p = exp(logP), also for p << 1e-300.
 *
 * @example
 * normalQuantileFromLog(Math.log(0.05)); // => -1.6448536 (Phi^-1(0.05))
 */
export function normalQuantileFromLog(logP: number): number {
  if (!(logP <= 0)) throw new Error(`normalQuantileFromLog: need ln p <= 0, got ${logP}`);
  if (logP >= Math.log(1e-6)) return normalQuantile(Math.exp(logP), 0, 1);
  let z = logP >= Math.log(1e-15) ? normalQuantile(Math.exp(logP), 0, 1) : -Math.sqrt(-2 * logP);
  for (let i = 0; i < 100; i++) {
    const lp = logNormalCdf(z);
    const dlog = Math.exp(-0.5 * z * z - LN_SQRT_2PI - lp); // phi(z) / Phi(z)
    const step = (lp - logP) / dlog;
    z -= step;
    if (Math.abs(step) < 1e-14 * Math.abs(z)) break;
  }
  return z;
}
