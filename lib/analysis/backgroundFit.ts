/**
 * The smooth OFF background of GEMMA Sec. 3 ("we fit the background OFF spectrum in the ROI ...
 * with a parametrized smooth function (a sum of Gaussian, exponential and linear functions) or
 * with splines; these fits produce slightly different results"): the fitted curve's expected
 * counts in the analysis bins, their covariance as a low-rank factor L (V = L L^T, for
 * `CorrelatedGemmaChi2`) and its diagonal (for the GEMMA-literal diagonal chi-square).
 *
 * Background functions (`BackgroundKind`):
 *  - "gel": Gaussian + exponential + linear (`gaussExpLinearModel`, E_ref = ROI low edge), fitted
 *    by Levenberg-Marquardt with the Poisson likelihood. Limits (project choice: the background is
 *    a smooth curve, lines are excluded by the ROI): Gaussian mean inside the ROI, width 1 keV to the
 *    ROI length, exponential slope 0.3 keV to 10 x the ROI length.
 *  - "polynomial": Legendre polynomial of degree 5 (default) on the ROI, Poisson likelihood.
 *  - "spline": cubic smoothing spline (`fitSmoothingSpline`, GCV) through the OFF spectrum regrouped
 *    into ~1 keV bins inside the ROI (default `splineBinKeV`), with variances iterated to the
 *    fitted expectation (quasi-Poisson). The spline stands for the 1 keV bin averages; evaluated
 *    at a narrower analysis bin it is corrected for the curvature, avg_w f = g - (W^2 - w^2) g''/24
 *    (Taylor expansion of the bin average; W, w the spline and analysis bin widths).
 *  - "raw": the OFF counts bin by bin (no smoothing; variance = counts).
 * When the spectrum carries variances different from its counts (efficiency-corrected counts), the
 * parametric fits use a Gaussian chi-square with variance = (var/counts) x expectation, iterated
 * (quasi-likelihood), instead of the Poisson likelihood.
 *
 * Checks of every fit (`quality`, `assessBackground`): the minimiser converged; the parameter
 * covariance is finite (the Fisher information positive definite on the directions the data
 * constrain; flat directions, e.g. the mean of a Gaussian of zero amplitude, are reported, not
 * refused: the curve does not depend on them); the curve is positive in every ROI bin (a count
 * expectation); the goodness of fit z <= 5 (`fitQuality.ts`: the statistic against its own mean and
 * spread under the fitted model, valid at low counts). z < -5 (chi2 far below its expectation:
 * variances larger than the scatter, or Asimov data) is reported, not refused: the errors are then
 * conservative, not wrong. A parametric fit failing a check is repeated from other starting values
 * (for "gel": the scan's start without its Gaussian, and without its exponential; for
 * "polynomial": a constant), and refused (`FitRefusedError`) when none passes.
 * The smoothing spline keeps an effective ndf >= a quarter of its bins (choice, ours: GCV can choose
 * an interpolating spline, ndf ~ 0, when the variances are far larger than the scatter, and then
 * chi2/ndf = 0.0/0.1 says nothing; a smooth background over ~50 one-keV bins needs ~5-10 effective
 * parameters, GEL 7, GCV 6-10 on the full simulated GEMMA data, far below 3/4 of the bins; on exactly
 * smooth Asimov data, where GCV interpolates, the floor moves the curve by < 0.4 %).
 * Convergence of a parametric fit: the minimiser's own criterion, or an estimated distance to the
 * minimum (EDM, the Gauss-Newton step's predicted decrease) below 0.5 in chi2, i.e. inside the
 * 1 sigma region (Delta chi2 = 1) of the minimum (LM can stop at its iteration limit creeping along a
 * nearly flat direction, e.g. a long exponential slope traded against the linear term, where the
 * curve no longer changes); a fit that did not converge is first continued from where it stopped.
 */
