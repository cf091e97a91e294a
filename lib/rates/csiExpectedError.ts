import { brent } from "../math/brent.js";
import { antiNueCouplings, basisRate, CSI_SIN2_REF, type CsiBasis } from "./csiRates.js";

/*
 * The expected statistical error of the TEXONO CsI(Tl) ON/OFF measurement of xi (measured / SM
 * cross section) for a background level, and its inverse: the background level a published error
 * implies. Closed forms over the expected rates (Asimov), no toys; the event simulation
 * (lib/sim/csi.ts) takes its background level from here.
 */

/**
 * The flat background B (counts per kg day in the window) that gives a statistical error
 * `xiStatErr` on the cross-section ratio xi in a plain ON/OFF counting of the whole window, with
 * exposures E_on, E_off (kg day) and SM rate S (per kg day):
 *   (xiStatErr S)^2 = (B + S)/E_on + B/E_off   =>   B = ((xiStatErr S)^2 - S/E_on) / (1/E_on + 1/E_off).
 */
export function csiBackgroundFromStatError(xiStatErr: number, onKgDays: number, offKgDays: number, smPerKgDay: number): number {
  const v = (xiStatErr * smPerKgDay) ** 2 - smPerKgDay / onKgDays;
  if (!(v > 0)) throw new Error("csiBackgroundFromStatError: the error is below the signal's own Poisson error");
  return v / (1 / onKgDays + 1 / offKgDays);
}

/**
 * Expected (Asimov) error on xi from a binned fit of the residual ON/E_on - OFF/E_off with a
 * background B (counts per kg day over the basis's range), flat unless `shape` is given:
 * 1/sigma^2 = sum s_i^2 / var_i, var_i = (b_i + s_i)/E_on + b_i/E_off, b_i = B w_i / sum w
 * with w_i the bin widths (flat) or `shape` (relative counts per bin, e.g. a simulated background).
 */
export function csiExpectedXiError(basis: CsiBasis, backgroundPerKgDay: number, onKgDays: number, offKgDays: number, sRef = CSI_SIN2_REF, shape?: ArrayLike<number>): number {
  const s = basisRate(basis, antiNueCouplings("sm", sRef));
  const w = binWeights(basis, shape);
  let info = 0;
  for (let i = 0; i < s.length; i++) {
    const b = backgroundPerKgDay * w[i];
    info += (s[i] * s[i]) / ((b + s[i]) / onKgDays + b / offKgDays);
  }
  return 1 / Math.sqrt(info);
}

/** Shares of a background in the bins of a basis: the bin widths (flat) or a given shape, normalised. */
function binWeights(basis: CsiBasis, shape?: ArrayLike<number>): Float64Array {
  const e = basis.edgesKeV;
  const nb = e.length - 1;
  if (shape && shape.length !== nb) throw new Error(`background shape: ${shape.length} values for ${nb} bins`);
  const w = Float64Array.from({ length: nb }, (_, i) => (shape ? shape[i] : e[i + 1] - e[i]));
  const sum = w.reduce((a, v) => a + v, 0);
  if (!(sum > 0) || w.some((v) => !(v >= 0))) throw new Error("background shape: needs values >= 0 with a positive sum");
  return w.map((v) => v / sum);
}

/**
 * The flat background (counts per kg day over the basis's range) for which the binned fit of
 * xi has the expected error `xiStatErr` (inverse of {@link csiExpectedXiError}, by Brent's method).
 * The CsI paper's background level could not be read with the tools available; this is the flat
 * background its published statistical error (0.21) implies for this analysis: an inference.
 * With `shape` (relative counts per bin) the background has that shape instead of being flat
 * (the event simulation, lib/sim/csi.ts, uses its own background shape and a resolution-folded basis).
 */
export function csiBackgroundForXiError(basis: CsiBasis, xiStatErr: number, onKgDays: number, offKgDays: number, sRef = CSI_SIN2_REF, shape?: ArrayLike<number>): number {
  const f = (b: number) => csiExpectedXiError(basis, b, onKgDays, offKgDays, sRef, shape) - xiStatErr;
  if (f(0) > 0) throw new Error("csiBackgroundForXiError: even without background the error exceeds the target");
  let hi = 1e-3;
  while (f(hi) < 0) hi *= 2;
  return brent(f, 0, hi, 1e-15);
}
