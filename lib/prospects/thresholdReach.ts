import { FitError } from "../errors.js";
import { crossingEnergy } from "../rates/crossing.js";
import { logGrid } from "../math/logGrid.js";
import { trapezoid } from "../math/trapezoid.js";
import type { ExperimentName } from "../reactor/experiments.js";
import type { ProcessName, XsecParams } from "../xsec/registry.js";
import type { AsimovConditions } from "./asimovConditions.js";
import { siteRate } from "./binnedRate.js";
import { expectedCouplingLimit, type CouplingLimitOptions, type SignalShape } from "./couplingSensitivity.js";

/** Sensitivity figures of a signal above one threshold, with the backgrounds included. */
export interface BackgroundAwareSensitivity {
  thresholdKeV: number;
  /** Signal counts per kg day between threshold and upper edge. */
  integratedSignal: number;
  /** Background counts per kg day in the same range (flat + SM). */
  integratedBackground: number;
  /**
   * Fisher information on the coupling squared per kg day: integral s^2 / b dT with b the total
   * background density (flat + SM terms). The error on the coupling squared scales as
   * 1/sqrt(info x exposure), the coupling's limit as info^(-1/4).
   */
  fisherInformation: number;
}

/**
 * `thresholdSensitivity` (lib/rates/thresholdScaling.ts) extended with the backgrounds: for each
 * threshold, the integrated signal, the integrated background and the Fisher information
 * integral s(T)^2 / b(T) dT, b = flat background + the SM terms (weak, CEvNS), all as the detector
 * sees them. When the SM terms take over below a few hundred eV the information stops growing:
 * the talk's "T < 400 eV < SM(nuN) background".
 */
export function thresholdSensitivityWithBackground(
  signal: (tKeV: Float64Array) => Float64Array,
  background: (tKeV: Float64Array) => Float64Array,
  thresholdsKeV: readonly number[],
  upperKeV: number,
  points = 800,
): BackgroundAwareSensitivity[] {
  return thresholdsKeV.map((th) => {
    const t = logGrid(th, upperKeV, points);
    const s = signal(t);
    const b = background(t);
    return { thresholdKeV: th, integratedSignal: trapezoid(t, s), integratedBackground: trapezoid(t, b), fisherInformation: trapezoid(t, s.map((v, i) => (v * v) / b[i])) };
  });
}

/** Expected limits for a series of thresholds: the conditions with ROI [threshold, upper]. */
export function thresholdLimitScan(base: AsimovConditions, shape: SignalShape, thresholdsKeV: readonly number[], upperKeV: number, opts: CouplingLimitOptions = {}): { thresholdKeV: number; upper: number; xUpper: number }[] {
  return thresholdsKeV.map((th) => {
    const r = expectedCouplingLimit({ ...base, roi: [[th, upperKeV]], label: `${base.label}, threshold ${th} keV` }, shape, opts);
    return { thresholdKeV: th, upper: r.upper, xUpper: r.xUpper };
  });
}

/** Where a signal meets an SM term. */
export interface Takeover {
  process: ProcessName;
  params: XsecParams;
  /** The SM term it is compared with. */
  against: ProcessName;
  /** Energy (keV) at which they are equal, or null when they do not cross in the bracket. */
  crossingKeV: number | null;
}

/**
 * Energies at which a signal (process with params) equals the SM nu-e term ("weak") and the
 * coherent nuclear term ("cevns-ee", quenched), true deposited energy at a site, searched in
 * [loKeV, hiKeV] by `crossingEnergy`.
 */
export function smTakeover(site: ExperimentName, process: ProcessName, params: XsecParams, loKeV = 0.01, hiKeV = 100): Takeover[] {
  const at = (p: ProcessName, q: XsecParams) => (x: number) => siteRate(site, p, [x], q)[0];
  const sig = at(process, params);
  return (["weak", "cevns-ee"] as const).map((against) => {
    const smf = at(against, {});
    let crossingKeV: number | null = null;
    // CEvNS vanishes above its end point: search only where it is positive.
    let hi = hiKeV;
    if (against === "cevns-ee") {
      while (hi > loKeV && !(smf(hi) > 0)) hi *= 0.8;
    }
    try {
      crossingKeV = crossingEnergy(sig, smf, loKeV, hi);
    } catch (e) {
      // The curves need not cross in the searched range (FitError): then there is no crossing.
      if (!(e instanceof FitError)) throw e;
      crossingKeV = null;
    }
    return { process, params, against, crossingKeV };
  });
}