import { BinIntegrator } from "../fit/binIntegrator.js";
import type { CurveModel } from "../fit/curveModel.js";
import type { FitResult } from "../fit/fitResult.js";
import { fitSpectrumLM } from "../fit/fitSpectrumLM.js";
import { gaussExpLinearGuess, gaussExpLinearModel, type GaussExpLinearScanGrid } from "../fit/gaussExpLinear.js";
import type { Limit } from "../fit/limits.js";
import { weightedLeastSquares } from "../math/weightedLeastSquares.js";
import { evaluateSpline, splineSecondDerivatives } from "../fit/naturalSpline.js";
import { polynomialModel } from "../fit/polynomial.js";
import { maskedIndices, roiMask, type Roi } from "../fit/roi.js";
import { fitSmoothingSpline } from "../fit/smoothingSpline.js";
import { symmetricEigen } from "../math/symmetricEigen.js";
import { FitError } from "../errors.js";
import { FitRefusedError, goodnessOfFit, PLAUSIBLE_GOF_Z, type GoodnessOfFit } from "../fit/fitQuality.js";
import { rebinValues, roiBinning } from "./roiBinning.js";
import { varianceToCountRatio } from "./varianceRatio.js";

/** The OFF background treatments. */
export type BackgroundKind = "gel" | "spline" | "polynomial" | "raw";
export const BACKGROUND_KINDS: readonly BackgroundKind[] = ["gel", "spline", "polynomial", "raw"];

/** A binned OFF spectrum: counts over the OFF exposure (kg day). */
export interface OffSpectrum {
  edgesKeV: ArrayLike<number>;
  counts: ArrayLike<number>;
  /** Exposure m_d x T_OFF, kg day. */
  exposureKgDay: number;
  /** Per-bin variances (efficiency-corrected counts); default the counts. */
  variance?: ArrayLike<number>;
}

/** Options of {@link fitOffBackground}. */
export interface BackgroundFitOptions {
  /** Degree of the Legendre polynomial (default 5). */
  polynomialDegree?: number;
  /** Bin width the smoothing spline is fitted on, keV (default 1). */
  splineBinKeV?: number;
  /** Starting values of a parametric fit (default: a coarse least-squares scan). */
  start?: ArrayLike<number>;
  /** Gauss-Legendre nodes per bin of the parametric fits (default 3). */
  quadOrder?: number;
}

/** The fitted OFF curve in the analysis bins. */
export interface OffBackground {
  kind: BackgroundKind;
  label: string;
  /** Expected OFF counts per analysis bin (all bins of the binning; only ROI bins are meaningful). */
  counts: Float64Array;
  /** Their variances (diagonal of V). */
  variance: Float64Array;
  /** Low-rank factor of V, bins x rank row-major (empty for "raw"). */
  factor: Float64Array;
  rank: number;
  /** The fit (null for "raw"); for "spline" on its own ~1 keV binning. */
  fit: FitResult | null;
  chi2: number;
  ndf: number;
  /** The checks of the fit (see the file header). */
  quality: BackgroundQuality;
}

/** The checks of one background fit (see the file header). */
export interface BackgroundQuality {
  converged: boolean;
  /** Directions of the parameter space the data constrain (the Fisher information's rank), of `parameters`. */
  rank: number | null;
  parameters: number;
  /** Finite covariance (the Fisher information positive definite on the constrained directions). */
  covarianceFinite: boolean;
  /** ROI bins where the fitted curve is <= 0. */
  nonPositiveBins: number;
  gof: GoodnessOfFit | null;
  /** Starting values tried (1 = the first fit passed). */
  attempts: number;
  /** Failed checks (a fit with any is refused). */
  problems: string[];
  /** Noted, not refused. */
  warnings: string[];
  ok: boolean;
}

/** Spline: the floor of the effective ndf, as a fraction of the fitted bins (see the file header). */
export const SPLINE_MIN_NDF_FRACTION = 0.25;

