import { describe, expect, it } from "vitest";
import {
  antineutrinosPerFission,
  fissionSpectrum,
  fissionSpectrumFunction,
  fissionSpectrumOnGrid,
} from "../../lib/reactor/fissionSpectrum.js";
import { FISSION_ISOTOPES } from "../../lib/reactor/isotopes.js";
import { spectrumCoefficients } from "../../lib/reactor/spectrumCoefficients.js";
import { histogramIntegral, summationFissionHistograms } from "../../lib/reactor/summationTables.js";
import { reference, simpson } from "./simpson.js";

const HM_ROW = { U235: "huber", U238: "mueller", Pu239: "huber", Pu241: "huber" } as const;

describe("fissionSpectrum: the exp-polynomial fits", () => {
  it("matches the coefficients typed in from the papers (scipy script) at 2, 3, 5, 8 MeV", () => {
    for (const iso of FISSION_ISOTOPES) {
      for (const e of [2, 3, 5, 8]) {
        expect(fissionSpectrum(iso, e, "huber-mueller")).toBeCloseTo(reference.fitValues[`${HM_ROW[iso]}/${iso}`][`${e}.0`], 12);
        expect(fissionSpectrum(iso, e, "vogel-engel")).toBeCloseTo(reference.fitValues[`vogel-engel/${iso}`][`${e}.0`], 12);
      }
    }
  });
  it("Huber 235U at 3 MeV: exp(sum a_k 3^k) = 0.65577 /(MeV fission), by hand", () => {
    // 4.367 - 13.731 + 18.9 - 14.2938 + 5.01066 - 0.674811 = -0.421951
    expect(fissionSpectrum("U235", 3)).toBeCloseTo(Math.exp(-0.421951), 12);
  });
  it("uses Huber Table III for 235U/239Pu/241Pu and Mueller Table VI for 238U", () => {
    expect(spectrumCoefficients("huber-mueller", "U235").source).toMatch(/Huber PRC 84 024617/);
    expect(spectrumCoefficients("huber-mueller", "U238").source).toMatch(/Mueller PRC 83 054615/);
    expect(spectrumCoefficients("vogel-engel", "Pu241").coefficients.length).toBe(3);
  });
  it("the vectorised version equals the scalar one", () => {
    const grid = Float64Array.from({ length: 400 }, (_, i) => i * 0.03);
    for (const lowEnergy of ["summation", "extrapolate", "none"] as const) {
      const v = fissionSpectrumOnGrid("Pu239", grid, "huber-mueller", { lowEnergy });
      grid.forEach((e, i) => expect(v[i]).toBe(fissionSpectrum("Pu239", e, "huber-mueller", { lowEnergy })));
    }
  });
  it("is zero below 0 and above eMax (default 10 MeV)", () => {
    expect(fissionSpectrum("U235", -0.1)).toBe(0);
    expect(fissionSpectrum("U235", 10.01)).toBe(0);
    expect(fissionSpectrum("U235", 9.99)).toBeGreaterThan(0);
    expect(fissionSpectrum("U235", 11, "huber-mueller", { eMaxMeV: 12 })).toBeGreaterThan(0);
  });
});

