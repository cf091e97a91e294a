/**
 * The chi^2(X, K) of GEMMA Eq. (7) when the OFF spectrum is a fitted smooth curve whose errors are
 * correlated from bin to bin (GEMMA paper Sec. 3: "we fit the background OFF spectrum in the ROI
 * ... with a parametrized smooth function ... or with splines"). A fitted curve's covariance is
 * V_off = L L^T with L (bins x r) of low rank r (the number of fitted parameters, or the
 * significant components of a spline), so the chi-square with the full covariance
 *
 *   chi2(X, K) = r^T V(K)^-1 r,  r = S_ON - K tau~ S_OFF - T_ON m_d w (W + X EM),
 *   V(K) = diag(var_ON + K^2 tau~^2 var_OFF,diag) + K^2 tau~^2 L L^T,
 *
 * costs O(bins r^2) per K by the Woodbury identity,
 *   V^-1 = D^-1 - D^-1 M (I + M^T D^-1 M)^-1 M^T D^-1,  M = K tau~ L.
 * It equals the chi-square of a joint fit in which the background parameters float with the
 * Gaussian constraint of the OFF fit. With L = 0 it is `GemmaChi2` (the diagonal form, which treats
 * the curve's per-bin errors as independent and so lets them average down like Poisson noise).
 *
 * As in `GemmaChi2`, chi2 is quadratic in X at fixed K (A0 - 2 X A1 + X^2 A2): the map, the section
 * and the minimum over X are closed-form; the minimum over K is by Brent's method. The public
 * methods mirror `GemmaChi2` (chi2, quadraticInX, map, section, profileK, profile, minimum,
 * profileFit, fitK), so either can be used by the analysis.
 */
import { FitError } from "../errors.js";
import { cholesky, choleskySolve } from "../math/cholesky.js";
import { symmetricEigen } from "../math/symmetricEigen.js";
import type { Roi } from "../fit/roi.js";
import { periodTerms, QuadraticInXChi2 } from "./chi2XK.js";
import type { GemmaPeriodInput } from "./gemmaChi2.js";

export type { Chi2XK } from "./chi2XK.js";

/** Inputs of one period with a correlated OFF curve. */
export interface CorrelatedGemmaPeriodInput extends GemmaPeriodInput {
  /**
   * Low-rank factor L of the OFF covariance over all bins, row-major (bins x rank), counts.
   * `offVariance` is then an extra independent part (default 0).
   */
  offFactor: ArrayLike<number>;
  offRank: number;
}

/** chi^2(X, K) with a correlated OFF curve (see the file header). */
export class CorrelatedGemmaChi2 extends QuadraticInXChi2 {
  protected readonly label = "CorrelatedGemmaChi2";
  readonly bins: Int32Array;
  readonly rank: number;
  private readonly a: Float64Array;
  private readonly b: Float64Array;
  private readonly e: Float64Array;
  private readonly v: Float64Array;
  private readonly w: Float64Array;
  /** tau~ L restricted to the ROI bins, m x r. */
  private readonly lt: Float64Array;
  private readonly input: CorrelatedGemmaPeriodInput;
  /**
   * Fast path when the OFF part has no independent diagonal (w = 0, a fitted curve): D = var_ON does
   * not depend on K, so everything but the r x r Woodbury matrix is precomputed, and that matrix is
   * diagonal in the eigenbasis of P = L~^T D^-1 L~ (G = I + K^2 P): each K then costs O(r).
   */
  private readonly fast: { s: Float64Array; lambda: Float64Array; ua: Float64Array; ub: Float64Array; ue: Float64Array } | null;

  constructor(input: CorrelatedGemmaPeriodInput) {
    super();
    this.input = input;
    const n = input.edgesKeV.length - 1;
    const r = input.offRank;
    if (!Number.isInteger(r) || r < 0 || input.offFactor.length !== n * r) throw new Error(`CorrelatedGemmaChi2: offFactor must hold ${n} x ${r} values, got ${input.offFactor.length}`);
    // The curve's correlated part is in offFactor; its diagonal part (offVariance) defaults to 0.
    ({ bins: this.bins, a: this.a, b: this.b, e: this.e, v: this.v, w: this.w } = periodTerms(input, "CorrelatedGemmaChi2", () => 0));
    this.rank = r;
    const m = this.bins.length;
    this.lt = new Float64Array(m * r);
    for (let j = 0; j < m; j++) {
      const i = this.bins[j];
      for (let c = 0; c < r; c++) this.lt[j * r + c] = input.tauTilde * input.offFactor[i * r + c];
    }
    this.fast = this.w.every((x) => x === 0) ? this.precompute() : null;
  }

  private precompute(): { s: Float64Array; lambda: Float64Array; ua: Float64Array; ub: Float64Array; ue: Float64Array } {
    const m = this.a.length;
    const r = this.rank;
    // s = [aa, ab, ae, bb, be, ee] / v
    const s = new Float64Array(6);
    const ua = new Float64Array(r);
    const ub = new Float64Array(r);
    const ue = new Float64Array(r);
    const p = new Float64Array(r * r);
    for (let j = 0; j < m; j++) {
      const d = 1 / this.v[j];
      const a = this.a[j];
      const b = this.b[j];
      const e = this.e[j];
      s[0] += a * a * d;
      s[1] += a * b * d;
      s[2] += a * e * d;
      s[3] += b * b * d;
      s[4] += b * e * d;
      s[5] += e * e * d;
      const row = j * r;
      for (let c = 0; c < r; c++) {
        const l = this.lt[row + c] * d;
        ua[c] += l * a;
        ub[c] += l * b;
        ue[c] += l * e;
        for (let c2 = 0; c2 <= c; c2++) p[c * r + c2] += l * this.lt[row + c2];
      }
    }
    for (let c = 0; c < r; c++) for (let c2 = 0; c2 < c; c2++) p[c2 * r + c] = p[c * r + c2];
    const { values, vectors } = symmetricEigen(p, r);
    const rot = (u: Float64Array) => Float64Array.from({ length: r }, (_, c) => {
      let t = 0;
      for (let q = 0; q < r; q++) t += vectors[q * r + c] * u[q];
      return t;
    });
    return { s, lambda: Float64Array.from(values, (x) => Math.max(x, 0)), ua: rot(ua), ub: rot(ub), ue: rot(ue) };
  }