/** The checks of a fitted curve (see the file header). */
export function assessBackground(fit: FitResult, attempts = 1): BackgroundQuality {
  const free = fit.fixed.filter((f) => !f).length;
  const rank = typeof fit.info.rank === "number" ? fit.info.rank : null;
  const converged = fit.info.converged !== false || fit.edm < 0.5;
  const covarianceFinite = Array.from(fit.errors).every((e, i) => fit.fixed[i] || Number.isFinite(e));
  const idx = maskedIndices(fit.mask);
  let nonPositive = 0;
  // The curve on the fit's own bins (the spline's ~1 keV bins) and on the analysis bins.
  for (const i of idx) if (!(fit.expected[i] > 0)) nonPositive++;
  const expected = Float64Array.from(idx, (i) => fit.expected[i]);
  const variance = Float64Array.from(idx, (i) => fit.pullVariance[i]);
  const gof = Number.isFinite(fit.chi2) ? goodnessOfFit(fit.statistic, fit.chi2, fit.ndf, expected, variance) : null;
  const problems: string[] = [];
  const warnings: string[] = [];
  const c2 = `chi2/ndf = ${fit.chi2.toFixed(1)}/${fit.ndf.toFixed(1)}`;
  if (!converged) problems.push("the minimiser did not converge");
  if (!covarianceFinite) problems.push("its covariance is not finite (the curvature matrix is not positive definite)");
  if (nonPositive > 0) problems.push(`the fitted curve is <= 0 in ${nonPositive} ROI bin${nonPositive > 1 ? "s" : ""} (a background expectation must be positive)`);
  if (!gof) problems.push(`${c2} is not finite`);
  else if (gof.z > PLAUSIBLE_GOF_Z) problems.push(`${c2} is implausibly large (z = ${gof.z.toFixed(1)} against its expectation ${gof.mean.toFixed(1)} +- ${gof.sd.toFixed(1)}; bound ${PLAUSIBLE_GOF_Z})`);
  else if (gof.z < -PLAUSIBLE_GOF_Z) warnings.push(`${c2} is far below its expectation ${gof.mean.toFixed(1)} +- ${gof.sd.toFixed(1)} (z = ${gof.z.toFixed(1)}): the variances exceed the scatter of the counts, the errors are conservative`);
  if (typeof fit.info.note === "string" && fit.info.note) warnings.push(fit.info.note);
  return { converged, rank, parameters: free, covarianceFinite, nonPositiveBins: nonPositive, gof, attempts, problems, warnings, ok: problems.length === 0 };
}

const GEL_QUAD = 3;

/** Limits of the GEL parameters on a ROI [lo, hi] (see the file header). */
export function gelLimits(loKeV: number, hiKeV: number): (Limit | null)[] {
  const range = hiKeV - loKeV;
  return [null, [loKeV, hiKeV], [1, Math.max(range, 1.01)], null, [0.3, 10 * range], null, null];
}

/** The coarse grid of the GEL start: 7 x 2 x 4 points, widths >= 1.05 keV and slopes >= 0.35 keV (inside `gelLimits`), 2-node quadrature: a few ms. */
const GEL_START_SCAN: GaussExpLinearScanGrid = Object.freeze({ means: 7, sigmaFractions: [0.1, 0.3], slopeFractions: [0.03, 0.07, 0.15, 0.4], minSigmaKeV: 1.05, minSlopeKeV: 0.35, quadOrder: 2, weights: "counts" });

/**
 * Starting values of the GEL fit: for a grid of (mean, width, slope) the four amplitudes enter
 * linearly and are solved by weighted least squares; the best grid point wins
 * (`gaussExpLinearGuess` on {@link GEL_START_SCAN}).
 */
export function gelStart(spectrum: OffSpectrum, roi: Roi): Float64Array {
  const mask = roiMask(spectrum.edgesKeV, roi);
  const lo = spectrum.edgesKeV[maskedIndices(mask)[0]];
  return gaussExpLinearGuess({ edgesKeV: spectrum.edgesKeV, counts: spectrum.counts, exposure: spectrum.exposureKgDay }, mask, lo, GEL_START_SCAN);
}

/** Whether per-bin variances differ from the counts (corrected spectra). */
function hasOwnVariance(s: OffSpectrum): boolean {
  if (!s.variance) return false;
  for (let i = 0; i < s.counts.length; i++) if (Math.abs(s.variance[i] - s.counts[i]) > 1e-9 * Math.max(1, s.counts[i])) return true;
  return false;
}

/** Variance-to-count ratio per bin (`varianceToCountRatio`, median of the ROI bins where a count is below 1). */
function varianceRatio(s: OffSpectrum, roi: Roi): Float64Array {
  return varianceToCountRatio(s.counts, s.variance, roiMask(s.edgesKeV, roi));
}

