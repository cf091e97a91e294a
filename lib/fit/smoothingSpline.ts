/**
 * Cubic smoothing spline background (the GEMMA alternative to the parametrised curve, "or with
 * splines", GEMMA paper Sec. 3), by the Reinsch algorithm (C. H. Reinsch, Numer. Math. 10 (1967)
 * 177; in the form of Green & Silverman 1994, Sec. 2.3.3):
 *
 *   minimise  sum_i w_i (y_i - g(x_i))^2 + lambda int g''(x)^2 dx
 *
 * over natural cubic splines g with knots x_i at the centres of the fitted bins, where
 * y_i = counts_i / (width_i exposure) is the bin-average density and w_i = 1 / var(y_i). The
 * solution has second derivatives gamma solving the pentadiagonal system
 * (R + lambda Q^T W^-1 Q) gamma = Q^T y and values g = y - lambda W^-1 Q gamma. The curve stands for
 * the bin-averaged density (it is compared to bin averages at the centres), so expected counts per
 * bin are exposure x width x g(centre); evaluated between centres it is a smooth interpolation of
 * those averages (for a curved spectrum the point density differs from the bin average by
 * width^2 g''/24).
 *
 * Smoothing parameter, by a stated rule:
 *  - "gcv" (default): minimise the generalised cross-validation score
 *    V(lambda) = n chi2(lambda) / (n - tr S(lambda))^2 (Craven & Wahba, Numer. Math. 31 (1979) 377),
 *    with the weighted chi2 in the numerator (scipy's make_smoothing_spline uses unweighted
 *    residuals: the same for equal weights, which the tests compare);
 *  - "chi2ndf": chi2(lambda) = n - tr S(lambda), i.e. chi2/ndf = 1 with the effective
 *    ndf = n - tr S (discrepancy principle); if chi2/ndf < 1 even for the straight-line limit,
 *    the largest lambda scanned is taken (and reported);
 *  - a number: that lambda.
 * S is the smoother ("hat") matrix, g = S y. Parameter covariance of the knot values:
 * V = S W^-1 S^T (frequentist, for fixed lambda), the band follows from it.
 */
import { brent } from "../math/brent.js";
import { brentMinimize } from "../math/brentMinimize.js";
import { BinIntegrator } from "./binIntegrator.js";
import { FitResult } from "./fitResult.js";
import { naturalSplineModel, knotSpacings, qTransposeTimes } from "./naturalSpline.js";
import { maskedIndices, roiMask, type Roi } from "./roi.js";
import { checkSpectrum, countVariance, type BinnedSpectrum } from "./spectrum.js";

/** Options of {@link fitSmoothingSpline}. */
export interface SmoothingSplineOptions {
  /** keV intervals to fit (default: all bins). */
  roi?: Roi;
  /**
   * Smoothing rule (default "gcv"), or a fixed lambda in keV^3 / density^2 (density in counts /
   * (keV x exposure unit)), so that lambda int g''^2 is dimensionless like the chi-square.
   */
  smoothing?: "gcv" | "chi2ndf" | number;
  /** Per-bin count variance (default spectrum.variance, else max(counts, 1)). */
  variance?: ArrayLike<number>;
  /**
   * Floor of the effective ndf = n - tr S (default none): when the rule's lambda leaves fewer, lambda
   * is raised until n - tr S equals the floor (tr S falls as lambda grows), and `info.note` says so.
   */
  minNdf?: number;
}

/** Banded (pentadiagonal) symmetric positive-definite matrix: diagonals d0 (main), d1, d2. */
interface Band {
  d0: Float64Array;
  d1: Float64Array;
  d2: Float64Array;
}

/** Banded Cholesky B = L L^T with bandwidth 2 (Golub & Van Loan Alg. 4.3.5); returns L's diagonals. */
function bandCholesky(b: Band): Band {
  const m = b.d0.length;
  const l0 = new Float64Array(m);
  const l1 = new Float64Array(m); // L[i, i-1] stored at i
  const l2 = new Float64Array(m); // L[i, i-2] stored at i
  for (let i = 0; i < m; i++) {
    if (i >= 2) l2[i] = b.d2[i - 2] / l0[i - 2];
    if (i >= 1) l1[i] = (b.d1[i - 1] - (i >= 2 ? l2[i] * l1[i - 1] : 0)) / l0[i - 1];
    const d = b.d0[i] - l1[i] * l1[i] - l2[i] * l2[i];
    if (!(d > 0)) throw new Error("smoothing spline: band matrix not positive definite");
    l0[i] = Math.sqrt(d);
  }
  return { d0: l0, d1: l1, d2: l2 };
}

