import { describe, expect, it } from "vitest";
import { ChargeRadiusInterval } from "../../lib/analysis/chargeRadiusInterval.js";
import { csiBound } from "../../lib/analysis/csiBound.js";
import { CsiFit } from "../../lib/analysis/csiFit.js";
import { csiSummary } from "../../lib/analysis/csiSummary.js";
import { chargeRadiusInterval, fitCsiResidual, simulateCsiOnOff } from "../../lib/analysis/csiToy.js";
import { CsiOnOffSpectrum } from "../../lib/spectra/csiSpectrum.js";

// The field order of the plain objects these functions returned before they became classes:
// `nuem bound --json` prints them, so their JSON must stay byte for byte.
const FIT_KEYS = ["parameter", "value", "errLow", "errHigh", "err", "chi2", "ndf"];
const INTERVAL_KEYS = ["central", "sigma", "lower", "upper"];
const SUMMARY_KEYS = ["windowKeV", "sin2Ref", "smRatePerKgDay", "smEventsOn", "interference", "dLnRateDs", "backgroundBinnedFit", "backgroundCounting", "asimov", "sin2FromPublishedXi", "chargeRadiusFromPublishedSin2", "published"];
const SPECTRUM_KEYS = ["edgesKeV", "on", "off", "onKgDays", "offKgDays", "residual", "residualErr", "expectedSignal", "basis"];

describe("CsiFit", () => {
  const fit = new CsiFit({ parameter: "sin2ThetaW", value: 0.21349, errLow: 0.04061, errHigh: 0.0343, err: 0.03746, chi2: 14.98, ndf: 9 });

  it("shows the value with its Delta chi2 = 1 errors by the PDG rule on the narrower error", () => {
    // 0.0343: leading digits 343 in 100-354 keep two significant digits, so three decimals.
    expect(fit.toHTML()).toContain("0.213 +0.034 −0.041");
    expect(fit.toString()).toContain("0.213 +0.034 −0.041");
    expect(fit.toString()).toContain("15.0/9");
    // <r^2>: 1.441e-32 keeps two digits (144), common exponent.
    const r2 = new CsiFit({ parameter: "chargeRadius2_cm2", value: -1.059e-32, errLow: 1.707e-32, errHigh: 1.441e-32, err: 1.574e-32, chi2: 14.98, ndf: 9 });
    expect(r2.toHTML()).toContain("(-1.1 +1.4 −1.7)e-32");
    // xi has equal errors: 210 keeps two digits.
    expect(new CsiFit({ parameter: "xi", value: 0.8476, errLow: 0.21, errHigh: 0.21, err: 0.21, chi2: 14.98, ndf: 9 }).toHTML()).toContain("0.85 ± 0.21");
  });

  it("keeps the fields of the plain object fitCsiResidual returned, in their order", () => {
    const sp = simulateCsiOnOff({ seed: 3, backgroundPerKgDay: 0.119, onKgDays: 29882, offKgDays: 7369 });
    for (const p of ["xi", "sin2ThetaW", "chargeRadius2_cm2"] as const) {
      const f = fitCsiResidual(sp, p);
      expect(Object.keys(f.toJSON())).toEqual(FIT_KEYS);
      const plain = { parameter: f.parameter, value: f.value, errLow: f.errLow, errHigh: f.errHigh, err: f.err, chi2: f.chi2, ndf: f.ndf };
      expect(JSON.stringify(f, null, 2)).toBe(JSON.stringify(plain, null, 2));
    }
  });
});

