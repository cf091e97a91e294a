/**
 * The Asimov expected limit from an experiment's published conditions (data/experiments/*.json):
 * a flat background at the stated level, the GEMMA chain of chi^2(X, K) per period (Eq. 7), the
 * 4.0 % systematic (Eq. 8), the PDG renormalisation. TEXONO's file states no ROI: its 12-60 keV
 * window (`TEXONO_ROI_KEV`, TEXONO PRL 90 (2003) 131802) is used. GEMMA-II states no ROI, background
 * or exposure and is refused with a message. Spectrum-level pseudo-experiments with a shaped
 * background are in `spectraToy.ts` / `pseudoExperiments.ts`.
 */
import type { Roi } from "../fit/roi.js";
import { BACKGROUND_DOMAIN, BIN_KEV_DOMAIN } from "./domains.js";
import { CL_DOMAIN, validateOptions, type OptionRule } from "../validateOptions.js";
import { experimentRate } from "../rates/experimentRate.js";
import { linearGrid } from "../math/linearGrid.js";
import { loadExperiment, type ExperimentName } from "../reactor/experiments.js";
import { asimovGemmaLimit } from "./asimovGemma.js";
import { MAGNETIC_MODELS, magneticProcess, type MagneticModel } from "./models.js";
import { TEXONO_ROI_KEV } from "./spectraToy.js";

export { MAGNETIC_MODELS, type MagneticModel };

export interface SensitivityOptions {
  model?: MagneticModel;
  /** Bin width, keV (default 1). */
  binKeV?: number;
  /** Flat background, counts/(keV kg day) (default: the experiment's stated level). */
  backgroundPerKeVKgDay?: number;
  /** ROI (default: the experiment's). */
  roi?: Roi;
  /**
   * How the OFF spectrum enters (GEMMA Sec. 3): "smooth" = a fitted smooth curve (a cubic
   * Legendre polynomial fitted to the OFF spectrum, its covariance propagated), "raw" = the OFF
   * counts bin by bin.
   */
  off?: "smooth" | "raw";
  /** Profile over K (GEMMA, default) or fix K = 1. */
  profileK?: boolean;
  cl?: number;
}

/** Run-time rules of {@link SensitivityOptions} (lib/validateOptions.ts). */
export const SENSITIVITY_RULES: Readonly<Record<keyof Required<SensitivityOptions>, OptionRule>> = {
  model: { kind: "choice", choices: MAGNETIC_MODELS },
  binKeV: { kind: "number", ...BIN_KEV_DOMAIN },
  backgroundPerKeVKgDay: { kind: "number", ...BACKGROUND_DOMAIN },
  roi: { kind: "any" },
  off: { kind: "choice", choices: ["smooth", "raw"] },
  profileK: { kind: "boolean" },
  cl: { kind: "number", ...CL_DOMAIN },
};

export interface PeriodSensitivity {
  name: string;
  on_days: number;
  off_days: number;
  x_err: number;
}

export interface SensitivityResult {
  experiment: string;
  model: MagneticModel;
  method: "pdg";
  x_hat: number;
  x_err: number;
  x_upper: number;
  mu_upper_mub: number;
  cl: number;
  periods: PeriodSensitivity[];
  inputs: { mass_kg: number; background_per_kev_kg_day: number; roi_kev: number[][]; bin_kev: number; off: string; profile_k: boolean; rel_syst: number; flux_per_cm2_s_source: string };
  published_mu_upper_mub: number | null;
}

/**
 * The expected (median, X = 0) 90 % CL limit from an experiment's published conditions, with the
 * Asimov data set: ON and OFF spectra equal to their expectations (flat background at the stated
 * level, plus the weak term in ON), analysed as GEMMA does (chi2(X, K) of Eq. 7 per period, the
 * profile over K, the 4.0 % systematic of Eq. 8, the product of the periods' probability curves,
 * PDG renormalisation to X >= 0). With Asimov data X_hat = 0, so the limit is the median one.
 *
 * @example
 * const r = expectedSensitivity("gemma");
 * r.published_mu_upper_mub; // => 3.2e-11 (mu_B, the GEMMA limit, Eq. 9)
 * r.x_upper / r.x_err; // => 1.64 (Asimov data: X = 0, the PDG limit of x = 0 is 1.645 sigma, less a little for the systematic)
 */
