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
 */
import type { Roi } from "../fit/roi.js";
import type { SpectraFile, SpectraPeriod } from "../spectra/spectraFile.js";
import { GemmaChi2, type GemmaPeriodInput, type ProfileResult } from "../stats/gemmaChi2.js";
import { CorrelatedGemmaChi2, type Chi2XK, type CorrelatedGemmaPeriodInput } from "../stats/gemmaChi2Correlated.js";
import { fitOffBackground, type BackgroundFitOptions, type BackgroundKind, type OffBackground } from "./backgroundFit.js";
import { binAveragedRate, experimentNameOf, modelFluxPerCm2s, type SignalResponse } from "./binnedRates.js";
import { signalDefinition, type Coupling, type MagneticModel } from "./models.js";
import { rebinValues, roiBinning, roiWithLowEdge, type RoiBinning } from "./roiBinning.js";
import { varianceToCountRatio } from "./varianceRatio.js";
import { roiMask } from "../fit/roi.js";

/** How the OFF curve's errors enter chi^2(X, K) (see the file header). */
export type OffErrors = "correlated" | "diagonal" | "none";

/** One analysis choice (GEMMA: background function, ROI edges, ...; here also the bin width). */
export interface AnalysisChoice {
  label?: string;
  background?: BackgroundKind;
  /** Low edge of the ROI, keV (default the file's). */
  roiLowKeV?: number;
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
}


/** The chi-square of one period for an analysis choice (see the file header). */
export function analysePeriod(spectra: SpectraFile, period: SpectraPeriod, choice: AnalysisChoice, options: PeriodAnalysisOptions = {}): PeriodAnalysis {
  const experiment = experimentNameOf(spectra.experiment);
  const model = options.model ?? "fe";
  const kind = choice.background ?? options.background ?? "gel";
  const offErrors = options.offErrors ?? "correlated";
  const roi = choice.roiLowKeV === undefined ? period.roi_kev : roiWithLowEdge(period.roi_kev, choice.roiLowKeV);
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
  const background = fitOffBackground({ edgesKeV: edges, counts: offCounts, exposureKgDay: mass * period.t_off_days, variance: offVarFile }, binning.roi, kind, {
    ...options,
    start: options.backgroundStarts?.[`${kind}:${period.name}`] ?? options.start,
  });
  const fluxScale = spectra.flux_per_cm2_s / modelFluxPerCm2s(experiment);
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
  if (options.fixK === undefined) fit = chi2.profileFit();
  else {
    const sec = chi2.section(options.fixK);
    fit = { xHat: sec.xHat, kHat: options.fixK, chi2Min: sec.chi2Min, dx: sec.dx, xLow: sec.xHat - sec.dx, xUp: sec.xHat + sec.dx, nbins: chi2.nbins, ndf: chi2.nbins - 1 };
  }
  const kRoi = options.kRoiKeV ?? [[20, 55]];
  let kPrefit: PeriodAnalysis["kPrefit"] = null;
  try {
    kPrefit = chi2 instanceof CorrelatedGemmaChi2 ? CorrelatedGemmaChi2.fitK(input as CorrelatedGemmaPeriodInput, kRoi) : GemmaChi2.fitK(input, kRoi);
  } catch {
    kPrefit = null;
  }
  return {
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
  };
}
