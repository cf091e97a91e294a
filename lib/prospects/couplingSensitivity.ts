import { asimovGemmaLimit } from "../analysis/asimovGemma.js";
import { quantityTable, ResultTable, ResultTables } from "../fit/resultTable.js";
import { linearGrid } from "../math/linearGrid.js";
import { combineGemma, GEMMA_NORMALISATION_SYSTEMATICS, quadratureSum } from "../stats/gemmaCombination.js";
import type { ProcessName, XsecParams } from "../xsec/registry.js";
import type { AsimovConditions } from "./asimovConditions.js";
import { binnedExperimentRate } from "./binnedRate.js";

/**
 * A signal whose rate is proportional to a coupling squared: X = (c / reference)^2 plays the role
 * of GEMMA's X = (mu / 1e-11 mu_B)^2 (GEMMA (6)).
 */
export interface SignalShape {
  /** E.g. "milli-charge, stepping approximation". */
  name: string;
  /** The coupling and its unit, e.g. "delta_Q (e)". */
  coupling: string;
  /** Coupling at which `binnedRate` is evaluated. */
  reference: number;
  /** Bin-averaged signal rate at the reference coupling, counts/(keV kg day), under the conditions' response. */
  binnedRate(conditions: AsimovConditions, edgesKeV: Float64Array): Float64Array;
}

/**
 * The shape of a registered cross section with one coupling parameter (rate proportional to its
 * square): `param` is set to `reference`, the other parameters are `fixed`.
 */
export function processShape(name: string, process: ProcessName, param: "muNu_muB" | "deltaQ_e", reference: number, fixed: XsecParams = {}): SignalShape {
  const coupling = param === "muNu_muB" ? "mu_nu (mu_B)" : "delta_Q (e)";
  return {
    name,
    coupling,
    reference,
    binnedRate: (c, edges) => binnedExperimentRate(c.site, process, edges, { ...fixed, [param]: reference }, c.response),
  };
}

/** Options of {@link expectedCouplingLimit} (the choices of `expectedSensitivity`). */
export interface CouplingLimitOptions {
  /** OFF spectrum as a fitted cubic Legendre curve ("smooth", GEMMA, default) or bin by bin ("raw"). */
  off?: "smooth" | "raw";
  /** Profile over K (default) or fix K = 1. */
  profileK?: boolean;
  /** Relative systematic on X (default GEMMA (8): 3.99 %). */
  relSyst?: number;
  cl?: number;
}

/** Result of {@link expectedCouplingLimit}. */
export class CouplingLimit {
  constructor(
    readonly conditions: string,
    readonly signal: string,
    readonly coupling: string,
    readonly reference: number,
    /** Error on X = (c/reference)^2 of the combined periods (stat + syst). */
    readonly xErr: number,
    readonly xUpper: number,
    /** Upper limit on the coupling: reference x sqrt(xUpper). */
    readonly upper: number,
    readonly cl: number,
    readonly periods: readonly { name: string; onDays: number; offDays: number; xErr: number }[],
    /** Signal and SM counts per kg day in the ROI at the reference coupling, and the background. */
    readonly roiRates: { signal: number; sm: number; background: number },
  ) {}

  toJSON(): Record<string, unknown> {
    return { conditions: this.conditions, signal: this.signal, coupling: this.coupling, reference: this.reference, x_err: this.xErr, x_upper: this.xUpper, upper: this.upper, cl: this.cl, periods: this.periods, roi_rates_per_kg_day: this.roiRates };
  }

  /** The expected limit, the ROI rates and each period's error on X (for `show`); `toString` is the CLI's line. */
  toHTML(): string {
    const limit = quantityTable(`${this.conditions}, ${this.signal}: expected limit (Asimov, ${this.cl * 100} % CL)`, [
      [`${this.coupling} upper limit`, this.upper],
      [`X = (${this.coupling} / ${this.reference})² upper limit`, this.xUpper],
      ["error of X (stat + syst)", this.xErr],
      ["signal in the ROI at the reference (counts / kg day)", this.roiRates.signal],
      ["SM in the ROI (counts / kg day)", this.roiRates.sm],
      ["background in the ROI (counts / kg day)", this.roiRates.background],
    ]);
    const periods = new ResultTable("periods", ["period", "ON (days)", "OFF (days)", "error of X"], this.periods.map((p) => [p.name, p.onDays, p.offDays, p.xErr]));
    return new ResultTables([limit, periods]).toHTML();
  }

