import { describe, expect, it } from "vitest";
import { M_ELECTRON_MeV, R0_ELECTRON_cm } from "../../lib/constants.js";
import { comptonContinuum, comptonEdgeKeV } from "../../lib/sim/kleinNishina.js";

/** Total Klein-Nishina cross section, cm^2 (Evans, The Atomic Nucleus, ch. 23 eq. 4.4). */
function sigmaKN_cm2(energyKeV: number): number {
  const k = energyKeV / 1000 / M_ELECTRON_MeV;
  const l = Math.log(1 + 2 * k);
  return 2 * Math.PI * R0_ELECTRON_cm ** 2 * (((1 + k) / (k * k)) * ((2 * (1 + k)) / (1 + 2 * k) - l / k) + l / (2 * k) - (1 + 3 * k) / (1 + 2 * k) ** 2);
}

describe("Klein-Nishina Compton continuum", () => {
  it("Compton edges of the noble-gas lines: 81 keV -> 19.5 keV, 1293.6 keV -> 1080 keV (2E^2/(m+2E))", () => {
    expect(comptonEdgeKeV(80.9979)).toBeCloseTo((2 * 80.9979 ** 2) / (510.99895 + 2 * 80.9979), 9);
    expect(comptonEdgeKeV(80.9979)).toBeCloseTo(19.5, 2);
    expect(comptonEdgeKeV(1293.64)).toBeCloseTo(1080.3, 1);
  });
  it("the recoil spectrum integrates to the total Klein-Nishina cross section (two ways, 0.1 %)", () => {
    for (const e of [81, 250, 1294]) {
      const s = comptonContinuum(e, 4000);
      const k = e / 1000 / M_ELECTRON_MeV;
      // dsigma/dT = pi r0^2 / (m_e k^2) * shape(T), T in MeV -> the tabulated integral is over keV.
      const fromShape = ((Math.PI * R0_ELECTRON_cm ** 2) / (M_ELECTRON_MeV * k * k)) * (s.total / 1000);
      expect(fromShape / sigmaKN_cm2(e)).toBeCloseTo(1, 3);
    }
  });
});
