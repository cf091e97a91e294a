/**
 * The magnetic-moment limit from a spectra file (GEMMA paper Secs. 3-4, Eqs. 5-9, Figs. 4-6):
 *  1. per period and analysis choice: the OFF fit, chi^2(X, K) and its profile over K, X_j +- dX_j
 *     (`periodAnalysis.ts`);
 *  2. per choice: p_j(X) with the 4.0 % X-proportional systematic of Eq. (8), P(X) = prod_j p_j(X);
 *  3. the weighted sum over the choices ("alternatives": background function, ROI low edge, bin
 *     width), GEMMA Fig. 6;
 *  4. method "pdg": the PDG renormalisation (X >= 0 part, 90 % of its area) -> X_90, mu_90 =
 *     1e-11 sqrt(X_90) mu_B (Eq. 6); method "fc": Feldman-Cousins (PRD 57 (1998) 3873) on the
 *     Gaussian with the mean and width of the combined P(X); method "profile": the Poisson
 *     profile likelihood of the first choice (`profileLikelihood.ts`; the spread of the
 *     alternatives is not added to it).
 */
import { quadratureSum, GEMMA_NORMALISATION_SYSTEMATICS, combineGemma, GemmaLimit } from "../stats/gemmaCombination.js";
import { feldmanCousins, type FeldmanCousinsInterval } from "../stats/feldmanCousins.js";
import type { ProbabilityCurve } from "../stats/probabilityCurve.js";
import type { SpectraFile } from "../spectra/spectraFile.js";
import { formatPlain } from "../fit/format.js";
import { measured, quantityTable, ResultTable, ResultTables } from "../fit/resultTable.js";
import type { BackgroundKind } from "./backgroundFit.js";
import { couplingFromX, signalDefinition, type MagneticModel, type SignalDefinition } from "./models.js";
import { analysePeriod, GAUSSIAN_MIN_COUNTS_PER_BIN, type AnalysisChoice, type OffErrors, type PeriodAnalysis, type PeriodAnalysisOptions } from "./periodAnalysis.js";
import { profileLikelihoodLimit, type ProfileLikelihoodResult } from "./profileLikelihood.js";
import { checkAnalyseSpectraOptions, DEFAULT_BACKGROUND, LIMIT_METHODS, type AnalyseSpectraOptions, type LimitMethod } from "./limitOptions.js";

// The options live with their checks (limitOptions.ts); re-exported here, beside analyseSpectra.
export { DEFAULT_BACKGROUND, LIMIT_METHODS, type AnalyseSpectraOptions, type LimitMethod } from "./limitOptions.js";
import { alternativesFor, applyProcedure, GEMMA_ROI_VARIANTS, roiLabel, type LimitProcedure } from "./procedure.js";

/**
 * The default set of analysis alternatives ("gemma"): the two background functions GEMMA names
 * (Gaussian + exponential + linear, splines) x the two ROI low edges it quotes (2.9 and 3.0 keV,
 * paper Sec. 3 and footnote 4, as each period's own edge and 0.1 keV below it) x two bin widths (the file's bins and 1 keV), equal weights. A
 * project choice: the paper does not list its combinations or weights.
 */
export const GEMMA_ALTERNATIVES: readonly AnalysisChoice[] = Object.freeze(alternativesFor(GEMMA_ROI_VARIANTS));

/** One alternative's result. */
export interface AlternativeResult {
  label: string;
  weight: number;
  choice: AnalysisChoice;
  periods: PeriodAnalysis[];
  /** The product of the periods' curves. */
  curve: ProbabilityCurve;
  /** Statistical-only combination of the periods (inverse-variance weighted mean). */
  xHatStat: number;
  xErrStat: number;
}

/** Per-period numbers of the result. */
export interface PeriodSummary {
  name: string;
  x_hat: number;
  x_err: number;
  k_hat: number;
}

