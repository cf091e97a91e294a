/**
 * The chi^2(X, K) of one GEMMA period (GEMMA paper, Eqs. 5 and 7, Fig. 4): the ON spectrum is
 * compared channel by channel with the OFF spectrum scaled by tau = K tau~ plus the neutrino term,
 *
 *   chi2(X, K) = sum_{ROI bins i} (S_ON,i - K tau~ S_OFF,i - T_ON m_d w_i (W_i + X EM_i))^2
 *                                 / (var S_ON,i + K^2 tau~^2 var S_OFF,i)
 *
 * with w_i the bin width (keV), T_ON in days, m_d in kg, and W, EM the expected weak and
 * electromagnetic (X = 1, i.e. mu = 1e-11 mu_B) rates in counts/(keV kg day), which already hold
 * the flux (the physics stage computes them per bin). S_OFF is either the raw OFF counts
 * (variance = counts) or a fitted smooth curve's counts over the OFF time (variance from the fit
 * covariance, `FitResult.binCounts`).
 *
 * Evaluation: for fixed K the chi2 is a quadratic in X, A0 - 2 X A1 + X^2 A2 with
 * D_i = 1/(var_on + K^2 tau~^2 var_off), r_i = a_i - K b_i, A0 = sum r^2 D, A1 = sum r e D,
 * A2 = sum e^2 D (a = S_ON - T m w W, b = tau~ S_OFF, e = T m w EM), so the nx x nk map costs
 * O(nk (bins + nx)) and the minimum over X at fixed K is closed-form (A0 - A1^2/A2). For fixed X
 * the chi2 in K is a sum of ratios of quadratics (the denominator depends on K): no closed form;
 * it is minimised by Brent's method and polished by a Brent root of the analytic dchi2/dK. The GEMMA result per period is the projection (profile over K), not the
 * section at K = 1; both are provided.
 */
import type { Roi } from "../fit/roi.js";
import { periodTerms, QuadraticInXChi2 } from "./chi2XK.js";
import type { GemmaPeriodInput } from "./gemmaPeriodInput.js";

export type { GemmaPeriodInput } from "./gemmaPeriodInput.js";

export { Chi2Map, CONTOUR_CL, deltaChi2, type MapGrid, type ProfileResult } from "./chi2Map.js";

/** The chi2(X, K) of one period with its fast evaluations (see the file header). */
export class GemmaChi2 extends QuadraticInXChi2 {
  protected readonly label = "GemmaChi2";
  /** Bins in the sum (indices into the input arrays). */
  readonly bins: Int32Array;
  private readonly a: Float64Array;
  private readonly b: Float64Array;
  private readonly e: Float64Array;
  private readonly v: Float64Array;
  private readonly w: Float64Array;

  constructor(input: GemmaPeriodInput) {
    super();
    // Raw OFF counts by default: variance max(S_OFF, 1).
    ({ bins: this.bins, a: this.a, b: this.b, e: this.e, v: this.v, w: this.w } = periodTerms(input, "GemmaChi2", (off) => Math.max(off, 1)));
  }

  /** Number of bins in the sum. */
  get nbins(): number {
    return this.bins.length;
  }

  /** chi2 at (X, K), summed directly. */
  override chi2(x: number, k: number): number {
    let s = 0;
    for (let j = 0; j < this.a.length; j++) {
      const r = this.a[j] - x * this.e[j] - k * this.b[j];
      s += (r * r) / (this.v[j] + k * k * this.w[j]);
    }
    return s;
  }

  /** The quadratic-in-X coefficients at fixed K: chi2 = A0 - 2 X A1 + X^2 A2. */
  quadraticInX(k: number): { a0: number; a1: number; a2: number } {
    let a0 = 0;
    let a1 = 0;
    let a2 = 0;
    for (let j = 0; j < this.a.length; j++) {
      const d = 1 / (this.v[j] + k * k * this.w[j]);
      const r = this.a[j] - k * this.b[j];
      a0 += r * r * d;
      a1 += r * this.e[j] * d;
      a2 += this.e[j] * this.e[j] * d;
    }
    return { a0, a1, a2 };
  }

  /** d chi2(x, K) / dK (analytic). */
  protected override dChi2dK(x: number, k: number): number {
    let s = 0;
    for (let j = 0; j < this.a.length; j++) {
      const den = this.v[j] + k * k * this.w[j];
      const r = this.a[j] - x * this.e[j] - k * this.b[j];
      s += (-2 * this.b[j] * r) / den - (2 * k * this.w[j] * r * r) / (den * den);
    }
    return s;
  }

  /** d/dK of min_X chi2 = A0 - A1^2/A2 (analytic). */
  protected override dProfiledXdK(k: number): number {
    let a0p = 0;
    let a1 = 0;
    let a1p = 0;
    let a2 = 0;
    let a2p = 0;
    for (let j = 0; j < this.a.length; j++) {
      const d = 1 / (this.v[j] + k * k * this.w[j]);
      const dp = -2 * k * this.w[j] * d * d;
      const r = this.a[j] - k * this.b[j];
      const e = this.e[j];
      a0p += -2 * r * this.b[j] * d + r * r * dp;
      a1 += r * e * d;
      a1p += -this.b[j] * e * d + r * e * dp;
      a2 += e * e * d;
      a2p += e * e * dp;
    }
    return a0p - (2 * a1 * a1p * a2 - a1 * a1 * a2p) / (a2 * a2);
  }

  /** Rough K scale: the K minimising chi2 at X with denominators frozen at K = k0, and its error. */
  protected kEstimate(x: number, k0: number): { k: number; sk: number } {
    let sbb = 0;
    let scb = 0;
    for (let j = 0; j < this.a.length; j++) {
      const d = 1 / (this.v[j] + k0 * k0 * this.w[j]);
      sbb += this.b[j] * this.b[j] * d;
      scb += (this.a[j] - x * this.e[j]) * this.b[j] * d;
    }
    return { k: scb / sbb, sk: 1 / Math.sqrt(sbb) };
  }

  /**
   * K fitted on a sub-range (GEMMA: the right part of the ROI, 20-55 keV, fixes K, being
   * insensitive to X), at fixed X (default 0): a new GemmaChi2 on that ROI, minimised over K.
   */
  static fitK(input: GemmaPeriodInput, roiK: Roi, x = 0): { k: number; chi2: number; nbins: number } {
    const sub = new GemmaChi2({ ...input, roi: roiK });
    const r = sub.profileK(x);
    return { ...r, nbins: sub.nbins };
  }
}
