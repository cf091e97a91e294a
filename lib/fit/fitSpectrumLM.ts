/**
 * Background fit of a binned spectrum by the Levenberg-Marquardt method (K. Levenberg, Q. Appl.
 * Math. 2 (1944) 164; D. W. Marquardt, J. SIAM 11 (1963) 431; in the form of Numerical Recipes
 * 3rd ed., Sec. 15.5.2, with Marquardt's diagonal scaling): a Gauss-Newton step on the binned
 * statistic, damped until the statistic falls. For the Poisson statistic the step is Fisher
 * scoring, (J^T W J + lambda diag) delta = J^T W (n - mu) with W = 1/mu, whose fixed point is the
 * maximum-likelihood score equation sum (n/mu - 1) dmu/dp = 0; for the Gaussian chi-square W is
 * 1/variance (the iteration is lib/math's `levenbergMarquardt`; this file supplies the residuals,
 * weights and Jacobian). The same fit as `fitSpectrum` (Nelder-Mead + HESSE), one to two orders of magnitude
 * faster for smooth models: it is what the statistics step uses inside pseudo-experiments.
 *
 * Limits by the MINUIT transformation (`limits.ts`): the iteration works on internal variables and
 * the model only ever sees values inside the limits. The Jacobian is by central differences.
 * Covariance: the inverse of the Fisher information J^T W J in the external parameters at the
 * minimum (the errordef-1 covariance of a chi-square-like statistic), as a pseudo-inverse
 * (`pseudoInverseSymmetric`) so that a direction the data leave flat (e.g. the mean of a Gaussian
 * of zero amplitude) gets no variance instead of a meaningless one; `info.rank` says how many
 * directions were constrained.
 */
import { FitError } from "../errors.js";
import { levenbergMarquardt, type LeastSquaresProblem } from "../math/levenbergMarquardt.js";
import { pseudoInverseSymmetric } from "../math/pseudoInverseSymmetric.js";
import { BinIntegrator } from "./binIntegrator.js";
import type { CurveModel } from "./curveModel.js";
import { FitResult } from "./fitResult.js";
import { isBounded, toExternal, toInternal, type Limit } from "./limits.js";
import { maskedIndices, roiMask, type Roi } from "./roi.js";
import { checkSpectrum, countVariance, type BinnedSpectrum } from "./spectrum.js";
import { bakerCousinsChi2, gaussChi2, type FitStatistic } from "./statistic.js";

/** Options of {@link fitSpectrumLM}. */
export interface FitSpectrumLMOptions {
  /** keV intervals to fit (default: all bins). */
  roi?: Roi;
  /** "poisson" (Baker-Cousins, default) or "chi2" (Gaussian with `variance`). */
  statistic?: FitStatistic;
  /** Per-bin variance for the Gaussian chi-square (default spectrum.variance, else max(counts, 1)). */
  variance?: ArrayLike<number>;
  /** Starting values (default model.guess). */
  start?: ArrayLike<number>;
  /** Limits per parameter (default model.limits). */
  limits?: ReadonlyArray<Limit | null | undefined>;
  /** Parameters held at their start value. */
  fixed?: ReadonlyArray<boolean>;
  /** Gauss-Legendre nodes per bin (default 8). */
  quadOrder?: number;
  /** Maximum number of iterations (default 200). */
  maxIterations?: number;
  /**
   * Convergence: three accepted steps lowering the statistic by less than this in total, or an
   * undamped Gauss-Newton step promising less (default 1e-3: the statistic is a chi-square, and
   * 1e-3 is far below any meaningful change; it stops the slow zig-zag along the flat valleys of
   * weakly constrained nonlinear parameters, where the curve itself no longer changes).
   */
  tolerance?: number;
}

