import { SIN2_THETA_W_LOW_ENERGY } from "../constants.js";
import { loadTexonoCsi, type TexonoCsiResults } from "../reactor/texonoCsi.js";
import { csiBackgroundForXiError, csiBackgroundFromStatError } from "../rates/csiExpectedError.js";
import { antiNueCouplings, basisTotal, csiBasis, dLnRateDSin2, interferenceSplit, sin2FromRateRatio, type CsiBasis, type InterferenceSplit } from "../rates/csiRates.js";
import { asimovCsiOnOff, chargeRadiusInterval, fitCsiResidual, type CsiFit } from "./csiToy.js";

/** The project's numbers for the TEXONO CsI(Tl) measurement, next to the published ones. */
export interface CsiSummary {
  windowKeV: [number, number];
  /** sin^2 theta_W taken as the Standard-Model value: the low-energy effective 0.23867. */
  sin2Ref: number;
  /** Expected SM rate in the window, counts per kg day (free electrons, 2.5034e26 per kg). */
  smRatePerKgDay: number;
  /** Expected SM events in the ON exposure. */
  smEventsOn: number;
  interference: InterferenceSplit;
  /** d ln R / d sin^2 theta_W in the window. */
  dLnRateDs: number;
  /** Inferred flat backgrounds, counts per kg day in the window: for a binned fit and for a plain count. */
  backgroundBinnedFit: number;
  backgroundCounting: number;
  /** Asimov fits with the binned-fit background: xi, sin^2 theta_W, <r^2>. */
  asimov: { xi: CsiFit; sin2ThetaW: CsiFit; chargeRadius2_cm2: CsiFit };
  /** sin^2 theta_W from the published xi = 1.08 (inverting the window rate). */
  sin2FromPublishedXi: number;
  /** <r^2> interval (90 % CL) from the published sin^2 theta_W, stat and syst in quadrature, against sin2Ref. */
  chargeRadiusFromPublishedSin2: { central: number; sigma: number; lower: number; upper: number };
  published: TexonoCsiResults;
}

/**
 * Everything notebook 13 and `nuem bound --parameter sin2w|r2` report: the SM rate in 3-8 MeV,
 * its CC/NC/interference split, the background the published error implies, the Asimov errors of
 * the binned fits, sin^2 theta_W from the published xi, and the charge-radius interval from the
 * published sin^2 theta_W. `bins` 0.5 MeV bins by default.
 */
export function csiSummary(binMeV = 0.5): CsiSummary {
  const { experiment, results } = loadTexonoCsi();
  const roi = experiment.detector.roi!.value[0];
  const window: [number, number] = [roi[0], roi[1]];
  const nb = Math.round((window[1] - window[0]) / (binMeV * 1000));
  const basis: CsiBasis = csiBasis(Float64Array.from({ length: nb + 1 }, (_, i) => window[0] + ((window[1] - window[0]) * i) / nb));
  const s0 = SIN2_THETA_W_LOW_ENERGY;
  const sm = basisTotal(basis, antiNueCouplings("sm", s0));
  const on = results.exposureKgDays.on;
  const off = results.exposureKgDays.off;
  const bFit = csiBackgroundForXiError(basis, results.xi.stat, on, off, s0);
  const asimov = asimovCsiOnOff({ backgroundPerKgDay: bFit, onKgDays: on, offKgDays: off, basis, edgesKeV: basis.edgesKeV, sin2ThetaW: s0 });
  return {
    windowKeV: window,
    sin2Ref: s0,
    smRatePerKgDay: sm,
    smEventsOn: sm * on,
    interference: interferenceSplit(basis, s0),
    dLnRateDs: dLnRateDSin2(basis, s0),
    backgroundBinnedFit: bFit,
    backgroundCounting: csiBackgroundFromStatError(results.xi.stat, on, off, sm),
    asimov: { xi: fitCsiResidual(asimov, "xi", s0), sin2ThetaW: fitCsiResidual(asimov, "sin2ThetaW", s0), chargeRadius2_cm2: fitCsiResidual(asimov, "chargeRadius2_cm2", s0) },
    sin2FromPublishedXi: sin2FromRateRatio(basis, results.xi.value, s0),
    chargeRadiusFromPublishedSin2: chargeRadiusInterval(results.sin2ThetaW.value, results.sin2ThetaW.stat, results.sin2ThetaW.sys, s0, results.chargeRadius2_cm2.cl),
    published: results,
  };
}
