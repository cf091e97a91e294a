/**
 * One period of the GEMMA chain (GEMMA paper Sec. 3, Eqs. 5 and 7): regroup the spectra in the
 * ROI of the analysis choice, fit the OFF spectrum with a smooth background, build chi^2(X, K)
 * with the fitted OFF curve, tau~ = T~ON / T~OFF and the bin-averaged EM and weak rates, and
 * profile it over K: X_j +- dX_j and K_j.
 *
 * How the OFF curve's uncertainty enters (`offErrors`):
 *  - "correlated" (default): its full covariance (low-rank, `CorrelatedGemmaChi2`), i.e. the
 *    background parameters float with the constraint of the OFF fit;
 *  - "diagonal": only its per-bin variances, as if independent (`GemmaChi2`);
 *  - "none": the curve taken as exact (var_OFF = 0), the reading of GEMMA's "our background is a
 *    smooth curve" that ignores the fit's uncertainty.
 * The pseudo-experiments (`pseudoExperiments.ts`) show which of these gives errors that cover.
 *
 * ON variance (`onVariance`): "expected" (default) uses the background expectation
 * tau~ x OFF curve + weak term (times the file's variance/count ratio for corrected counts), which
 * does not correlate with the ON fluctuation; "observed" uses the ON counts (or the file's
 * on_variance), Neyman's choice, biased low for small counts. For the raw OFF spectrum the
 * expectation is the bin's null estimate b = (ON - weak + OFF) / (1 + tau~).
 *
 * Checks of the chi^2(X, K) profile (`quality.profile`): the profile converged (Brent's brackets
 * from the minimum; if they fail, a grid of the profile over +-40 sigma_X); the 2x2 curvature of
 * chi^2 at (X_hat, K_hat) is positive definite; chi2_min/ndf is plausible (z <= 5, `fitQuality.ts`,
 * Pearson moments with the ON variance); K is plausible: K > 0 and |K - 1| <= 5 sqrt(sigma_K^2 +
 * (dtau/tau)^2), K being the correction to the ratio of the recorded ON and OFF times, 1 within the
 * time ratio's stated uncertainty (`tau_rel_uncertainty`) and the fit's own error sigma_K (ours:
 * 5 sigma, as for the goodness of fit). A period failing a check is refused (`FitRefusedError`)
 * with the period, the background and what to try; the background fit's own checks come first
 * (`backgroundFit.ts`).
 */
import type { Roi } from "../fit/roi.js";
import { FieldsRecord, measured, quantityTable, type ResultTable } from "../fit/resultTable.js";
import { knownFlux, type SpectraFile, type SpectraPeriod } from "../spectra/spectraFile.js";
import { GemmaChi2, type GemmaPeriodInput, type ProfileResult } from "../stats/gemmaChi2.js";
import { CorrelatedGemmaChi2, type Chi2XK, type CorrelatedGemmaPeriodInput } from "../stats/gemmaChi2Correlated.js";
import { fitOffBackground, type BackgroundFitOptions, type BackgroundKind, type OffBackground } from "./backgroundFit.js";
import { binAveragedRate, experimentNameOf, modelFluxPerCm2s, type SignalResponse } from "./binnedRates.js";
import { signalDefinition, type Coupling, type MagneticModel } from "./models.js";
import { rebinValues, roiBinning, roiWithLowEdge, type RoiBinning } from "./roiBinning.js";
import { varianceToCountRatio } from "./varianceRatio.js";
import { maskedIndices, roiMask } from "../fit/roi.js";
import { FitError } from "../errors.js";
import { FitRefusedError, goodnessOfFit, PLAUSIBLE_GOF_Z, type GoodnessOfFit } from "../fit/fitQuality.js";
import type { BackgroundQuality } from "./backgroundFit.js";

/** How the OFF curve's errors enter chi^2(X, K) (see the file header). */
export type OffErrors = "correlated" | "diagonal" | "none";