/** Fits `model` to the spectrum by Levenberg-Marquardt; see the file header. */
export function fitSpectrumLM(spectrum: BinnedSpectrum, model: CurveModel, options: FitSpectrumLMOptions = {}): FitResult {
  const n = checkSpectrum(spectrum);
  const mask = roiMask(spectrum.edgesKeV, options.roi);
  const idx = maskedIndices(mask);
  const np = model.parameterNames.length;
  const fixed = options.fixed ?? [];
  const free: number[] = [];
  for (let k = 0; k < np; k++) if (!fixed[k]) free.push(k);
  const nf = free.length;
  if (idx.length <= nf) throw new FitError(`fitSpectrumLM: ${idx.length} bins in the ROI for ${nf} free parameters`);
  const statistic = options.statistic ?? "poisson";
  const varAll = options.variance ? Float64Array.from(options.variance) : countVariance(spectrum);
  if (varAll.length !== n) throw new Error(`fitSpectrumLM: ${varAll.length} variances for ${n} bins`);
  const limits = options.limits ?? model.limits ?? [];
  const start = options.start ? Float64Array.from(options.start) : model.guess?.(spectrum, mask);
  if (!start) throw new Error(`fitSpectrumLM: model ${model.name} has no guess(); pass options.start`);
  if (start.length !== np) throw new Error(`fitSpectrumLM: ${start.length} start values for ${np} parameters`);
  const m = idx.length;
  const y = Float64Array.from(idx, (i) => spectrum.counts[i]);
  const v = Float64Array.from(idx, (i) => varAll[i]);
  const integ = new BinIntegrator(spectrum.edgesKeV, idx, options.quadOrder ?? 8);
  const exposure = spectrum.exposure;

  const p = Float64Array.from(start);
  const toP = (u: ArrayLike<number>, out: Float64Array) => {
    for (let a = 0; a < nf; a++) out[free[a]] = toExternal(u[a], limits[free[a]]);
    return out;
  };
  const u = Float64Array.from(free, (k) => toInternal(start[k], limits[k]));
  const mu = new Float64Array(m);
  const evalMu = (uu: ArrayLike<number>, out: Float64Array) => integ.expected(model, toP(uu, p), exposure, out);
  const objectiveOf = (muv: Float64Array) => (statistic === "poisson" ? bakerCousinsChi2(y, muv) : gaussChi2(y, muv, v));
  if (!Number.isFinite(objectiveOf(evalMu(u, mu)))) throw new FitError(`fitSpectrumLM: the statistic is not finite at the start values of ${model.name}`);

  const plus = new Float64Array(m);
  const minus = new Float64Array(m);
  const analytic = model.gradient ? new Float64Array(m * np) : null;
  const muTrial = new Float64Array(m);
  // The generic Levenberg-Marquardt on the internal variables u: residuals y - mu, weights 1/mu
  // (Poisson, Fisher scoring) or 1/variance (Gaussian), Jacobian d mu / d u.
  const problem: LeastSquaresProblem = {
    rows: m,
    objective: (uu) => objectiveOf(evalMu(uu, muTrial)),
    linearise: (uu, out) => {
      evalMu(uu, mu);
      const jac = out.jacobian;
      if (analytic) {
        integ.expectedGradient(model, toP(uu, p), exposure, analytic);
        for (let a = 0; a < nf; a++) {
          const k = free[a];
          const dp = dExternalDInternal(uu[a], limits[k]);
          for (let i = 0; i < m; i++) jac[i * nf + a] = analytic[i * np + k] * dp;
        }
      } else {
        for (let a = 0; a < nf; a++) {
          const u0 = uu[a];
          const h = 1e-6 * Math.max(Math.abs(u0), 1e-3);
          uu[a] = u0 + h;
          evalMu(uu, plus);
          uu[a] = u0 - h;
          evalMu(uu, minus);
          uu[a] = u0;
          for (let i = 0; i < m; i++) jac[i * nf + a] = (plus[i] - minus[i]) / (2 * h);
        }
      }
      for (let i = 0; i < m; i++) {
        out.residual[i] = y[i] - mu[i];
        out.weight[i] = statistic === "poisson" ? 1 / Math.max(mu[i], 1e-300) : 1 / v[i];
      }
    },
  };
  const lm = levenbergMarquardt(problem, u, { maxIterations: options.maxIterations ?? 200, tolerance: options.tolerance ?? 1e-3, edm: true });
  u.set(lm.x);
  const f = lm.value;
  const { iterations, converged, edm } = lm;
  toP(u, p);

  // Covariance in the external parameters: pseudo-inverse of the Fisher information.
  evalMu(u, mu);
  const jext = new Float64Array(m * nf);
  const pp = Float64Array.from(p);
  for (let a = 0; a < nf && !analytic; a++) {
    const k = free[a];
    const p0 = pp[k];
    let h = 1e-6 * Math.max(Math.abs(p0), 1e-3);
    const lim = limits[k];
    if (isBounded(lim)) h = Math.min(h, Math.max((lim[1] - lim[0]) * 1e-7, 1e-12));
    pp[k] = p0 + h;
    integ.expected(model, pp, exposure, plus);
    pp[k] = p0 - h;
    integ.expected(model, pp, exposure, minus);
    pp[k] = p0;
    for (let i = 0; i < m; i++) jext[i * nf + a] = (plus[i] - minus[i]) / (2 * h);
  }
  if (analytic) {
    integ.expectedGradient(model, pp, exposure, analytic);
    for (let a = 0; a < nf; a++) for (let i = 0; i < m; i++) jext[i * nf + a] = analytic[i * np + free[a]];
  }
  const F = new Float64Array(nf * nf);
  for (let i = 0; i < m; i++) {
    const w = statistic === "poisson" ? 1 / Math.max(mu[i], 1e-300) : 1 / v[i];
    for (let a = 0; a < nf; a++) for (let b = 0; b < nf; b++) F[a * nf + b] += jext[i * nf + a] * w * jext[i * nf + b];
  }
  const { inverse, rank } = pseudoInverseSymmetric(F, nf);
  const covariance = new Float64Array(np * np);
  for (let a = 0; a < nf; a++) for (let b = 0; b < nf; b++) covariance[free[a] * np + free[b]] = inverse[a * nf + b];

  const expected = new BinIntegrator(spectrum.edgesKeV, undefined, options.quadOrder ?? 8).expected(model, p, exposure);
  const pullVariance = statistic === "poisson" ? expected.map((x) => Math.max(x, 1e-300)) : varAll;
  return new FitResult({
    model,
    values: p,
    covariance,
    fixed: Array.from({ length: np }, (_, k) => Boolean(fixed[k])),
    chi2: f,
    ndf: m - nf,
    statistic,
    edgesKeV: spectrum.edgesKeV,
    counts: spectrum.counts,
    exposure,
    mask,
    expected,
    pullVariance,
    info: { minimiser: "levenberg-marquardt", iterations, converged, rank },
    edm,
  });
}

/** dx/du of the MINUIT transformation (`limits.ts`) at the internal value u. */
function dExternalDInternal(u: number, limit: Limit | null | undefined): number {
  if (!isBounded(limit)) return 1;
  const [lo, hi] = limit;
  if (Number.isFinite(lo) && Number.isFinite(hi)) return 0.5 * (hi - lo) * Math.cos(u);
  if (Number.isFinite(lo)) return u / Math.sqrt(u * u + 1);
  return -u / Math.sqrt(u * u + 1);
}