/** A parametric fit: Poisson LM, or quasi-likelihood (iterated Gaussian chi-square) for corrected counts. */
function fitParametric(s: OffSpectrum, model: CurveModel, roi: Roi, start: ArrayLike<number>, limits: ReadonlyArray<Limit | null>, quadOrder: number): FitResult {
  const spectrum = { edgesKeV: s.edgesKeV, counts: s.counts, exposure: s.exposureKgDay };
  if (!hasOwnVariance(s)) return fitSpectrumLM(spectrum, model, { roi, start, limits, quadOrder, statistic: "poisson" });
  const ratio = varianceRatio(s, roi);
  let fit = fitSpectrumLM(spectrum, model, { roi, start, limits, quadOrder, statistic: "chi2", variance: Float64Array.from(s.counts, (c, i) => Math.max(c, 1) * ratio[i]) });
  for (let it = 0; it < 2; it++) {
    // Floor of 1 count as in the first pass: a curve dipping to or below zero in a bin (a Gaussian
    // of negative amplitude) would otherwise get a variance of ~0 there, and the next pass chases
    // that one bin (chi2 1e9 on a one-month spectrum).
    const variance = Float64Array.from(fit.expected, (mu, i) => Math.max(mu, 1) * ratio[i]);
    fit = fitSpectrumLM(spectrum, model, { roi, start: fit.values, limits, quadOrder, statistic: "chi2", variance });
  }
  return fit;
}

/** Low-rank factor L (bins x r) of J C J^T from a Jacobian J (bins x p) and a covariance C (p x p). */
function lowRankFactor(jac: Float64Array, nb: number, cov: ArrayLike<number>, p: number): { factor: Float64Array; rank: number } {
  // Scale C to unit diagonal so that the rank cut does not depend on the parameters' units:
  // J C J^T = (J D) S (J D)^T with S = D^-1 C D^-1.
  const d = Float64Array.from({ length: p }, (_, k) => (cov[k * p + k] > 0 ? Math.sqrt(cov[k * p + k]) : 0));
  const s = new Float64Array(p * p);
  for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) s[a * p + b] = d[a] > 0 && d[b] > 0 ? cov[a * p + b] / (d[a] * d[b]) : 0;
  const jd = Float64Array.from(jac, (x, k) => x * d[k % p]);
  return lowRankFactorPlain(jd, nb, s, p, 1e-12);
}

function rowSquares(factor: Float64Array, nb: number, r: number): Float64Array {
  const v = new Float64Array(nb);
  for (let i = 0; i < nb; i++) for (let q = 0; q < r; q++) v[i] += factor[i * r + q] ** 2;
  return v;
}

/** Curve counts and the factor of their covariance in all bins, from a parametric fit. */
function parametricCurve(fit: FitResult, edgesKeV: ArrayLike<number>, exposure: number, quadOrder: number): { counts: Float64Array; factor: Float64Array; rank: number } {
  const integ = new BinIntegrator(edgesKeV, undefined, quadOrder);
  const nb = integ.size;
  const p = fit.values.length;
  const counts = integ.expected(fit.model, fit.values, exposure);
  const jac = new Float64Array(nb * p);
  const pp = Float64Array.from(fit.values);
  const plus = new Float64Array(nb);
  const minus = new Float64Array(nb);
  for (let k = 0; k < p; k++) {
    if (!(fit.errors[k] > 0)) continue;
    // The local derivative (the covariance is the local inverse Fisher information): a step small
    // against the parameter itself, not against its error, which is large for a weakly constrained
    // nonlinear parameter (e.g. the mean of a Gaussian of small amplitude).
    const h = 1e-6 * Math.max(Math.abs(fit.values[k]), 1e-3);
    pp[k] = fit.values[k] + h;
    integ.expected(fit.model, pp, exposure, plus);
    pp[k] = fit.values[k] - h;
    integ.expected(fit.model, pp, exposure, minus);
    pp[k] = fit.values[k];
    for (let i = 0; i < nb; i++) jac[i * p + k] = (plus[i] - minus[i]) / (2 * h);
  }
  return { counts, ...lowRankFactor(jac, nb, fit.covariance, p) };
}