  toString(): string {
    return `${this.conditions}, ${this.signal}: expected ${this.coupling} < ${this.upper.toExponential(2)} (${this.cl * 100} % CL, Asimov, X < ${this.xUpper.toPrecision(3)})`;
  }
}

/**
 * The expected (median, Asimov) upper limit on a coupling from stated conditions, by the same
 * analysis as `expectedSensitivity` (lib/analysis/sensitivity.ts) with the signal shape passed in:
 * ON = background + SM terms, OFF = background, chi2(X, K) of GEMMA (7) per period with the signal
 * shape in place of EM, K profiled, the OFF curve fitted (cubic Legendre), the X-proportional
 * systematic of GEMMA (8), the product of the periods' probability curves and the PDG
 * renormalisation to X >= 0. With the magnetic shape it is `expectedSensitivity` (bin averages
 * instead of bin-centre rates: 0.1 % at GEMMA); both run `asimovGemmaLimit` (lib/analysis/asimovGemma.ts).
 */
export function expectedCouplingLimit(c: AsimovConditions, shape: SignalShape, opts: CouplingLimitOptions = {}): CouplingLimit {
  const lo = Math.min(...c.roi.map((r) => r[0]));
  const hi = Math.max(...c.roi.map((r) => r[1]));
  const nb = Math.max(1, Math.round((hi - lo) / c.binKeV));
  const edges = linearGrid(lo, lo + nb * c.binKeV, nb + 1);
  const signal = shape.binnedRate(c, edges);
  const sm = new Float64Array(nb);
  for (const p of c.smProcesses) {
    const r = binnedExperimentRate(c.site, p, edges, {}, c.response);
    for (let i = 0; i < nb; i++) sm[i] += r[i];
  }
  const b = c.backgroundPerKeVKgDay;
  const { periods, limit, cl } = asimovGemmaLimit({ edgesKeV: edges, roi: c.roi, binKeV: c.binKeV, massKg: c.massKg, backgroundPerKeVKgDay: b, signalPerKeVKgDay: signal, smPerKeVKgDay: sm, periods: c.periods }, opts);
  const inRoi = (i: number) => c.roi.some(([a, bb]) => edges[i] >= a - 1e-9 && edges[i + 1] <= bb + 1e-9);
  let sSum = 0;
  let wSum = 0;
  let bSum = 0;
  for (let i = 0; i < nb; i++) {
    if (!inRoi(i)) continue;
    sSum += signal[i] * c.binKeV;
    wSum += sm[i] * c.binKeV;
    bSum += b * c.binKeV;
  }
  return new CouplingLimit(c.label, shape.name, shape.coupling, shape.reference, limit.total.moments().sd, limit.xLimit, shape.reference * Math.sqrt(limit.xLimit), cl, periods, { signal: sSum, sm: wSum, background: bSum });
}

/**
 * Combination of expected limits on the same coupling from several configurations (e.g. GEMMA and
 * a TEXONO detector, as Chen et al. 2014 combine TEXONO and GEMMA): the product of all their
 * periods' probability curves in X with the X-proportional systematic, PDG renormalisation, as in
 * `combineGemma`. The references must agree.
 */
export function combineCouplingLimits(limits: readonly CouplingLimit[], opts: { relSyst?: number; cl?: number } = {}): { xUpper: number; upper: number; xErr: number } {
  if (limits.length === 0) throw new Error("combineCouplingLimits: nothing to combine");
  const ref = limits[0].reference;
  if (limits.some((l) => l.reference !== ref || l.coupling !== limits[0].coupling)) throw new Error("combineCouplingLimits: the limits must share coupling and reference");
  const periods = limits.flatMap((l) => l.periods.map((p) => ({ x: 0, dx: p.xErr, label: `${l.conditions}: ${p.name}` })));
  const cl = opts.cl ?? limits[0].cl;
  const r = combineGemma([{ periods }], { relSyst: opts.relSyst ?? quadratureSum(GEMMA_NORMALISATION_SYSTEMATICS), cl });
  return { xUpper: r.xLimit, upper: ref * Math.sqrt(r.xLimit), xErr: r.total.moments().sd };
}
