import { describe, expect, it } from "vitest";
import { dSigmaMagneticFreeDT } from "../../lib/xsec/magneticMoment.js";
import { dSigmaMillichargeFreeDT } from "../../lib/xsec/millicharge.js";
import { germaniumActiveElectrons } from "../../lib/xsec/shells.js";
import { dSigmaMagneticSteppingDT, dSigmaMillichargeSteppingDT, dSigmaWeakSteppingDT } from "../../lib/xsec/stepping.js";
import { dSigmaWeakDT } from "../../lib/xsec/weak.js";

const keV = (k: number) => k * 1e-3;

describe("stepping approximation (Voloshin 2010; Kouzakov-Studenikin-Voloshin 2011)", () => {
  it("is the free-electron cross section times 32 above the K edge and 30 between L1 and K", () => {
    expect(dSigmaMagneticSteppingDT(2, keV(20), 1e-11) / dSigmaMagneticFreeDT(2, keV(20), 1e-11)).toBe(32);
    expect(dSigmaMagneticSteppingDT(2, keV(5), 1e-11) / dSigmaMagneticFreeDT(2, keV(5), 1e-11)).toBe(30);
    expect(dSigmaWeakSteppingDT(2, keV(5)) / dSigmaWeakDT(2, keV(5))).toBe(30);
    expect(dSigmaMillichargeSteppingDT(2, keV(1), 1e-12) / dSigmaMillichargeFreeDT(2, keV(1), 1e-12)).toBe(22);
  });
  it("never exceeds Z x FE, and is below it at every edge crossing", () => {
    for (let k = 0.01; k < 15; k *= 1.1) {
      const t = keV(k);
      expect(dSigmaMagneticSteppingDT(1, t, 1e-11)).toBeLessThanOrEqual(32 * dSigmaMagneticFreeDT(1, t, 1e-11) * (1 + 1e-15));
      expect(dSigmaMagneticSteppingDT(1, t, 1e-11)).toBe(germaniumActiveElectrons(t) * dSigmaMagneticFreeDT(1, t, 1e-11));
    }
  });
  it("zero outside the kinematic range", () => {
    expect(dSigmaMagneticSteppingDT(0.01, 0.01, 1e-11)).toBe(0);
    expect(dSigmaWeakSteppingDT(1, 0)).toBe(0);
  });
});
