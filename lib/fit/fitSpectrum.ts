/**
 * Fits a background curve to a binned spectrum (e.g. the GEMMA OFF spectrum in the ROI, GEMMA
 * paper Sec. 3) by a Gaussian chi-square (variance = counts, or a given per-bin variance) or by
 * the Baker-Cousins Poisson likelihood chi-square (`statistic.ts`). Bins outside the ROI are
 * masked. Models linear in their parameters under the Gaussian chi-square are solved exactly by
 * weighted linear least squares (covariance (A^T W A)^-1); all others by `migrad`
 * (Nelder-Mead + HESSE, covariance 2 H^-1 since the statistic is a chi-square).
 */
import { BinIntegrator } from "./binIntegrator.js";
import type { CurveModel } from "./curveModel.js";
import { FitResult } from "./fitResult.js";
import type { Limit } from "./limits.js";
import { weightedLeastSquares } from "../math/weightedLeastSquares.js";
import { migrad, type MigradResult } from "./migrad.js";
import { maskedIndices, roiMask, type Roi } from "./roi.js";
import { checkSpectrum, countVariance, type BinnedSpectrum } from "./spectrum.js";
import { bakerCousinsChi2, gaussChi2, type FitStatistic } from "./statistic.js";

/** Options of {@link fitSpectrum}. */
export interface FitSpectrumOptions {
  /** keV intervals to fit (default: all bins). */
  roi?: Roi;
  /** "chi2" (Gaussian, default) or "poisson" (Baker-Cousins). */
  statistic?: FitStatistic;
  /** Per-bin variance for the Gaussian chi-square (default spectrum.variance, else max(counts, 1)). */
  variance?: ArrayLike<number>;
  /** Starting values (default: linear solution, or model.guess). */
  start?: ArrayLike<number>;
  /** Limits (default model.limits). */
  limits?: ReadonlyArray<Limit | null | undefined>;
  /** Fixed parameters (held at start). */
  fixed?: ReadonlyArray<boolean>;
  /** Initial simplex steps. */
  step?: ArrayLike<number>;
  /** Gauss-Legendre nodes per bin (default 8). */
  quadOrder?: number;
}

/**
 * Fits `model` to the spectrum; see the file header.
 *
 * @example
 * // Counts 10, 12, ..., 28 in 1-keV bins: the density 9 + 2 E, i.e. 19 + 10 x in Legendre form on [0, 10] keV.
 * const r = fitSpectrum({ edgesKeV: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], counts: [10, 12, 14, 16, 18, 20, 22, 24, 26, 28], exposure: 1 }, polynomialModel(1, 0, 10));
 * Array.from(r.values); // => [19.000, 10.000]
 */
export function fitSpectrum(spectrum: BinnedSpectrum, model: CurveModel, options: FitSpectrumOptions = {}): FitResult {
  const n = checkSpectrum(spectrum);
  const mask = roiMask(spectrum.edgesKeV, options.roi);
  const idx = maskedIndices(mask);
  const np = model.parameterNames.length;
  if (idx.length <= np) throw new Error(`fitSpectrum: ${idx.length} bins in the ROI for ${np} parameters`);
  const statistic = options.statistic ?? "chi2";
  const varAll = options.variance ? Float64Array.from(options.variance) : countVariance(spectrum);
  if (varAll.length !== n) throw new Error(`fitSpectrum: ${varAll.length} variances for ${n} bins`);
  const integ = new BinIntegrator(spectrum.edgesKeV, idx, options.quadOrder ?? 8);
  const y = Float64Array.from(idx, (i) => spectrum.counts[i]);
  const v = Float64Array.from(idx, (i) => varAll[i]);
  for (let i = 0; i < v.length; i++) if (!(v[i] > 0)) throw new Error(`fitSpectrum: variance of bin ${idx[i]} must be positive, got ${v[i]}`);
  const m = idx.length;
  const exposure = spectrum.exposure;
  const fixed = options.fixed;
  const anyFixed = fixed?.some(Boolean) ?? false;

  let values: Float64Array;
  let covariance: Float64Array;
  let mres: MigradResult | null = null;
  let linearSolution: Float64Array | null = null;
  let linearCov: Float64Array | null = null;
  if (model.linear && !anyFixed) {
    const design = new Float64Array(m * np);
    const unit = new Float64Array(np);
    const col = new Float64Array(m);
    for (let k = 0; k < np; k++) {
      unit.fill(0);
      unit[k] = 1;
      integ.expected(model, unit, exposure, col);
      for (let i = 0; i < m; i++) design[i * np + k] = col[i];
    }
    const w = v.map((x) => 1 / x);
    const ls = weightedLeastSquares(design, m, np, y, w);
    linearSolution = ls.solution;
    linearCov = ls.inverseNormal;
  }
  const mu = new Float64Array(m);
  const objective = (p: ArrayLike<number>): number => {
    integ.expected(model, p, exposure, mu);
    return statistic === "poisson" ? bakerCousinsChi2(y, mu) : gaussChi2(y, mu, v);
  };
  if (statistic === "chi2" && linearSolution && linearCov) {
    values = linearSolution;
    covariance = linearCov;
  } else {
    const start = options.start ? Float64Array.from(options.start) : linearSolution ?? model.guess?.(spectrum, mask);
    if (!start) throw new Error(`fitSpectrum: model ${model.name} has no guess(); pass options.start`);
    if (start.length !== np) throw new Error(`fitSpectrum: ${start.length} start values for ${np} parameters`);
    let step = options.step;
    if (!step && linearCov) step = Array.from({ length: np }, (_, k) => Math.sqrt(linearCov![k * np + k]));
    mres = migrad(objective, start, { names: model.parameterNames, limits: options.limits ?? model.limits, fixed, step, errordef: 1 });
    values = mres.values;
    covariance = mres.covariance;
  }

  const allInteg = new BinIntegrator(spectrum.edgesKeV, undefined, options.quadOrder ?? 8);
  const expected = allInteg.expected(model, values, exposure);
  const chi2 = objective(values);
  const nfree = np - (fixed ? fixed.filter(Boolean).length : 0);
  const pullVariance = statistic === "poisson" ? expected.map((x) => Math.max(x, 1e-300)) : varAll;
  return new FitResult({
    model,
    values,
    covariance,
    fixed: Array.from({ length: np }, (_, k) => Boolean(fixed?.[k])),
    chi2,
    ndf: m - nfree,
    statistic,
    edgesKeV: spectrum.edgesKeV,
    counts: spectrum.counts,
    exposure,
    mask,
    expected,
    pullVariance,
    migrad: mres,
  });
}
