import { describe, expect, it } from "vitest";
import { smTakeover, thresholdSensitivityWithBackground } from "../../lib/prospects/thresholdReach.js";
import { WEAK_NUE_PREFACTOR_cm2PerMeV } from "../../lib/xsec/weak.js";

describe("thresholdSensitivityWithBackground", () => {
  const flat = (t: Float64Array) => t.map(() => 2);
  it("s = 1/T over a flat background B: info = (1/T_th - 1/T_up) / B, S = ln(T_up/T_th)", () => {
    const r = thresholdSensitivityWithBackground((t) => t.map((x) => 1 / x), flat, [0.1, 1], 10, 4000);
    expect(r[0].fisherInformation / ((1 / 0.1 - 1 / 10) / 2)).toBeCloseTo(1, 4);
    expect(r[1].integratedSignal / Math.log(10)).toBeCloseTo(1, 4);
    expect(r[0].integratedBackground).toBeCloseTo(2 * 9.9, 6);
  });
  it("s = 1/T^2: info = (T_th^-3 - T_up^-3) / 3B, so the error on the coupling improves as 10^(3/4) per decade", () => {
    const r = thresholdSensitivityWithBackground((t) => t.map((x) => 1 / (x * x)), flat, [0.1, 1], 10, 4000);
    expect(r[0].fisherInformation / ((1000 - 0.001) / 6)).toBeCloseTo(1, 3);
  });
});

describe("smTakeover", () => {
  it("a magnetic moment of 3e-12 mu_B meets the SM nu-e term at T = pi r0^2 mu^2 / [(G_F^2 m_e/2pi)((1+2s)^2 + 4s^2)] (T << E closed form, 1 %)", () => {
    const [weak, cevns] = smTakeover("texono", "em-fe", { muNu_muB: 3e-12 });
    const s = 0.23121;
    const r0 = 2.8179403262e-13;
    const tMeV = (Math.PI * r0 * r0 * 9e-24) / (WEAK_NUE_PREFACTOR_cm2PerMeV * ((1 + 2 * s) ** 2 + 4 * s * s));
    expect(weak.crossingKeV! / (tMeV * 1e3)).toBeCloseTo(1, 2);
    // The coherent nuclear term (quenched) is larger still below ~0.5 keV.
    expect(cevns.crossingKeV!).toBeGreaterThan(weak.crossingKeV!);
  });
});
