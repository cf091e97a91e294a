import { describe, expect, it } from "vitest";
import { SECONDS_PER_DAY } from "../../lib/constants.js";
import { CSI_TARGET, GERMANIUM_TARGET, makeTarget } from "../../lib/detector/targets.js";
import { GERMANIUM } from "../../lib/xsec/elements.js";
import { dSigmaMagneticFreeDT } from "../../lib/xsec/magneticMoment.js";
import { dSigmaWeakDT } from "../../lib/xsec/weak.js";

const rel = (a: number, b: number) => Math.abs(a / b - 1);

describe("targets", () => {
  it("Ge: Z = 32, A = 72.630 g/mol -> 2.6533e26 electrons/kg (Z N_A / A), 8.2915e24 atoms and nuclei per kg", () => {
    expect(rel(GERMANIUM_TARGET.electronsPerKg, 2.6533e26)).toBeLessThan(2e-5);
    expect(rel(GERMANIUM_TARGET.atomsPerKg, 8.2915e24)).toBeLessThan(2e-5);
    expect(GERMANIUM_TARGET.nucleiPerKg).toBe(GERMANIUM_TARGET.atomsPerKg);
    expect(GERMANIUM_TARGET.electronsPerKg / GERMANIUM_TARGET.atomsPerKg).toBeCloseTo(32, 12);
  });
  it("CsI: 259.810 g/mol, 108 electrons per formula unit -> 2.5033e26 electrons/kg, 2 nuclei per unit", () => {
    expect(CSI_TARGET.molarMass_gPerMol).toBeCloseTo(259.80992, 5);
    expect(rel(CSI_TARGET.electronsPerKg, (108 * 6.02214076e26) / 259.80992)).toBeLessThan(1e-8);
    expect(CSI_TARGET.electronsPerKg / 1e26).toBeCloseTo(2.5033, 4);
    expect(CSI_TARGET.nucleiPerKg).toBeCloseTo((2 * 6.02214076e26) / 259.80992, -18);
  });
  it("makeTarget counts atoms of a compound", () => {
    const t = makeTarget("Ge2", [{ element: GERMANIUM, count: 2 }]);
    expect(rel(t.electronsPerKg, GERMANIUM_TARGET.electronsPerKg)).toBeLessThan(1e-15);
  });
});

describe("GEMMA rate checks (GEMMA (1), (2) at the GEMMA flux 2.7e13 /cm^2/s, Ge electrons)", () => {
  const flux = 2.7e13;
  const perKeVkgDay = (dsdT_cm2PerMeV: number) => flux * GERMANIUM_TARGET.electronsPerKg * dsdT_cm2PerMeV * 1e-3 * SECONDS_PER_DAY;
  it("EM (mu = 1e-10 mu_B, T << E) = 1.544/T[keV] counts/(keV kg day)", () => {
    for (const tKeV of [1, 3, 10]) expect(perKeVkgDay(dSigmaMagneticFreeDT(1e3, tKeV * 1e-3, 1e-10)) * tKeV).toBeCloseTo(1.544, 3);
  });
  it("weak (T << E, s = 0.2312) ~ 6.3e-3 counts/(keV kg day)", () => {
    expect(perKeVkgDay(dSigmaWeakDT(1e3, 1e-6, 0.2312))).toBeCloseTo(6.3e-3, 4);
  });
});