/** One analysis choice (GEMMA: background function, ROI edges, ...; here also the bin width). */
export interface AnalysisChoice {
  label?: string;
  background?: BackgroundKind;
  /** Low edge of the ROI, keV, the same for every period (default each period's own). */
  roiLowKeV?: number;
  /**
   * Shift of each period's own ROI low edge, keV (GEMMA's "2.9(3.0)" edges as -0.1 keV from each
   * period's edge, since the edge differed between Phase II periods, Sec. 3). Not with `roiLowKeV`.
   */
  roiLowShiftKeV?: number;
  /** Bin width, keV, by grouping the file's bins inside each ROI interval (default the file's bins). */
  binKeV?: number;
  /** Weight in the sum of alternatives (default 1). */
  weight?: number;
}

/** Options shared by the period analysis and `analyseSpectra`. */
export interface PeriodAnalysisOptions extends BackgroundFitOptions {
  model?: MagneticModel;
  /** The coupling X refers to (default "mu": X = (mu / 1e-11 mu_B)^2; "delta-q": X = (delta_Q / 1e-12 e)^2). */
  coupling?: Coupling;
  /** Default background when a choice names none (default "gel"). */
  background?: BackgroundKind;
  offErrors?: OffErrors;
  onVariance?: "expected" | "observed";
  response?: SignalResponse;
  /** Range that fixes K before the fit (GEMMA: 20-55 keV), reported as `kPrefit` (default [[20, 55]]). */
  kRoiKeV?: Roi;
  /**
   * Take the section of chi^2(X, K) at this fixed K instead of the projection (GEMMA: "projection
   * (not a section!)"; for comparisons only). Default: the projection.
   */
  fixK?: number;
  /**
   * Starting values of the parametric OFF fits, keyed "<background>:<period name>" (e.g.
   * "gel:Phase I"); pseudo-experiments pass the Asimov fit's values. Default: the coarse scan.
   */
  backgroundStarts?: Readonly<Record<string, ArrayLike<number>>>;
}

/** Everything one period's analysis produced. */
export interface PeriodAnalysis {
  name: string;
  onDays: number;
  offDays: number;
  tauTilde: number;
  binning: RoiBinning;
  onCounts: Float64Array;
  offCounts: Float64Array;
  /** ON variance used in the chi-square. */
  onVariance: Float64Array;
  /** The file's variance/count ratios per bin (1 without variances; 1/eta for efficiency-corrected counts; `varianceToCountRatio`). */
  onRatio: Float64Array;
  offRatio: Float64Array;
  background: OffBackground;
  /** Bin-averaged rates (scaled to the file's flux), counts/(keV kg day); EM for X = 1. */
  emPerKeVKgDay: Float64Array;
  weakPerKeVKgDay: Float64Array;
  offErrors: OffErrors;
  chi2: Chi2XK;
  /** The chi-square inputs (for maps on sub-ranges). */
  input: GemmaPeriodInput | CorrelatedGemmaPeriodInput;
  fit: ProfileResult;
  /** K fitted on `kRoiKeV` at X = 0 (null if that range holds fewer than 3 bins). */
  kPrefit: { k: number; chi2: number; nbins: number } | null;
  /** The checks of the background fit and of the chi^2(X, K) profile (see the file header). */
  quality: { background: BackgroundQuality; profile: ProfileQuality };
}

/** The checks of one period's chi^2(X, K) profile (see the file header). */
export interface ProfileQuality {
  /** "brent" (the brackets from the minimum), "grid" (the fallback) or "section" (fixed K). */
  method: "brent" | "grid" | "section";
  hessianPositiveDefinite: boolean;
  /** Error of K from the curvature (2 H^-1). */
  kErr: number;
  /** The plausible K range. */
  kRange: [number, number];
  gof: GoodnessOfFit;
  /** Median ON counts per ROI bin, as Poisson counts (c^2 / variance for corrected counts). */
  medianOnCounts: number;
  problems: string[];
  warnings: string[];
  ok: boolean;
}

/** Below this median of ON counts per bin the Gaussian chi-square's variances are unreliable (ours: a Poisson count of 5 has a skewness of 0.45). */
export const GAUSSIAN_MIN_COUNTS_PER_BIN = 5;

