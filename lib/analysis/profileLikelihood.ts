/**
 * The profile-likelihood limit ("profile" method): a Poisson binned likelihood of the ON and OFF
 * spectra of every period, with X common to all periods and, per period, the relative time factor
 * K and the background parameters as nuisance parameters:
 *
 *   mu_OFF,i = B_i(theta),   mu_ON,i = K tau~ B_i(theta) + T_ON m_d w_i (W_i + X (1 + delta) EM_i),
 *   -2 ln L = sum_periods [BC(ON) + BC(OFF)] + (delta / s)^2,
 *
 * with B_i the background function's expected OFF counts (the parameters of the "gel" or
 * "polynomial" OFF fit, now floating; for "raw" one free b_i per bin, profiled in closed form: the
 * larger root of (a+1) a b^2 - [a N - (a+1) c] b - n_OFF c = 0, a = K tau~, c = signal counts,
 * N = n_ON + n_OFF), BC the Baker-Cousins likelihood chi-square (S. Baker & R. D. Cousins, NIM 221
 * (1984) 437), and delta the X-proportional normalisation systematic of GEMMA Eq. (8) (s = 4.0 %),
 * common to the periods. Efficiency-corrected counts c with variance v are used as Poisson counts
 * c^2/v with expectations scaled by c/v.
 *
 * Each period's profile q_j(X) = min over (theta_j, K_j) is computed on a grid of X (Levenberg-
 * Marquardt / Fisher scoring, warm-started along the grid) and interpolated by a natural cubic
 * spline; delta is profiled on the combination, q(X) = min_delta [sum_j q_j(X (1 + delta)) + (delta/s)^2].
 *
 * Upper limit: the test statistic q~_X of G. Cowan, K. Cranmer, E. Gross & O. Vitells, EPJ C 71
 * (2011) 1554, Eq. (16): -2 ln [L(X) / L(X_hat)] with the reference L(0) when X_hat < 0 (the
 * boundary X >= 0); the limit is where q~ = Delta, asymptotically (Wilks): "two-sided" (default)
 * Delta = chi2_1 quantile at CL = 2.706 for 90 % (the upper end of the 90 % likelihood-ratio
 * interval; 1.645 sigma at X_hat = 0, like the PDG and Feldman-Cousins numbers there), or
 * "one-sided" Delta = (Phi^-1(CL))^2 = 1.642 (the one-sided test of q~_mu for upper limits, CLs+b,
 * 1.28 sigma at X_hat = 0). With the L(0) reference a negative X_hat gives X_up = X_hat +
 * sqrt(X_hat^2 + Delta sigma^2) > 0 in the Gaussian limit: never an empty interval.
 */
import chisquareQuantile from "@stdlib/stats-base-dists-chisquare-quantile";
import normalQuantile from "@stdlib/stats-base-dists-normal-quantile";
import { BinIntegrator } from "../fit/binIntegrator.js";
import type { CurveModel } from "../fit/curveModel.js";
import type { Limit } from "../fit/limits.js";
import { evaluateSpline, splineSecondDerivatives } from "../fit/naturalSpline.js";
import { maskedIndices, roiMask } from "../fit/roi.js";
import { bakerCousinsChi2, bakerCousinsTerm } from "../fit/statistic.js";
import { FitRefusedError } from "../fit/fitQuality.js";
import { brent } from "../math/brent.js";
import { brentMinimize } from "../math/brentMinimize.js";
import { interpolateLinear } from "../math/interpolateLinear.js";
import { levenbergMarquardt, type LeastSquaresProblem } from "../math/levenbergMarquardt.js";
import { gelLimits } from "./backgroundFit.js";
import type { PeriodAnalysis } from "./periodAnalysis.js";

/** Options of {@link profileLikelihoodLimit}. */
export interface ProfileLikelihoodOptions {
  cl?: number;
  /** X-proportional systematic, relative (default 0.0399, GEMMA Eq. 8). */
  relSyst?: number;
  threshold?: "two-sided" | "one-sided";
  /** Grid points per period profile (default 31). */
  gridPoints?: number;
}

/** One period's profile. */
export interface PeriodProfile {
  name: string;
  x: Float64Array;
  /** q_j(X) - min, on the grid. */
  q: Float64Array;
  /** K at each grid point. */
  k: Float64Array;
  xHat: number;
  xErr: number;
  kHat: number;
}

