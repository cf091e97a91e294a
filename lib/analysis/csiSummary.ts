import { SIN2_THETA_W_LOW_ENERGY } from "../constants.js";
import { FieldsRecord, quantityTable, ResultTable, ResultTables } from "../fit/resultTable.js";
import { loadTexonoCsi, type TexonoCsiResults } from "../reactor/texonoCsi.js";
import { csiBackgroundForXiError, csiBackgroundFromStatError } from "../rates/csiExpectedError.js";
import { antiNueCouplings, basisTotal, csiBasis, dLnRateDSin2, interferenceSplit, sin2FromRateRatio, type CsiBasis, type InterferenceSplit } from "../rates/csiRates.js";
import type { ChargeRadiusInterval } from "./chargeRadiusInterval.js";
import { csiFitTable, type CsiFit } from "./csiFit.js";
import { asimovCsiOnOff, chargeRadiusInterval, fitCsiResidual } from "./csiToy.js";

/** The project's numbers for the TEXONO CsI(Tl) measurement, next to the published ones. */
export interface CsiSummaryFields {
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
  chargeRadiusFromPublishedSin2: ChargeRadiusInterval;
  published: TexonoCsiResults;
}

/**
 * What `csiSummary` returns: the fields of {@link CsiSummaryFields} as they are (its JSON is
 * theirs), shown as four tables: the SM rate and its interference split, the inferred
 * backgrounds, the Asimov fits (errors by the PDG rule), and the project's numbers next to the
 * published ones. Each table is also a result of its own (`rateTable()`, ...), for `show`.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface CsiSummary extends CsiSummaryFields {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class CsiSummary extends FieldsRecord<CsiSummaryFields> {
  /** The SM rate in the window, its CC / NC / interference split, and d ln R / d sin^2 theta_W. */
  rateTable(): ResultTable {
    const I = this.interference;
    const w = `${this.windowKeV[0] / 1000}-${this.windowKeV[1] / 1000} MeV`;
    return quantityTable(`TEXONO CsI(Tl), ${w}: the Standard-Model rate at sin²θ_W = ${this.sin2Ref}`, [
      [`SM rate ${w} (counts / kg day)`, this.smRatePerKgDay],
      [`SM events in ${this.published.exposureKgDays.on} kg-days ON`, this.smEventsOn],
      ["charged current alone", I.chargedCurrent],
      ["neutral current alone", I.neutralCurrent],
      ["interference (SM − CC − NC)", I.interference],
      ["rate without interference (CC + NC)", I.withoutInterference],
      ["interference / SM", I.interferenceOverSm],
      ["interference / CC", I.interferenceOverCc],
      [`d ln R / d sin²θW in ${w}`, this.dLnRateDs],
    ]);
  }

  /** The flat backgrounds the published statistical error of xi implies (inferred, not published). */
  backgroundTable(): ResultTable {
    return quantityTable(`flat background for the published stat. error of ξ (${this.published.xi.stat}); inferred, NOT PUBLISHED`, [
      ["binned fit of the residual (counts / kg day)", this.backgroundBinnedFit],
      ["plain count of the window (counts / kg day)", this.backgroundCounting],
    ]);
  }

  /** The Asimov fits of xi, sin^2 theta_W and <r^2> (median expected errors). */
  asimovTable(): ResultTable {
    return csiFitTable([this.asimov.xi, this.asimov.sin2ThetaW, this.asimov.chargeRadius2_cm2], "Asimov fits (median expected Δχ² = 1 errors)");
  }

  /** The project's numbers next to the published ones (PRD 81 072001 and the proceedings). */
  publishedTable(): ResultTable {
    const p = this.published;
    const r2 = this.chargeRadiusFromPublishedSin2;
    const w = `${this.windowKeV[0] / 1000}-${this.windowKeV[1] / 1000} MeV`;
    return new ResultTable("the project's numbers next to the published ones", ["quantity", "project", "published"], [
      [`SM rate ${w} (counts / kg day)`, this.smRatePerKgDay, "not read"],
      ["stat. error of ξ", this.asimov.xi.err, p.xi.stat],
      [`sin²θW from the published ξ = ${p.xi.value}`, this.sin2FromPublishedXi, p.sin2ThetaW.value],
      ["stat. error of sin²θW (Asimov)", this.asimov.sin2ThetaW.err, p.sin2ThetaW.stat],
      ["stat. error of ⟨r²⟩ (Asimov, cm²)", this.asimov.chargeRadius2_cm2.err, p.chargeRadiusMeasurement_cm2.stat],
      ["⟨r²⟩ from the published sin²θW (cm²)", r2.central, p.chargeRadiusMeasurement_cm2.value],
      [`⟨r²⟩ lower end, ${p.chargeRadius2_cm2.cl * 100} % CL (cm²)`, r2.lower, p.chargeRadius2_cm2.lower],
      [`⟨r²⟩ upper end, ${p.chargeRadius2_cm2.cl * 100} % CL (cm²)`, r2.upper, p.chargeRadius2_cm2.upper],
      ["interference / CC (SM)", this.interference.interferenceOverCc, `R_INT = ${p.interference.value} ± ${p.interference.stat} ± ${p.interference.sys} (normalisation not read)`],
    ]);
  }

  view(): ResultTables {
    return new ResultTables([this.rateTable(), this.backgroundTable(), this.asimovTable(), this.publishedTable()]);
  }
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
  return new CsiSummary({
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
  });
}
