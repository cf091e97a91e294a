import { describe, expect, it } from "vitest";
import { ALPHA, G_F_perMeV2, HBARC_MeVcm } from "../../lib/constants.js";
import { CHARGE_RADIUS_SHIFT_perCm2, dSigmaWeakChargeRadiusDT, sin2ThetaWWithChargeRadius } from "../../lib/xsec/chargeRadius.js";
import { dSigmaWeakDT } from "../../lib/xsec/weak.js";
import { REF, relDiff } from "./reference.js";

describe("neutrino charge radius as a shift of sin^2 theta_W", () => {
  it("coefficient sqrt(2) pi alpha/(3 G_F (hbar c)^2) = 2.38e30 cm^-2 (Vogel and Engel, PRD 39 (1989) 3378; evaluated with PDG 2022 constants)", () => {
    expect(CHARGE_RADIUS_SHIFT_perCm2 / 1e30).toBeCloseTo(2.38, 2);
    expect(relDiff(CHARGE_RADIUS_SHIFT_perCm2, REF.chargeRadiusShift_perCm2)).toBeLessThan(1e-12);
  });
  it("natural units: <r^2> = 1 MeV^-2 = (hbar c)^2 cm^2 shifts s by sqrt(2) pi alpha/(3 G_F)", () => {
    const r2 = HBARC_MeVcm * HBARC_MeVcm;
    expect(relDiff(sin2ThetaWWithChargeRadius(r2, 0), (Math.SQRT2 * Math.PI * ALPHA) / (3 * G_F_perMeV2))).toBeLessThan(1e-12);
  });
  it("TEXONO CsI: the 90% CL <r^2> interval (-2.1, 3.3)e-32 cm^2 spans 2 x 1.645 x the sin^2 error sqrt(0.031^2+0.024^2) (PRD 81 072001)", () => {
    const widthInS = (3.3e-32 - -2.1e-32) * CHARGE_RADIUS_SHIFT_perCm2;
    const expected = 2 * 1.645 * Math.hypot(0.031, 0.024);
    expect(relDiff(widthInS, expected)).toBeLessThan(0.02);
  });
  it("dSigmaWeakChargeRadiusDT is GEMMA (1) at the shifted s; zero radius changes nothing", () => {
    expect(dSigmaWeakChargeRadiusDT(1, 0.01, 0, 0.2312)).toBe(dSigmaWeakDT(1, 0.01, 0.2312));
    const r2 = 1e-32;
    expect(dSigmaWeakChargeRadiusDT(1, 0.01, r2, 0.2312)).toBe(dSigmaWeakDT(1, 0.01, 0.2312 + CHARGE_RADIUS_SHIFT_perCm2 * r2));
  });
});
