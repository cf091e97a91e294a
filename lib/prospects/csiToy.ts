import normalQuantile from "@stdlib/stats-base-dists-normal-quantile";
import { brent } from "../math/brent.js";
import { brentMinimize } from "../math/brentMinimize.js";
import { createRng } from "../stats/random.js";
import { CHARGE_RADIUS_SHIFT_perCm2 } from "../xsec/chargeRadius.js";
import { antiNueCouplings, basisRate, csiBasis, sin2AtRateMinimum, type CsiBasis } from "./csiRates.js";

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
export function csiExpectedXiError(basis: CsiBasis, backgroundPerKgDay: number, onKgDays: number, offKgDays: number, sRef = 0.23867, shape?: ArrayLike<number>): number {
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
export function csiBackgroundForXiError(basis: CsiBasis, xiStatErr: number, onKgDays: number, offKgDays: number, sRef = 0.23867, shape?: ArrayLike<number>): number {
  const f = (b: number) => csiExpectedXiError(basis, b, onKgDays, offKgDays, sRef, shape) - xiStatErr;
  if (f(0) > 0) throw new Error("csiBackgroundForXiError: even without background the error exceeds the target");
  let hi = 1e-3;
  while (f(hi) < 0) hi *= 2;
  return brent(f, 0, hi, 1e-15);
}

/** Inputs of a CsI(Tl) ON/OFF toy spectrum. */
export interface CsiToyOptions {
  seed: number;
  /** Bin edges, keV (default 3000-8000 in 0.5 MeV bins). */
  edgesKeV?: ArrayLike<number>;
  /** True sin^2 theta_W (default 0.23867, the low-energy value). */
  sin2ThetaW?: number;
  /** True <r^2>, cm^2 (default 0). */
  chargeRadius2_cm2?: number;
  /** Flat background in the whole window, counts per kg day (spread uniformly in energy). */
  backgroundPerKgDay: number;
  /** Exposures, kg day. */
  onKgDays: number;
  offKgDays: number;
  /** Basis to reuse (must match the edges). */
  basis?: CsiBasis;
}

/** A simulated ON/OFF pair and its residual (ON/E_on - OFF/E_off) per bin, counts per kg day. */
export interface CsiToySpectrum {
  edgesKeV: Float64Array;
  on: Float64Array;
  off: Float64Array;
  onKgDays: number;
  offKgDays: number;
  residual: Float64Array;
  /** Standard error of the residual from the counts (at least one count each side). */
  residualErr: Float64Array;
  /** Expected signal per bin, counts per kg day (truth). */
  expectedSignal: Float64Array;
  basis: CsiBasis;
}

/**
 * A spectrum-level toy of the TEXONO CsI(Tl) measurement: Poisson ON counts with mean
 * (background + SM signal) x E_on and OFF counts with mean background x E_off per bin, seeded
 * (MT19937). Free electrons (binding is irrelevant at MeV), no energy resolution (a project
 * choice: at 3-8 MeV with 0.5 MeV bins it moves little but the window edges), flat background.
 * Not an event simulator: the event-level CsI(Tl) simulation is `simulateCsi` (lib/sim/csiSimulate.ts),
 * histogrammed by `csiSpectrumFromDataset` (lib/prospects/csiEvents.ts).
 */
export function simulateCsiOnOff(o: CsiToyOptions): CsiToySpectrum {
  const edges = Float64Array.from(o.edgesKeV ?? Array.from({ length: 11 }, (_, i) => 3000 + 500 * i));
  const basis = o.basis ?? csiBasis(edges);
  const signal = basisRate(basis, antiNueCouplings("sm", o.sin2ThetaW ?? 0.23867, o.chargeRadius2_cm2 ?? 0));
  const width = edges[edges.length - 1] - edges[0];
  const rng = createRng(o.seed);
  const nb = edges.length - 1;
  const on = new Float64Array(nb);
  const off = new Float64Array(nb);
  const residual = new Float64Array(nb);
  const residualErr = new Float64Array(nb);
  for (let i = 0; i < nb; i++) {
    const bkg = (o.backgroundPerKgDay * (edges[i + 1] - edges[i])) / width;
    on[i] = rng.poisson((bkg + signal[i]) * o.onKgDays);
    off[i] = rng.poisson(bkg * o.offKgDays);
    residual[i] = on[i] / o.onKgDays - off[i] / o.offKgDays;
    residualErr[i] = Math.sqrt(Math.max(on[i], 1) / o.onKgDays ** 2 + Math.max(off[i], 1) / o.offKgDays ** 2);
  }
  return { edgesKeV: edges, on, off, onKgDays: o.onKgDays, offKgDays: o.offKgDays, residual, residualErr, expectedSignal: signal, basis };
}

/** A one-parameter fit: best value, Delta chi2 = 1 errors, chi2 and degrees of freedom. */
export interface CsiFit {
  parameter: "xi" | "sin2ThetaW" | "chargeRadius2_cm2";
  value: number;
  errLow: number;
  errHigh: number;
  /** (errLow + errHigh) / 2. */
  err: number;
  chi2: number;
  ndf: number;
}

function chi2Of(sp: CsiToySpectrum, model: Float64Array): number {
  let c = 0;
  for (let i = 0; i < model.length; i++) c += ((sp.residual[i] - model[i]) / sp.residualErr[i]) ** 2;
  return c;
}

/**
 * Delta chi2 = 1 ends of a one-dimensional chi2 around its minimum, by bracketing and Brent, not
 * below `floor` (the end of the physical branch): an end that would lie below it is returned as the floor.
 */
function interval(f: (x: number) => number, xHat: number, fMin: number, step: number, floor: number): { lo: number; hi: number } {
  const find = (sign: number) => {
    let d = step;
    for (let k = 0; k < 60; k++) {
      let x = xHat + sign * d;
      if (sign < 0 && x <= floor) {
        x = floor;
        if (f(x) - fMin <= 1) return floor;
      }
      if (f(x) - fMin > 1) return brent((y) => f(y) - fMin - 1, Math.min(xHat, x), Math.max(xHat, x), 1e-12 * Math.max(1, Math.abs(x)));
      d *= 1.6;
    }
    throw new Error("csi fit: Delta chi2 = 1 not reached");
  };
  return { lo: find(-1), hi: find(1) };
}

/**
 * Fits the residual spectrum of a toy (or of data in the same form) by chi2 in one parameter:
 * - "xi": the SM spectrum (at sRef) times xi (linear, closed form);
 * - "sin2ThetaW": the SM spectrum as a function of s, on the physical branch s > s* where the
 *   rate rises with s (the rate is quadratic in s with its minimum s* near 0);
 * - "chargeRadius2_cm2": s = sRef + 2.380e30 cm^-2 <r^2> (Vogel-Engel shift, lib/xsec/chargeRadius.ts).
 * Errors from Delta chi2 = 1 (asymmetric ends returned).
 */
export function fitCsiResidual(sp: CsiToySpectrum, parameter: CsiFit["parameter"], sRef = 0.23867): CsiFit {
  const nb = sp.residual.length;
  const ref = basisRate(sp.basis, antiNueCouplings("sm", sRef));
  if (parameter === "xi") {
    let a = 0;
    let bb = 0;
    for (let i = 0; i < nb; i++) {
      const w = 1 / sp.residualErr[i] ** 2;
      a += ref[i] * ref[i] * w;
      bb += ref[i] * sp.residual[i] * w;
    }
    const xi = bb / a;
    const err = 1 / Math.sqrt(a);
    return { parameter, value: xi, errLow: err, errHigh: err, err, chi2: chi2Of(sp, ref.map((v) => v * xi)), ndf: nb - 1 };
  }
  // Fit in s (order 0.1, so Brent's absolute tolerances fit); <r^2> is a linear map of s.
  const f = (x: number) => chi2Of(sp, basisRate(sp.basis, antiNueCouplings("sm", x)));
  const floor = sin2AtRateMinimum(sp.basis);
  const m = brentMinimize(f, floor, 0.75, 1e-12);
  const { lo, hi } = interval(f, m.x, m.fval, 0.01, floor);
  const map = parameter === "sin2ThetaW" ? (x: number) => x : (x: number) => (x - sRef) / CHARGE_RADIUS_SHIFT_perCm2;
  const v = map(m.x);
  return { parameter, value: v, errLow: v - map(lo), errHigh: map(hi) - v, err: 0.5 * (map(hi) - map(lo)), chi2: m.fval, ndf: nb - 1 };
}

/**
 * Two-sided interval on <r^2> (cm^2) from a measured sin^2 theta_W = s +- sigma (stat and syst in
 * quadrature) against the Standard-Model value sRef: <r^2> = (s - sRef) / 2.380e30 cm^-2, Gaussian,
 * central interval at `cl` (1.645 sigma at 90 %).
 */
export function chargeRadiusInterval(s: number, sigmaStat: number, sigmaSys: number, sRef = 0.23867, cl = 0.9): { central: number; sigma: number; lower: number; upper: number } {
  const sigma = Math.hypot(sigmaStat, sigmaSys) / CHARGE_RADIUS_SHIFT_perCm2;
  const central = (s - sRef) / CHARGE_RADIUS_SHIFT_perCm2;
  const z = normalQuantile(0.5 + cl / 2, 0, 1);
  return { central, sigma, lower: central - z * sigma, upper: central + z * sigma };
}

/**
 * The Asimov version of {@link simulateCsiOnOff}: the residual equals its expectation and its
 * error is the expected one, sqrt((b + s)/E_on + b/E_off) per bin; a fit to it returns the truth
 * with the median expected error.
 */
export function asimovCsiOnOff(o: Omit<CsiToyOptions, "seed">): CsiToySpectrum {
  const edges = Float64Array.from(o.edgesKeV ?? Array.from({ length: 11 }, (_, i) => 3000 + 500 * i));
  const basis = o.basis ?? csiBasis(edges);
  const signal = basisRate(basis, antiNueCouplings("sm", o.sin2ThetaW ?? 0.23867, o.chargeRadius2_cm2 ?? 0));
  const width = edges[edges.length - 1] - edges[0];
  const nb = edges.length - 1;
  const on = new Float64Array(nb);
  const off = new Float64Array(nb);
  const residualErr = new Float64Array(nb);
  for (let i = 0; i < nb; i++) {
    const bkg = (o.backgroundPerKgDay * (edges[i + 1] - edges[i])) / width;
    on[i] = (bkg + signal[i]) * o.onKgDays;
    off[i] = bkg * o.offKgDays;
    residualErr[i] = Math.sqrt((bkg + signal[i]) / o.onKgDays + bkg / o.offKgDays);
  }
  return { edgesKeV: edges, on, off, onKgDays: o.onKgDays, offKgDays: o.offKgDays, residual: Float64Array.from(signal), residualErr, expectedSignal: signal, basis };
}
