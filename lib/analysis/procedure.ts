/**
 * Named limit procedures: one name for a whole set of analysis options, so that "the paper's
 * procedure" means one thing in the library, the CLI and the notebooks.
 *
 * "paper": GEMMA's procedure as published (PPNL 10 (2013) 139, Sec. 3):
 *  - the OFF spectrum "is a smooth curve": fitted in the ROI with "a sum of Gaussian, exponential
 *    and linear functions ... or with splines", and the ON spectrum compared "channel by channel
 *    with the obtained background curve" (Sec. 3): the curve is used as the background, its fit
 *    uncertainty is not said to enter the chi-square (offErrors "none");
 *  - X and K both free, the chart chi^2(X, K) projected onto X: "Projection (not a section!)";
 *  - the 4.0 % X-proportional systematic of Eq. (8);
 *  - the sum of the distributions of "different reasonable combinations" of background function
 *    and ROI edges (Fig. 6);
 *  - the PDG renormalisation, X_90 of the X >= 0 part (Eq. 9).
 * "full": the same, with the OFF curve's fit covariance propagated (offErrors "correlated": the
 * background parameters float with the constraint of the OFF fit).
 *
 * Alternatives (project choice; the paper lists neither its combinations nor their weights): the
 * two background functions it names (GEL, spline) x the file's bins and 1 keV bins x, for GEMMA, the
 * two ROI low edges it quotes (2.9 and 3.0 keV, Sec. 3 and footnote 4) as each period's own edge and
 * 0.1 keV below it; for another experiment the file's ROI. Equal weights.
 */
import type { SpectraFile } from "../spectra/spectraFile.js";
import type { BackgroundKind } from "./backgroundFit.js";
import type { AnalysisChoice, OffErrors } from "./periodAnalysis.js";

/** The named procedures. */
export type LimitProcedure = "paper" | "full";
export const LIMIT_PROCEDURES: readonly LimitProcedure[] = ["paper", "full"];

/** What a procedure fixes. */
export interface ProcedureSettings {
  offErrors: OffErrors;
  method: "pdg";
  /** Relative X systematic of GEMMA Eq. (8) (undefined: the library's Eq. (8) value). */
  relSyst: undefined;
  /** Section at fixed K: never (the projection). */
  fixK: undefined;
}

/** The settings of a procedure (see the file header). */
export function procedureSettings(procedure: LimitProcedure): ProcedureSettings {
  if (procedure === "paper") return { offErrors: "none", method: "pdg", relSyst: undefined, fixK: undefined };
  if (procedure === "full") return { offErrors: "correlated", method: "pdg", relSyst: undefined, fixK: undefined };
  throw new Error(`unknown procedure ${JSON.stringify(procedure)} (expected one of ${LIMIT_PROCEDURES.join(", ")})`);
}

/** How an alternative sets the ROI low edge: a common edge for every period, or each period's own edge shifted. */
export type RoiVariant = { roiLowKeV?: number; roiLowShiftKeV?: number };

/** The ROI part of an alternative's label ("" for each period's own ROI). */
export function roiLabel(c: RoiVariant): string {
  if (c.roiLowKeV !== undefined) return `, ROI from ${c.roiLowKeV} keV`;
  if (c.roiLowShiftKeV !== undefined && c.roiLowShiftKeV !== 0) return `, ROI edge ${c.roiLowShiftKeV > 0 ? "+" : ""}${c.roiLowShiftKeV} keV`;
  return "";
}

/**
 * Analysis alternatives: background functions x ROI variants (a number: a common low edge, keV;
 * undefined: each period's own ROI; or a {@link RoiVariant}) x bin widths (undefined: the file's
 * bins), equal weights, labelled "<background>[, ROI ...], <bins>".
 */
