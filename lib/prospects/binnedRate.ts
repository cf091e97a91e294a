import { binAveragedRate } from "../analysis/binnedRates.js";
import { binAverages } from "../math/binAverages.js";
import { expectedRate } from "../rates/expectedRate.js";
import { experimentRate, experimentSource } from "../rates/experimentRate.js";
import type { ResponseSpec } from "../rates/response.js";
import type { ExperimentName } from "../reactor/experiments.js";
import type { ProcessName, XsecParams } from "../xsec/registry.js";

/**
 * Expected rate of a registered process at an experiment's site, counts/(keV kg day), at energies
 * tKeV (germanium target): `experimentRate` (lib/rates, which folds EPA rates as 0 below the
 * photoabsorption table), and without response the true rate with undefined (NaN) values as 0.
 */
export function siteRate(site: ExperimentName, process: ProcessName, tKeV: ArrayLike<number>, params: XsecParams = {}, response: ResponseSpec | false = false): Float64Array {
  if (response !== false) return experimentRate(site, process, tKeV, { params, response });
  return expectedRate(experimentSource(site), process, Float64Array.from(tKeV), { params }).map((v) => (Number.isFinite(v) ? v : 0));
}

/** Lowest true energy of the folding grid, keV: the floor `experimentRate` folds from. */
const LOWEST_TRUE_KeV = 0.01;

/**
 * Bin-averaged expected rate of a registered process at an experiment's site, counts/(keV kg day)
 * per bin (germanium target), with the detector response `response` (a spec, or false for true
 * deposited energy). Bin averages rather than bin-centre values: a 1/T^2 signal in a 1 keV bin at
 * 3 keV differs from its centre value by 2 %. One rule with the analysis: with a response this is
 * the analysis' `binAveragedRate` (the true rate folded on a fine grid from 0.01 keV, as
 * `experimentRate` folds, since prospects' thresholds go down to 0.1 keV; Gauss-Legendre nodes per
 * bin); without, the true rate ({@link siteRate}) averaged by the same Gauss-Legendre rule.
 */
export function binnedExperimentRate(site: ExperimentName, process: ProcessName, edgesKeV: ArrayLike<number>, params: XsecParams = {}, response: ResponseSpec | false = false): Float64Array {
  if (response === false) return binAverages((t) => siteRate(site, process, t, params, false), edgesKeV);
  return binAveragedRate(site, process, edgesKeV, { params, response, lowestTrueKeV: LOWEST_TRUE_KeV });
}