export function expectedSensitivity(name: ExperimentName, opts: SensitivityOptions = {}): SensitivityResult {
  validateOptions("sensitivity options", opts, SENSITIVITY_RULES);
  const exp = loadExperiment(name);
  const model = opts.model ?? "fe";
  if (name === "gemma2" && (opts.roi === undefined || opts.backgroundPerKeVKgDay === undefined)) {
    throw new Error(
      `${exp.file}: GEMMA-II states no ROI, no background level and no ON/OFF exposure periods (the sources give only the 0.30-0.35 keV threshold, 4 x 400 g and "2 years"): an expected limit needs them; pass roi and backgroundPerKeVKgDay, and add exposure periods to the file`,
    );
  }
  const mass = exp.detector.mass.value;
  const b = opts.backgroundPerKeVKgDay ?? exp.detector.background?.value;
  if (b === undefined) throw new Error(`${exp.file}: no background level stated; pass backgroundPerKeVKgDay`);
  // TEXONO: the 12-60 keV window (TEXONO_ROI_KEV, sourced there) when the file states none.
  const roi = opts.roi ?? exp.detector.roi?.value ?? (name === "texono" ? TEXONO_ROI_KEV : undefined);
  if (!roi) throw new Error(`${exp.file}: no ROI stated; pass roi`);
  const lo = Math.min(...roi.map((r) => r[0]));
  const hi = Math.max(...roi.map((r) => r[1]));
  const bin = opts.binKeV ?? 1;
  const nb = Math.max(1, Math.round((hi - lo) / bin));
  const edges = linearGrid(lo, lo + nb * bin, nb + 1);
  const centres = edges.slice(0, nb).map((e, i) => 0.5 * (e + edges[i + 1]));
  // Rates at bin centres: the bins are narrow against the 1/T variation above 3 keV (1 keV bins:
  // the centre value differs from the bin average by (w/T)^2/12 < 1 %).
  const em = experimentRate(name, magneticProcess(model), centres, { params: { muNu_muB: 1e-11 }, response: true });
  const weak = experimentRate(name, "weak", centres, { response: true });
  const periods = exp.exposure?.periods ?? [];
  if (periods.length === 0) throw new Error(`${exp.file}: no exposure periods`);
  const toDays = (q: { value: number; unit: string } | undefined, what: string) => {
    if (!q) throw new Error(`${exp.file}: a period has no ${what} time`);
    return q.unit === "h" ? q.value / 24 : q.value;
  };
  const off = opts.off ?? "smooth";
  const asimov = asimovGemmaLimit(
    {
      edgesKeV: edges,
      roi,
      binKeV: bin,
      massKg: mass,
      backgroundPerKeVKgDay: b,
      signalPerKeVKgDay: em,
      smPerKeVKgDay: weak,
      periods: periods.map((p) => ({ name: p.name, onDays: toDays(p.on, "ON"), offDays: toDays(p.off, "OFF") })),
    },
    { off, profileK: opts.profileK, cl: opts.cl },
  );
  const { limit, relSyst, cl } = asimov;
  const m = limit.total.moments();
  const published = exp.results?.limits?.find((l) => (model === "epa" ? l.mechanism === "atomic-ionization" : l.mechanism === "free-electron"));
  return {
    experiment: exp.name,
    model,
    method: "pdg",
    x_hat: m.mean,
    x_err: m.sd,
    x_upper: limit.xLimit,
    mu_upper_mub: limit.muLimit,
    cl,
    periods: asimov.periods.map((p) => ({ name: p.name, on_days: p.onDays, off_days: p.offDays, x_err: p.xErr })),
    inputs: { mass_kg: mass, background_per_kev_kg_day: b, roi_kev: roi.map((r) => [r[0], r[1]]), bin_kev: bin, off, profile_k: opts.profileK !== false, rel_syst: relSyst, flux_per_cm2_s_source: "computed from the experiment's power and distance (nuem flux)" },
    published_mu_upper_mub: published ? published.value : null,
  };
}