/** Bound of |K - 1| in units of sqrt(sigma_K^2 + (dtau/tau)^2) (see the file header). */
export const PLAUSIBLE_K_SIGMAS = 5;

/**
 * The profile fit on a grid (the fallback when the Brent brackets fail): the profile over K at 801
 * points within +-40 sigma_X (at fixed K) of the minimum, each followed from the minimum's K, and
 * the Delta chi2 = 1 crossings by linear interpolation.
 */
function gridProfileFit(chi2: Chi2XK): ProfileResult {
  const min = chi2.minimum();
  const dx0 = chi2.section(min.k).dx;
  const n = 801;
  const xs = Float64Array.from({ length: n }, (_, i) => min.x + dx0 * (-40 + (80 * i) / (n - 1)));
  const q = Float64Array.from(xs, (x) => chi2.profileK(x, min.k).chi2);
  let ib = 0;
  for (let i = 1; i < n; i++) if (q[i] < q[ib]) ib = i;
  const best = Math.min(q[ib], min.chi2);
  const cross = (dir: number): number => {
    for (let i = ib; i + dir >= 0 && i + dir < n; i += dir) {
      if (q[i + dir] > best + 1) return xs[i] + ((best + 1 - q[i]) / (q[i + dir] - q[i])) * (xs[i + dir] - xs[i]);
    }
    throw new FitError(`the profile chi-square stays within 1 of its minimum for all X ${dir > 0 ? "above" : "below"} X_hat within 40 sigma (K compensates the signal)`);
  };
  const xUp = cross(1);
  const xLow = cross(-1);
  return { xHat: min.x, kHat: min.k, chi2Min: min.chi2, dx: 0.5 * (xUp - xLow), xLow, xUp, nbins: chi2.nbins, ndf: chi2.nbins - 2 };
}

/** The checks of a profile fit (see the file header). */
function assessProfile(chi2: Chi2XK, fit: ProfileResult, method: ProfileQuality["method"], tauRel: number, onVariance: Float64Array, onRatio: Float64Array, roiIdx: Int32Array, fixedK: boolean, offCurveExact: boolean): ProfileQuality {
  const x = fit.xHat;
  const k = fit.kHat;
  const hxx = 2 * chi2.quadraticInX(k).a2;
  const hk = 1e-4 * Math.max(1, Math.abs(k));
  const hx = 1e-2 * (Number.isFinite(fit.dx) && fit.dx > 0 ? fit.dx : 1);
  const c0 = chi2.chi2(x, k);
  const hkk = (chi2.chi2(x, k + hk) - 2 * c0 + chi2.chi2(x, k - hk)) / (hk * hk);
  const hxk = (chi2.chi2(x + hx, k + hk) - chi2.chi2(x + hx, k - hk) - chi2.chi2(x - hx, k + hk) + chi2.chi2(x - hx, k - hk)) / (4 * hx * hk);
  const det = hxx * hkk - hxk * hxk;
  const pd = hxx > 0 && hkk > 0 && det > 0;
  const kErr = pd ? Math.sqrt((2 * hxx) / det) : NaN;
  const halfRange = PLAUSIBLE_K_SIGMAS * Math.sqrt((Number.isFinite(kErr) ? kErr : 0) ** 2 + tauRel ** 2);
  const kRange: [number, number] = [Math.max(1 - halfRange, 0), 1 + halfRange];
  // Poisson-equivalent ON counts per bin: expectation / ratio = variance / ratio^2.
  const eq = Float64Array.from(roiIdx, (i) => onVariance[i] / onRatio[i] ** 2);
  const gof = goodnessOfFit("chi2", fit.chi2Min, fit.ndf, Float64Array.from(roiIdx, (i) => onVariance[i] / onRatio[i]), Float64Array.from(roiIdx, (i) => onVariance[i]));
  const sorted = Float64Array.from(eq).sort();
  const medianOnCounts = sorted.length ? sorted[sorted.length >> 1] : NaN;
  const problems: string[] = [];
  const warnings: string[] = [];
  const c2 = `chi2(X, K)/ndf = ${fit.chi2Min.toFixed(1)}/${fit.ndf}`;
  if (!pd && !fixedK) problems.push("the chi-square's curvature at its minimum is not positive definite (no well-defined minimum in X and K)");
  // With the OFF curve declared exact (offErrors "none": GEMMA's published procedure, or a section)
  // the curve's own scatter is missing from the chi-square by construction: a large value is that
  // choice's known cost, reported rather than refused, since the user asked for exactly this.
  if (gof.z > PLAUSIBLE_GOF_Z && offCurveExact) warnings.push(`${c2} is large (z = ${gof.z.toFixed(1)}): expected with the OFF curve taken as exact, whose own uncertainty is not in the chi-square; its error on X is too small`);
  else if (gof.z > PLAUSIBLE_GOF_Z) problems.push(`${c2} is implausibly large (z = ${gof.z.toFixed(1)}; bound ${PLAUSIBLE_GOF_Z})`);
  else if (gof.z < -PLAUSIBLE_GOF_Z) warnings.push(`${c2} is far below its expectation (z = ${gof.z.toFixed(1)}): the variances exceed the scatter, the error on X is conservative`);
  if (!fixedK && !(k >= kRange[0] && k <= kRange[1] && k > 0)) problems.push(`K = ${k.toFixed(3)} lies outside the plausible ${kRange[0].toFixed(3)}-${kRange[1].toFixed(3)} (1 within ${PLAUSIBLE_K_SIGMAS} x the combined error of the fit, +-${Number.isFinite(kErr) ? kErr.toFixed(3) : "?"}, and of the time ratio, +-${tauRel.toFixed(3)})`);
  if (medianOnCounts < GAUSSIAN_MIN_COUNTS_PER_BIN) warnings.push(`median ${medianOnCounts.toFixed(1)} ON counts per ROI bin: below ${GAUSSIAN_MIN_COUNTS_PER_BIN} the Gaussian chi-square (pdg, fc) is unreliable; compare --method profile, or wider bins (--bin-kev 1)`);
  if (method === "grid") warnings.push("the profile's Delta chi2 = 1 ends were found on a grid (the bracketing search failed)");
  return { method, hessianPositiveDefinite: pd, kErr, kRange, gof, medianOnCounts, problems, warnings, ok: problems.length === 0 };
}


