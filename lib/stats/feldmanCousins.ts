/**
 * Feldman-Cousins confidence intervals for the mean mu >= 0 of a Gaussian measurement of unit
 * width (G. J. Feldman & R. D. Cousins, PRD 57 (1998) 3873, Sec. IV.B and Table X), by the full
 * Neyman construction with likelihood-ratio ordering on a fine grid of x:
 *
 *  - for each mu, the x axis is cut into cells of width dx (a fixed grid, cell edges at k dx);
 *    a cell's probability is exact, Phi(b - mu) - Phi(a - mu);
 *  - cells are ranked by R(x) = P(x|mu) / P(x|mu_best), mu_best = max(0, x), at the cell centre:
 *    ln R = -(x - mu)^2 / 2 for x >= 0 and x mu - mu^2 / 2 for x < 0 (FC Eq. 4.3);
 *  - cells are accepted in decreasing R until their probability reaches CL; R is unimodal in x
 *    (peak at x = mu), so the acceptance interval [x1(mu), x2(mu)] grows from the peak cell, and the
 *    last cell is taken fractionally so that x1, x2 vary continuously with mu;
 *  - the interval for an observed x0 is {mu : x1(mu) <= x0 <= x2(mu)}; its ends are found by Brent's
 *    method on x1(mu) = x0 (upper limit) and x2(mu) = x0 (lower limit, 0 when x2(0) >= x0).
 * At mu = 0 every x < 0 has R = 1, the acceptance interval is (-inf, Phi^-1(CL)].
 * The precision of the ends is about dx (default 1e-3).
 */
import normalCdf from "@stdlib/stats-base-dists-normal-cdf";
import normalQuantile from "@stdlib/stats-base-dists-normal-quantile";
import { brent } from "../math/brent.js";

/** Options of the Feldman-Cousins functions. */
export interface FeldmanCousinsOptions {
  /** Confidence level (default 0.9). */
  cl?: number;
  /** Width of the Gaussian (default 1): x and the interval scale with it. */
  sigma?: number;
  /** Grid step in x, in units of sigma (default 1e-3). */
  dx?: number;
}

function lnR(x: number, mu: number): number {
  return x >= 0 ? -0.5 * (x - mu) * (x - mu) : x * mu - 0.5 * mu * mu;
}

/**
 * Acceptance interval [x1, x2] of the unit-width construction at mean mu >= 0 (see the file header).
 *
 * @example
 * fcAcceptanceInterval(0); // => [-Infinity, 1.2816] (at mu = 0 the belt is x <= Phi^-1(0.9), FC Sec. IV.B)
 */
export function fcAcceptanceInterval(mu: number, cl = 0.9, dx = 1e-3): [number, number] {
  if (!(mu >= 0)) throw new Error(`fcAcceptanceInterval: mu must be >= 0, got ${mu}`);
  if (!(cl > 0 && cl < 1)) throw new Error(`fcAcceptanceInterval: cl must be in (0, 1), got ${cl}`);
  if (mu === 0) return [-Infinity, normalQuantile(cl, 0, 1)];
  const cellProb = (k: number): number => normalCdf((k + 1) * dx - mu, 0, 1) - normalCdf(k * dx - mu, 0, 1);
  const cellR = (k: number): number => lnR((k + 0.5) * dx, mu);
  const kPeak = Math.floor(mu / dx);
  let lo = kPeak; // accepted cells lo..hi
  let hi = kPeak;
  let sum = cellProb(kPeak);
  // Cells more than 12 sigma below mu hold < 1e-32 probability: the left side stops there, and the
  // left end is then where ln R equals the final right-end ln R (x1 = (lnR + mu^2/2) / mu).
  const kFloor = Math.floor((mu - 12) / dx);
  let lastSide = 0;
  let lastProb = sum;
  while (sum < cl) {
    const canLeft = lo - 1 >= kFloor;
    const rl = canLeft ? cellR(lo - 1) : -Infinity;
    const rr = cellR(hi + 1);
    if (rl > rr) {
      lo--;
      lastProb = cellProb(lo);
      lastSide = -1;
    } else {
      hi++;
      lastProb = cellProb(hi);
      lastSide = 1;
    }
    sum += lastProb;
  }
  // Take the last cell fractionally.
  const frac = lastProb > 0 ? 1 - (sum - cl) / lastProb : 1;
  let x1 = lo * dx;
  let x2 = (hi + 1) * dx;
  if (lastSide === -1) x1 = (lo + 1 - frac) * dx;
  else if (lastSide === 1) x2 = (hi + frac) * dx;
  if (lo <= kFloor) x1 = Math.min(x1, (lnR(x2, mu) + 0.5 * mu * mu) / mu);
  return [x1, x2];
}

