/**
 * The milli-charge limit from a spectra file with the weak-electromagnetic interference, for each
 * sign of delta_Q. The cross section of anti-nu_e e scattering with a charge delta_Q has, beside
 * the pure delta_Q^2 term, a term linear in delta_Q from its interference with the weak amplitude
 * (Giunti & Studenikin, RMP 87 (2015) 531, Sec. VIII: delta_Q enters as a shift of g_V; see
 * lib/xsec/millicharge.ts). With d = |delta_Q| / 1e-12 e and s = sign(delta_Q) the expected signal
 * in each bin is
 *   d^2 S_pure + s d S_int,
 * S_pure and S_int the bin-averaged rates at delta_Q = +1e-12 e folded with the detector response
 * exactly as the pure term of the linear chain (`binAveragedRate`, scaled to the file's flux);
 * S_int is negative where the interference is destructive (delta_Q > 0).
 *
 * GEMMA's procedure (paper Sec. 3, Eqs. 5-9) generalised from one signal amplitude X to two,
 * (A, B) = (d^2, s d):
 *  1. per period, chi^2(A, B, K) of GEMMA (7) with the signal A S_pure + B S_int; at fixed K it is
 *     a quadratic form in (A, B), so its minimum over (A, B) is closed-form and K is profiled by
 *     Brent's method: (A_j, B_j, K_j);
 *  2. the profile over K near that minimum as a quadratic form F_j (the two-amplitude analogue of
 *     GEMMA's X_j +- dX_j): F_j along a direction v is 1 / dt^2, dt the Delta chi^2 = 1 half-width
 *     of the K-profiled chi^2 along u_j + t v (the same `profileFit` the linear chain uses for
 *     dX_j); three directions give F_j, a fourth (A - B) checks that the profile is quadratic.
 *     Like GEMMA's Gaussian p_j(X), this is an approximation of the profile away from its minimum
 *     (S_pure and S_int are strongly correlated, so (A_j, B_j) can lie far from the curve
 *     (d^2, s d)); option `profile: "exact"` uses instead the K-profiled chi^2 of the signal
 *     d^2 S_pure + s d S_int along the curve, one chi-square per d (a cross-check);
 *  3. the X-proportional 4 % systematic of GEMMA (8) as a Gaussian normalisation (1 + eps) of the
 *     signal, integrated out: with u = (d^2, s d), delta = u - u_j, q = u^T F u, p = u^T F delta,
 *     c = delta^T F delta,
 *       ln p_j(d) = -(c - p^2 / (q + 1/r^2)) / 2 - ln(1 + r^2 q) / 2,
 *     which for one amplitude is exactly GEMMA's N(X_j; X, dX_j^2 + r^2 X^2)
 *     (`ProbabilityCurve.gaussian`, systematic at the hypothesis) and for Asimov data (u_j = 0)
 *     the form of lib/prospects/milliChargeInterference.ts;
 *  4. P_s = prod_j p_j per analysis alternative, the weighted sum over alternatives (GEMMA Fig. 6),
 *     and GEMMA's PDG renormalisation: flat in X = d^2 >= 0, the 90 % point X_90, delta_Q_90 =
 *     1e-12 e sqrt(X_90) (GEMMA (6) with the milli-charge reference), per sign.
 */
import { knownFlux, type SpectraFile } from "../spectra/spectraFile.js";
import { brentMinimize } from "../math/brentMinimize.js";
import { measured, quantityTable, ResultTable, ResultTables } from "../fit/resultTable.js";
import { gaussLegendre } from "../math/gaussLegendre.js";
import { GemmaChi2, type GemmaPeriodInput } from "../stats/gemmaChi2.js";
import { CorrelatedGemmaChi2, type Chi2XK, type CorrelatedGemmaPeriodInput } from "../stats/gemmaChi2Correlated.js";
import { GEMMA_NORMALISATION_SYSTEMATICS, quadratureSum } from "../stats/gemmaCombination.js";
import { ProbabilityCurve } from "../stats/probabilityCurve.js";
import type { ProcessName } from "../xsec/registry.js";
import { binAveragedRate, experimentNameOf, modelFluxPerCm2s, type SignalResponse } from "./binnedRates.js";
import { X_REFERENCE_DELTA_Q_E, type MagneticModel } from "./models.js";
import type { PeriodAnalysis } from "./periodAnalysis.js";
import type { SpectraLimit } from "./limit.js";

/** The sign of delta_Q. */
export type ChargeSign = 1 | -1;