/** The ROI of a period under an analysis choice: its own, a common low edge, or its own edge shifted. */
export function choiceRoi(period: Pick<SpectraPeriod, "name" | "roi_kev">, choice: Pick<AnalysisChoice, "roiLowKeV" | "roiLowShiftKeV">): [number, number][] {
  if (choice.roiLowKeV !== undefined && choice.roiLowShiftKeV !== undefined) throw new Error(`period ${period.name}: an analysis choice gives both roiLowKeV and roiLowShiftKeV; give one`);
  if (choice.roiLowKeV !== undefined) return roiWithLowEdge(period.roi_kev, choice.roiLowKeV);
  if (choice.roiLowShiftKeV !== undefined) return roiWithLowEdge(period.roi_kev, Math.min(...period.roi_kev.map((r) => r[0])) + choice.roiLowShiftKeV);
  return period.roi_kev.map((r) => [r[0], r[1]] as [number, number]);
}

/** The chi-square of one period for an analysis choice (see the file header). */
export function analysePeriod(spectra: SpectraFile, period: SpectraPeriod, choice: AnalysisChoice, options: PeriodAnalysisOptions = {}): PeriodAnalysis {
  const experiment = experimentNameOf(spectra.experiment);
  const model = options.model ?? "fe";
  const kind = choice.background ?? options.background ?? "gel";
  const offErrors = options.offErrors ?? "correlated";
  const roi = choiceRoi(period, choice);
  const edges0 = period.edges_kev;
  if (roi[0][0] < edges0[0] - 1e-9) throw new Error(`period ${period.name}: ROI low edge ${roi[0][0]} keV lies below the binning (${edges0[0]} keV)`);
  const binning = roiBinning(edges0, roi, choice.binKeV);
  const onCounts = rebinValues(period.on_counts, binning);
  const offCounts = rebinValues(period.off_counts, binning);
  const onVarFile = period.on_variance ? rebinValues(period.on_variance, binning) : undefined;
  const offVarFile = period.off_variance ? rebinValues(period.off_variance, binning) : undefined;
  const edges = binning.edgesKeV;
  const n = edges.length - 1;
  const mass = spectra.mass_kg;
  const tau = period.t_on_days / period.t_off_days;
  let background: OffBackground;
  try {
    background = fitOffBackground({ edgesKeV: edges, counts: offCounts, exposureKgDay: mass * period.t_off_days, variance: offVarFile }, binning.roi, kind, {
      ...options,
      start: options.backgroundStarts?.[`${kind}:${period.name}`] ?? options.start,
    });
  } catch (e) {
    if (e instanceof FitRefusedError) throw new FitRefusedError(`period ${period.name}: ${e.message}`, period.name, e.model);
    throw e;
  }
  const fluxScale = knownFlux(spectra) / modelFluxPerCm2s(experiment);
  const signal = signalDefinition(options.coupling ?? "mu", model);
  const em = binAveragedRate(experiment, signal.process, edges, { params: signal.params, response: options.response }).map((v) => v * fluxScale);
  const weak = binAveragedRate(experiment, "weak", edges, { response: options.response }).map((v) => v * fluxScale);
  const roiBins = roiMask(edges, binning.roi);
  const onRatio = varianceToCountRatio(onCounts, onVarFile, roiBins);
  const offRatio = varianceToCountRatio(offCounts, offVarFile, roiBins);
  const weakCounts = Float64Array.from({ length: n }, (_, i) => period.t_on_days * mass * (edges[i + 1] - edges[i]) * weak[i]);
  let onVariance: Float64Array;
  let offVariance: Float64Array | undefined;
  if ((options.onVariance ?? "expected") === "observed") {
    onVariance = onVarFile ? Float64Array.from(onVarFile, (v) => Math.max(v, 1)) : Float64Array.from(onCounts, (c) => Math.max(c, 1));
    offVariance = kind === "raw" ? Float64Array.from(offVarFile ?? offCounts, (v) => Math.max(v, 1)) : undefined;
  } else if (kind === "raw") {
    const bHat = Float64Array.from({ length: n }, (_, i) => Math.max((onCounts[i] - weakCounts[i] + offCounts[i]) / (1 + tau), 0.5));
    onVariance = Float64Array.from(bHat, (b, i) => (tau * b + weakCounts[i]) * onRatio[i]);
    offVariance = Float64Array.from(bHat, (b, i) => b * offRatio[i]);
  } else {
    onVariance = Float64Array.from(background.counts, (b, i) => Math.max((tau * b + weakCounts[i]) * onRatio[i], 1e-6));
  }
  const base: GemmaPeriodInput = {
    edgesKeV: edges,
    onCounts,
    onVariance,
    offCounts: background.counts,
    tauTilde: tau,
    onDays: period.t_on_days,
    massKg: mass,
    emPerKeVKgDay: em,
    weakPerKeVKgDay: weak,
    roi: binning.roi,
  };
  let chi2: Chi2XK;
  let input: GemmaPeriodInput | CorrelatedGemmaPeriodInput;
  if (kind === "raw") {
    input = { ...base, offVariance };
    chi2 = new GemmaChi2(input);
  } else if (offErrors === "correlated") {
    input = { ...base, offFactor: background.factor, offRank: background.rank } as CorrelatedGemmaPeriodInput;
    chi2 = new CorrelatedGemmaChi2(input as CorrelatedGemmaPeriodInput);
  } else {
    input = { ...base, offVariance: offErrors === "diagonal" ? background.variance : new Float64Array(n) };
    chi2 = new GemmaChi2(input);
  }
  let fit: ProfileResult;
  let method: ProfileQuality["method"] = "brent";
  const refuse = (why: string) =>
    new FitRefusedError(
      `period ${period.name}: the chi2(X, K) fit with the ${background.label} background is refused: ${why}. Try another background (--background ${kind === "gel" ? "polynomial, spline or raw" : kind === "raw" ? "gel or spline" : "gel or raw"})${kind !== "raw" && offErrors !== "correlated" ? ", --off-errors correlated" : ""} or wider bins (--bin-kev 1).`,
      period.name,
      background.label,
    );
  if (options.fixK === undefined) {
    try {
      fit = chi2.profileFit();
    } catch (e) {
      // Brent's brackets can fail on a rough profile (FitError): the grid is the fallback.
      if (!(e instanceof FitError)) throw e;
      try {
        fit = gridProfileFit(chi2);
        method = "grid";
      } catch (e2) {
        if (!(e2 instanceof FitError)) throw e2;
        throw refuse(`${(e as Error).message}; on a grid: ${(e2 as Error).message}`);
      }
    }
  } else {
    const sec = chi2.section(options.fixK);
    fit = { xHat: sec.xHat, kHat: options.fixK, chi2Min: sec.chi2Min, dx: sec.dx, xLow: sec.xHat - sec.dx, xUp: sec.xHat + sec.dx, nbins: chi2.nbins, ndf: chi2.nbins - 1 };
    method = "section";
  }
  const profileQuality = assessProfile(chi2, fit, method, period.tau_rel_uncertainty ?? 0, onVariance, onRatio, maskedIndices(roiMask(edges, binning.roi)), options.fixK !== undefined, kind !== "raw" && offErrors === "none");
  if (!profileQuality.ok) throw refuse(profileQuality.problems.join("; "));
  const kRoi = options.kRoiKeV ?? [[20, 55]];
  let kPrefit: PeriodAnalysis["kPrefit"] = null;
  try {
    kPrefit = chi2 instanceof CorrelatedGemmaChi2 ? CorrelatedGemmaChi2.fitK(input as CorrelatedGemmaPeriodInput, kRoi) : GemmaChi2.fitK(input, kRoi);
  } catch (e) {
    // No K fit on the K range (too few bins there, no minimum in K: FitError): no prefit to show.
    if (!(e instanceof FitError)) throw e;
    kPrefit = null;
  }
  return new PeriodFit({
    name: period.name,
    onDays: period.t_on_days,
    offDays: period.t_off_days,
    tauTilde: tau,
    binning,
    onCounts,
    offCounts,
    onVariance,
    onRatio,
    offRatio,
    background,
    emPerKeVKgDay: em,
    weakPerKeVKgDay: weak,
    offErrors: kind === "raw" ? "diagonal" : offErrors,
    chi2,
    input,
    fit,
    kPrefit,
    quality: { background: background.quality, profile: profileQuality },
  });
}

