import { describe, expect, it } from "vitest";
import { dSigmaMagneticEPADT } from "../../lib/xsec/atomicIonizationEPA.js";
import { dSigmaWeakChargeRadiusDT } from "../../lib/xsec/chargeRadius.js";
import { dSigmaCevnsDT } from "../../lib/xsec/cevns.js";
import { dSigmaMagneticFreeDT } from "../../lib/xsec/magneticMoment.js";
import { dSigmaMillichargeFreeDT } from "../../lib/xsec/millicharge.js";
import { ionizationEnergyMeV } from "../../lib/xsec/quenching.js";
import { PROCESSES, type XsecParams, bindProcess, getProcess, processNames } from "../../lib/xsec/registry.js";
import { dSigmaMagneticSteppingDT } from "../../lib/xsec/stepping.js";

const params: XsecParams = { muNu_muB: 1e-11, deltaQ_e: 1e-12, neutrinoMassMeV: 1e-7, sin2ThetaW: 0.2312, chargeRadius2_cm2: 1e-32 };

describe("process registry", () => {
  it("names and what each is per", () => {
    expect(processNames().sort()).toEqual(
      ["cevns", "cevns-ee", "em-epa", "em-fe", "em-stepping", "millicharge", "millicharge-epa", "millicharge-stepping", "millicharge-interference", "millicharge-interference-stepping", "weak", "weak-stepping"].sort(),
    );
    const per = Object.fromEntries(processNames().map((n) => [n, PROCESSES[n].per]));
    expect(per).toEqual({
      weak: "electron",
      "weak-stepping": "atom",
      "em-fe": "electron",
      "em-epa": "atom",
      "em-stepping": "atom",
      millicharge: "electron",
      "millicharge-stepping": "atom",
      "millicharge-epa": "atom",
      "millicharge-interference": "electron",
      "millicharge-interference-stepping": "atom",
      cevns: "nucleus",
      "cevns-ee": "nucleus",
    });
  });
  it("dispatches to the scalar functions with the parameters", () => {
    const e = 2;
    const t = 3e-3;
    expect(getProcess("weak").dSigmaDT(e, t, params)).toBe(dSigmaWeakChargeRadiusDT(e, t, 1e-32, 0.2312));
    expect(getProcess("em-fe").dSigmaDT(e, t, params)).toBe(dSigmaMagneticFreeDT(e, t, 1e-11));
    expect(getProcess("em-epa").dSigmaDT(e, t, params)).toBe(dSigmaMagneticEPADT(e, t, 1e-11));
    expect(getProcess("em-stepping").dSigmaDT(e, t, params)).toBe(dSigmaMagneticSteppingDT(e, t, 1e-11));
    expect(getProcess("millicharge").dSigmaDT(e, t, params)).toBe(dSigmaMillichargeFreeDT(e, t, 1e-12));
    expect(getProcess("cevns").dSigmaDT(e, 1e-4, params)).toBe(dSigmaCevnsDT(e, 1e-4, { sin2ThetaW: 0.2312 }));
    expect(bindProcess("em-fe", params)(e, t)).toBe(dSigmaMagneticFreeDT(e, t, 1e-11));
  });
  it("every process is zero at T <= 0 and beyond its tMaxMeV, non-zero just below (positive but for the interference, negative at delta_Q > 0)", () => {
    for (const name of processNames()) {
      const p = getProcess(name);
      for (const e of [1, 4]) {
        const tm = p.tMaxMeV(e, params);
        expect(p.dSigmaDT(e, 0, params)).toBe(0);
        expect(p.dSigmaDT(e, -1e-3, params)).toBe(0);
        expect(p.dSigmaDT(e, tm * (1 + 1e-9), params)).toBe(0);
        const below = p.dSigmaDT(e, tm * (1 - 1e-9), params);
        if (name.includes("interference")) expect(below).toBeLessThan(0);
        else if (!name.includes("epa") || tm < 1) expect(below).toBeGreaterThan(0);
      }
    }
  });
  it("cevns-ee's end point is the quenched nuclear end point", () => {
    expect(getProcess("cevns-ee").tMaxMeV(4, {})).toBeCloseTo(ionizationEnergyMeV(getProcess("cevns").tMaxMeV(4, {})), 15);
  });
  it("unknown names and a missing neutrino mass for millicharge-epa are errors", () => {
    expect(() => getProcess("magnetic")).toThrow(/known: weak/);
    expect(() => getProcess("millicharge-epa").dSigmaDT(2, 1e-3, { deltaQ_e: 1e-12 })).toThrow(/neutrinoMassMeV/);
  });
  it("defaults: zero moment and charge give zero; default sin^2 theta_W is used when not given", () => {
    expect(getProcess("em-fe").dSigmaDT(2, 1e-3, {})).toBe(0);
    expect(getProcess("millicharge").dSigmaDT(2, 1e-3, {})).toBe(0);
    expect(getProcess("weak").dSigmaDT(2, 1e-3, {})).toBeGreaterThan(0);
  });
});