/** Result of {@link profileLikelihoodLimit}. */
export interface ProfileLikelihoodResult {
  xHat: number;
  xErr: number;
  xUpper: number;
  /** Delta of q~ at the limit. */
  delta: number;
  threshold: "two-sided" | "one-sided";
  /** "X_hat" or "X = 0" (the q~ reference). */
  reference: string;
  cl: number;
  relSyst: number;
  /** Combined q~(X) on a grid, for plots. */
  x: Float64Array;
  q: Float64Array;
  periods: PeriodProfile[];
}

/** A natural cubic spline through (x, y), as a function. */
function splineFunction(x: Float64Array, y: Float64Array): (t: number) => number {
  const gamma = splineSecondDerivatives(x, y);
  const pt = new Float64Array(1);
  const out = new Float64Array(1);
  return (t: number) => {
    pt[0] = t;
    evaluateSpline(x, y, gamma, pt, out);
    return out[0];
  };
}

/** The minimiser of one period's -2 ln L over (theta, K) at fixed signal strength X. */
class PeriodLikelihood {
  private readonly idx: Int32Array;
  private readonly nOn: Float64Array;
  private readonly nOff: Float64Array;
  private readonly sOn: Float64Array;
  private readonly sOff: Float64Array;
  private readonly weak: Float64Array;
  private readonly e: Float64Array;
  private readonly tau: number;
  private readonly integ: BinIntegrator | null;
  private readonly exposureOff: number;
  private readonly limits: ReadonlyArray<Limit | null>;
  /** Current nuisance parameters (theta..., K): warm start of the next fit. */
  params: Float64Array;
  private readonly model: CurveModel;

  constructor(private readonly pa: PeriodAnalysis, massKg: number) {
    const b = pa.binning;
    this.idx = maskedIndices(roiMask(b.edgesKeV, b.roi));
    const m = this.idx.length;
    const idx = this.idx;
    this.sOn = Float64Array.from(idx, (i) => 1 / pa.onRatio[i]);
    this.sOff = Float64Array.from(idx, (i) => 1 / pa.offRatio[i]);
    // A corrected count below zero (a subtraction's downward fluctuation) is 0 Poisson counts.
    this.nOn = Float64Array.from(idx, (i, j) => Math.max(pa.onCounts[i], 0) * this.sOn[j]);
    this.nOff = Float64Array.from(idx, (i, j) => Math.max(pa.offCounts[i], 0) * this.sOff[j]);
    const edges = b.edgesKeV;
    this.weak = Float64Array.from(idx, (i) => pa.onDays * massKg * (edges[i + 1] - edges[i]) * pa.weakPerKeVKgDay[i]);
    this.e = Float64Array.from(idx, (i) => pa.onDays * massKg * (edges[i + 1] - edges[i]) * pa.emPerKeVKgDay[i]);
    this.tau = pa.tauTilde;
    this.exposureOff = massKg * pa.offDays;
    const fit = pa.background.fit;
    if (pa.background.kind === "raw") {
      this.integ = null;
      this.limits = [];
      this.params = Float64Array.from([pa.fit.kHat]);
      this.initial = Float64Array.from(this.params);
      this.model = { name: "raw", parameterNames: [], density() {} };
    } else if (fit && (pa.background.kind === "gel" || pa.background.kind === "polynomial")) {
      this.integ = new BinIntegrator(edges, idx, 3);
      this.model = fit.model;
      const lo = edges[idx[0]];
      const hi = edges[idx[m - 1] + 1];
      this.limits = pa.background.kind === "gel" ? gelLimits(lo, hi) : [];
      this.params = Float64Array.from([...fit.values, pa.fit.kHat]);
      this.initial = Float64Array.from(this.params);
    } else {
      throw new FitRefusedError(`period ${pa.name}: the profile likelihood needs a parametric background, and "${pa.background.kind}" has no parametric form. Try --background gel, polynomial or raw, or --method pdg.`, pa.name, pa.background.label);
    }
  }