/** The spline background on its ~1 keV binning, evaluated in the analysis bins (see the file header). */
function splineCurve(s: OffSpectrum, roi: Roi, binKeV: number): { counts: Float64Array; factor: Float64Array; rank: number; fit: FitResult } {
  const coarse = roiBinning(s.edgesKeV, roi, binKeV);
  const counts = rebinValues(s.counts, coarse);
  const ratioC = hasOwnVariance(s) ? varianceToCountRatio(counts, rebinValues(s.variance!, coarse), roiMask(coarse.edgesKeV, coarse.roi)) : new Float64Array(counts.length).fill(1);
  const spectrum = { edgesKeV: coarse.edgesKeV, counts, exposure: s.exposureKgDay };
  let variance = Float64Array.from(counts, (c, i) => Math.max(c, 1) * ratioC[i]);
  // The ndf floor applies to the final pass (the earlier ones only set the variances).
  const minNdf = SPLINE_MIN_NDF_FRACTION * maskedIndices(roiMask(coarse.edgesKeV, coarse.roi)).length;
  let fit = fitSmoothingSpline(spectrum, { roi: coarse.roi, smoothing: "gcv", variance });
  for (let it = 0; it < 2; it++) {
    // Floor of 1 count, as in the parametric fits (a variance of ~0 where the curve touches zero).
    variance = Float64Array.from(fit.expected, (mu, i) => (fit.mask[i] ? Math.max(mu, 1) * ratioC[i] : 1));
    fit = fitSmoothingSpline(spectrum, { roi: coarse.roi, smoothing: "gcv", variance, minNdf: it === 1 ? minNdf : undefined });
  }
  // Knots: the centres of the coarse ROI bins.
  const knotIdx = maskedIndices(fit.mask);
  const nk = knotIdx.length;
  const knots = Float64Array.from(knotIdx, (i) => 0.5 * (coarse.edgesKeV[i] + coarse.edgesKeV[i + 1]));
  const knotWidth = Float64Array.from(knotIdx, (i) => coarse.edgesKeV[i + 1] - coarse.edgesKeV[i]);
  const nb = s.edgesKeV.length - 1;
  const centres = Float64Array.from({ length: nb }, (_, i) => 0.5 * (s.edgesKeV[i] + s.edgesKeV[i + 1]));
  const widths = Float64Array.from({ length: nb }, (_, i) => s.edgesKeV[i + 1] - s.edgesKeV[i]);
  // Coarse width W at each analysis bin: that of the nearest knot.
  const wCoarse = Float64Array.from(centres, (c) => {
    let best = 0;
    for (let k = 1; k < nk; k++) if (Math.abs(knots[k] - c) < Math.abs(knots[best] - c)) best = k;
    return knotWidth[best];
  });
  // A (bins x knots): the linear map from knot values to bin-averaged density.
  const A = new Float64Array(nb * nk);
  const unit = new Float64Array(nk);
  const val = new Float64Array(nb);
  for (let k = 0; k < nk; k++) {
    unit.fill(0);
    unit[k] = 1;
    const gamma = splineSecondDerivatives(knots, unit);
    evaluateSpline(knots, unit, gamma, centres, val);
    for (let i = 0; i < nb; i++) {
      const c = centres[i];
      let g2 = 0;
      if (c > knots[0] && c < knots[nk - 1]) {
        let j = 0;
        while (j < nk - 2 && knots[j + 1] < c) j++;
        const t = (c - knots[j]) / (knots[j + 1] - knots[j]);
        g2 = (1 - t) * gamma[j] + t * gamma[j + 1];
      }
      A[i * nk + k] = val[i] - ((wCoarse[i] ** 2 - widths[i] ** 2) / 24) * g2;
    }
  }
  const out = new Float64Array(nb);
  const jac = new Float64Array(nb * nk);
  for (let i = 0; i < nb; i++) {
    const scale = s.exposureKgDay * widths[i];
    let sum = 0;
    for (let k = 0; k < nk; k++) {
      jac[i * nk + k] = scale * A[i * nk + k];
      sum += jac[i * nk + k] * fit.values[k];
    }
    out[i] = sum;
  }
  // Keep the spline components holding more than 1e-6 of the largest variance (its smoother
  // eigenvalues fall steeply); the dropped ones are negligible against the Poisson errors.
  const { factor, rank } = lowRankFactorPlain(jac, nb, fit.covariance, nk, 1e-6);
  return { counts: out, factor, rank, fit };
}