/** Solves L L^T x = rhs with the banded factor. */
function bandSolve(l: Band, rhs: ArrayLike<number>, out: Float64Array): Float64Array {
  const m = l.d0.length;
  for (let i = 0; i < m; i++) {
    let s = rhs[i];
    if (i >= 1) s -= l.d1[i] * out[i - 1];
    if (i >= 2) s -= l.d2[i] * out[i - 2];
    out[i] = s / l.d0[i];
  }
  for (let i = m - 1; i >= 0; i--) {
    let s = out[i];
    if (i + 1 < m) s -= l.d1[i + 1] * out[i + 1];
    if (i + 2 < m) s -= l.d2[i + 2] * out[i + 2];
    out[i] = s / l.d0[i];
  }
  return out;
}

/** Precomputed pieces of the Reinsch system for given knots and data variances. */
class Reinsch {
  readonly n: number;
  readonly m: number;
  readonly h: Float64Array;
  /** Q's three entries per column c (rows c, c+1, c+2). */
  readonly qm: Float64Array;
  readonly q0: Float64Array;
  readonly qp: Float64Array;
  /** Q^T D Q diagonals. */
  readonly mt: Band;
  readonly qty: Float64Array;

  constructor(
    readonly x: Float64Array,
    readonly y: Float64Array,
    readonly dvar: Float64Array,
  ) {
    this.n = x.length;
    this.h = knotSpacings(x);
    const m = this.n - 2;
    this.m = m;
    const h = this.h;
    this.qm = new Float64Array(m);
    this.q0 = new Float64Array(m);
    this.qp = new Float64Array(m);
    for (let c = 0; c < m; c++) {
      this.qm[c] = 1 / h[c];
      this.q0[c] = -1 / h[c] - 1 / h[c + 1];
      this.qp[c] = 1 / h[c + 1];
    }
    const d0 = new Float64Array(m);
    const d1 = new Float64Array(Math.max(m - 1, 0));
    const d2 = new Float64Array(Math.max(m - 2, 0));
    const D = dvar;
    for (let c = 0; c < m; c++) {
      // Column c touches rows c (qm), c+1 (q0), c+2 (qp).
      d0[c] = D[c] * this.qm[c] ** 2 + D[c + 1] * this.q0[c] ** 2 + D[c + 2] * this.qp[c] ** 2;
      if (c + 1 < m) d1[c] = D[c + 1] * this.q0[c] * this.qm[c + 1] + D[c + 2] * this.qp[c] * this.q0[c + 1];
      if (c + 2 < m) d2[c] = D[c + 2] * this.qp[c] * this.qm[c + 2];
    }
    this.mt = { d0, d1, d2 };
    this.qty = qTransposeTimes(h, y, new Float64Array(m));
  }

  factor(lambda: number): Band {
    const { m, h, mt } = this;
    const d0 = new Float64Array(m);
    const d1 = new Float64Array(Math.max(m - 1, 0));
    const d2 = new Float64Array(Math.max(m - 2, 0));
    for (let c = 0; c < m; c++) {
      d0[c] = (h[c] + h[c + 1]) / 3 + lambda * mt.d0[c];
      if (c + 1 < m) d1[c] = h[c + 1] / 6 + lambda * mt.d1[c];
      if (c + 2 < m) d2[c] = lambda * mt.d2[c];
    }
    return bandCholesky({ d0, d1, d2 });
  }

  /** Q v for v of length m (result length n). */
  qTimes(v: ArrayLike<number>, out: Float64Array): Float64Array {
    out.fill(0);
    for (let c = 0; c < this.m; c++) {
      out[c] += this.qm[c] * v[c];
      out[c + 1] += this.q0[c] * v[c];
      out[c + 2] += this.qp[c] * v[c];
    }
    return out;
  }

  /** Fitted values g, weighted chi2 and tr S at lambda. */
  solve(lambda: number, withTrace: boolean): { g: Float64Array; chi2: number; trace: number; l: Band } {
    const { n, m, dvar, y } = this;
    const l = this.factor(lambda);
    const gamma = bandSolve(l, this.qty, new Float64Array(m));
    const qg = this.qTimes(gamma, new Float64Array(n));
    const g = new Float64Array(n);
    let chi2 = 0;
    for (let i = 0; i < n; i++) {
      g[i] = y[i] - lambda * dvar[i] * qg[i];
      chi2 += (y[i] - g[i]) ** 2 / dvar[i];
    }
    let trace = NaN;
    if (withTrace) {
      // tr S = n - lambda sum_k D_k (Q^T e_k)^T B^-1 (Q^T e_k).
      const e = new Float64Array(m);
      const z = new Float64Array(m);
      let s = 0;
      for (let k = 0; k < n; k++) {
        e.fill(0);
        this.rowOfQ(k, e);
        bandSolve(l, e, z);
        let dot = 0;
        for (let c = Math.max(0, k - 2); c <= Math.min(m - 1, k); c++) dot += e[c] * z[c];
        s += dvar[k] * dot;
      }
      trace = n - lambda * s;
    }
    return { g, chi2, trace, l };
  }