/**
 * What `analysePeriod` returns (the fields of {@link PeriodAnalysis}); shows itself as the profile
 * fit of chi^2(X, K) (GEMMA Eq. 7) and the OFF background fit, X and K with errors by the PDG rule.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface PeriodFit extends PeriodAnalysis {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class PeriodFit extends FieldsRecord<PeriodAnalysis> {
  view(): ResultTable {
    const f = this.fit;
    const kErr = this.quality.profile.kErr;
    const b = this.background;
    // The ROI binning holds only ROI bins (gap bins are empty): the sum is the ROI's.
    const off = this.offCounts.reduce((a, c) => a + c, 0);
    return quantityTable(`${this.name}: OFF background ${b.label}, OFF curve errors ${this.offErrors}`, [
      ["X (profile over K, Δχ² = 1)", measured(f.xHat, f.dx)],
      ["K", Number.isFinite(kErr) ? measured(f.kHat, kErr) : f.kHat],
      ["χ² minimum", f.chi2Min],
      ["ndf", f.ndf],
      ["bins in the ROI", f.nbins],
      ["K from the prefit range at X = 0", this.kPrefit ? this.kPrefit.k : "-"],
      ["τ~ = T~ON/T~OFF", this.tauTilde],
      ["OFF counts in the ROI", off],
      ["OFF background fit χ² / ndf", Number.isFinite(b.chi2) ? `${Number(b.chi2.toPrecision(4))} / ${b.ndf}` : "not fitted (raw)"],
      ["OFF background fit p-value", b.fit ? b.fit.pValue : "-"],
    ]);
  }
}