/** Interference processes of the milli-charge models that have one (the EPA-like estimate has none). */
export const MILLICHARGE_INTERFERENCE_PROCESS: Partial<Record<MagneticModel, ProcessName>> = {
  fe: "millicharge-interference",
  stepping: "millicharge-interference-stepping",
};

/** One period's two-amplitude fit: the minimum (A_j, B_j, K_j) and the quadratic form F_j. */
export interface SignedPeriodFit {
  name: string;
  /** Amplitudes of S_pure and S_int at the minimum, and K there. */
  aHat: number;
  bHat: number;
  kHat: number;
  chi2Min: number;
  /** F_j entries: chi^2 - chi2Min = F_AA dA^2 + 2 F_AB dA dB + F_BB dB^2. */
  fAA: number;
  fAB: number;
  fBB: number;
  /** Relative mismatch of F along A - B (the quadraticity check; 0 when S_int is zero). */
  check: number;
}

/** A period's chi-square inputs and its interference rates per bin (counts/(keV kg day), flux-scaled). */
export interface SignedPeriodInput {
  /** What is read of a period analysis: its name, pure-term rates, chi-square inputs and class, K_hat. */
  analysis: Pick<PeriodAnalysis, "name" | "emPerKeVKgDay" | "input" | "chi2" | "fit">;
  interferencePerKeVKgDay: ArrayLike<number>;
}

/** One analysis alternative of the signed limit. */
export interface SignedAlternative {
  label: string;
  weight: number;
  periods: SignedPeriodInput[];
}

/** Options of the signed limit. */
export interface SignedLimitOptions {
  /** X-proportional systematic (default GEMMA (8): 3.99 %). */
  relSyst?: number;
  cl?: number;
  /** Points of the d grid (default 20001 for "quadratic", 801 for "exact"). */
  points?: number;
  /**
   * The per-period chi^2 along the curve: "quadratic" (default), the form F_j about the minimum
   * (step 2); "exact", the K-profiled chi^2 of the signal d^2 S_pure + s d S_int at each d, the
   * systematic integrated numerically over the normalisation (a cross-check, ~100 x slower).
   */
  profile?: "quadratic" | "exact";
}

/** The chi-square class of a period with another signal vector and ON counts. */
function chi2Like(p: SignedPeriodInput["analysis"], em: ArrayLike<number>, onCounts?: ArrayLike<number>): Chi2XK {
  const input = { ...p.input, emPerKeVKgDay: em, onCounts: onCounts ?? p.input.onCounts };
  return p.chi2 instanceof CorrelatedGemmaChi2 ? new CorrelatedGemmaChi2(input as CorrelatedGemmaPeriodInput) : new GemmaChi2(input as GemmaPeriodInput);
}

/** Minimum of a smooth function of K near k0: Brent on a bracket widened until the minimum is inside. */
function minimiseK(f: (k: number) => number, k0: number): number {
  let half = 0.05 * Math.max(1, Math.abs(k0));
  for (let attempt = 0; attempt < 8; attempt++, half *= 4) {
    const r = brentMinimize(f, k0 - half, k0 + half, 1e-12);
    if (Math.abs(r.x - k0) < 0.999 * half) return r.x;
    k0 = r.x;
  }
  throw new Error("signed milli-charge limit: no minimum in K found");
}

