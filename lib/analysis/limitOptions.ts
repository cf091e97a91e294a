/**
 * The options of `analyseSpectra` checked at run time (lib/validateOptions.ts): every key known,
 * every value in its domain, and no option that another one would make ignored.
 */
import { CL_DOMAIN, validateOptions, type OptionConflict, type OptionRule } from "../validateOptions.js";
import { BACKGROUND_KINDS, type BackgroundKind } from "./backgroundFit.js";
import { COUPLINGS, MAGNETIC_MODELS, type MagneticModel } from "./models.js";
import type { AnalysisChoice, PeriodAnalysisOptions } from "./periodAnalysis.js";
import { LIMIT_PROCEDURES, type LimitProcedure } from "./procedure.js";

/** Statistical methods of the limit. */
export type LimitMethod = "pdg" | "fc" | "profile";
export const LIMIT_METHODS: readonly LimitMethod[] = ["pdg", "fc", "profile"];

/** Options of {@link analyseSpectra}. */
export interface AnalyseSpectraOptions extends PeriodAnalysisOptions {
  model?: MagneticModel;
  method?: LimitMethod;
  /** Confidence level (default 0.9). */
  cl?: number;
  /** OFF background of the single choice (default {@link DEFAULT_BACKGROUND}, "raw"). */
  background?: BackgroundKind;
  /** Analysis alternatives to sum (default: one, the file's ROI and bins with `background`); "gemma" = `GEMMA_ALTERNATIVES` (limit.ts). */
  alternatives?: readonly AnalysisChoice[] | "gemma";
  /** X-proportional systematic (default sqrt(0.9^2 + 1.7^2 + 3.5^2) % = 3.99 %, GEMMA Eq. 8). */
  relSyst?: number;
  /** Threshold of the profile-likelihood limit (default "two-sided", see profileLikelihood.ts). */
  profileThreshold?: "two-sided" | "one-sided";
  /**
   * A named procedure ("paper": GEMMA's as published; "full": the same with the OFF curve's
   * covariance propagated; `procedure.ts`): sets offErrors, method and alternatives; explicit
   * options that contradict it are refused.
   */
  procedure?: LimitProcedure;
}

/**
 * The default OFF background: the raw OFF spectrum bin by bin. Chosen from the background-model
 * study (notebook 07, data/coverage/bias-*.json): on every true background tried (flat, exponential
 * rise, GEMMA-like, steep rise with a slope and the Ga lines, power law) its pulls have mean
 * compatible with 0 and width 1, while the GEL fit is biased by +0.36 sigma on a steep threshold
 * rise, the spline by up to +3.5 sigma and the degree-5 polynomial by +0.8 to +3.3 sigma; its error on X is
 * within a few per cent of the GEL curve's with its covariance propagated.
 */
export const DEFAULT_BACKGROUND: BackgroundKind = "raw";

/** One rule per key of AnalyseSpectraOptions (the type makes a new option need its rule). */
const RULES: Readonly<Record<keyof Required<AnalyseSpectraOptions>, OptionRule>> = {
  model: { kind: "choice", choices: MAGNETIC_MODELS },
  coupling: { kind: "choice", choices: COUPLINGS },
  method: { kind: "choice", choices: ["pdg", "fc", "profile"] },
  cl: { kind: "number", ...CL_DOMAIN },
  background: { kind: "choice", choices: BACKGROUND_KINDS },
  alternatives: { kind: "any" },
  relSyst: { kind: "number", min: 0, max: 1, maxExclusive: true, note: "a relative uncertainty" },
  profileThreshold: { kind: "choice", choices: ["two-sided", "one-sided"] },
  offErrors: { kind: "choice", choices: ["correlated", "diagonal", "none"] },
  onVariance: { kind: "choice", choices: ["expected", "observed"] },
  response: { kind: "any" },
  kRoiKeV: { kind: "any" },
  fixK: { kind: "number", min: 0, minExclusive: true, note: "the fixed ratio K of the section" },
  backgroundStarts: { kind: "any" },
  polynomialDegree: { kind: "number", min: 0, max: 20, integer: true },
  splineBinKeV: { kind: "number", min: 0, minExclusive: true, unit: "keV" },
  start: { kind: "any" },
  quadOrder: { kind: "number", min: 1, max: 20, integer: true },
  procedure: { kind: "choice", choices: LIMIT_PROCEDURES },
};

const CONFLICTS: readonly OptionConflict[] = [];

/** Throws naming the key when the options of analyseSpectra are unknown, out of domain or in conflict. */
export function checkAnalyseSpectraOptions(options: AnalyseSpectraOptions | undefined): void {
  const where = "analyseSpectra options";
  validateOptions(where, options, RULES, CONFLICTS);
  if (!options) return;
  const alt = options.alternatives;
  if (Array.isArray(alt) && alt.length === 0) throw new Error(`${where}: "alternatives" is empty; give at least one analysis choice, "gemma", or leave it out`);
  if (alt !== undefined && alt !== "gemma" && !Array.isArray(alt)) throw new Error(`${where}: option "alternatives" is ${JSON.stringify(alt)}, expected "gemma" or an array of analysis choices`);
  // The default background applies only to choices that name none: refuse it when none would use it.
  if (options.background !== undefined && alt !== undefined && (alt === "gemma" || alt.every((c) => c.background !== undefined))) {
    throw new Error(`${where}: "background" and "alternatives" cannot be combined here: every alternative names its own background, so "background": ${JSON.stringify(options.background)} would be ignored`);
  }
  const kinds = alt === undefined ? [options.background ?? DEFAULT_BACKGROUND] : alt === "gemma" ? ["gel", "spline"] : alt.map((c) => c.background ?? options.background ?? DEFAULT_BACKGROUND);
  if (options.procedure === undefined && options.offErrors !== undefined && kinds.every((k) => k === "raw")) throw new Error(`${where}: "offErrors" applies to a fitted OFF curve; with background "raw" the OFF counts enter bin by bin and it would be ignored`);
  if (options.profileThreshold !== undefined && (options.method ?? "pdg") !== "profile") throw new Error(`${where}: "profileThreshold" applies to method "profile" only (method is ${JSON.stringify(options.method ?? "pdg")})`);
  if (Array.isArray(alt)) {
    alt.forEach((c, i) =>
      validateOptions(`analyseSpectra options: alternatives[${i}]`, c, {
        label: { kind: "string" },
        background: { kind: "choice", choices: BACKGROUND_KINDS },
        roiLowKeV: { kind: "number", min: 0, minExclusive: true, unit: "keV" },
        roiLowShiftKeV: { kind: "number", min: -10, max: 10, unit: "keV", note: "a shift of each period's own ROI low edge" },
        binKeV: { kind: "number", min: 0, minExclusive: true, unit: "keV" },
        weight: { kind: "number", min: 0, minExclusive: true, note: "a weight in the sum of alternatives" },
      }),
    );
  }
}