describe("antineutrinosPerFission in the fit range, against an independent quadrature", () => {
  it("235U (Huber) 2-8 MeV: Gauss-Legendre = scipy quad = Simpson = 1.687 per fission", () => {
    const ours = antineutrinosPerFission("U235", "huber-mueller", {}, 2, 8);
    expect(ours).toBeCloseTo(reference.fitIntegrals["huber/U235"]["2-8"], 10);
    const f = fissionSpectrumFunction("U235");
    expect(simpson(f, 2, 8)).toBeCloseTo(ours, 10);
    expect(ours).toBeCloseTo(1.6872, 4);
  });
  it("235U (Huber) 1.8-8 MeV with the fit continued to 1.8 MeV: 1.974 per fission (scipy)", () => {
    const ours = antineutrinosPerFission("U235", "huber-mueller", { lowEnergy: "extrapolate" }, 1.8, 8);
    expect(ours).toBeCloseTo(reference.fitIntegrals["huber/U235"]["1.8-8"], 10);
  });
  it("every isotope and model, 2-8 MeV, agrees with scipy to 1e-10", () => {
    for (const iso of FISSION_ISOTOPES) {
      expect(antineutrinosPerFission(iso, "huber-mueller", {}, 2, 8)).toBeCloseTo(reference.fitIntegrals[`${HM_ROW[iso]}/${iso}`]["2-8"], 10);
      expect(antineutrinosPerFission(iso, "vogel-engel", {}, 2, 8)).toBeCloseTo(reference.fitIntegrals[`vogel-engel/${iso}`]["2-8"], 10);
    }
  });
  it("'~6 antineutrinos per fission' (TEXONO talk: '~6 fission-nu per fission') is the total over all energies: above 1.8 MeV a fission gives only 1.5-2.5", () => {
    for (const iso of FISSION_ISOTOPES) {
      const above = antineutrinosPerFission(iso, "huber-mueller", { lowEnergy: "extrapolate" }, 1.8, 10);
      expect(above).toBeGreaterThan(1.4);
      expect(above).toBeLessThan(2.6);
      const total = antineutrinosPerFission(iso, "huber-mueller");
      expect(total).toBeGreaterThan(5.4);
      expect(total).toBeLessThan(7.3);
    }
  });
});

describe("low-energy options", () => {
  it('"summation" below 2 MeV adds exactly the BESTIOLE histogram content (235U: 4.50 per fission)', () => {
    const h = summationFissionHistograms().U235;
    const low = histogramIntegral(h, 0, 2);
    expect(low).toBeCloseTo(4.5033, 3);
    expect(antineutrinosPerFission("U235") - antineutrinosPerFission("U235", "huber-mueller", { lowEnergy: "none" })).toBeCloseTo(low, 10);
  });
  it('"none" is zero below the junction, "extrapolate" follows the fit', () => {
    expect(fissionSpectrum("U238", 1.5, "huber-mueller", { lowEnergy: "none" })).toBe(0);
    expect(fissionSpectrum("U238", 1.5, "huber-mueller", { lowEnergy: "extrapolate" })).toBeCloseTo(Math.exp(0.4833 + 0.1927 * 1.5 - 0.1283 * 2.25 - 0.006762 * 3.375 + 0.002233 * 5.0625 - 0.0001536 * 7.59375), 12);
  });
  it('"extrapolate" is absurd for the 5th-order Huber fit (235U: 22.8 per fission below 2 MeV, S(0) = 79/MeV) but sane for Vogel-Engel', () => {
    expect(antineutrinosPerFission("U235", "huber-mueller", { lowEnergy: "extrapolate" }, 0, 2)).toBeCloseTo(reference.fitIntegrals["huber/U235"]["0-2"], 8);
    expect(fissionSpectrum("U235", 0, "huber-mueller", { lowEnergy: "extrapolate" })).toBeCloseTo(Math.exp(4.367), 10);
    const ve = antineutrinosPerFission("U235", "vogel-engel", { lowEnergy: "extrapolate" }, 0, 2);
    expect(ve).toBeCloseTo(reference.fitIntegrals["vogel-engel/U235"]["0-2"], 8);
    expect(ve).toBeGreaterThan(3);
    expect(ve).toBeLessThan(5);
  });
  it("the summation table meets the conversion fit at 2 MeV to within 10 % (summation/conversion gap)", () => {
    for (const iso of FISSION_ISOTOPES) {
      const below = fissionSpectrum(iso, 1.99);
      const above = fissionSpectrum(iso, 2.0);
      expect(Math.abs(below / above - 1)).toBeLessThan(0.1);
    }
  });
  it("rejects unknown options and isotopes with clear errors", () => {
    expect(() => fissionSpectrum("U233" as never, 3)).toThrow(/unknown fission isotope "U233"/);
    expect(() => fissionSpectrum("U235", 3, "huber-mueller", { lowEnergy: "magic" as never })).toThrow(/lowEnergy/);
    expect(() => fissionSpectrum("U235", 3, "huber-mueller", { eJoinMeV: 4 })).toThrow(/eJoinMeV/);
    expect(() => fissionSpectrum("U235", 3, "nope" as never)).toThrow(/unknown spectrum model "nope"/);
  });
});
