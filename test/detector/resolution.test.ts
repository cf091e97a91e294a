import { describe, expect, it } from "vitest";
import { GE_FANO_FACTOR, GE_PAIR_ENERGY_MeV, fwhmFromSigma, germaniumResolution, resolutionSigmaMeV } from "../../lib/detector/resolution.js";

describe("germanium energy resolution sigma(E) = sqrt(sigma0^2 + F w E)", () => {
  it("w = 2.96 eV, F = 0.1", () => {
    expect(GE_PAIR_ENERGY_MeV).toBe(2.96e-6);
    expect(GE_FANO_FACTOR).toBe(0.1);
  });
  it("sigma(0) = sigma0; pure Fano term at 1.33 MeV gives FWHM = 2.355 sqrt(F w E) = 1.48 keV (60Co line)", () => {
    expect(resolutionSigmaMeV(0, 50e-6)).toBe(50e-6);
    expect(fwhmFromSigma(resolutionSigmaMeV(1.3325, 0)) * 1e3).toBeCloseTo(2 * Math.sqrt(2 * Math.LN2) * Math.sqrt(0.1 * 2.96e-6 * 1.3325) * 1e3, 12);
    expect(fwhmFromSigma(resolutionSigmaMeV(1.3325, 0)) * 1e3).toBeCloseTo(1.48, 2);
  });
  it("adds in quadrature; the function form equals the scalar one", () => {
    const s = germaniumResolution(80e-6);
    for (const e of [1e-3, 1e-2, 0.1]) {
      expect(s(e)).toBe(resolutionSigmaMeV(e, 80e-6));
      expect(s(e) ** 2).toBeCloseTo(80e-6 ** 2 + 0.1 * 2.96e-6 * e, 20);
    }
  });
  it("FWHM = 2 sqrt(2 ln 2) sigma", () => {
    expect(fwhmFromSigma(1)).toBeCloseTo(2.354820045, 9);
  });
});