/** The two-amplitude fit of one period (steps 1 and 2 of the file header). */
export function fitSignedPeriod(sp: SignedPeriodInput): SignedPeriodFit {
  const p = sp.analysis;
  const sPure = p.emPerKeVKgDay;
  const sInt = Float64Array.from(sp.interferencePerKeVKgDay);
  const n = sPure.length;
  if (sInt.length !== n) throw new Error(`period ${p.name}: ${sInt.length} interference rates for ${n} bins`);
  const hasInt = sInt.some((v) => v !== 0);
  const cp = chi2Like(p, sPure);
  const ci = hasInt ? chi2Like(p, sInt) : null;
  const cs = hasInt ? chi2Like(p, Float64Array.from(sPure, (v, i) => v + sInt[i])) : null;
  // At fixed K: chi2 = a0 - 2 (A a1p + B a1i) + A^2 pp + 2 A B pi + B^2 ii.
  const forms = (k: number) => {
    const qp = cp.quadraticInX(k);
    if (!ci || !cs) return { a0: qp.a0, a1p: qp.a1, a1i: 0, pp: qp.a2, pi: 0, ii: 0 };
    const qi = ci.quadraticInX(k);
    const qs = cs.quadraticInX(k);
    return { a0: qp.a0, a1p: qp.a1, a1i: qi.a1, pp: qp.a2, pi: 0.5 * (qs.a2 - qp.a2 - qi.a2), ii: qi.a2 };
  };
  const minAB = (k: number) => {
    const f = forms(k);
    if (f.ii === 0) return { a: f.a1p / f.pp, b: 0, chi2: f.a0 - (f.a1p * f.a1p) / f.pp };
    const det = f.pp * f.ii - f.pi * f.pi;
    const a = (f.ii * f.a1p - f.pi * f.a1i) / det;
    const b = (f.pp * f.a1i - f.pi * f.a1p) / det;
    return { a, b, chi2: f.a0 - a * f.a1p - b * f.a1i };
  };
  const kHat = minimiseK((k) => minAB(k).chi2, p.fit.kHat);
  const { a: aHat, b: bHat, chi2: chi2Min } = minAB(kHat);
  // Step 2: Delta chi^2 = 1 half-widths of the K-profiled chi^2 along lines through (aHat, bHat);
  // directions scaled by the fixed-K errors so that the mixed ones weigh both amplitudes alike.
  const f0 = forms(kHat);
  const sA = 1 / Math.sqrt(f0.pp);
  const sB = hasInt ? 1 / Math.sqrt(f0.ii) : 0;
  const edges = p.input.edgesKeV;
  const onShifted = Float64Array.from(p.input.onCounts, (c, i) => c - p.input.onDays * p.input.massKg * (edges[i + 1] - edges[i]) * (aHat * sPure[i] + bHat * sInt[i]));
  const along = (va: number, vb: number) => {
    const dt = chi2Like(p, Float64Array.from(sPure, (v, i) => va * v + vb * sInt[i]), onShifted).profileFit().dx;
    return 1 / (dt * dt);
  };
  const fAA = along(sA, 0) / (sA * sA);
  if (!hasInt) return { name: p.name, aHat, bHat, kHat, chi2Min, fAA, fAB: 0, fBB: 0, check: 0 };
  const fBB = along(0, sB) / (sB * sB);
  const fAB = (along(sA, sB) - fAA * sA * sA - fBB * sB * sB) / (2 * sA * sB);
  const diff = along(sA, -sB);
  const predicted = fAA * sA * sA + fBB * sB * sB - 2 * fAB * sA * sB;
  return { name: p.name, aHat, bHat, kHat, chi2Min, fAA, fAB, fBB, check: Math.abs(predicted - diff) / diff };
}

/**
 * ln p_j on a grid of X = d^2 from the K-profiled chi^2 itself (`profile: "exact"`): the signal
 * (1 + eps)(d^2 S_pure + s d S_int) is X = 1 + eps of a chi-square with that shape, eps integrated
 * over N(0, r) by 48-point Gauss-Legendre on +-8 r (log-sum-exp).
 */
export function exactSignedLogDensity(sp: SignedPeriodInput, chi2Min: number, x: ArrayLike<number>, sign: ChargeSign, relSyst: number): Float64Array {
  const p = sp.analysis;
  const sInt = sp.interferencePerKeVKgDay;
  const gl = gaussLegendre(48);
  return Float64Array.from(x, (xi) => {
    const d = Math.sqrt(xi);
    const c = chi2Like(p, Float64Array.from(p.emPerKeVKgDay, (v, i) => xi * v + sign * d * sInt[i]));
    if (relSyst === 0) return -(c.profileK(1).chi2 - chi2Min) / 2;
    const terms = gl.nodes.map((t, k) => {
      const e = 8 * relSyst * t;
      return Math.log(gl.weights[k]) - (c.profileK(1 + e).chi2 - chi2Min) / 2 - (e * e) / (2 * relSyst * relSyst);
    });
    const top = Math.max(...terms);
    return top + Math.log(terms.reduce((acc, t) => acc + Math.exp(t - top), 0));
  });
}

/** ln p_j at X = d^2 for a sign, the systematic r integrated out (step 3 of the file header). */
export function signedPeriodLogDensity(f: SignedPeriodFit, x: number, sign: ChargeSign, relSyst: number): number {
  const ua = x;
  const ub = sign * Math.sqrt(x);
  const da = ua - f.aHat;
  const db = ub - f.bHat;
  const c = f.fAA * da * da + 2 * f.fAB * da * db + f.fBB * db * db;
  if (relSyst === 0) return -c / 2;
  const q = f.fAA * ua * ua + 2 * f.fAB * ua * ub + f.fBB * ub * ub;
  const pp = f.fAA * ua * da + f.fAB * (ua * db + ub * da) + f.fBB * ub * db;
  return -(c - (pp * pp) / (q + 1 / (relSyst * relSyst))) / 2 - 0.5 * Math.log1p(relSyst * relSyst * q);
}