/** The checks of one period's fits in one alternative (the JSON's `fit_quality`). */
export interface FitQualityEntry {
  alternative: string;
  period: string;
  background: string;
  /** All checks passed (a fit failing one is refused before a result exists, so true in a result). */
  ok: boolean;
  warnings: string[];
  /** chi2 and ndf are absent for the raw OFF spectrum, which is not fitted. */
  background_fit: { converged: boolean; rank: number | null; parameters: number; covariance_finite: boolean; non_positive_bins: number; chi2?: number; ndf?: number; gof_z: number | null; attempts: number };
  profile: { method: string; hessian_positive_definite: boolean; k_hat: number; k_err?: number; k_range: [number, number]; chi2: number; ndf: number; gof_z: number; median_on_counts: number };
}

function fitQualityEntry(alternative: string, p: PeriodAnalysis): FitQualityEntry {
  const b = p.quality.background;
  const q = p.quality.profile;
  return {
    alternative,
    period: p.name,
    background: p.background.label,
    ok: b.ok && q.ok,
    warnings: [...b.warnings.map((w) => `background fit: ${w}`), ...q.warnings],
    background_fit: { converged: b.converged, rank: b.rank, parameters: b.parameters, covariance_finite: b.covarianceFinite, non_positive_bins: b.nonPositiveBins, ...(Number.isFinite(p.background.chi2) ? { chi2: p.background.chi2, ndf: p.background.ndf } : {}), gof_z: b.gof ? b.gof.z : null, attempts: b.attempts },
    // k_err is absent where the curvature is not positive definite (then the fit is refused or K is fixed).
    profile: { method: q.method, hessian_positive_definite: q.hessianPositiveDefinite, k_hat: p.fit.kHat, ...(Number.isFinite(q.kErr) ? { k_err: q.kErr } : {}), k_range: q.kRange, chi2: p.fit.chi2Min, ndf: p.fit.ndf, gof_z: q.gof.z, median_on_counts: q.medianOnCounts },
  };
}

/**
 * Why the PDG (Gaussian chi-square) and profile (Poisson likelihood) estimates of X differ, when
 * they differ by more than the smaller of their errors (both read the same counts, so their
 * difference spreads much less than either error): the Gaussian approximation at few counts per
 * bin, or else the different use of the OFF spectrum (a fixed fitted curve against background
 * parameters floating with the ON data).
 */
function pdgProfileNote(pdg: { x: number; err: number }, prof: ProfileLikelihoodResult, periods: readonly PeriodAnalysis[]): string | null {
  const diff = Math.abs(pdg.x - prof.xHat);
  if (!(diff > Math.min(pdg.err, prof.xErr))) return null;
  const f = (v: number) => formatPlain(v, 3);
  const counts = periods.map((p) => `${p.name} ${p.quality.profile.medianOnCounts.toFixed(1)}`).join(", ");
  const low = periods.some((p) => p.quality.profile.medianOnCounts < GAUSSIAN_MIN_COUNTS_PER_BIN);
  const why = low
    ? `the Gaussian chi-square fails at these counts (median ON counts per ROI bin: ${counts}; below ${GAUSSIAN_MIN_COUNTS_PER_BIN} its variances and the Gaussian shape are unreliable), the Poisson profile likelihood (whose profile passed its smoothness check) is the better approximation; wider bins (--bin-kev 1) make both agree`
    : `with ${counts} median ON counts per ROI bin the Gaussian approximation holds; the two differ in how the OFF spectrum enters (a fixed fitted curve in the chi-square, background parameters floating with the ON data in the likelihood)`;
  return `the chi-square (X = ${f(pdg.x)} +- ${f(pdg.err)}) and the profile likelihood (X = ${f(prof.xHat)} +- ${f(prof.xErr)}) differ by ${f(diff)}, more than the smaller error: ${why}`;
}

