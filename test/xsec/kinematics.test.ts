import { describe, expect, it } from "vitest";
import { M_ELECTRON_MeV } from "../../lib/constants.js";
import { eNuMinMeV, isKinematicallyAllowed, tMaxMeV } from "../../lib/xsec/kinematics.js";

describe("kinematics", () => {
  it("tMaxMeV(1 MeV) = 2/(m_e + 2) on an electron", () => {
    expect(tMaxMeV(1)).toBeCloseTo(2 / (M_ELECTRON_MeV + 2), 15);
    expect(tMaxMeV(1)).toBeCloseTo(0.7964958, 7);
  });
  it("eNuMinMeV inverts tMaxMeV (electron and a Ge nucleus)", () => {
    for (const e of [0.01, 0.3, 1, 2.5, 8]) {
      expect(eNuMinMeV(tMaxMeV(e)) / e).toBeCloseTo(1, 12);
      expect(eNuMinMeV(tMaxMeV(e, 67600), 67600) / e).toBeCloseTo(1, 9);
    }
  });
  it("T << m_e: E_min ~ sqrt(m_e T / 2)", () => {
    expect(eNuMinMeV(1e-6) / Math.sqrt((M_ELECTRON_MeV * 1e-6) / 2)).toBeCloseTo(1, 2);
  });
  it("isKinematicallyAllowed is 0 < T <= T_max", () => {
    expect(isKinematicallyAllowed(1, 0)).toBe(false);
    expect(isKinematicallyAllowed(1, tMaxMeV(1))).toBe(true);
    expect(isKinematicallyAllowed(1, tMaxMeV(1) * (1 + 1e-12))).toBe(false);
  });
});