  /** -2 ln L (Baker-Cousins) of the raw background at (X, K): b_i profiled in closed form. */
  private rawValue(x: number, k: number): number {
    let s = 0;
    for (let j = 0; j < this.idx.length; j++) {
      const a = (this.sOn[j] * k * this.tau) / this.sOff[j];
      const c = this.sOn[j] * (this.weak[j] + x * this.e[j]);
      const nOn = this.nOn[j];
      const nOff = this.nOff[j];
      const bq = a * (nOn + nOff) - (a + 1) * c;
      const disc = Math.max(bq * bq + 4 * (a + 1) * a * nOff * c, 0);
      let beta = (bq + Math.sqrt(disc)) / (2 * a * (a + 1));
      beta = Math.max(beta, Math.max(0, -c / a));
      // beta >= -c/a keeps mu_ON >= 0; the max only removes the rounding of a beta + c at that edge.
      const muOn = Math.max(a * beta + c, 0);
      const muOff = beta;
      s += bakerCousinsTerm(nOn, muOn) + bakerCousinsTerm(nOff, muOff);
    }
    return s;
  }

  /** Whether the background is parametric (theta floats) rather than raw (closed-form b_i). */
  get parametric(): boolean {
    return this.integ !== null;
  }

  /** The OFF fit's parameters and the chi-square K: the second start of every parametric fit. */
  private readonly initial: Float64Array;

  /**
   * Minimum over the nuisance parameters at X: from the warm start (`params`, the previous grid
   * point) and, for a parametric background, also from the OFF fit's values; the lower wins (the
   * Gaussian of the GEL function makes the likelihood multimodal, and a warm start followed along
   * the grid can stay in a worse valley).
   */
  minimise(x: number): { value: number; k: number } {
    if (this.integ) {
      const a = this.lm(x);
      const fromWarm = Float64Array.from(this.params);
      this.params.set(this.initial);
      const b = this.lm(x);
      if (a.value <= b.value) {
        this.params.set(fromWarm);
        return a;
      }
      return b;
    }
    return this.minimiseRaw(x);
  }

  /** One minimisation from the current `params` only (the neighbour refinement). */
  minimiseFromCurrent(x: number): { value: number; k: number } {
    return this.integ ? this.lm(x) : this.minimiseRaw(x);
  }

  private minimiseRaw(x: number): { value: number; k: number } {
    {
      let k0 = this.params[0];
      let half = 0.05;
      for (let attempt = 0; attempt < 10; attempt++) {
        const r = brentMinimize((k) => this.rawValue(x, k), k0 - half, k0 + half, 1e-10);
        if (r.x - (k0 - half) > 1e-6 * half && k0 + half - r.x > 1e-6 * half) {
          this.params[0] = r.x;
          return { value: r.fval, k: r.x };
        }
        k0 = r.x;
        half *= 3;
      }
      throw new FitRefusedError(`period ${this.pa.name}: the profile likelihood (raw OFF spectrum) has no minimum in K at X = ${x.toPrecision(4)}. Try --background gel or polynomial, or wider bins (--bin-kev 1).`, this.pa.name, this.pa.background.label);
    }
  }

