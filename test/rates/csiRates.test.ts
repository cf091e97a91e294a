import { describe, expect, it } from "vitest";
import { CSI_TARGET } from "../../lib/detector/targets.js";
import { expectedRate } from "../../lib/rates/expectedRate.js";
import { linearGrid } from "../../lib/math/linearGrid.js";
import { antiNueCouplings, basisTotal, chiralFromVectorAxial, csiBasis, csiWindowBasis, dLnRateDSin2, interferenceSplit, sin2AtRateMinimum, sin2FromRateRatio, vectorAxial } from "../../lib/rates/csiRates.js";
import { csiSource, loadTexonoCsi } from "../../lib/reactor/texonoCsi.js";

const S_LOW = 0.23867;

describe("TEXONO CsI(Tl) configuration", () => {
  it("loads texono-csi.json through the experiments loader and the published results", () => {
    const { experiment, results } = loadTexonoCsi();
    expect(experiment.detector.mass.value).toBe(187);
    expect(experiment.reactor.publishedFlux.value).toBe(6.4e12);
    expect(experiment.detector.roi?.value).toEqual([[3000, 8000]]);
    // 29882 / 7369 kg-days over 187 kg
    expect(experiment.exposure?.periods?.[0].on.value).toBeCloseTo(29882 / 187, 1);
    expect(experiment.exposure?.periods?.[0].off?.value).toBeCloseTo(7369 / 187, 2);
    expect(results.sin2ThetaW).toMatchObject({ value: 0.251, stat: 0.031, sys: 0.024 });
    expect(results.chargeRadius2_cm2).toMatchObject({ lower: -2.1e-32, upper: 3.3e-32, cl: 0.9 });
  });
});

describe("anti-nu_e e couplings", () => {
  it("SM: g_V = 1/2 + 2s, g_A = 1/2 (PRD 81 072001); CC alone g_V = g_A = 1; NC alone g_V = -1/2 + 2s, g_A = -1/2", () => {
    const s = 0.23;
    expect(vectorAxial(antiNueCouplings("sm", s)).gV).toBeCloseTo(0.5 + 2 * s, 14);
    expect(vectorAxial(antiNueCouplings("sm", s)).gA).toBeCloseTo(0.5, 14);
    expect(vectorAxial(antiNueCouplings("cc", s))).toEqual({ gV: 1, gA: 1 });
    expect(vectorAxial(antiNueCouplings("nc", s)).gV).toBeCloseTo(-0.5 + 2 * s, 14);
    expect(vectorAxial(antiNueCouplings("nc", s)).gA).toBeCloseTo(-0.5, 14);
    expect(chiralFromVectorAxial(1.2, 0.5)).toEqual({ gL: 0.85, gR: 0.35 });
  });
  it("the charge radius enters as s + 2.380e30 cm^-2 <r^2>", () => {
    expect(antiNueCouplings("sm", 0.2, 1e-32).gR).toBeCloseTo(0.2 + 0.0238, 4);
  });
});

describe("CsI rate basis", () => {
  it("with SM couplings equals expectedRate (weak, CsI target) integrated over 3-8 MeV (Simpson vs trapezoid, 1e-4)", () => {
    const b = csiWindowBasis([3000, 8000], 10);
    const t = linearGrid(3000, 8000, 2001);
    const r = expectedRate(csiSource(), "weak", t, { target: CSI_TARGET, params: { sin2ThetaW: S_LOW } });
    let trap = 0;
    for (let i = 1; i < t.length; i++) trap += 0.5 * (t[i] - t[i - 1]) * (r[i] + r[i - 1]);
    expect(basisTotal(b, antiNueCouplings("sm", S_LOW)) / trap).toBeCloseTo(1, 4);
  });
  it("at T << E the interference is (8s - 4) and interference/SM -> (8s - 4)/((1 + 2s)^2 + 4s^2) (closed form, 1-2 eV window)", () => {
    const b = csiBasis([0.001, 0.002]);
    const s = S_LOW;
    const split = interferenceSplit(b, s);
    expect(split.interferenceOverSm).toBeCloseTo((8 * s - 4) / ((1 + 2 * s) ** 2 + 4 * s * s), 3);
    expect(split.interferenceOverCc).toBeCloseTo((8 * s - 4) / 4, 3);
    expect(split.sm).toBeCloseTo(split.chargedCurrent + split.neutralCurrent + split.interference, 15);
  });
  it("d ln R / ds equals a central difference; the rate is smallest at s* and sin2FromRateRatio inverts it", () => {
    const b = csiWindowBasis([3000, 8000], 10);
    const h = 1e-5;
    const num = (Math.log(basisTotal(b, antiNueCouplings("sm", S_LOW + h))) - Math.log(basisTotal(b, antiNueCouplings("sm", S_LOW - h)))) / (2 * h);
    expect(dLnRateDSin2(b, S_LOW) / num).toBeCloseTo(1, 6);
    const sStar = sin2AtRateMinimum(b);
    const at = (s: number) => basisTotal(b, antiNueCouplings("sm", s));
    expect(at(sStar)).toBeLessThan(at(sStar + 1e-3));
    expect(at(sStar)).toBeLessThan(at(sStar - 1e-3));
    expect(sin2FromRateRatio(b, 1, S_LOW)).toBeCloseTo(S_LOW, 10);
  });
  it("published xi = 1.08 corresponds to sin^2 theta_W = 0.2506 (published 0.251) with s_SM = 0.23867", () => {
    const b = csiWindowBasis([3000, 8000], 10);
    expect(sin2FromRateRatio(b, 1.08, S_LOW)).toBeCloseTo(0.251, 2);
    expect(Math.abs(sin2FromRateRatio(b, 1.08, S_LOW) - 0.251)).toBeLessThan(0.001);
  });
});