/** A Feldman-Cousins interval; prints as "[lower, upper] (CL)". */
export class FeldmanCousinsInterval {
  constructor(
    readonly x: number,
    readonly sigma: number,
    readonly cl: number,
    readonly lower: number,
    readonly upper: number,
  ) {}

  /** True when the interval is an upper limit (lower end at the boundary). */
  get isUpperLimit(): boolean {
    return this.lower === 0;
  }

  toJSON(): Record<string, number | boolean> {
    return { x: this.x, sigma: this.sigma, cl: this.cl, lower: this.lower, upper: this.upper, isUpperLimit: this.isUpperLimit };
  }

  toString(): string {
    const f = (v: number) => String(Number(v.toPrecision(4)));
    return `Feldman-Cousins ${this.cl * 100} % CL for x = ${f(this.x)} +- ${f(this.sigma)}: [${f(this.lower)}, ${f(this.upper)}]`;
  }
}

/**
 * Feldman-Cousins interval for mu >= 0 from a measurement x +- sigma (default sigma 1, CL 0.9):
 * the unit-width construction applied to x / sigma, scaled back by sigma.
 *
 * @example
 * feldmanCousins(0).upper; // => 1.64 (Feldman-Cousins PRD 57 (1998) 3873, Table X, 90 % CL)
 * feldmanCousins(1).upper; // => 2.64 (Table X)
 * feldmanCousins(-2).upper; // => 0.40 (Table X)
 */
export function feldmanCousins(x: number, options: FeldmanCousinsOptions = {}): FeldmanCousinsInterval {
  const cl = options.cl ?? 0.9;
  const sigma = options.sigma ?? 1;
  const dx = options.dx ?? 1e-3;
  if (!(sigma > 0)) throw new Error(`feldmanCousins: sigma must be positive, got ${sigma}`);
  const x0 = x / sigma;
  const muTiny = 1e-6;
  // Upper end: x1(mu) = x0; x1 rises from -inf at mu = 0 to ~ mu - 1.64 for large mu.
  const fUp = (mu: number) => fcAcceptanceInterval(mu, cl, dx)[0] - x0;
  let hiMu = Math.max(x0, 0) + 3;
  while (fUp(hiMu) < 0) hiMu *= 2;
  const upper = brent(fUp, muTiny, hiMu, 1e-7);
  // Lower end: x2(mu) = x0 if x2(0) < x0, else 0.
  const x2zero = normalQuantile(cl, 0, 1);
  let lower = 0;
  if (x0 > x2zero) {
    const fLo = (mu: number) => fcAcceptanceInterval(mu, cl, dx)[1] - x0;
    lower = brent(fLo, muTiny, x0, 1e-7);
  }
  return new FeldmanCousinsInterval(x, sigma, cl, lower * sigma, upper * sigma);
}

/** The confidence belt: acceptance intervals [x1, x2] at each mu of a grid (unit width). */
export function feldmanCousinsBelt(mu: ArrayLike<number>, cl = 0.9, dx = 1e-3): { mu: Float64Array; x1: Float64Array; x2: Float64Array } {
  const m = Float64Array.from(mu);
  const x1 = new Float64Array(m.length);
  const x2 = new Float64Array(m.length);
  for (let i = 0; i < m.length; i++) [x1[i], x2[i]] = fcAcceptanceInterval(m[i], cl, dx);
  return { mu: m, x1, x2 };
}