  /** Writes row k of Q (= Q^T e_k, length m) into e (which must be zero). */
  rowOfQ(k: number, e: Float64Array): void {
    if (k - 2 >= 0 && k - 2 < this.m) e[k - 2] = this.qp[k - 2];
    if (k - 1 >= 0 && k - 1 < this.m) e[k - 1] = this.q0[k - 1];
    if (k < this.m) e[k] = this.qm[k];
  }

  /** Smoother matrix S (n x n, row-major) at the factor l. */
  smoother(lambda: number, l: Band): Float64Array {
    const { n, m, dvar } = this;
    // Z = B^-1 Q^T (m x n), column k = B^-1 (row k of Q).
    const zCols: Float64Array[] = [];
    const e = new Float64Array(m);
    for (let k = 0; k < n; k++) {
      e.fill(0);
      this.rowOfQ(k, e);
      zCols.push(bandSolve(l, e, new Float64Array(m)));
    }
    const s = new Float64Array(n * n);
    const row = new Float64Array(m);
    for (let i = 0; i < n; i++) {
      row.fill(0);
      this.rowOfQ(i, row);
      const c0 = Math.max(0, i - 2);
      const c1 = Math.min(m - 1, i);
      for (let k = 0; k < n; k++) {
        let gik = 0;
        for (let c = c0; c <= c1; c++) gik += row[c] * zCols[k][c];
        s[i * n + k] = (i === k ? 1 : 0) - lambda * dvar[i] * gik;
      }
    }
    return s;
  }
}

/** Result of {@link smoothingSpline}. */
export interface SmoothingSplineSolution {
  /** Fitted values at the knots. */
  values: Float64Array;
  /** Smoothing parameter used. */
  lambda: number;
  /** Effective number of parameters tr S. */
  edf: number;
  /** sum w (y - g)^2. */
  chi2: number;
  /** Rule used ("gcv", "chi2ndf" or "fixed lambda"), and a note when the rule hit a limit. */
  rule: string;
  note: string;
  /** lambda / (mean spacing^3 / median variance): the dimensionless smoothing scale. */
  lambdaRel: number;
  /** Covariance S D S^T of the fitted values (computed on demand, O(n^3)). */
  covariance(): Float64Array;
}

/**
 * The Reinsch smoothing spline of points (x_i, y_i) with variances var_i (weights 1/var_i):
 * minimises sum (y_i - g(x_i))^2 / var_i + lambda int g''^2, lambda by `smoothing` (see the header).
 */
