import normalQuantile from "@stdlib/stats-base-dists-normal-quantile";
import { brent } from "../math/brent.js";
import { brentMinimize } from "../math/brentMinimize.js";
import { antiNueCouplings, basisRate, csiBasis, csiFoldedBasis, CSI_SIN2_REF, sin2AtRateMinimum, type CsiBasis } from "../rates/csiRates.js";
import { csiConfig, type CsiSimConfig } from "../sim/csi.js";
import { buildCsiModel, csiExpectedSpectra } from "../sim/csiModel.js";
import { CSI_DEFAULT_EDGES_KEV, CsiOnOffSpectrum, type CsiToySpectrum } from "../spectra/csiSpectrum.js";
import { createRng } from "../stats/random.js";
import { CHARGE_RADIUS_SHIFT_perCm2 } from "../xsec/chargeRadius.js";
import { ChargeRadiusInterval } from "./chargeRadiusInterval.js";
import { CsiFit } from "./csiFit.js";

/** Inputs of a CsI(Tl) ON/OFF toy spectrum. */
export interface CsiToyOptions {
  seed: number;
  /** Bin edges, keV (default 3000-8000 in 0.5 MeV bins). */
  edgesKeV?: ArrayLike<number>;
  /** True sin^2 theta_W (default CSI_SIN2_REF, the low-energy value). */
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

/**
 * A spectrum-level toy of the TEXONO CsI(Tl) measurement: Poisson ON counts with mean
 * (background + SM signal) x E_on and OFF counts with mean background x E_off per bin, seeded
 * (MT19937). Free electrons (binding is irrelevant at MeV), no energy resolution (a project
 * choice: at 3-8 MeV with 0.5 MeV bins it moves little but the window edges), flat background.
 * Not an event simulator: the event-level CsI(Tl) simulation is `simulateCsi` (lib/sim/csiSimulate.ts),
 * histogrammed by `csiSpectrumFromDataset` (lib/spectra/csiSpectrum.ts).
 */
export function simulateCsiOnOff(o: CsiToyOptions): CsiOnOffSpectrum {
  const edges = Float64Array.from(o.edgesKeV ?? CSI_DEFAULT_EDGES_KEV);
  const basis = o.basis ?? csiBasis(edges);
  const signal = basisRate(basis, antiNueCouplings("sm", o.sin2ThetaW ?? CSI_SIN2_REF, o.chargeRadius2_cm2 ?? 0));
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
  return new CsiOnOffSpectrum({ edgesKeV: edges, on, off, onKgDays: o.onKgDays, offKgDays: o.offKgDays, residual, residualErr, expectedSignal: signal, basis });
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
export function fitCsiResidual(sp: CsiToySpectrum, parameter: CsiFit["parameter"], sRef = CSI_SIN2_REF): CsiFit {
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
    return new CsiFit({ parameter, value: xi, errLow: err, errHigh: err, err, chi2: chi2Of(sp, ref.map((v) => v * xi)), ndf: nb - 1 });
  }
  // Fit in s (order 0.1, so Brent's absolute tolerances fit); <r^2> is a linear map of s.
  const f = (x: number) => chi2Of(sp, basisRate(sp.basis, antiNueCouplings("sm", x)));
  const floor = sin2AtRateMinimum(sp.basis);
  const m = brentMinimize(f, floor, 0.75, 1e-12);
  const { lo, hi } = interval(f, m.x, m.fval, 0.01, floor);
  const map = parameter === "sin2ThetaW" ? (x: number) => x : (x: number) => (x - sRef) / CHARGE_RADIUS_SHIFT_perCm2;
  const v = map(m.x);
  return new CsiFit({ parameter, value: v, errLow: v - map(lo), errHigh: map(hi) - v, err: 0.5 * (map(hi) - map(lo)), chi2: m.fval, ndf: nb - 1 });
}

/**
 * Two-sided interval on <r^2> (cm^2) from a measured sin^2 theta_W = s +- sigma (stat and syst in
 * quadrature) against the Standard-Model value sRef: <r^2> = (s - sRef) / 2.380e30 cm^-2, Gaussian,
 * central interval at `cl` (1.645 sigma at 90 %).
 */
export function chargeRadiusInterval(s: number, sigmaStat: number, sigmaSys: number, sRef = CSI_SIN2_REF, cl = 0.9): ChargeRadiusInterval {
  const sigma = Math.hypot(sigmaStat, sigmaSys) / CHARGE_RADIUS_SHIFT_perCm2;
  const central = (s - sRef) / CHARGE_RADIUS_SHIFT_perCm2;
  const z = normalQuantile(0.5 + cl / 2, 0, 1);
  return new ChargeRadiusInterval({ central, sigma, lower: central - z * sigma, upper: central + z * sigma });
}

/**
 * The Asimov version of {@link simulateCsiOnOff}: the residual equals its expectation and its
 * error is the expected one, sqrt((b + s)/E_on + b/E_off) per bin; a fit to it returns the truth
 * with the median expected error.
 */
export function asimovCsiOnOff(o: Omit<CsiToyOptions, "seed">): CsiOnOffSpectrum {
  const edges = Float64Array.from(o.edgesKeV ?? CSI_DEFAULT_EDGES_KEV);
  const basis = o.basis ?? csiBasis(edges);
  const signal = basisRate(basis, antiNueCouplings("sm", o.sin2ThetaW ?? CSI_SIN2_REF, o.chargeRadius2_cm2 ?? 0));
  const width = edges[edges.length - 1] - edges[0];
  const background = Float64Array.from({ length: edges.length - 1 }, (_, k) => (o.backgroundPerKgDay * (edges[k + 1] - edges[k])) / width);
  return expectedOnOff(edges, basis, signal, background, o.onKgDays, o.offKgDays);
}

/**
 * The Asimov ON/OFF spectra of a simulation configuration (default `csiConfig()`): ON and OFF
 * equal to their expectations with the configured (falling) background shape and the
 * resolution-folded signal at the configured sin^2 theta_W, errors sqrt((b + s)/E_on + b/E_off).
 * A fit of it returns the injected value with the median expected error of the event-level
 * analysis (compare `asimovCsiOnOff`, which has a flat background and no resolution).
 */
export function csiAsimovFromConfig(config: CsiSimConfig = csiConfig(), edgesKeV: ArrayLike<number> = CSI_DEFAULT_EDGES_KEV): CsiOnOffSpectrum {
  const edges = Float64Array.from(edgesKeV);
  const basis = csiFoldedBasis(edges, config.fwhmFractionAt662);
  const exp = csiExpectedSpectra(buildCsiModel(config), edges);
  const signal = basisRate(basis, antiNueCouplings("sm", config.sin2ThetaW, config.chargeRadius2_cm2));
  return expectedOnOff(edges, basis, signal, exp.background, config.onKgDays, config.offKgDays);
}

/**
 * ON and OFF counts equal to their expectations, (b + s) E_on and b E_off per bin, the residual
 * equal to the signal s and its expected error sqrt((b + s)/E_on + b/E_off); b and s in counts per
 * kg day per bin.
 */
function expectedOnOff(edges: Float64Array, basis: CsiBasis, signal: Float64Array, background: ArrayLike<number>, onKgDays: number, offKgDays: number): CsiOnOffSpectrum {
  const nb = edges.length - 1;
  const on = new Float64Array(nb);
  const off = new Float64Array(nb);
  const residualErr = new Float64Array(nb);
  for (let i = 0; i < nb; i++) {
    const b = background[i];
    on[i] = (b + signal[i]) * onKgDays;
    off[i] = b * offKgDays;
    residualErr[i] = Math.sqrt((b + signal[i]) / onKgDays + b / offKgDays);
  }
  return new CsiOnOffSpectrum({ edgesKeV: edges, on, off, onKgDays, offKgDays, residual: Float64Array.from(signal), residualErr, expectedSignal: signal, basis });
}