describe("ChargeRadiusInterval", () => {
  it("shows <r^2> = central ± sigma by the PDG rule and the CL its ends imply", () => {
    const r = chargeRadiusInterval(0.251, 0.031, 0.024, 0.23867, 0.9);
    // sigma = hypot(0.031, 0.024) / 2.380e30 = 1.6476e-32 (165: two digits); central = 0.01233 / 2.380e30 = 5.18e-33.
    expect(r.toHTML()).toContain("(0.5 ± 1.6)e-32");
    expect(r.toHTML()).toContain("90 % CL");
    expect(r.confidenceLevel()).toBeCloseTo(0.9, 12);
    expect(Object.keys(r.toJSON())).toEqual(INTERVAL_KEYS);
    expect(JSON.stringify(r)).toBe(JSON.stringify({ central: r.central, sigma: r.sigma, lower: r.lower, upper: r.upper }));
    expect(r).toBeInstanceOf(ChargeRadiusInterval);
  });
});

describe("CsiSummary", () => {
  const s = csiSummary();
  it("keeps its fields, in their order", () => {
    expect(Object.keys(s.toJSON())).toEqual(SUMMARY_KEYS);
    expect(Object.keys(s.asimov.xi.toJSON())).toEqual(FIT_KEYS);
  });
  it("shows the Asimov xi as 1.00 ± 0.21: the truth, and the published stat. error the background is set to", () => {
    expect(s.asimovTable().toString()).toContain("1.00 ± 0.21");
    expect(s.toHTML()).toContain("1.00 ± 0.21");
  });
  it("shows the published numbers beside the project's (PRD 81 072001)", () => {
    const t = s.publishedTable().toString();
    for (const v of ["0.251", "0.031", "-2.100e-32", "3.300e-32", "R_INT = -0.92 ± 0.3 ± 0.24"]) expect(t).toContain(v);
  });
});

describe("CsiOnOffSpectrum", () => {
  it("shows the residual of each bin with its error by the PDG rule and keeps its fields", () => {
    const e = Float64Array.from([3000, 3500]);
    const sp = new CsiOnOffSpectrum({ edgesKeV: e, on: Float64Array.of(501), off: Float64Array.of(90), onKgDays: 29882, offKgDays: 7369, residual: Float64Array.of(0.004553), residualErr: Float64Array.of(0.001518), expectedSignal: Float64Array.of(0.00591), basis: { edgesKeV: e } as never });
    // 0.001518: 152 keeps two digits.
    expect(sp.toHTML()).toContain("0.0046 ± 0.0015");
    expect(sp.toString()).toContain("3000-3500");
    expect(Object.keys(sp.toJSON())).toEqual(SPECTRUM_KEYS);
    const toy = simulateCsiOnOff({ seed: 3, backgroundPerKgDay: 0.119, onKgDays: 29882, offKgDays: 7369 });
    expect(Object.keys(toy.toJSON())).toEqual(SPECTRUM_KEYS);
  });
});

describe("CsiBound", () => {
  it("keeps the fields `nuem bound --json` printed, in their order, and the command's text", () => {
    const b = csiBound("r2", { seed: 5 });
    expect(Object.keys(b.toJSON())).toEqual(["parameter", "experiment", "mode", "fit", "sm_rate_per_kg_day", "background_per_kg_day", "sin2_from_published_xi", "r2_interval_from_published_sin2_cm2", "published"]);
    expect(JSON.parse(JSON.stringify(b)).fit).toEqual(JSON.parse(JSON.stringify({ ...b.fit.toJSON() })));
    expect(b.toString()).toMatch(/^TEXONO CsI\(Tl\), 3-8 MeV, toy spectrum, seed 5: <r\^2> = /);
    expect(b.toString()).toContain("published: -2.1e-32 < <r^2> < 3.3e-32 cm^2 (90 % CL)");
  });
  it("shows the fit, the interval from the published sin^2 theta_W (PDG rule) and the published numbers", () => {
    const h = csiBound("sin2w").toHTML();
    // Asimov: the truth 0.23867 with the median errors; the interval's sigma 1.6476e-32 keeps two digits.
    expect(h).toContain("(0.5 ± 1.6)e-32");
    expect(h).toContain("sin²θ_W from the published ξ = 1.08");
    expect(h).toContain("<td style=\"text-align:right\">0.251</td>");
  });
});