export function smoothingSpline(x: ArrayLike<number>, y: ArrayLike<number>, variance: ArrayLike<number>, smoothing: "gcv" | "chi2ndf" | number = "gcv", minNdf?: number): SmoothingSplineSolution {
  const n = x.length;
  if (n < 4) throw new Error(`smoothingSpline: need at least 4 points, got ${n}`);
  if (y.length !== n || variance.length !== n) throw new Error("smoothingSpline: x, y and variance must have the same length");
  for (let i = 0; i < n; i++) if (!(variance[i] > 0)) throw new Error(`smoothingSpline: variance ${i} must be positive`);
  const rs = new Reinsch(Float64Array.from(x), Float64Array.from(y), Float64Array.from(variance));
  // Natural lambda scale: mean spacing^3 / median variance; the scan is in log10(lambda / scale).
  const sortedVar = Float64Array.from(variance).sort();
  const meanH = (x[n - 1] - x[0]) / (n - 1);
  const scale = meanH ** 3 / sortedVar[n >> 1];
  let lambda: number;
  let note = "";
  if (typeof smoothing === "number") {
    if (!(smoothing >= 0)) throw new Error(`smoothingSpline: lambda must be >= 0, got ${smoothing}`);
    lambda = smoothing;
  } else {
    const tLo = -4;
    const tHi = 14;
    const nScan = 37;
    const ts = Float64Array.from({ length: nScan }, (_, k) => tLo + ((tHi - tLo) * k) / (nScan - 1));
    const crit = (t: number): number => {
      const r = rs.solve(scale * 10 ** t, true);
      const dof = n - r.trace;
      if (smoothing === "gcv") return dof > 1e-6 * n ? (n * r.chi2) / (dof * dof) : Infinity;
      return r.chi2 / dof - 1;
    };
    const vals = Float64Array.from(ts, crit);
    if (smoothing === "gcv") {
      let kb = 0;
      for (let k = 1; k < nScan; k++) if (vals[k] < vals[kb]) kb = k;
      const t = kb === 0 || kb === nScan - 1 ? ts[kb] : brentMinimize(crit, ts[kb - 1], ts[kb + 1], 1e-6).x;
      if (kb === nScan - 1) note = "GCV minimum at the straight-line limit";
      if (kb === 0) note = "GCV minimum at the interpolating limit";
      lambda = scale * 10 ** t;
    } else {
      let k = 0;
      while (k < nScan - 1 && !(vals[k] < 0 && vals[k + 1] >= 0)) k++;
      if (k < nScan - 1) {
        lambda = scale * 10 ** brent(crit, ts[k], ts[k + 1], 1e-8);
      } else if (vals[nScan - 1] < 0) {
        lambda = scale * 10 ** tHi;
        note = "chi2/ndf < 1 up to the straight-line limit";
      } else {
        lambda = scale * 10 ** tLo;
        note = "chi2/ndf > 1 down to the interpolating limit";
      }
    }
  }
  let sol = rs.solve(lambda, true);
  if (minNdf !== undefined && n - sol.trace < minNdf) {
    if (!(minNdf > 0 && minNdf < n - 2)) throw new Error(`smoothingSpline: minNdf must lie in (0, ${n - 2}), got ${minNdf}`);
    const ndfBefore = n - sol.trace;
    const gap = (t: number) => n - rs.solve(scale * 10 ** t, true).trace - minNdf;
    let tLo = Math.log10(lambda / scale);
    let tHi = tLo + 2;
    while (gap(tHi) < 0 && tHi < 30) tHi += 2;
    if (!(gap(tHi) >= 0)) throw new Error(`smoothingSpline: no lambda gives ndf >= ${minNdf}`);
    if (!Number.isFinite(tLo) || gap(tLo) >= 0) tLo = tHi - 40;
    lambda = scale * 10 ** brent(gap, tLo, tHi, 1e-8);
    sol = rs.solve(lambda, true);
    note = `${note ? `${note}; ` : ""}effective ndf ${ndfBefore.toFixed(1)} below the floor ${minNdf.toFixed(1)}: lambda raised to that floor`;
  }
  return {
    values: sol.g,
    lambda,
    edf: sol.trace,
    chi2: sol.chi2,
    rule: typeof smoothing === "number" ? "fixed lambda" : smoothing,
    note,
    lambdaRel: lambda / scale,
    covariance() {
      const S = rs.smoother(lambda, sol.l);
      const dvar = rs.dvar;
      const sd = new Float64Array(n * n);
      for (let i = 0; i < n; i++) for (let k = 0; k < n; k++) sd[i * n + k] = S[i * n + k] * dvar[k];
      const cov = new Float64Array(n * n);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j <= i; j++) {
          let s = 0;
          for (let k = 0; k < n; k++) s += sd[i * n + k] * S[j * n + k];
          cov[i * n + j] = s;
          cov[j * n + i] = s;
        }
      }
      return cov;
    },
  };
}

/** Fits a cubic smoothing spline to the spectrum; see the file header for the rules. */
export function fitSmoothingSpline(spectrum: BinnedSpectrum, options: SmoothingSplineOptions = {}): FitResult {
  const nAll = checkSpectrum(spectrum);
  const mask = roiMask(spectrum.edgesKeV, options.roi);
  const idx = maskedIndices(mask);
  const n = idx.length;
  if (n < 4) throw new Error(`fitSmoothingSpline: need at least 4 bins in the ROI, got ${n}`);
  const varAll = options.variance ? Float64Array.from(options.variance) : countVariance(spectrum);
  if (varAll.length !== nAll) throw new Error(`fitSmoothingSpline: ${varAll.length} variances for ${nAll} bins`);
  const exposure = spectrum.exposure;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const dvar = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const i = idx[j];
    const width = spectrum.edgesKeV[i + 1] - spectrum.edgesKeV[i];
    x[j] = 0.5 * (spectrum.edgesKeV[i] + spectrum.edgesKeV[i + 1]);
    y[j] = spectrum.counts[i] / (width * exposure);
    dvar[j] = varAll[i] / (width * exposure) ** 2;
    if (!(dvar[j] > 0)) throw new Error(`fitSmoothingSpline: variance of bin ${i} must be positive`);
  }
  const sol = smoothingSpline(x, y, dvar, options.smoothing ?? "gcv", options.minNdf);
  const model = naturalSplineModel(x, true);
  const expected = new BinIntegrator(spectrum.edgesKeV).expected(model, sol.values, exposure);
  const info: Record<string, number | string> = { smoothing: sol.rule, lambda: sol.lambda, log10LambdaRel: Math.log10(sol.lambdaRel), edf: sol.edf };
  if (sol.note) info.note = sol.note;
  return new FitResult({
    model,
    values: sol.values,
    covariance: sol.covariance(),
    chi2: sol.chi2,
    ndf: n - sol.edf,
    statistic: "chi2",
    edgesKeV: spectrum.edgesKeV,
    counts: spectrum.counts,
    exposure,
    mask,
    expected,
    pullVariance: varAll,
    info,
  });
}