  /**
   * Levenberg-Marquardt (Fisher scoring) on (theta, K) for the parametric background: the rows are
   * the OFF and ON bins in turn, residuals n - mu, weights 1/mu; theta is clamped to its limits.
   */
  private lm(x: number): { value: number; k: number } {
    const integ = this.integ!;
    const m = this.idx.length;
    const np = this.params.length; // theta + K
    const nt = np - 1;
    const B = new Float64Array(m);
    const plus = new Float64Array(m);
    const minus = new Float64Array(m);
    const dB = new Float64Array(m * nt);
    const muOn = new Float64Array(m);
    const muOff = new Float64Array(m);
    const evalMu = (q: Float64Array) => {
      integ.expected(this.model, q.subarray(0, nt), this.exposureOff, B);
      const k = q[nt];
      for (let j = 0; j < m; j++) {
        muOff[j] = this.sOff[j] * B[j];
        muOn[j] = this.sOn[j] * (k * this.tau * B[j] + this.weak[j] + x * this.e[j]);
      }
      return bakerCousinsChi2(this.nOn, muOn) + bakerCousinsChi2(this.nOff, muOff);
    };
    const problem: LeastSquaresProblem = {
      rows: 2 * m,
      objective: evalMu,
      linearise: (p, out) => {
        evalMu(p);
        const theta = Float64Array.from(p.subarray(0, nt));
        for (let a = 0; a < nt; a++) {
          const h = 1e-6 * Math.max(Math.abs(theta[a]), 1e-3);
          const t0 = theta[a];
          theta[a] = t0 + h;
          integ.expected(this.model, theta, this.exposureOff, plus);
          theta[a] = t0 - h;
          integ.expected(this.model, theta, this.exposureOff, minus);
          theta[a] = t0;
          for (let j = 0; j < m; j++) dB[j * nt + a] = (plus[j] - minus[j]) / (2 * h);
        }
        const k = p[nt];
        const J = out.jacobian;
        for (let j = 0; j < m; j++) {
          // OFF bin: d mu / d theta = sOff dB
          const off = 2 * j;
          out.weight[off] = 1 / Math.max(muOff[j], 1e-300);
          out.residual[off] = this.nOff[j] - muOff[j];
          for (let a = 0; a < nt; a++) J[off * np + a] = this.sOff[j] * dB[j * nt + a];
          J[off * np + nt] = 0;
          // ON bin: d mu / d theta = sOn K tau dB, d mu / d K = sOn tau B
          const on = 2 * j + 1;
          out.weight[on] = 1 / Math.max(muOn[j], 1e-300);
          out.residual[on] = this.nOn[j] - muOn[j];
          for (let a = 0; a < nt; a++) J[on * np + a] = this.sOn[j] * k * this.tau * dB[j * nt + a];
          J[on * np + nt] = this.sOn[j] * this.tau * B[j];
        }
      },
      project: (q) => {
        for (let a = 0; a < nt; a++) {
          const l = this.limits[a];
          if (l) q[a] = Math.min(l[1], Math.max(l[0], q[a]));
        }
      },
    };
    // Converged when three steps taken gain less than 1e-4 in -2 ln L together.
    const r = levenbergMarquardt(problem, this.params, { maxIterations: 100, tolerance: 1e-4, stopOnPredictedDecrease: false });
    this.params.set(r.x);
    return { value: r.value, k: r.x[nt] };
  }
}