  get nbins(): number {
    return this.bins.length;
  }

  /**
   * The quadratic forms y^T V(K)^-1 z for y, z in {a - K b, e} (A0, A1, A2) and for b (for the
   * K estimate): Woodbury with D = v + K^2 w and M = K tau~ L.
   */
  private forms(k: number): { a0: number; a1: number; a2: number; bb: number; rb: number; eb: number } {
    if (this.fast) {
      const { s, lambda, ua, ub, ue } = this.fast;
      const k2 = k * k;
      let a0 = s[0] - 2 * k * s[1] + k2 * s[3];
      let a1 = s[2] - k * s[4];
      let a2 = s[5];
      let bb = s[3];
      let rb = s[1] - k * s[3];
      let eb = s[4];
      for (let c = 0; c < lambda.length; c++) {
        const f = k2 / (1 + k2 * lambda[c]);
        const ur = ua[c] - k * ub[c];
        a0 -= f * ur * ur;
        a1 -= f * ur * ue[c];
        a2 -= f * ue[c] * ue[c];
        bb -= f * ub[c] * ub[c];
        rb -= f * ur * ub[c];
        eb -= f * ue[c] * ub[c];
      }
      return { a0, a1, a2, bb, rb, eb };
    }
    return this.formsDirect(k);
  }

  /** The same forms computed bin by bin (any diagonal part; also the check of the fast path). */
  formsDirect(k: number): { a0: number; a1: number; a2: number; bb: number; rb: number; eb: number } {
    const m = this.a.length;
    const r = this.rank;
    const k2 = k * k;
    let a0 = 0;
    let a1 = 0;
    let a2 = 0;
    let bb = 0;
    let rb = 0;
    let eb = 0;
    const ur = new Float64Array(r);
    const ue = new Float64Array(r);
    const ub = new Float64Array(r);
    const g = new Float64Array(r * r);
    for (let j = 0; j < m; j++) {
      const d = 1 / (this.v[j] + k2 * this.w[j]);
      const rj = this.a[j] - k * this.b[j];
      const ej = this.e[j];
      const bj = this.b[j];
      a0 += rj * rj * d;
      a1 += rj * ej * d;
      a2 += ej * ej * d;
      bb += bj * bj * d;
      rb += rj * bj * d;
      eb += ej * bj * d;
      const row = j * r;
      for (let c = 0; c < r; c++) {
        const l = this.lt[row + c] * d;
        if (l === 0) continue;
        ur[c] += l * rj;
        ue[c] += l * ej;
        ub[c] += l * bj;
        for (let c2 = 0; c2 <= c; c2++) g[c * r + c2] += l * this.lt[row + c2];
      }
    }
    if (r > 0 && k !== 0) {
      // G = I + K^2 L^T D^-1 L; subtract K^2 u^T G^-1 u'.
      for (let c = 0; c < r; c++) {
        for (let c2 = 0; c2 <= c; c2++) {
          g[c * r + c2] *= k2;
          g[c2 * r + c] = g[c * r + c2];
        }
        g[c * r + c] += 1;
      }
      const l = cholesky(g, r);
      if (!l) throw new FitError("CorrelatedGemmaChi2: Woodbury matrix not positive definite");
      const gr = choleskySolve(l, r, ur);
      const ge = choleskySolve(l, r, ue);
      const gb = choleskySolve(l, r, ub);
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let sbb = 0;
      let srb = 0;
      let seb = 0;
      for (let c = 0; c < r; c++) {
        s0 += ur[c] * gr[c];
        s1 += ur[c] * ge[c];
        s2 += ue[c] * ge[c];
        sbb += ub[c] * gb[c];
        srb += ur[c] * gb[c];
        seb += ue[c] * gb[c];
      }
      a0 -= k2 * s0;
      a1 -= k2 * s1;
      a2 -= k2 * s2;
      bb -= k2 * sbb;
      rb -= k2 * srb;
      eb -= k2 * seb;
    }
    return { a0, a1, a2, bb, rb, eb };
  }

  quadraticInX(k: number): { a0: number; a1: number; a2: number } {
    const { a0, a1, a2 } = this.forms(k);
    return { a0, a1, a2 };
  }

  /**
   * K minimising chi2 at X with the covariance frozen at K = k0 (chi2 is then quadratic in K):
   * K = (a - X e)^T V^-1 b / b^T V^-1 b, and its error 1 / sqrt(b^T V^-1 b).
   */
  protected kEstimate(x: number, k0: number): { k: number; sk: number } {
    const f = this.forms(k0);
    const k = (f.rb + k0 * f.bb - x * f.eb) / f.bb;
    return { k: Number.isFinite(k) ? k : k0, sk: 1 / Math.sqrt(f.bb) };
  }

  /** K fitted on a sub-range (GEMMA: 20-55 keV) at fixed X (default 0). */
  static fitK(input: CorrelatedGemmaPeriodInput, roiK: Roi, x = 0): { k: number; chi2: number; nbins: number } {
    const sub = new CorrelatedGemmaChi2({ ...input, roi: roiK });
    const r = sub.profileK(x);
    return { ...r, nbins: sub.nbins };
  }
}
