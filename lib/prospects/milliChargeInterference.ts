import { asimovGemmaLimit } from "../analysis/asimovGemma.js";
import type { ChargeSign } from "../analysis/milliChargeSignedLimit.js";
import { linearGrid } from "../math/linearGrid.js";
import { GEMMA_NORMALISATION_SYSTEMATICS, quadratureSum } from "../stats/gemmaCombination.js";
import { ProbabilityCurve } from "../stats/probabilityCurve.js";
import type { ProcessName } from "../xsec/registry.js";
import type { AsimovConditions } from "./asimovConditions.js";
import { binnedExperimentRate } from "./binnedRate.js";
import type { CouplingLimitOptions } from "./couplingSensitivity.js";
import { MILLICHARGE_REFERENCE_e } from "./milliCharge.js";

/*
 * The milli-charge bound with the weak interference (lib/xsec/millicharge.ts). The signal of a
 * charge delta_Q = sign x 1e-12 e x sqrt(X) is
 *   S(X) = X S_pure + sign sqrt(X) S_int,
 * S_pure and S_int being the pure and interference rates at delta_Q = +1e-12 e: no longer linear in
 * X, and different for the two signs (S_int < 0 for delta_Q > 0). The Asimov chi^2 of GEMMA (7) is
 * quadratic in the amplitudes (a, b) of the two shapes once K is profiled (the variances do not
 * depend on the signal), chi^2 = (a, b) F (a, b)^T per period. F is read from the X errors of three
 * linear fits (S_pure, S_int, S_pure + S_int: 1/dx^2 = the quadratic form along that direction), a
 * fourth direction (S_pure - S_int) checks it. Per period the probability curve in X is then
 *   exp(-c/2(1 + r^2 c)) / sqrt(1 + r^2 c),   c = chi^2(X, sign sqrt(X)),
 * the X-proportional systematic r of GEMMA (8) taken as a Gaussian normalisation of the signal
 * and integrated out: for a linear signal (c = X^2/dx^2) this is exactly GEMMA's
 * exp(-X^2/2(dx^2 + r^2 X^2))/sqrt(dx^2 + r^2 X^2) (ProbabilityCurve.gaussian). The periods'
 * curves are multiplied and the 90 % point of X >= 0 taken (GEMMA's PDG renormalisation, flat in
 * X as in the linear analysis), for each sign separately.
 */


/** One period's quadratic form of chi^2 in (a, b), the amplitudes of S_pure and S_int. */
export interface PeriodFisher {
  name: string;
  pp: number;
  ii: number;
  pi: number;
  /** Relative mismatch of the form along S_pure - S_int (the check of quadraticity). */
  check: number;
}

/** Expected bounds on delta_Q for one configuration and treatment. */
export interface SignedMilliChargeBounds {
  conditions: string;
  treatment: "fe" | "stepping";
  /** The pure-term-only limit (as `expectedMilliChargeLimit`), e. */
  pureOnly: number;
  /** Upper limit on delta_Q > 0 (destructive interference at T > ~2 g_V-scaled threshold), e. */
  positive: number;
  /** Upper limit on |delta_Q| for delta_Q < 0 (constructive interference), e. */
  negative: number;
  cl: number;
  periods: PeriodFisher[];
}

const PROCESSES: Record<"fe" | "stepping", { pure: ProcessName; interference: ProcessName }> = {
  fe: { pure: "millicharge", interference: "millicharge-interference" },
  stepping: { pure: "millicharge-stepping", interference: "millicharge-interference-stepping" },
};

/** Per-period chi^2 forms, from the Asimov fits of GEMMA's procedure (`asimovGemmaLimit`). */
export function milliChargeFisher(c: AsimovConditions, treatment: "fe" | "stepping", opts: CouplingLimitOptions = {}): PeriodFisher[] {
  const lo = Math.min(...c.roi.map((r) => r[0]));
  const hi = Math.max(...c.roi.map((r) => r[1]));
  const nb = Math.max(1, Math.round((hi - lo) / c.binKeV));
  const edges = linearGrid(lo, lo + nb * c.binKeV, nb + 1);
  const params = { deltaQ_e: MILLICHARGE_REFERENCE_e };
  const sp = binnedExperimentRate(c.site, PROCESSES[treatment].pure, edges, params, c.response);
  const si = binnedExperimentRate(c.site, PROCESSES[treatment].interference, edges, params, c.response);
  const sm = new Float64Array(nb);
  for (const p of c.smProcesses) {
    const r = binnedExperimentRate(c.site, p, edges, {}, c.response);
    for (let i = 0; i < nb; i++) sm[i] += r[i];
  }
  const curvature = (signal: Float64Array) =>
    asimovGemmaLimit(
      { edgesKeV: edges, roi: c.roi, binKeV: c.binKeV, massKg: c.massKg, backgroundPerKeVKgDay: c.backgroundPerKeVKgDay, signalPerKeVKgDay: signal, smPerKeVKgDay: sm, periods: c.periods },
      opts,
    ).periods.map((p) => 1 / (p.xErr * p.xErr));
  const fp = curvature(sp);
  const fi = curvature(si);
  const fsum = curvature(sp.map((v, i) => v + si[i]));
  const fdiff = curvature(sp.map((v, i) => v - si[i]));
  return c.periods.map((p, j) => {
    const pi = (fsum[j] - fp[j] - fi[j]) / 2;
    const predicted = fp[j] + fi[j] - 2 * pi;
    return { name: p.name, pp: fp[j], ii: fi[j], pi, check: Math.abs(predicted - fdiff[j]) / fdiff[j] };
  });
}

