import { describe, expect, it } from "vitest";
import { ALPHA, M_ELECTRON_MeV } from "../../lib/constants.js";
import { EPA_COEFFICIENT_FROM_ALPHA_perMeV2, EPA_COEFFICIENT_perMeV2, dSigmaMagneticEPADT } from "../../lib/xsec/atomicIonizationEPA.js";
import { tMaxMeV } from "../../lib/xsec/kinematics.js";
import { dSigmaMagneticFreeDT } from "../../lib/xsec/magneticMoment.js";
import { gePhotoabsorption_cm2PerAtom } from "../../lib/xsec/photoabsorption.js";
import { HBARC2_cm2MeV2 } from "../../lib/xsec/units.js";
import { REF, relDiff } from "./reference.js";

const keV = (k: number) => k * 1e-3;

describe("magnetic-moment atomic ionization, EPA, GEMMA (11)", () => {
  it("r0^2/(pi alpha) with r0 in natural units equals alpha/(pi m_e^2) = 8.8956e-3 MeV^-2", () => {
    expect(relDiff(EPA_COEFFICIENT_perMeV2, EPA_COEFFICIENT_FROM_ALPHA_perMeV2)).toBeLessThan(1e-6);
    expect(EPA_COEFFICIENT_perMeV2).toBeCloseTo(8.8956e-3, 6);
  });
  it("dimension: equals (mu^2/pi^2)(E^2/T) sigma_gamma with mu = kappa e/(2 m_e), e^2 = 4 pi alpha (MeV^-2 x MeV x cm^2 = cm^2/MeV)", () => {
    const kappa = 3e-11;
    const mu2 = (kappa * kappa * 4 * Math.PI * ALPHA) / (4 * M_ELECTRON_MeV * M_ELECTRON_MeV); // MeV^-2
    for (const [e, t] of [
      [1, keV(1)],
      [3, keV(2.5)],
      [6, keV(20)],
    ]) {
      const expected = (mu2 / (Math.PI * Math.PI)) * ((e * e) / t) * gePhotoabsorption_cm2PerAtom(t);
      expect(relDiff(dSigmaMagneticEPADT(e, t, kappa), expected)).toBeLessThan(1e-6);
    }
  });
  it("matches the scipy reference (spline-interpolated Elam table)", () => {
    for (const r of REF.epa) expect(relDiff(dSigmaMagneticEPADT(r.eNuMeV, r.tMeV, r.mu), r.value)).toBeLessThan(1e-9);
  });
  it("EPA / (Z x FE) = E^2 sigma_gamma/(pi^2 alpha (hbar c)^2 Z) x 1/(1 - T/E): 254 at 1 keV, 1 MeV", () => {
    const e = 1;
    const t = keV(1);
    const ratio = dSigmaMagneticEPADT(e, t, 1e-11) / (32 * dSigmaMagneticFreeDT(e, t, 1e-11));
    const closed = (e * e * gePhotoabsorption_cm2PerAtom(t)) / (Math.PI * Math.PI * ALPHA * HBARC2_cm2MeV2 * 32) / (1 - t / e);
    expect(relDiff(ratio, closed)).toBeLessThan(1e-9);
    expect(ratio).toBeCloseTo(253.9, 0);
  });
  it("two to three orders of magnitude above Z x FE at 1-3 keV for reactor energies (GEMMA Fig. 7): E = 2 MeV gives 5e2 - 4e3", () => {
    for (const k of [1, 1.1, 1.3, 1.5, 2, 2.5, 3]) {
      const r = dSigmaMagneticEPADT(2, keV(k), 1e-11) / (32 * dSigmaMagneticFreeDT(2, keV(k), 1e-11));
      expect(Math.log10(r)).toBeGreaterThan(2.5);
      expect(Math.log10(r)).toBeLessThan(3.6);
    }
  });
  it("grows as E^2 at fixed T (the signature of holding the photon-like response up to Q^2 ~ 4E^2)", () => {
    expect(dSigmaMagneticEPADT(4, keV(2), 1e-11) / dSigmaMagneticEPADT(2, keV(2), 1e-11)).toBeCloseTo(4, 12);
  });
  it("zero outside 0 < T <= T_max; Kissel table available", () => {
    expect(dSigmaMagneticEPADT(0.01, tMaxMeV(0.01) * 1.001, 1e-11)).toBe(0);
    expect(dSigmaMagneticEPADT(1, 0, 1e-11)).toBe(0);
    expect(relDiff(dSigmaMagneticEPADT(2, keV(3), 1e-11, "kissel"), dSigmaMagneticEPADT(2, keV(3), 1e-11))).toBeLessThan(0.01);
  });
});
