/**
 * What GEMMA's chi^2(X, K) (paper Eq. 7) has in common in its two forms (`GemmaChi2`, diagonal OFF
 * errors; `CorrelatedGemmaChi2`, a fitted OFF curve's full covariance): at fixed K it is a quadratic
 * in X, A0 - 2 X A1 + X^2 A2, so the map, the section at fixed K and the minimum over X are
 * closed-form; the minimum over K (the projection GEMMA uses: "projection (not a section!)") is
 * found by Brent's method. A form supplies the quadratic's coefficients and a rough K scale.
 */
import { FitError } from "../errors.js";
import { brent } from "../math/brent.js";
import { brentMinimize } from "../math/brentMinimize.js";
import { maskedIndices, roiMask } from "../fit/roi.js";
import { Chi2Map, type MapGrid, type ProfileResult } from "./chi2Map.js";
import type { GemmaPeriodInput } from "./gemmaPeriodInput.js";

/**
 * The per-bin terms of GEMMA Eq. (7) over the ROI bins, chi2 = sum (a - X e - K b)^2 / (v + K^2 w):
 * a = S_ON - T m w W, e = T m w EM, b = tau~ S_OFF, v = var S_ON, w = tau~^2 var S_OFF (the OFF
 * variance defaults to `offVarianceDefault(S_OFF)`). Checks the input's shapes; errors start with `label`.
 */
export function periodTerms(input: GemmaPeriodInput, label: string, offVarianceDefault: (offCount: number) => number): { bins: Int32Array; a: Float64Array; b: Float64Array; e: Float64Array; v: Float64Array; w: Float64Array } {
  const n = input.edgesKeV.length - 1;
  const check = (name: string, arr: ArrayLike<number> | undefined) => {
    if (arr && arr.length !== n) throw new Error(`${label}: ${name} has ${arr.length} entries for ${n} bins`);
  };
  check("onCounts", input.onCounts);
  check("offCounts", input.offCounts);
  check("onVariance", input.onVariance);
  check("offVariance", input.offVariance);
  check("emPerKeVKgDay", input.emPerKeVKgDay);
  check("weakPerKeVKgDay", input.weakPerKeVKgDay);
  if (!(input.tauTilde > 0) || !(input.onDays > 0) || !(input.massKg > 0)) throw new Error(`${label}: tauTilde, onDays and massKg must be positive`);
  const bins = maskedIndices(roiMask(input.edgesKeV, input.roi));
  const m = bins.length;
  if (m < 3) throw new FitError(`${label}: need at least 3 bins in the ROI, got ${m}`);
  const a = new Float64Array(m);
  const b = new Float64Array(m);
  const e = new Float64Array(m);
  const v = new Float64Array(m);
  const w = new Float64Array(m);
  const tau = input.tauTilde;
  for (let j = 0; j < m; j++) {
    const i = bins[j];
    const exposure = input.onDays * input.massKg * (input.edgesKeV[i + 1] - input.edgesKeV[i]);
    a[j] = input.onCounts[i] - exposure * (input.weakPerKeVKgDay ? input.weakPerKeVKgDay[i] : 0);
    e[j] = exposure * input.emPerKeVKgDay[i];
    b[j] = tau * input.offCounts[i];
    v[j] = input.onVariance ? input.onVariance[i] : Math.max(input.onCounts[i], 1);
    w[j] = tau * tau * (input.offVariance ? input.offVariance[i] : offVarianceDefault(input.offCounts[i]));
    if (!(v[j] > 0) || !(w[j] >= 0)) throw new FitError(`${label}: variances of bin ${i} must be positive`);
  }
  return { bins, a, b, e, v, w };
}

/** The common interface of `GemmaChi2` and `CorrelatedGemmaChi2` that the analysis uses. */
export interface Chi2XK {
  readonly nbins: number;
  chi2(x: number, k: number): number;
  quadraticInX(k: number): { a0: number; a1: number; a2: number };
  map(grid: MapGrid): Chi2Map;
  section(k?: number): { k: number; xHat: number; dx: number; chi2Min: number };
  profileK(x: number, kHint?: number): { k: number; chi2: number };
  profile(xs: ArrayLike<number>): Float64Array;
  minimum(): { x: number; k: number; chi2: number };
  profileFit(delta?: number): ProfileResult;
}

/** The shared evaluations of a chi^2(X, K) quadratic in X (see the file header). */
export abstract class QuadraticInXChi2 implements Chi2XK {
  /** Name in error messages. */
  protected abstract readonly label: string;
  abstract get nbins(): number;
  /** The quadratic-in-X coefficients at fixed K: chi2 = A0 - 2 X A1 + X^2 A2. */
  abstract quadraticInX(k: number): { a0: number; a1: number; a2: number };
  /** Rough K scale: the K minimising chi2 at X with the variances frozen at K = k0, and its error. */
  protected abstract kEstimate(x: number, k0: number): { k: number; sk: number };
  /** d chi2(x, K) / dK, when a form has it analytically (used to polish the minimum). */
  protected dChi2dK?(x: number, k: number): number;
  /** d/dK of min_X chi2 = A0 - A1^2/A2, when a form has it analytically. */
  protected dProfiledXdK?(k: number): number;

  /** chi2 at (X, K). */
  chi2(x: number, k: number): number {
    const { a0, a1, a2 } = this.quadraticInX(k);
    return a0 - 2 * x * a1 + x * x * a2;
  }