/** The signed limits and what they came from. */
export class SignedMilliChargeLimit {
  constructor(
    readonly cl: number,
    readonly relSyst: number,
    /** Upper limits on X = (delta_Q / 1e-12 e)^2 for delta_Q > 0 and delta_Q < 0. */
    readonly xUpperPositive: number,
    readonly xUpperNegative: number,
    /** Per alternative, its periods' fits. */
    readonly alternatives: readonly { label: string; weight: number; periods: SignedPeriodFit[] }[],
    readonly curves: { positive: ProbabilityCurve; negative: ProbabilityCurve },
  ) {}

  /** delta_Q_90 for delta_Q > 0, e. */
  get positive(): number {
    return X_REFERENCE_DELTA_Q_E * Math.sqrt(this.xUpperPositive);
  }

  /** |delta_Q|_90 for delta_Q < 0, e. */
  get negative(): number {
    return X_REFERENCE_DELTA_Q_E * Math.sqrt(this.xUpperNegative);
  }

  toJSON(): Record<string, unknown> {
    return {
      delta_q_upper_e_positive: this.positive,
      delta_q_upper_e_negative: this.negative,
      x_upper_positive: this.xUpperPositive,
      x_upper_negative: this.xUpperNegative,
      cl: this.cl,
      rel_syst: this.relSyst,
      periods: this.alternatives[0].periods.map((f) => ({ name: f.name, a_hat: f.aHat, b_hat: f.bHat, k_hat: f.kHat, f_aa: f.fAA, f_ab: f.fAB, f_bb: f.fBB, quadratic_check: f.check })),
    };
  }

  /** Both signed limits and each period's fit of the first alternative (for `show`); `toString` is unchanged. */
  toHTML(): string {
    const limits = quantityTable(`milli-charge with the weak interference (${this.cl * 100} % CL)`, [
      ["δ_Q > 0: δ_Q upper limit (e)", this.positive],
      ["δ_Q < 0: |δ_Q| upper limit (e)", this.negative],
      ["X upper limit, δ_Q > 0", this.xUpperPositive],
      ["X upper limit, δ_Q < 0", this.xUpperNegative],
      ["relative systematic error of X", this.relSyst],
    ]);
    // Errors from the quadratic form: chi^2 - chi2Min = d^T F d, so the covariance is F^-1.
    const periods = new ResultTable(`periods (${this.alternatives[0].label})`, ["period", "A (pure term)", "B (interference)", "K"], this.alternatives[0].periods.map((f) => {
      const det = f.fAA * f.fBB - f.fAB * f.fAB;
      if (!(f.fBB > 0 && det > 0)) return [f.name, measured(f.aHat, 1 / Math.sqrt(f.fAA)), f.bHat, f.kHat];
      return [f.name, measured(f.aHat, Math.sqrt(f.fBB / det)), measured(f.bHat, Math.sqrt(f.fAA / det)), f.kHat];
    }));
    return new ResultTables([limits, periods]).toHTML();
  }

  toString(): string {
    return `with the weak interference (${this.cl * 100} % CL): delta_Q > 0: delta_Q < ${this.positive.toExponential(2)} e; delta_Q < 0: |delta_Q| < ${this.negative.toExponential(2)} e`;
  }
}

/** Upper end of the d grid: where every alternative's summed chi^2 rises 200 above its minimum, for both signs. */
function dGridEnd(alts: readonly SignedPeriodFit[][]): number {
  const total = (fits: SignedPeriodFit[], d: number, s: ChargeSign) => fits.reduce((acc, f) => acc - 2 * signedPeriodLogDensity(f, d * d, s, 0), 0);
  let end = 0;
  for (const fits of alts) {
    for (const s of [1, -1] as ChargeSign[]) {
      let d = 1e-3;
      let lowest = total(fits, 0, s);
      let found = false;
      for (let k = 0; k < 400; k++, d *= 1.05) {
        const t = total(fits, d, s);
        lowest = Math.min(lowest, t);
        if (t - lowest > 200 && total(fits, 1.05 * d, s) > t) {
          found = true;
          break;
        }
      }
      if (!found) throw new Error("signed milli-charge limit: no grid end found (the signal shapes give no constraint)");
      end = Math.max(end, d);
    }
  }
  return end;
}

