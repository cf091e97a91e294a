import { describe, expect, it } from "vitest";
import { antiNueCouplings, basisTotal, csiWindowBasis } from "../../lib/rates/csiRates.js";
import { csiSummary } from "../../lib/analysis/csiSummary.js";
import { chargeRadiusInterval, fitCsiResidual, simulateCsiOnOff } from "../../lib/analysis/csiToy.js";
import { csiBackgroundForXiError, csiBackgroundFromStatError, csiExpectedXiError } from "../../lib/rates/csiExpectedError.js";
import { loadTexonoCsi } from "../../lib/reactor/texonoCsi.js";

const ON = 29882;
const OFF = 7369;

describe("background implied by the published error", () => {
  it("counting: (0.21 S)^2 = (B + S)/E_on + B/E_off holds for the returned B", () => {
    const s = 0.0126;
    const b = csiBackgroundFromStatError(0.21, ON, OFF, s);
    expect(Math.sqrt((b + s) / ON + b / OFF) / s).toBeCloseTo(0.21, 12);
  });
  it("binned fit: csiExpectedXiError at the returned B is 0.21; it matches texono-csi.json's background", () => {
    const basis = csiWindowBasis([3000, 8000], 10);
    const b = csiBackgroundForXiError(basis, 0.21, ON, OFF);
    expect(csiExpectedXiError(basis, b, ON, OFF)).toBeCloseTo(0.21, 10);
    const file = loadTexonoCsi().experiment.detector.background!.value * 5000;
    expect(file / b).toBeCloseTo(1, 3);
  });
});

describe("CsI(Tl) toy spectra", () => {
  const basis = csiWindowBasis([3000, 8000], 10);
  const bkg = csiBackgroundForXiError(basis, 0.21, ON, OFF);
  it("are reproducible: the same seed gives the same counts", () => {
    const a = simulateCsiOnOff({ seed: 7, backgroundPerKgDay: bkg, onKgDays: ON, offKgDays: OFF, basis, edgesKeV: basis.edgesKeV });
    const b = simulateCsiOnOff({ seed: 7, backgroundPerKgDay: bkg, onKgDays: ON, offKgDays: OFF, basis, edgesKeV: basis.edgesKeV });
    expect(Array.from(a.on)).toEqual(Array.from(b.on));
    expect(Array.from(a.off)).toEqual(Array.from(b.off));
  });
  it("fits of 400 toys: sin^2 theta_W unbiased (within 3 sigma/sqrt(N)) and its spread equals the mean fitted error (10 %)", () => {
    const vals: number[] = [];
    const errs: number[] = [];
    for (let seed = 1; seed <= 400; seed++) {
      const sp = simulateCsiOnOff({ seed, backgroundPerKgDay: bkg, onKgDays: ON, offKgDays: OFF, basis, edgesKeV: basis.edgesKeV });
      const f = fitCsiResidual(sp, "sin2ThetaW");
      vals.push(f.value);
      errs.push(f.err);
    }
    const mean = vals.reduce((a, b) => a + b, 0) / vals.length;
    const sd = Math.sqrt(vals.reduce((a, b) => a + (b - mean) ** 2, 0) / (vals.length - 1));
    const meanErr = errs.reduce((a, b) => a + b, 0) / errs.length;
    expect(Math.abs(mean - 0.23867)).toBeLessThan((3 * sd) / Math.sqrt(vals.length));
    expect(sd / meanErr).toBeGreaterThan(0.9);
    expect(sd / meanErr).toBeLessThan(1.1);
  });
  it("the xi fit is linear: a residual equal to 1.08 x SM returns xi = 1.08", () => {
    const sp = simulateCsiOnOff({ seed: 3, backgroundPerKgDay: bkg, onKgDays: ON, offKgDays: OFF, basis, edgesKeV: basis.edgesKeV });
    const sm = basisTotal(basis, antiNueCouplings("sm", 0.23867));
    expect(sm).toBeGreaterThan(0);
    const scaled = { ...sp, residual: sp.expectedSignal.map((v) => 1.08 * v) };
    expect(fitCsiResidual(scaled, "xi").value).toBeCloseTo(1.08, 10);
  });
});

describe("published numbers", () => {
  const s = csiSummary();
  it("SM rate in 3-8 MeV: 0.0127 per kg day, 378 events in the 29882 kg-day ON exposure", () => {
    expect(s.smRatePerKgDay).toBeGreaterThan(0.0120);
    expect(s.smRatePerKgDay).toBeLessThan(0.0131);
    expect(s.smEventsOn).toBeCloseTo(s.smRatePerKgDay * ON, 8);
  });
  it("Asimov stat error on sin^2 theta_W 0.0335 vs published 0.031 (8 % larger; flat background assumed)", () => {
    expect(s.asimov.sin2ThetaW.err).toBeGreaterThan(0.031);
    expect(s.asimov.sin2ThetaW.err / 0.031).toBeLessThan(1.12);
  });
  it("Asimov stat error on <r^2> 1.41e-32 vs published 1.30e-32 cm^2 (proceedings)", () => {
    expect(s.asimov.chargeRadius2_cm2.err / 1.3e-32).toBeGreaterThan(1);
    expect(s.asimov.chargeRadius2_cm2.err / 1.3e-32).toBeLessThan(1.12);
  });
  it("<r^2> interval from the published sin^2 theta_W: [-2.19, 3.23]e-32 vs published [-2.1, 3.3]e-32 cm^2 (s_SM = 0.23867)", () => {
    const r = chargeRadiusInterval(0.251, 0.031, 0.024, 0.23867, 0.9);
    expect(Math.abs(r.lower + 2.1e-32)).toBeLessThan(0.1e-32);
    expect(Math.abs(r.upper - 3.3e-32)).toBeLessThan(0.1e-32);
    // The width is the published one to 1 %: 2 x 1.645 x sqrt(0.031^2 + 0.024^2) / 2.380e30.
    expect((r.upper - r.lower) / 5.4e-32).toBeCloseTo(1, 1);
  });
  it("the interference is destructive: CC + NC exceeds the SM rate by 69 % of it", () => {
    expect(s.interference.interference).toBeLessThan(0);
    expect(s.interference.withoutInterference / s.interference.sm).toBeGreaterThan(1.6);
  });
});