export function alternativesFor(roiVariants: readonly (number | undefined | RoiVariant)[], backgrounds: readonly BackgroundKind[] = ["gel", "spline"], binWidthsKeV: readonly (number | undefined)[] = [undefined, 1]): AnalysisChoice[] {
  return backgrounds.flatMap((background) =>
    roiVariants.flatMap((v) => {
      const roi: RoiVariant = typeof v === "number" ? { roiLowKeV: v } : (v ?? {});
      return binWidthsKeV.map((binKeV) => ({
        background,
        ...(roi.roiLowKeV === undefined ? {} : { roiLowKeV: roi.roiLowKeV }),
        ...(roi.roiLowShiftKeV === undefined ? {} : { roiLowShiftKeV: roi.roiLowShiftKeV }),
        binKeV,
        weight: 1,
        label: `${background}${roiLabel(roi)}, ${binKeV === undefined ? "file bins" : `${binKeV} keV bins`}`,
      }));
    }),
  );
}

/**
 * GEMMA's two quoted ROI low edges, 2.9 and 3.0 keV ("from 2.9 keV" for the OFF fit, Sec. 3; "from
 * 3", footnote 4), taken as each period's own edge and 0.1 keV below it: the edge itself differed
 * between Phase II periods (Sec. 3), so a common edge would undo it.
 */
export const GEMMA_ROI_VARIANTS: readonly RoiVariant[] = Object.freeze([{ roiLowShiftKeV: -0.1 }, { roiLowShiftKeV: 0 }]);

/** The alternatives a procedure sums for a spectra file (see the file header). */
export function procedureAlternatives(spectra: Pick<SpectraFile, "experiment">): AnalysisChoice[] {
  const gemma = spectra.experiment.toLowerCase() === "gemma";
  return alternativesFor(gemma ? GEMMA_ROI_VARIANTS : [undefined]);
}

/** The options a procedure may not be combined with when they differ from its own. */
export interface ProcedureConflictInput {
  offErrors?: OffErrors;
  method?: string;
  relSyst?: number;
  fixK?: number;
  background?: BackgroundKind;
  alternatives?: unknown;
}

/**
 * Refuses options that contradict the procedure (an explicit value equal to the procedure's is
 * accepted). `name` turns an option key into the name the user typed (e.g. "--off-errors").
 */
export function checkProcedureConflicts(procedure: LimitProcedure, options: ProcedureConflictInput, name: (key: string) => string = (k) => k): void {
  const s = procedureSettings(procedure);
  const bad: string[] = [];
  if (options.offErrors !== undefined && options.offErrors !== s.offErrors) bad.push(`${name("offErrors")} ${options.offErrors} (the procedure uses ${s.offErrors})`);
  if (options.method !== undefined && options.method !== s.method) bad.push(`${name("method")} ${options.method} (the procedure uses ${s.method})`);
  if (options.relSyst !== undefined) bad.push(`${name("relSyst")} (the procedure uses GEMMA Eq. (8))`);
  if (options.fixK !== undefined) bad.push(`${name("fixK")} (the procedure projects chi2(X, K) over K; a section is not the paper's procedure)`);
  if (options.background !== undefined) bad.push(`${name("background")} (the procedure sums its own background alternatives)`);
  if (options.alternatives !== undefined) bad.push(`${name("alternatives")} (the procedure sums its own alternatives)`);
  if (bad.length > 0) throw new Error(`procedure ${procedure} fixes these options; drop them or drop the procedure: ${bad.join("; ")}`);
}

/** Options that name a procedure. */
export interface ProcedureOptions extends ProcedureConflictInput {
  procedure?: LimitProcedure;
}

/** The options with the procedure's settings filled in (unchanged without a procedure); conflicts are refused. */
export function applyProcedure<T extends ProcedureOptions>(spectra: Pick<SpectraFile, "experiment">, options: T): T {
  const procedure = options.procedure;
  if (procedure === undefined) return options;
  if (!LIMIT_PROCEDURES.includes(procedure)) throw new Error(`unknown procedure ${JSON.stringify(procedure)} (expected one of ${LIMIT_PROCEDURES.join(", ")})`);
  checkProcedureConflicts(procedure, options);
  const s = procedureSettings(procedure);
  return { ...options, offErrors: s.offErrors, method: s.method, alternatives: procedureAlternatives(spectra) };
}