/** chi^2 of one period at X = (delta_Q/1e-12 e)^2 and a sign. */
function periodChi2(f: PeriodFisher, x: number, sign: number): number {
  const a = x;
  const b = sign * Math.sqrt(x);
  return f.pp * a * a + 2 * f.pi * a * b + f.ii * b * b;
}

/** The product of the periods' probability curves in X >= 0 for one sign (sign 0: pure term only). */
export function signedProbabilityCurve(periods: readonly PeriodFisher[], sign: ChargeSign | 0, relSyst: number, xMax: number, points = 20001): ProbabilityCurve {
  const x = linearGrid(0, xMax, points);
  const lp = new Float64Array(points);
  for (const f of periods) {
    for (let i = 0; i < points; i++) {
      const c = periodChi2(sign === 0 ? { ...f, ii: 0, pi: 0 } : f, x[i], sign);
      const q = 1 + relSyst * relSyst * c;
      lp[i] += -c / (2 * q) - 0.5 * Math.log(q);
    }
  }
  return new ProbabilityCurve(x, lp, sign === 0 ? "pure term" : `delta_Q ${sign > 0 ? "> 0" : "< 0"}`);
}

/** Upper end of the X grid: where every sign's summed chi^2 exceeds 200 and keeps rising. */
function gridEnd(periods: readonly PeriodFisher[]): number {
  const total = (x: number, s: number) => periods.reduce((acc, f) => acc + periodChi2(f, x, s), 0);
  let x = 1e-6;
  for (let k = 0; k < 200; k++, x *= 1.25) {
    if ([1, -1].every((s) => total(x, s) > 200 && total(1.25 * x, s) > total(x, s)) && periods.reduce((a, f) => a + f.pp * x * x, 0) > 200) return x;
  }
  throw new Error("milli-charge bound: no grid end found (the signal shapes give no constraint)");
}

/**
 * Expected (Asimov) 90 % CL bounds on delta_Q for both signs, with the weak interference, from
 * stated conditions and a free-electron or stepping treatment (the EPA-like estimate has no
 * interference term: it is not derived).
 */
export function expectedSignedMilliChargeBounds(c: AsimovConditions, treatment: "fe" | "stepping", opts: CouplingLimitOptions = {}): SignedMilliChargeBounds {
  const periods = milliChargeFisher(c, treatment, opts);
  const rel = opts.relSyst ?? quadratureSum(GEMMA_NORMALISATION_SYSTEMATICS);
  const cl = opts.cl ?? 0.9;
  const xMax = gridEnd(periods);
  const limit = (s: ChargeSign | 0) => MILLICHARGE_REFERENCE_e * Math.sqrt(signedProbabilityCurve(periods, s, rel, xMax).upperLimit(cl));
  return { conditions: c.label, treatment, pureOnly: limit(0), positive: limit(1), negative: limit(-1), cl, periods };
}

/** Combination of several configurations' periods (e.g. GEMMA and a TEXONO detector), per sign. */
export function combineSignedMilliChargeBounds(bounds: readonly SignedMilliChargeBounds[], opts: { relSyst?: number; cl?: number } = {}): { pureOnly: number; positive: number; negative: number } {
  if (bounds.length === 0) throw new Error("combineSignedMilliChargeBounds: nothing to combine");
  const periods = bounds.flatMap((b) => b.periods);
  const rel = opts.relSyst ?? quadratureSum(GEMMA_NORMALISATION_SYSTEMATICS);
  const cl = opts.cl ?? bounds[0].cl;
  const xMax = gridEnd(periods);
  const limit = (s: ChargeSign | 0) => MILLICHARGE_REFERENCE_e * Math.sqrt(signedProbabilityCurve(periods, s, rel, xMax).upperLimit(cl));
  return { pureOnly: limit(0), positive: limit(1), negative: limit(-1) };
}