/** Low-rank factor of J C J^T keeping the eigen-directions of C above relCut x its largest eigenvalue (no unit scaling: for knot values, which share one unit). */
function lowRankFactorPlain(jac: Float64Array, nb: number, cov: ArrayLike<number>, p: number, relCut: number): { factor: Float64Array; rank: number } {
  const { values, vectors } = symmetricEigen(cov, p);
  const max = Math.max(0, ...values);
  const keep: number[] = [];
  for (let c = 0; c < p; c++) if (values[c] > relCut * max) keep.push(c);
  const r = keep.length;
  const factor = new Float64Array(nb * r);
  for (let i = 0; i < nb; i++) {
    for (let q = 0; q < r; q++) {
      const c = keep[q];
      let sum = 0;
      for (let a = 0; a < p; a++) sum += jac[i * p + a] * vectors[a * p + c];
      factor[i * r + q] = sum * Math.sqrt(values[c]);
    }
  }
  return { factor, rank: r };
}

/** Fits the OFF spectrum in the ROI with the chosen background (see the file header). */
export function fitOffBackground(spectrum: OffSpectrum, roi: Roi, kind: BackgroundKind, options: BackgroundFitOptions = {}): OffBackground {
  const nb = spectrum.edgesKeV.length - 1;
  if (spectrum.counts.length !== nb) throw new Error(`fitOffBackground: ${spectrum.counts.length} counts for ${nb} bins`);
  if (!(spectrum.exposureKgDay > 0)) throw new Error("fitOffBackground: exposure must be positive");
  const idx = maskedIndices(roiMask(spectrum.edgesKeV, roi));
  if (idx.length < 10) throw new FitRefusedError(`the OFF background fit (${kind}) is refused: ${idx.length} bins in the ROI, it needs at least 10. Try narrower bins or a wider ROI.`, "", kind);
  const lo = spectrum.edgesKeV[idx[0]];
  const hi = spectrum.edgesKeV[idx[idx.length - 1] + 1];
  const quad = options.quadOrder ?? GEL_QUAD;
  if (kind === "raw") {
    const variance = Float64Array.from(spectrum.counts, (c, i) => Math.max(spectrum.variance ? spectrum.variance[i] : c, 1));
    const quality: BackgroundQuality = { converged: true, rank: null, parameters: 0, covarianceFinite: true, nonPositiveBins: 0, gof: null, attempts: 1, problems: [], warnings: [], ok: true };
    return { kind, label: "raw OFF spectrum", counts: Float64Array.from(spectrum.counts), variance, factor: new Float64Array(0), rank: 0, fit: null, chi2: NaN, ndf: NaN, quality };
  }
  if (kind === "spline") {
    const binKeV = options.splineBinKeV ?? 1;
    const r = splineCurve(spectrum, roi, binKeV);
    const label = `smoothing spline (GCV, ${binKeV} keV knots)`;
    const quality = assessBackground(r.fit);
    const inRoi = idx.filter((i) => !(r.counts[i] > 0)).length;
    if (inRoi > 0 && quality.nonPositiveBins === 0) quality.problems.push(`the fitted curve is <= 0 in ${inRoi} analysis bin${inRoi > 1 ? "s" : ""} of the ROI`);
    quality.ok = quality.problems.length === 0;
    if (!quality.ok) throw refusal(label, quality, "another background (gel, polynomial or raw)");
    return { kind, label, counts: r.counts, variance: rowSquares(r.factor, nb, r.rank), factor: r.factor, rank: r.rank, fit: r.fit, chi2: r.fit.chi2, ndf: r.fit.ndf, quality };
  }
  let model: CurveModel;
  let starts: ArrayLike<number>[];
  let limits: (Limit | null)[];
  if (kind === "gel") {
    model = gaussExpLinearModel(lo);
    limits = gelLimits(lo, hi);
    const scan = gelStart(spectrum, roi);
    // Retries: the scan's start without its Gaussian (amplitude 0), and without its exponential.
    starts = [options.start ?? scan, ...(options.start ? [scan] : []), Float64Array.from(scan, (v, k) => (k === 0 ? 0 : v)), Float64Array.from(scan, (v, k) => (k === 3 ? 0 : v))];
  } else if (kind === "polynomial") {
    const degree = options.polynomialDegree ?? 5;
    model = polynomialModel(degree, lo, hi);
    limits = [];
    const wls = polynomialStart(spectrum, roi, model);
    // Retry: the constant term alone (the Legendre P0 coefficient is the mean density).
    starts = [options.start ?? wls, ...(options.start ? [wls] : []), Float64Array.from(wls, (v, k) => (k === 0 ? v : 0))];
  } else {
    throw new Error(`fitOffBackground: unknown background ${JSON.stringify(kind)} (expected one of ${BACKGROUND_KINDS.join(", ")})`);
  }
  const label = kind === "gel" ? "Gaussian + exponential + linear" : `Legendre polynomial, degree ${options.polynomialDegree ?? 5}`;
  let first: { fit: FitResult; curve: ReturnType<typeof parametricCurve>; quality: BackgroundQuality } | null = null;
  const failures: string[] = [];
  for (let a = 0; a < starts.length; a++) {
    let fit: FitResult;
    try {
      fit = fitParametric(spectrum, model, roi, starts[a], limits, quad);
    } catch (e) {
      // A start where the statistic is not finite (FitError): noted, the next start is tried.
      if (!(e instanceof FitError)) throw e;
      failures.push(e.message);
      continue;
    }
    if (fit.info.converged === false && !(fit.edm < 0.5)) {
      // Continued from where it stopped (a slow valley, not a wrong one).
      fit = fitParametric(spectrum, model, roi, fit.values, limits, quad);
    }
    const curve = parametricCurve(fit, spectrum.edgesKeV, spectrum.exposureKgDay, quad);
    const quality = assessBackground(fit, a + 1);
    if (quality.ok) return { kind, label, counts: curve.counts, variance: rowSquares(curve.factor, nb, curve.rank), factor: curve.factor, rank: curve.rank, fit, chi2: fit.chi2, ndf: fit.ndf, quality };
    first ??= { fit, curve, quality };
  }
  const quality = first ? { ...first.quality, attempts: starts.length } : null;
  if (!quality && failures.length > 0) throw new FitRefusedError(`the OFF background fit (${label}) is refused: no starting value gives a finite fit statistic (the curve is not positive where there are counts). Try another background (polynomial, spline or raw) or wider bins (--bin-kev 1).`, "", label);
  throw refusal(label, quality, kind === "gel" ? "another background (polynomial, spline or raw) or wider bins (--bin-kev 1)" : "another background (gel, spline or raw), another degree, or wider bins (--bin-kev 1)", starts.length);
}