  /**
   * Minimum of a smooth function of K over K > 0: Brent's minimisation on a bracket of +-20
   * estimated sigma_K (widened when the minimum sits at an edge); with a derivative, polished by
   * Brent's root finding on it (minimisation alone locates a minimum only to sqrt(machine epsilon),
   * which X inherits through the X-K correlation). K = tau / tau~ is a ratio of times, so K < 0 is
   * outside the model: the bracket stops at 0, and a minimum there is the constrained one, K = 0. (Without
   * this bound a chi-square of a badly fitted OFF curve had minima at K < 0, and the profile jumped
   * between valleys.)
   */
  private minimizeK(f: (k: number) => number, df: ((k: number) => number) | undefined, k0: number, sk: number): number {
    let k = Number.isFinite(k0) && k0 > 0 ? k0 : 1;
    let half = Number.isFinite(sk) && sk > 0 ? 20 * sk : 1;
    for (let attempt = 0; attempt < 8; attempt++) {
      const lo = Math.max(k - half, 0);
      const hi = k + half;
      const r = brentMinimize(f, lo, hi, df ? 1e-10 * half : 1e-12 * Math.max(1, Math.abs(k)));
      const edge = 1e-6 * half;
      if (r.x - lo > edge && hi - r.x > edge) {
        if (!df) return r.x;
        const d = Math.min(1e-5 * half, 0.5 * (r.x - lo));
        const da = df(r.x - d);
        const db = df(r.x + d);
        return da < 0 && db > 0 ? brent(df, r.x - d, r.x + d, 1e-15 * Math.max(1, Math.abs(r.x))) : r.x;
      }
      // At the physical boundary: the constrained minimum (a profile far from X_hat can reach it;
      // a best fit there is caught by the K plausibility check of the analysis).
      if (lo === 0 && r.x - lo <= edge) return 0;
      k = r.x;
      half *= 4;
    }
    throw new FitError("the chi-square has no minimum in K (the ON/OFF time factor)");
  }

  /** The map on a grid (X from xMin to xMax in nx points, K likewise). */
  map(grid: MapGrid): Chi2Map {
    const { xMin, xMax, nx, kMin, kMax, nk } = grid;
    if (!(nx >= 2 && nk >= 2 && xMax > xMin && kMax > kMin)) throw new Error(`${this.label}.map: bad grid`);
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

  /**
   * Minimum over K at fixed X, from the K estimated at X and, when given, also from `kHint` (a
   * neighbouring solution; the lower minimum wins, so that a profile followed along X stays in the
   * valley of the global minimum).
   */
  profileK(x: number, kHint?: number): { k: number; chi2: number } {
    let { k, sk } = this.kEstimate(x, 1);
    ({ k, sk } = this.kEstimate(x, k));
    const df = this.dChi2dK ? (kk: number) => this.dChi2dK!(x, kk) : undefined;
    const kMin = this.minimizeK((kk) => this.chi2(x, kk), df, k, sk);
    const best = { k: kMin, chi2: this.chi2(x, kMin) };
    // A hint within 2 sigma_K of the minimum found lies in the same valley.
    if (kHint === undefined || !(kHint > 0) || Math.abs(kHint - kMin) <= 2 * sk) return best;
    const s2 = this.kEstimate(x, kHint).sk;
    const k2 = this.minimizeK((kk) => this.chi2(x, kk), df, kHint, s2);
    const c2 = this.chi2(x, k2);
    return c2 < best.chi2 ? { k: k2, chi2: c2 } : best;
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
    const df = this.dProfiledXdK ? (kk: number) => this.dProfiledXdK!(kk) : undefined;
    const kMin = this.minimizeK(g, df, k, sk);
    const { a1, a2 } = this.quadraticInX(kMin);
    return { x: a1 / a2, k: kMin, chi2: g(kMin) };
  }

  /**
   * X_hat and its error from the profile over K: the ends of {X : profile(X) <= chi2_min + delta}
   * (delta = 1 for 68.27 % in one parameter) by Brent's method; dx = (xUp - xLow) / 2.
   */
  profileFit(delta = 1): ProfileResult {
    const min = this.minimum();
    // The profile followed from the minimum's K; at X_hat it must give the 2D minimum (else the
    // chi-square has another valley in K, and the two searches disagree).
    const atMin = this.profileK(min.x, min.k);
    // (Lower by more than rounding: 1e-6 in chi2, far below the Delta chi2 = 1 of the error.)
    if (atMin.chi2 < min.chi2 - 1e-6) Object.assign(min, { chi2: atMin.chi2, k: atMin.k });
    const target = min.chi2 + delta;
    const f = (x: number) => this.profileK(x, min.k).chi2 - target;
    if (!(f(min.x) < 0)) throw new FitError("the profile over K does not reach the chi-square's minimum at X_hat (several valleys in K)");
    const step0 = this.section(min.k).dx * Math.sqrt(delta);
    if (!(step0 > 0 && Number.isFinite(step0))) throw new FitError("the chi-square does not depend on X (no signal expected in the ROI bins)");
    const find = (sign: number): number => {
      let step = step0;
      for (let i = 0; i < 60; i++) {
        const xb = min.x + sign * step;
        // f(X_hat) = -delta < 0 (the profile at X_hat is the minimum, checked above): a bracket.
        if (f(xb) > 0) return brent(f, Math.min(min.x, xb), Math.max(min.x, xb), 1e-10 * Math.max(1, step));
        step *= 1.6;
      }
      throw new FitError(`the profile chi-square stays within ${delta} of its minimum for all X ${sign > 0 ? "above" : "below"} X_hat (K compensates the signal without bound)`);
    };
    const xUp = find(1);
    const xLow = find(-1);
    return { xHat: min.x, kHat: min.k, chi2Min: min.chi2, dx: 0.5 * (xUp - xLow), xLow, xUp, nbins: this.nbins, ndf: this.nbins - 2 };
  }
}
