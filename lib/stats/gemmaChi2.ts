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
import chisquareQuantile from "@stdlib/stats-base-dists-chisquare-quantile";
import { brent, brentMinimize } from "../fit/brent.js";
import { maskedIndices, roiMask, type Roi } from "../fit/roi.js";

/** Inputs of one period. */
export interface GemmaPeriodInput {
  /** n + 1 bin edges, keV. */
  edgesKeV: ArrayLike<number>;
  /** S_ON per bin, counts. */
  onCounts: ArrayLike<number>;
  /** Variance of S_ON (default max(S_ON, 1)). */
  onVariance?: ArrayLike<number>;
  /** S_OFF per bin, counts over the OFF time (raw, or a fitted curve's counts). */
  offCounts: ArrayLike<number>;
  /** Variance of S_OFF (default max(S_OFF, 1), right for raw counts; give the fit variance for a curve). */
  offVariance?: ArrayLike<number>;
  /** tau~ = T~ON / T~OFF. */
  tauTilde: number;
  /** T_ON, days. */
  onDays: number;
  /** Fiducial detector mass m_d, kg. */
  massKg: number;
  /** Expected EM rate for X = 1 per bin, counts/(keV kg day). */
  emPerKeVKgDay: ArrayLike<number>;
  /** Expected weak rate per bin, counts/(keV kg day) (default 0). */
  weakPerKeVKgDay?: ArrayLike<number>;
  /** ROI (default all bins); a bin counts when it lies entirely inside one interval. */
  roi?: Roi;
}

/** Grid specification of a chi2 map. */
export interface MapGrid {
  xMin: number;
  xMax: number;
  nx: number;
  kMin: number;
  kMax: number;
  nk: number;
}

/** Delta chi2 of a confidence region with ndof parameters: the chi-square quantile at cl (2.2958 for 68.27 %, 6.1801 for 95.45 % in 2D). */
export function deltaChi2(cl: number, ndof = 2): number {
  return chisquareQuantile(cl, ndof);
}

/** One- and two-sigma coverage (68.27 %, 95.45 %): the levels of the 2D contours. */
export const CONTOUR_CL = Object.freeze({ oneSigma: 0.6826894921370859, twoSigma: 0.9544997361036416 });

/** A chi2(X, K) map on a grid; values[ik * nx + ix]. */
export class Chi2Map {
  constructor(
    readonly x: Float64Array,
    readonly k: Float64Array,
    /** chi2 at (x[ix], k[ik]) stored at ik * nx + ix. */
    readonly values: Float64Array,
    /** Grid point of lowest chi2. */
    readonly gridMinimum: { x: number; k: number; chi2: number },
    /** Number of bins in the sum. */
    readonly nbins: number,
  ) {}

  get nx(): number {
    return this.x.length;
  }

  get nk(): number {
    return this.k.length;
  }

  /** chi2 at grid indices. */
  at(ix: number, ik: number): number {
    return this.values[ik * this.x.length + ix];
  }

  /** Contour levels chi2_min + Delta chi2 for 1 and 2 sigma in 2D (2.30, 6.18). */
  contourLevels(): { oneSigma: number; twoSigma: number } {
    return { oneSigma: this.gridMinimum.chi2 + deltaChi2(CONTOUR_CL.oneSigma), twoSigma: this.gridMinimum.chi2 + deltaChi2(CONTOUR_CL.twoSigma) };
  }

  /** Minimum over K of each grid column (the grid profile, for plots). */
  gridProfile(): Float64Array {
    const nx = this.x.length;
    const out = new Float64Array(nx).fill(Infinity);
    for (let ik = 0; ik < this.k.length; ik++) for (let ix = 0; ix < nx; ix++) out[ix] = Math.min(out[ix], this.values[ik * nx + ix]);
    return out;
  }

  /** Summary (the values array is left out; use `.values`). */
  toJSON(): Record<string, unknown> {
    return {
      x: [this.x[0], this.x[this.x.length - 1], this.x.length],
      k: [this.k[0], this.k[this.k.length - 1], this.k.length],
      gridMinimum: this.gridMinimum,
      contourLevels: this.contourLevels(),
      nbins: this.nbins,
    };
  }

  toString(): string {
    const m = this.gridMinimum;
    const f = (v: number) => String(Number(v.toPrecision(5)));
    return `chi2(X, K) map ${this.x.length} x ${this.k.length} over X in [${f(this.x[0])}, ${f(this.x[this.x.length - 1])}], K in [${f(this.k[0])}, ${f(this.k[this.k.length - 1])}]: grid minimum ${f(m.chi2)} at X = ${f(m.x)}, K = ${f(m.k)} (${this.nbins} bins)`;
  }
}