/** The limit from a spectra file; prints as a short report, `toJSON` gives the CLI's --json. */
export class SpectraLimit {
  constructor(
    readonly method: LimitMethod,
    readonly model: MagneticModel,
    readonly cl: number,
    /** Mean and standard deviation of the combined P(X) (pdg, fc), or the profile-likelihood X_hat and its Delta(-2 ln L) = 1 error. */
    readonly xHat: number,
    readonly xErr: number,
    readonly xUpper: number,
    readonly periods: readonly PeriodSummary[],
    readonly alternatives: readonly AlternativeResult[],
    readonly combination: GemmaLimit,
    readonly relSyst: number,
    readonly offErrors: OffErrors,
    readonly fc: FeldmanCousinsInterval | null,
    readonly profile: ProfileLikelihoodResult | null,
    readonly experiment: string,
    /** The coupling X refers to (mu by default). */
    readonly signal: SignalDefinition = signalDefinition("mu", model),
    /** Remarks on the result (e.g. why PDG and profile disagree); printed when present. */
    readonly notes: readonly string[] = [],
    /** The named procedure, or null for explicit options. */
    readonly procedure: LimitProcedure | null = null,
  ) {}

  /** The checks of every background fit and chi2(X, K) profile, per alternative and period (`periodAnalysis.ts`). */
  fitQuality(): FitQualityEntry[] {
    return this.alternatives.flatMap((a) => a.periods.map((p) => fitQualityEntry(a.label, p)));
  }

  /** The coupling's upper limit, c_ref sqrt(X_up) (GEMMA Eq. 6): mu_90 in mu_B, or delta_Q in e. */
  get upper(): number {
    return couplingFromX(this.signal, this.xUpper);
  }

  /** mu_90 = 1e-11 sqrt(X_90) mu_B (GEMMA Eq. 6); an error for a milli-charge limit. */
  get muUpperMuB(): number {
    if (this.signal.coupling !== "mu") throw new Error(`this limit is on ${this.signal.coupling}, not mu: use .upper`);
    return this.upper;
  }

  /** Statistical-only X_hat and error of the first alternative (for pulls). */
  get xHatStat(): number {
    return this.alternatives[0].xHatStat;
  }

  get xErrStat(): number {
    return this.alternatives[0].xErrStat;
  }

  toJSON(): Record<string, unknown> {
    return {
      x_hat: this.xHat,
      x_err: this.xErr,
      x_upper: this.xUpper,
      parameter: this.signal.coupling,
      [this.signal.upperKey]: this.upper,
      x_reference: this.signal.reference,
      method: this.method,
      procedure: this.procedure,
      model: this.model,
      periods: this.periods,
      cl: this.cl,
      experiment: this.experiment,
      off_errors: this.offErrors,
      rel_syst: this.relSyst,
      alternatives: this.alternatives.map((a) => ({ label: a.label, weight: a.weight, x_hat_stat: a.xHatStat, x_err_stat: a.xErrStat, x_upper_pdg: a.curve.upperLimit(this.cl) })),
      // The raw OFF spectrum is not fitted: no chi2 or ndf to report (absent, never NaN).
      background_fits: this.alternatives[0].periods.map((p) => ({ period: p.name, background: p.background.label, ...(Number.isFinite(p.background.chi2) ? { chi2: p.background.chi2, ndf: p.background.ndf } : {}) })),
      fit_quality: this.fitQuality(),
      ...(this.notes.length > 0 ? { notes: this.notes } : {}),
    };
  }