/** The profile-likelihood limit from the periods of one analysis choice (see the file header). */
export function profileLikelihoodLimit(periods: readonly PeriodAnalysis[], massKg: number, options: ProfileLikelihoodOptions = {}): ProfileLikelihoodResult {
  if (periods.length === 0) throw new Error("profile-likelihood limit: the spectra have no periods");
  const cl = options.cl ?? 0.9;
  const s = options.relSyst ?? 0.0399;
  const threshold = options.threshold ?? "two-sided";
  const delta = threshold === "two-sided" ? chisquareQuantile(cl, 1) : normalQuantile(cl, 0, 1) ** 2;
  // Grid from the Gaussian chain's combination of the periods.
  let w = 0;
  let wx = 0;
  for (const p of periods) {
    w += 1 / p.fit.dx ** 2;
    wx += p.fit.xHat / p.fit.dx ** 2;
  }
  const xc = wx / w;
  const sc = 1 / Math.sqrt(w);
  const xlo = Math.min(xc - 6 * sc, -4 * sc);
  const xhi = Math.max(xc, 0) + 9 * sc;
  const np = options.gridPoints ?? 31;
  const top = xhi * (1 + 6 * s) + sc;
  const grid = Float64Array.from({ length: np }, (_, i) => xlo + ((top - xlo) * i) / (np - 1));
  const start = grid.reduce((best, x, i) => (Math.abs(x - xc) < Math.abs(grid[best] - xc) ? i : best), 0);
  const profiles: PeriodProfile[] = [];
  const splines: ((t: number) => number)[] = [];
  for (const pa of periods) {
    const like = new PeriodLikelihood(pa, massKg);
    const q = new Float64Array(np);
    const k = new Float64Array(np);
    const params: Float64Array[] = new Array(np);
    const warm = Float64Array.from(like.params);
    for (const dir of [1, -1]) {
      like.params.set(warm);
      for (let i = dir === 1 ? start : start - 1; i >= 0 && i < np; i += dir) {
        const r = like.minimise(grid[i]);
        q[i] = r.value;
        k[i] = r.k;
        params[i] = Float64Array.from(like.params);
      }
    }
    // A grid point stuck in a worse valley shows as a spike: re-minimise each point from its
    // neighbours' solutions and keep the lowest, until nothing improves (at most 3 passes).
    for (let pass = 0; pass < 3 && like.parametric; pass++) {
      let improved = false;
      for (let i = 0; i < np; i++) {
        for (const j of [i - 1, i + 1]) {
          if (j < 0 || j >= np) continue;
          like.params.set(params[j]);
          const r = like.minimiseFromCurrent(grid[i]);
          if (r.value < q[i] - 1e-6) {
            q[i] = r.value;
            k[i] = r.k;
            params[i] = Float64Array.from(like.params);
            improved = true;
          }
        }
      }
      if (!improved) break;
    }
    // Check: the profile is finite and convex on the grid within 1 unit of -2 ln L (second
    // differences >= -1; a near-quadratic profile has ~2 (h / sigma)^2 > 0). A wall or a drop shows a
    // nuisance fit that failed at some X (seen at 1 day: q = 5e5 next to 27), and the spline
    // through it would put a false minimum there.
    for (let i = 0; i < np; i++) {
      const bad = !Number.isFinite(q[i]) || (i > 0 && i < np - 1 && q[i - 1] - 2 * q[i] + q[i + 1] < -1);
      if (bad) throw new FitRefusedError(`period ${pa.name}: the profile likelihood with the ${pa.background.label} background is refused: its fit of the background and K fails near X = ${grid[i].toPrecision(4)} (the profile over X is not smooth there). Try --method pdg, ${pa.background.kind === "raw" ? "--background polynomial" : "--background raw or polynomial"}, or wider bins (--bin-kev 1).`, pa.name, pa.background.label);
    }
    const f = splineFunction(grid, q);
    const mn = brentMinimize(f, grid[0], grid[np - 1], 1e-10);
    const err = halfWidth(f, mn.x, mn.fval, 1, grid[0], grid[np - 1]);
    const kHat = interpolateLinear(grid, k, mn.x);
    profiles.push({ name: pa.name, x: grid, q: q.map((v) => v - mn.fval), k, xHat: mn.x, xErr: err, kHat });
    splines.push(f);
  }
  const combined = (x: number): number => {
    const g = (d: number) => splines.reduce((acc, f) => acc + f(x * (1 + d)), 0) + (d / s) ** 2;
    if (s === 0 || x === 0) return g(0);
    return brentMinimize(g, -5 * s, 5 * s, 1e-9).fval;
  };
  const mn = brentMinimize(combined, xlo, xhi, 1e-9);
  const xHat = mn.x;
  const qMin = mn.fval;
  const ref = xHat >= 0 ? qMin : combined(0);
  const from = Math.max(xHat, 0);
  const h = (x: number) => combined(x) - ref - delta;
  if (!(h(xhi) > 0)) throw new FitRefusedError(`the profile likelihood does not reach its ${(cl * 100).toPrecision(3)} % CL threshold for X up to ${xhi.toPrecision(4)} (9 combined errors above the chi-square estimate): the likelihood is flat in X. Try --method pdg, another background, or wider bins (--bin-kev 1).`, periods.map((p) => p.name).join(", "), periods[0].background.label);
  const xUpper = brent(h, from, xhi, 1e-9);
  const xErr = halfWidth(combined, xHat, qMin, 1, xlo, xhi);
  const plotX = Float64Array.from({ length: 121 }, (_, i) => Math.max(xlo, -2 * sc) + ((xhi - Math.max(xlo, -2 * sc)) * i) / 120);
  const plotQ = plotX.map((x) => (x < 0 ? NaN : combined(x) - ref));
  return { xHat, xErr, xUpper, delta, threshold, reference: xHat >= 0 ? "X_hat" : "X = 0", cl, relSyst: s, x: plotX, q: plotQ, periods: profiles };
}

/** (x_up - x_low)/2 of {f <= fmin + d} around xm, by Brent's method inside [lo, hi]. */
function halfWidth(f: (x: number) => number, xm: number, fmin: number, d: number, lo: number, hi: number): number {
  const g = (x: number) => f(x) - fmin - d;
  const up = g(hi) > 0 ? brent(g, xm, hi, 1e-9) : hi;
  const low = g(lo) > 0 ? brent(g, lo, xm, 1e-9) : lo;
  return 0.5 * (up - low);
}
