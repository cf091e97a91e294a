import { logGrid } from "../math/logGrid.js";
import { trapezoid } from "../math/trapezoid.js";

/** Sensitivity figures of a signal shape above a threshold, for one threshold. */
export interface ThresholdSensitivity {
  thresholdKeV: number;
  /** Signal counts per (kg day) between threshold and the upper edge. */
  integratedSignal: number;
  /**
   * Fisher information on the signal strength per unit flat background (per (kg day) and
   * background counts/(keV kg day) = 1): integral s(T)^2 dT. With a flat background B the
   * standard error of the strength scales as 1/sqrt(info/B).
   */
  fisherInformation: number;
}

/**
 * How the reach of a search grows when the threshold is lowered, for a signal shape s(T)
 * (counts/(keV kg day) at unit coupling; `signal` evaluates it on a grid of keV):
 * - counting above threshold with background negligible or proportional: the limit on the
 *   coupling squared scales as 1/S(T_th), S the integrated signal (the TEXONO talk's rule:
 *   for s ~ 1/T each decade adds ln 10 = 2.3 to S, for s ~ 1/T^2 it multiplies S by 10);
 * - a shape fit over a flat background: the error on the coupling squared scales as
 *   1/sqrt(integral s^2 dT) (Fisher information), which for s ~ 1/T goes as sqrt(T_th).
 */
export function thresholdSensitivity(signal: (tKeV: Float64Array) => Float64Array, thresholdsKeV: number[], upperKeV: number, points = 800): ThresholdSensitivity[] {
  return thresholdsKeV.map((th) => {
    const t = logGrid(th, upperKeV, points);
    const s = signal(t);
    return { thresholdKeV: th, integratedSignal: trapezoid(t, s), fisherInformation: trapezoid(t, s.map((v) => v * v)) };
  });
}