  toString(): string {
    const f = (v: number) => formatPlain(v, 4);
    const lines = [
      `${this.experiment}, model ${this.model}, method ${this.method}${this.procedure ? ` (procedure ${this.procedure})` : ""}: X = ${f(this.xHat)} +- ${f(this.xErr)}; X < ${f(this.xUpper)}, ${this.signal.coupling === "mu" ? "mu" : "delta_Q"} < ${this.upper.toExponential(2)} ${this.signal.unit} (${this.cl * 100} % CL)`,
      ...this.periods.map((p) => `  ${p.name}: X = ${f(p.x_hat)} +- ${f(p.x_err)}, K = ${p.k_hat.toFixed(4)}`),
    ];
    if (this.alternatives.length > 1) lines.push(`  ${this.alternatives.length} alternatives summed: ${this.alternatives.map((a) => `${a.label} X < ${f(a.curve.upperLimit(this.cl))}`).join("; ")}`);
    // Fit-quality lines only when something is off (the output is otherwise unchanged).
    for (const q of this.fitQuality()) if (q.warnings.length > 0) lines.push(`  fit quality, ${q.period} (${q.alternative}): ${q.warnings.join("; ")}`);
    for (const n of this.notes) lines.push(`  note: ${n}`);
    return lines.join("\n");
  }

  /** The tables of `toHTML`: the limit, each period's fit and (when summed) each alternative; X +- dX by the PDG rule. */
  tables(): ResultTables {
    const c = this.signal.coupling === "mu" ? "μ" : "δ_Q";
    const unit = this.signal.unit === "mu_B" ? "μ_B" : "e";
    const pct = `${this.cl * 100} %`;
    const limit = quantityTable(`${this.experiment}, model ${this.model}, method ${this.method}${this.procedure ? ` (procedure ${this.procedure})` : ""}`, [
      [`X = (${c} / ${this.signal.reference} ${unit})²`, measured(this.xHat, this.xErr)],
      [`X upper limit (${pct} CL)`, this.xUpper],
      [`${c} upper limit (${unit}, ${pct} CL)`, this.upper],
      ["relative systematic error of X", this.relSyst],
      ["OFF curve errors", this.offErrors],
    ], this.notes);
    const periods = new ResultTable("periods", ["period", "X", "K"], this.periods.map((p) => [p.name, measured(p.x_hat, p.x_err), p.k_hat]));
    const tables = [limit, periods];
    if (this.alternatives.length > 1) {
      tables.push(new ResultTable(`${this.alternatives.length} alternatives summed (statistical errors)`, ["choice", "weight", "X (stat)", `X upper (${pct})`, `${c} upper (${unit})`], this.alternatives.map((a) => {
        const xUp = a.curve.upperLimit(this.cl);
        return [a.label, a.weight, measured(a.xHatStat, a.xErrStat), xUp, couplingFromX(this.signal, xUp)];
      })));
    }
    return new ResultTables(tables);
  }

  toHTML(): string {
    return this.tables().toHTML();
  }
}

/** The choices an options object asks for. */
export function analysisChoices(options: AnalyseSpectraOptions = {}): AnalysisChoice[] {
  const alt = options.alternatives === "gemma" ? GEMMA_ALTERNATIVES : options.alternatives;
  if (alt && alt.length === 0) throw new Error("analyseSpectra: alternatives is empty");
  const bg = options.background ?? DEFAULT_BACKGROUND;
  return (alt ?? [{ background: bg }]).map((c) => {
    const background = c.background ?? bg;
    const label = c.label ?? `${background}${roiLabel(c)}${c.binKeV !== undefined ? `, ${c.binKeV} keV bins` : ""}`;
    return { ...c, background, weight: c.weight ?? 1, label };
  });
}

/** Analyses every period of one choice. */
export function analyseChoice(spectra: SpectraFile, choice: AnalysisChoice, options: AnalyseSpectraOptions = {}): PeriodAnalysis[] {
  return spectra.periods.map((p) => analysePeriod(spectra, p, choice, options));
}

/**
 * The limit from a spectra file (see the file header).
 *
 * @example
 * const r = analyseSpectra(readSpectraFile(dataPath("simulated/gemma-mu0-seed11.spectra.json")));
 * r.xUpper; // => 90.05 (X = (mu / 1e-11 mu_B)^2 < 90.05 at 90 % CL, this simulated file)
 * r.upper; // => 9.49e-11 (mu_B)
 * r.upper / (Math.sqrt(r.xUpper) * 1e-11); // => 1.000000 (mu = sqrt(X) x 1e-11 mu_B)
 */