/** Result of the profile fit of one period. */
export interface ProfileResult {
  /** X at the minimum. */
  xHat: number;
  /** K at the minimum. */
  kHat: number;
  /** Minimum chi2. */
  chi2Min: number;
  /** Symmetric error (xUp - xLow)/2 from Delta chi2 = 1 on the profile. */
  dx: number;
  /** Ends of the Delta chi2 = 1 interval. */
  xLow: number;
  xUp: number;
  /** Number of bins and degrees of freedom (bins - 2). */
  nbins: number;
  ndf: number;
}

/** The chi2(X, K) of one period with its fast evaluations (see the file header). */
export class GemmaChi2 {
  /** Bins in the sum (indices into the input arrays). */
  readonly bins: Int32Array;
  private readonly a: Float64Array;
  private readonly b: Float64Array;
  private readonly e: Float64Array;
  private readonly v: Float64Array;
  private readonly w: Float64Array;

  constructor(input: GemmaPeriodInput) {
    const n = input.edgesKeV.length - 1;
    const check = (name: string, arr: ArrayLike<number> | undefined) => {
      if (arr && arr.length !== n) throw new Error(`GemmaChi2: ${name} has ${arr.length} entries for ${n} bins`);
    };
    check("onCounts", input.onCounts);
    check("offCounts", input.offCounts);
    check("onVariance", input.onVariance);
    check("offVariance", input.offVariance);
    check("emPerKeVKgDay", input.emPerKeVKgDay);
    check("weakPerKeVKgDay", input.weakPerKeVKgDay);
    if (!(input.tauTilde > 0) || !(input.onDays > 0) || !(input.massKg > 0)) throw new Error("GemmaChi2: tauTilde, onDays and massKg must be positive");
    this.bins = maskedIndices(roiMask(input.edgesKeV, input.roi));
    const m = this.bins.length;
    if (m < 3) throw new Error(`GemmaChi2: need at least 3 bins in the ROI, got ${m}`);
    this.a = new Float64Array(m);
    this.b = new Float64Array(m);
    this.e = new Float64Array(m);
    this.v = new Float64Array(m);
    this.w = new Float64Array(m);
    const tau = input.tauTilde;
    for (let j = 0; j < m; j++) {
      const i = this.bins[j];
      const exposure = input.onDays * input.massKg * (input.edgesKeV[i + 1] - input.edgesKeV[i]);
      this.a[j] = input.onCounts[i] - exposure * (input.weakPerKeVKgDay ? input.weakPerKeVKgDay[i] : 0);
      this.e[j] = exposure * input.emPerKeVKgDay[i];
      this.b[j] = tau * input.offCounts[i];
      this.v[j] = input.onVariance ? input.onVariance[i] : Math.max(input.onCounts[i], 1);
      this.w[j] = tau * tau * (input.offVariance ? input.offVariance[i] : Math.max(input.offCounts[i], 1));
      if (!(this.v[j] > 0) || !(this.w[j] >= 0)) throw new Error(`GemmaChi2: variances of bin ${i} must be positive`);
    }
  }

  /** Number of bins in the sum. */
  get nbins(): number {
    return this.bins.length;
  }