/** The signed limits from fitted periods (steps 3 and 4 of the file header). */
export function signedLimitFromFits(
  alternatives: readonly { label: string; weight: number; periods: SignedPeriodFit[] }[],
  options: SignedLimitOptions = {},
  /** The fits' inputs, needed for `profile: "exact"`. */
  inputs?: readonly SignedPeriodInput[][],
): SignedMilliChargeLimit {
  if (alternatives.length === 0) throw new Error("signed milli-charge limit: no alternatives");
  const rel = options.relSyst ?? quadratureSum(GEMMA_NORMALISATION_SYSTEMATICS);
  const cl = options.cl ?? 0.9;
  const exact = (options.profile ?? "quadratic") === "exact";
  if (options.profile !== undefined && options.profile !== "quadratic" && options.profile !== "exact") throw new Error(`signed milli-charge limit: profile must be "quadratic" or "exact", got ${JSON.stringify(options.profile)}`);
  if (exact && !inputs) throw new Error("signed milli-charge limit: profile \"exact\" needs the periods' chi-square inputs");
  const points = options.points ?? (exact ? 801 : 20001);
  const dMax = dGridEnd(alternatives.map((a) => a.periods));
  // Uniform in d (dense in X = d^2 near 0, where the term linear in d dominates); the density is
  // per unit X (flat prior in X, GEMMA's renormalisation), integrated piecewise-linearly in X.
  const x = Float64Array.from({ length: points }, (_, i) => (dMax * i / (points - 1)) ** 2);
  const curve = (s: ChargeSign) => {
    const perAlt = alternatives.map((a, k) => {
      const lp = new Float64Array(points);
      a.periods.forEach((f, j) => {
        const l = exact ? exactSignedLogDensity(inputs![k][j], f.chi2Min, x, s, rel) : Float64Array.from(x, (xi) => signedPeriodLogDensity(f, xi, s, rel));
        for (let i = 0; i < points; i++) lp[i] += l[i];
      });
      return new ProbabilityCurve(x, lp, a.label);
    });
    return perAlt.length === 1 ? perAlt[0] : ProbabilityCurve.weightedSum(perAlt, alternatives.map((a) => a.weight), "sum of alternatives");
  };
  const positive = curve(1);
  const negative = curve(-1);
  return new SignedMilliChargeLimit(cl, rel, positive.upperLimit(cl), negative.upperLimit(cl), alternatives, { positive, negative });
}

/** The interference rates of a period's bins, scaled to the file's flux as the pure term is. */
export function interferenceRates(spectra: SpectraFile, analysis: PeriodAnalysis, model: MagneticModel, response?: SignalResponse): Float64Array {
  const process = MILLICHARGE_INTERFERENCE_PROCESS[model];
  if (!process) throw new Error(`the milli-charge model ${JSON.stringify(model)} has no weak-interference term (only ${Object.keys(MILLICHARGE_INTERFERENCE_PROCESS).join(", ")})`);
  const experiment = experimentNameOf(spectra.experiment);
  const fluxScale = knownFlux(spectra) / modelFluxPerCm2s(experiment);
  return binAveragedRate(experiment, process, analysis.binning.edgesKeV, { params: { deltaQ_e: X_REFERENCE_DELTA_Q_E }, response }).map((v) => v * fluxScale);
}

/**
 * The signed limits from the pure-term analysis of a spectra file (`analyseSpectra` with coupling
 * "delta-q"): its alternatives' period analyses (OFF fits, chi-square inputs) are reused, only the
 * interference rates are added.
 */
export function signedMilliChargeLimit(spectra: SpectraFile, pure: SpectraLimit, options: SignedLimitOptions & { response?: SignalResponse } = {}): SignedMilliChargeLimit {
  if (pure.signal.coupling !== "delta-q") throw new Error(`the signed milli-charge limit needs the delta-q analysis, got ${pure.signal.coupling}`);
  const inputs = pure.alternatives.map((a) => a.periods.map((p) => ({ analysis: p, interferencePerKeVKgDay: interferenceRates(spectra, p, pure.model, options.response) })));
  const alternatives = pure.alternatives.map((a, k) => ({ label: a.label, weight: a.weight, periods: inputs[k].map(fitSignedPeriod) }));
  return signedLimitFromFits(alternatives, { ...options, relSyst: options.relSyst ?? pure.relSyst, cl: options.cl ?? pure.cl }, inputs);
}
