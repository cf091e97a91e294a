/**
 * Upper limits by the "bounded physical region" renormalisation that GEMMA applies (GEMMA paper,
 * Sec. 3 before Eq. 9, following the Particle Data Group's Review, "Statistics" chapter, Bayesian
 * upper limit with a flat prior for a bounded parameter, and Beda et al. 2007): keep the part of
 * the probability curve with X >= 0, renormalise it to unit area, and take the X below which a
 * fraction CL of the area lies.
 *
 * For a Gaussian x +- sigma this has the closed form
 *   X_up = x + sigma Phi^-1(1 - (1 - CL) Phi(x / sigma)),
 * from [Phi((X_up - x)/sigma) - Phi(-x/sigma)] / [1 - Phi(-x/sigma)] = CL; x = 0 gives
 * Phi^-1(1 - (1 - CL)/2) sigma = 1.6449 sigma at 90 % CL.
 */
import { logNormalCdf, normalQuantileFromLog } from "./normalTail.js";

function checkCl(cl: number): void {
  if (!(cl > 0 && cl < 1)) throw new Error(`confidence level must be in (0, 1), got ${cl}`);
}

/**
 * Closed-form renormalised upper limit for a Gaussian measurement x +- sigma (see the file header).
 *
 * @example
 * pdgUpperLimit(0, 1); // => 1.6449 (x = 0: Phi^-1(0.95) sigma; Feldman-Cousins PRD 57 (1998) 3873, Table X: 1.64)
 * pdgUpperLimit(10, 1); // => 11.2816 (x >> sigma: x + Phi^-1(0.9) sigma, the unrenormalised limit)
 */
export function pdgUpperLimit(x: number, sigma: number, cl = 0.9): number {
  checkCl(cl);
  if (!(sigma > 0)) throw new Error(`pdgUpperLimit: sigma must be positive, got ${sigma}`);
  // X_up = x - sigma Phi^-1(q) with q = (1 - CL) Phi(x/sigma): the same formula written with the
  // lower-tail quantile, in logarithms, so that it keeps its precision when x << 0 (q tiny).
  return x - sigma * normalQuantileFromLog(Math.log(1 - cl) + logNormalCdf(x / sigma));
}

/**
 * Renormalised upper limit of a probability density given on an increasing grid (any
 * normalisation): the density is taken piecewise linear between grid points, the part below
 * X = 0 is dropped (the density at 0 interpolated), and the CL quantile of the rest is found
 * exactly for the piecewise-linear density (trapezoid areas, a quadratic inside the last cell).
 * The error is O(h^2) in the grid step h.
 *
 * @example
 * upperLimitOnGrid([0, 1, 2], [1, 1, 1]); // => 1.8 (a flat density on [0, 2]: 90 % of the way)
 */
export function upperLimitOnGrid(x: ArrayLike<number>, density: ArrayLike<number>, cl = 0.9, lowerBound = 0): number {
  checkCl(cl);
  const n = x.length;
  if (density.length !== n || n < 2) throw new Error(`upperLimitOnGrid: need matching grid and density of length >= 2`);
  // Piecewise-linear cells restricted to [lowerBound, x_max].
  const xs: number[] = [];
  const ps: number[] = [];
  for (let i = 0; i < n; i++) {
    if (i > 0 && !(x[i] > x[i - 1])) throw new Error(`upperLimitOnGrid: grid must increase at ${i}`);
    if (!(density[i] >= 0)) throw new Error(`upperLimitOnGrid: density must be >= 0 (at ${i}: ${density[i]})`);
  }
  if (x[n - 1] <= lowerBound) throw new Error(`upperLimitOnGrid: grid ends below the bound ${lowerBound}`);
  for (let i = 0; i < n; i++) {
    if (x[i] < lowerBound) {
      if (x[i + 1] > lowerBound) {
        const t = (lowerBound - x[i]) / (x[i + 1] - x[i]);
        xs.push(lowerBound);
        ps.push(density[i] + t * (density[i + 1] - density[i]));
      }
      continue;
    }
    xs.push(x[i]);
    ps.push(density[i]);
  }
  const m = xs.length;
  const area = new Float64Array(m);
  for (let i = 1; i < m; i++) area[i] = area[i - 1] + 0.5 * (ps[i] + ps[i - 1]) * (xs[i] - xs[i - 1]);
  const total = area[m - 1];
  if (!(total > 0)) throw new Error("upperLimitOnGrid: no probability above the bound");
  const target = cl * total;
  let i = 1;
  while (i < m - 1 && area[i] < target) i++;
  // Inside [x_{i-1}, x_i]: p(t) = p0 + s t, area(t) = p0 t + s t^2/2 = need.
  const need = target - area[i - 1];
  const h = xs[i] - xs[i - 1];
  const p0 = ps[i - 1];
  const s = (ps[i] - p0) / h;
  let t: number;
  if (Math.abs(s) * h < 1e-12 * Math.max(p0, 1e-300)) t = need / p0;
  else {
    // Stable root of s t^2/2 + p0 t - need = 0.
    const disc = Math.max(p0 * p0 + 2 * s * need, 0);
    t = (2 * need) / (p0 + Math.sqrt(disc));
  }
  return xs[i - 1] + Math.min(Math.max(t, 0), h);
}
