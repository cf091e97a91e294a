import { expectedRate } from "../rates/expectedRate.js";
import { experimentRate, experimentSource } from "../rates/experimentRate.js";
import type { ResponseSpec } from "../rates/response.js";
import type { ExperimentName } from "../reactor/experiments.js";
import type { ProcessName, XsecParams } from "../xsec/registry.js";

/** Points per bin of the composite Simpson rule (even number of intervals). */
const SIMPSON_INTERVALS = 8;

/**
 * Bin averages of a rate density r(T) given as a function on a grid of keV: composite Simpson's
 * rule with 8 intervals per bin, (1/w) integral_bin r dT. The sub-points of all bins go through
 * `rate` in one call (so a folded rate is folded once).
 */
export function binAverages(rate: (tKeV: Float64Array) => Float64Array, edgesKeV: ArrayLike<number>): Float64Array {
  const nb = edgesKeV.length - 1;
  if (nb < 1) throw new Error("binAverages: need at least two edges");
  const m = SIMPSON_INTERVALS;
  const pts = new Float64Array(nb * m + 1);
  for (let i = 0; i < nb; i++) {
    const a = edgesKeV[i];
    const b = edgesKeV[i + 1];
    if (!(b > a)) throw new Error(`binAverages: edges must increase (at ${i})`);
    for (let k = 0; k < m; k++) pts[i * m + k] = a + ((b - a) * k) / m;
  }
  pts[nb * m] = edgesKeV[nb];
  const r = rate(pts);
  const out = new Float64Array(nb);
  for (let i = 0; i < nb; i++) {
    let s = r[i * m] + r[(i + 1) * m];
    for (let k = 1; k < m; k++) s += (k % 2 === 1 ? 4 : 2) * r[i * m + k];
    out[i] = s / (3 * m);
  }
  return out;
}

/**
 * Expected rate of a registered process at an experiment's site, counts/(keV kg day), at energies
 * tKeV (germanium target): `experimentRate` (lib/rates, which folds EPA rates as 0 below the
 * photoabsorption table), and without response the true rate with undefined (NaN) values as 0.
 */
export function siteRate(site: ExperimentName, process: ProcessName, tKeV: ArrayLike<number>, params: XsecParams = {}, response: ResponseSpec | false = false): Float64Array {
  if (response !== false) return experimentRate(site, process, tKeV, { params, response });
  return expectedRate(experimentSource(site), process, Float64Array.from(tKeV), { params }).map((v) => (Number.isFinite(v) ? v : 0));
}

/**
 * Bin-averaged expected rate of a registered process at an experiment's site, counts/(keV kg day)
 * per bin (germanium target, {@link siteRate}), with the detector response `response` (a spec, or
 * false for true deposited energy). Bin averages rather than bin-centre values: a 1/T^2 signal in
 * a 1 keV bin at 3 keV differs from its centre value by 2 %.
 */
export function binnedExperimentRate(site: ExperimentName, process: ProcessName, edgesKeV: ArrayLike<number>, params: XsecParams = {}, response: ResponseSpec | false = false): Float64Array {
  return binAverages((t) => siteRate(site, process, t, params, response), edgesKeV);
}