export function analyseSpectra(spectra: SpectraFile, options: AnalyseSpectraOptions = {}): SpectraLimit {
  checkAnalyseSpectraOptions(options);
  options = applyProcedure(spectra, options);
  const method = options.method ?? "pdg";
  if (!LIMIT_METHODS.includes(method)) throw new Error(`analyseSpectra: unknown method ${JSON.stringify(method)} (expected one of ${LIMIT_METHODS.join(", ")})`);
  const model = options.model ?? "fe";
  const cl = options.cl ?? 0.9;
  if (!(cl > 0 && cl < 1)) throw new Error(`analyseSpectra: cl must be in (0, 1), got ${cl}`);
  const relSyst = options.relSyst ?? quadratureSum(GEMMA_NORMALISATION_SYSTEMATICS);
  const choices = analysisChoices(options);
  const analysed = choices.map((c) => ({ choice: c, periods: analyseChoice(spectra, c, options) }));
  const combination = combineGemma(
    analysed.map((a) => ({ label: a.choice.label, weight: a.choice.weight, periods: a.periods.map((p) => ({ x: p.fit.xHat, dx: p.fit.dx, label: p.name })) })),
    { relSyst, cl },
  );
  const alternatives: AlternativeResult[] = analysed.map((a, i) => {
    let w = 0;
    let wx = 0;
    for (const p of a.periods) {
      w += 1 / p.fit.dx ** 2;
      wx += p.fit.xHat / p.fit.dx ** 2;
    }
    return { label: a.choice.label!, weight: a.choice.weight!, choice: a.choice, periods: a.periods, curve: combination.alternatives[i], xHatStat: wx / w, xErrStat: 1 / Math.sqrt(w) };
  });
  const moments = combination.total.moments();
  const first = alternatives[0].periods;
  let xHat = moments.mean;
  let xErr = moments.sd;
  let xUpper = combination.xLimit;
  let fc: FeldmanCousinsInterval | null = null;
  let profile: ProfileLikelihoodResult | null = null;
  const notes: string[] = [];
  let periods: PeriodSummary[] = first.map((p) => ({ name: p.name, x_hat: p.fit.xHat, x_err: p.fit.dx, k_hat: p.fit.kHat }));
  if (method === "fc") {
    fc = feldmanCousins(moments.mean, { sigma: moments.sd, cl });
    xUpper = fc.upper;
  } else if (method === "profile") {
    profile = profileLikelihoodLimit(first, spectra.mass_kg, { cl, relSyst, threshold: options.profileThreshold });
    xHat = profile.xHat;
    xErr = profile.xErr;
    xUpper = profile.xUpper;
    periods = profile.periods.map((p) => ({ name: p.name, x_hat: p.xHat, x_err: p.xErr, k_hat: p.kHat }));
    const note = pdgProfileNote({ x: alternatives[0].xHatStat, err: alternatives[0].xErrStat }, profile, first);
    if (note) notes.push(note);
    // The Poisson likelihood takes a corrected count below zero (a subtraction's fluctuation) as 0: say so.
    for (const p of first) {
      const neg = [...p.onCounts, ...p.offCounts].filter((c) => c < 0);
      if (neg.length > 0) notes.push(`${p.name}: ${neg.length} corrected count(s) below zero (lowest ${Math.min(...neg).toPrecision(3)}) enter the Poisson profile likelihood as 0`);
    }
  }
  const offErrors = first[0].offErrors;
  const signal = signalDefinition(options.coupling ?? "mu", model);
  return new SpectraLimit(method, model, cl, xHat, xErr, xUpper, periods, alternatives, combination, relSyst, offErrors, fc, profile, spectra.experiment, signal, notes, options.procedure ?? null);
}