/** The refusal of a background fit (the caller adds the period). */
function refusal(label: string, quality: BackgroundQuality | null, tryInstead: string, attempts = 1): FitRefusedError {
  const why = quality ? quality.problems.join("; ") : "the fit failed";
  return new FitRefusedError(`the OFF background fit (${label}) is refused: ${why}${attempts > 1 ? ` (from ${attempts} starting values)` : ""}. Try ${tryInstead}.`, "", label);
}

/** Weighted least-squares polynomial start (exact for a linear model under the Gaussian chi-square). */
function polynomialStart(s: OffSpectrum, roi: Roi, model: CurveModel): Float64Array {
  const idx = maskedIndices(roiMask(s.edgesKeV, roi));
  const np = model.parameterNames.length;
  const integ = new BinIntegrator(s.edgesKeV, idx, 2);
  const m = idx.length;
  const design = new Float64Array(m * np);
  const col = new Float64Array(m);
  const unit = new Float64Array(np);
  for (let k = 0; k < np; k++) {
    unit.fill(0);
    unit[k] = 1;
    integ.expected(model, unit, s.exposureKgDay, col);
    for (let i = 0; i < m; i++) design[i * np + k] = col[i];
  }
  const y = Float64Array.from(idx, (i) => s.counts[i]);
  return weightedLeastSquares(design, m, np, y, Float64Array.from(y, (c) => 1 / Math.max(c, 1))).solution;
}