  /** chi2 at (X, K). */
  chi2(x: number, k: number): number {
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
  private dChi2dK(x: number, k: number): number {
    let s = 0;
    for (let j = 0; j < this.a.length; j++) {
      const den = this.v[j] + k * k * this.w[j];
      const r = this.a[j] - x * this.e[j] - k * this.b[j];
      s += (-2 * this.b[j] * r) / den - (2 * k * this.w[j] * r * r) / (den * den);
    }
    return s;
  }

  /** d/dK of min_X chi2 = A0 - A1^2/A2 (analytic). */
  private dProfiledXdK(k: number): number {
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

  /**
   * Minimum of a smooth function of K: Brent's minimisation on a bracket of +-20 estimated
   * sigma_K (widened when the minimum sits at an edge), then polished to full precision by Brent's
   * root finding on the analytic derivative (minimisation alone locates a minimum only to
   * sqrt(machine epsilon), which X inherits through the X-K correlation).
   */
  private minimizeK(f: (k: number) => number, df: (k: number) => number, k0: number, sk: number): number {
    let k = k0;
    let half = 20 * sk;
    for (let attempt = 0; attempt < 8; attempt++) {
      const lo = k - half;
      const hi = k + half;
      const r = brentMinimize(f, lo, hi, 1e-10 * half);
      const edge = 1e-6 * half;
      if (r.x - lo > edge && hi - r.x > edge) {
        const d = 1e-5 * half;
        const a = r.x - d;
        const b = r.x + d;
        const da = df(a);
        const db = df(b);
        return da < 0 && db > 0 ? brent(df, a, b, 1e-15 * Math.max(1, Math.abs(r.x))) : r.x;
      }
      k = r.x;
      half *= 4;
    }
    throw new Error("GemmaChi2: no minimum in K found");
  }

  /** The map on a grid (X from xMin to xMax in nx points, K likewise). */
  map(grid: MapGrid): Chi2Map {
    const { xMin, xMax, nx, kMin, kMax, nk } = grid;
    if (!(nx >= 2 && nk >= 2 && xMax > xMin && kMax > kMin)) throw new Error("GemmaChi2.map: bad grid");
    const xs = Float64Array.from({ length: nx }, (_, i) => xMin + ((xMax - xMin) * i) / (nx - 1));
    const ks = Float64Array.from({ length: nk }, (_, i) => kMin + ((kMax - kMin) * i) / (nk - 1));
    const values = new Float64Array(nx * nk);
    let best = { x: NaN, k: NaN, chi2: Infinity };
    for (let ik = 0; ik < nk; ik++) {
      const { a0, a1, a2 } = this.quadraticInX(ks[ik]);
      const row = ik * nx;
      for (let ix = 0; ix < nx; ix++) {
        const x = xs[ix];
        const c = a0 - 2 * x * a1 + x * x * a2;
        values[row + ix] = c;
        if (c < best.chi2) best = { x, k: ks[ik], chi2: c };
      }
    }
    return new Chi2Map(xs, ks, values, best, this.nbins);
  }

  /** Section at fixed K (default 1): closed-form X_hat = A1/A2, dX = 1/sqrt(A2), chi2 minimum A0 - A1^2/A2. */
  section(k = 1): { k: number; xHat: number; dx: number; chi2Min: number } {
    const { a0, a1, a2 } = this.quadraticInX(k);
    return { k, xHat: a1 / a2, dx: 1 / Math.sqrt(a2), chi2Min: a0 - (a1 * a1) / a2 };
  }

  /** Rough K scale: the K minimising chi2 at X with denominators frozen at K = k0, and its error. */
  private kEstimate(x: number, k0: number): { k: number; sk: number } {
    let sbb = 0;
    let scb = 0;
    for (let j = 0; j < this.a.length; j++) {
      const d = 1 / (this.v[j] + k0 * k0 * this.w[j]);
      sbb += this.b[j] * this.b[j] * d;
      scb += (this.a[j] - x * this.e[j]) * this.b[j] * d;
    }
    return { k: scb / sbb, sk: 1 / Math.sqrt(sbb) };
  }

  /** Minimum over K at fixed X (see minimizeK). */
  profileK(x: number): { k: number; chi2: number } {
    let { k, sk } = this.kEstimate(x, 1);
    ({ k, sk } = this.kEstimate(x, k));
    const kMin = this.minimizeK((kk) => this.chi2(x, kk), (kk) => this.dChi2dK(x, kk), k, sk);
    return { k: kMin, chi2: this.chi2(x, kMin) };
  }

  /** The profile chi2_min over K at each X. */
  profile(xs: ArrayLike<number>): Float64Array {
    return Float64Array.from(xs, (x) => this.profileK(x).chi2);
  }

  /** The exact 2D minimum: minimum over K of min_X chi2 = A0 - A1^2/A2, then X = A1/A2. */
  minimum(): { x: number; k: number; chi2: number } {
    const g = (k: number) => {
      const { a0, a1, a2 } = this.quadraticInX(k);
      return a0 - (a1 * a1) / a2;
    };
    const { k, sk } = this.kEstimate(this.section(1).xHat, 1);
    const kMin = this.minimizeK(g, (kk) => this.dProfiledXdK(kk), k, sk);
    const { a1, a2 } = this.quadraticInX(kMin);
    return { x: a1 / a2, k: kMin, chi2: g(kMin) };
  }

  /**
   * X_hat and its error from the profile over K: the ends of {X : profile(X) <= chi2_min + delta}
   * (delta = 1 for 68.27 % in one parameter) by Brent's method; dx = (xUp - xLow) / 2.
   */
  profileFit(delta = 1): ProfileResult {
    const min = this.minimum();
    const target = min.chi2 + delta;
    const f = (x: number) => this.profileK(x).chi2 - target;
    const step0 = this.section(min.k).dx * Math.sqrt(delta);
    const find = (sign: number): number => {
      let step = step0;
      for (let i = 0; i < 60; i++) {
        const xb = min.x + sign * step;
        if (f(xb) > 0) return brent(f, Math.min(min.x, xb), Math.max(min.x, xb), 1e-10 * Math.max(1, step));
        step *= 1.6;
      }
      throw new Error("GemmaChi2.profileFit: Delta chi2 not reached");
    };
    const xUp = find(1);
    const xLow = find(-1);
    return { xHat: min.x, kHat: min.k, chi2Min: min.chi2, dx: 0.5 * (xUp - xLow), xLow, xUp, nbins: this.nbins, ndf: this.nbins - 2 };
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
