import { MeV_PER_keV } from "../constants.js";
import { germaniumResolution } from "../detector/resolution.js";
import { experimentCore, loadExperiment, type ExperimentName } from "../reactor/experiments.js";
import { reactorSpectrum, type ReactorCoreConfig, type ReactorSpectrum } from "../reactor/reactorSpectrum.js";
import type { ProcessName, XsecParams } from "../xsec/registry.js";
import { expectedRate } from "./expectedRate.js";
import { logGrid } from "../math/logGrid.js";
import { applyResponse, DEFAULT_RESPONSES, type ResponseSpec } from "./response.js";

const sources = new Map<string, ReactorSpectrum>();

/** The reactor spectrum at an experiment's detector (cached per experiment and overrides). */
export function experimentSource(name: ExperimentName, overrides: Partial<ReactorCoreConfig> = {}): ReactorSpectrum {
  const key = `${name}:${JSON.stringify(overrides)}`;
  let s = sources.get(key);
  if (!s) {
    s = reactorSpectrum(experimentCore(loadExperiment(name), overrides));
    sources.set(key, s);
  }
  return s;
}

export interface ExperimentRateOptions {
  params?: XsecParams;
  /** Fold with the detector response: true for the experiment's default, or a spec. */
  response?: boolean | ResponseSpec;
  /** Reactor-model overrides (spectrum model, capture, ...). */
  reactor?: Partial<ReactorCoreConfig>;
}

/**
 * Expected rate of a process at an experiment, counts/(keV kg day), at energies tKeV: true
 * deposited energy, or measured energy when `response` is set (then the true spectrum is computed
 * on a fine log grid reaching 8 sigma below and above and folded).
 *
 * @example
 * const mu1 = experimentRate("gemma", "em-fe", [10], { params: { muNu_muB: 1e-11 } })[0];
 * const mu2 = experimentRate("gemma", "em-fe", [10], { params: { muNu_muB: 2e-11 } })[0];
 * mu2 / mu1; // => 4 (the magnetic term goes as mu^2, GEMMA Eq. 2)
 */
export function experimentRate(name: ExperimentName, process: ProcessName, tKeV: ArrayLike<number>, opts: ExperimentRateOptions = {}): Float64Array {
  const source = experimentSource(name, opts.reactor);
  const out = Float64Array.from(tKeV);
  if (!opts.response) return expectedRate(source, process, out, { params: opts.params });
  const spec = opts.response === true ? DEFAULT_RESPONSES[name] : opts.response;
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of out) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  const sigmaHi = germaniumResolution(spec.sigma0KeV * MeV_PER_keV)(hi * MeV_PER_keV) / MeV_PER_keV;
  const fine = logGrid(Math.max(0.01, lo - 8 * spec.sigma0KeV), hi + 8 * sigmaHi, 600);
  // Atomic-ionization (EPA) rates are undefined below the photoabsorption table (0.1 keV): they
  // are taken as 0 there before folding, which drops signal far below any threshold (conservative).
  const trueRate = expectedRate(source, process, fine, { params: opts.params }).map((v) => (Number.isFinite(v) ? v : 0));
  return applyResponse(fine, trueRate, out, spec);
}
