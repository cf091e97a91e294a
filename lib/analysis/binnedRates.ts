/**
 * Expected signal and weak rates averaged over analysis bins, as the detector measures them: the
 * true rate (`experimentRate` without response) on a fine log grid, folded with the experiment's
 * resolution (`applyResponse`), then averaged over each bin with Gauss-Legendre nodes. Results are
 * cached per experiment, process, parameters, response and binning (pseudo-experiments reuse them).
 *
 * Response: GEMMA corrects its spectra for the threshold efficiency of GEMMA (4) (paper Sec. 3,
 * correction 2), so a spectra file holds efficiency-corrected counts and the signal it is compared
 * with is the resolution-folded rate without the efficiency ("corrected", the default). "full"
 * also applies the efficiency (for uncorrected spectra).
 *
 * The fine grid starts at max(0.2 keV, lowest edge - 8 sigma), inside the 0.1 keV - 1 MeV range of
 * the photoabsorption table the atomic-ionization (EPA) rate needs; the true rate below 0.2 keV,
 * > 5 sigma from any bin above 1.5 keV, is left out (negligible). Bins near a sub-keV threshold
 * (the prospects) need the grid lower (`lowestTrueKeV`, down to the 0.01 keV of `experimentRate`);
 * a rate undefined there (EPA below its table) is then taken as 0, as `experimentRate` does.
 *
 * The average over each bin is the project's one bin-averaging rule, `binAverages` (lib/math).
 */
import { MeV_PER_keV } from "../constants.js";
import { germaniumResolution } from "../detector/resolution.js";
import { binAverages } from "../math/binAverages.js";
import { EXPERIMENT_NAMES, type ExperimentName } from "../reactor/experiments.js";
import { experimentRate, experimentSource } from "../rates/experimentRate.js";
import { logGrid } from "../math/logGrid.js";
import { applyResponse, DEFAULT_RESPONSES, type ResponseSpec } from "../rates/response.js";
import type { ProcessName, XsecParams } from "../xsec/registry.js";

/** How the signal is folded: "corrected" (resolution only, default), "full" (with the efficiency), or a spec. */
export type SignalResponse = "corrected" | "full" | ResponseSpec;

/** Options of {@link binAveragedRate}. */
export interface BinAveragedRateOptions {
  params?: XsecParams;
  response?: SignalResponse;
  /** Gauss-Legendre nodes per bin (default 4). */
  nodesPerBin?: number;
  /** Lowest true energy of the folding grid, keV (default 0.2; see the file header). */
  lowestTrueKeV?: number;
}

/** The response spec for an experiment and a {@link SignalResponse}. */
export function responseSpec(experiment: ExperimentName, response: SignalResponse = "corrected"): ResponseSpec {
  const d = DEFAULT_RESPONSES[experiment];
  if (response === "corrected") return { sigma0KeV: d.sigma0KeV };
  if (response === "full") return d;
  return response;
}

/** The experiment of a spectra file's `experiment` field ("GEMMA", "gemma" -> "gemma"), or a clear error. */
export function experimentNameOf(name: string): ExperimentName {
  const key = name.toLowerCase().replace(/[^a-z0-9]/g, "").replace(/^gemmaii$/, "gemma2");
  const found = EXPERIMENT_NAMES.find((e) => e === key);
  if (!found) throw new Error(`experiment ${JSON.stringify(name)}: the signal rates need one of ${EXPERIMENT_NAMES.join(", ")} (data/experiments/<name>.json)`);
  return found;
}

const cache = new Map<string, Float64Array>();

/** Bin-averaged measured rate, counts/(keV kg day), for the n bins of `edgesKeV` (see the file header). */
export function binAveragedRate(experiment: ExperimentName, process: ProcessName, edgesKeV: ArrayLike<number>, opts: BinAveragedRateOptions = {}): Float64Array {
  const spec = responseSpec(experiment, opts.response);
  const order = opts.nodesPerBin ?? 4;
  const floorKeV = opts.lowestTrueKeV ?? 0.2;
  if (!(floorKeV > 0)) throw new Error(`binAveragedRate: the lowest true energy must be > 0 keV, got ${floorKeV}`);
  const key = JSON.stringify([experiment, process, opts.params ?? {}, spec, order, floorKeV, Array.from(edgesKeV)]);
  const hit = cache.get(key);
  if (hit) return Float64Array.from(hit);
  const n = edgesKeV.length - 1;
  if (n < 1) throw new Error("binAveragedRate: need at least two edges");
  const lo = edgesKeV[0];
  const hi = edgesKeV[n];
  const sigma = (eKeV: number) => germaniumResolution(spec.sigma0KeV * MeV_PER_keV)(eKeV * MeV_PER_keV) / MeV_PER_keV;
  const fine = logGrid(Math.max(floorKeV, lo - 8 * sigma(lo)), hi + 8 * sigma(hi), 800);
  const trueRate = experimentRate(experiment, process, fine, { params: opts.params }).map((v) => (Number.isFinite(v) ? v : 0));
  const out = binAverages((nodes) => applyResponse(fine, trueRate, nodes, spec), edgesKeV, order);
  cache.set(key, Float64Array.from(out));
  return out;
}

/** Total antineutrino flux the rates of an experiment are computed with, cm^-2 s^-1. */
export function modelFluxPerCm2s(experiment: ExperimentName): number {
  return experimentSource(experiment).fluxPerCm2s.total;
}
