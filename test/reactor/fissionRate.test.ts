import { describe, expect, it } from "vitest";
import { JOULE_PER_MeV } from "../../lib/constants.js";
import { checkFissionFractions, fissionRatePerS, isotropicFluxPerCm2s, meanEnergyPerFissionMeV } from "../../lib/reactor/fissionRate.js";
import { fissionData } from "../../lib/reactor/fissionData.js";
import { reference } from "./simpson.js";

const ONLY = (q: number) => ({ U235: q, U238: q, Pu239: q, Pu241: q });

describe("fission rate from thermal power", () => {
  it("3 GW / 205 MeV = 9.13e19 fissions per second (by hand: 3e9 / (205 × 1.602e-13))", () => {
    expect(fissionRatePerS(3, undefined, ONLY(205))).toBeCloseTo(9.1339e19, -15);
    expect(fissionRatePerS(3, undefined, ONLY(205)) / reference.fissionRate3GW205MeV).toBeCloseTo(1, 14);
  });
  it("default mix: Daya Bay fractions × Ma et al. energies = 205.97 MeV per fission", () => {
    expect(meanEnergyPerFissionMeV()).toBeCloseTo(reference.meanQDayaBayMa, 12);
    expect(meanEnergyPerFissionMeV()).toBeCloseTo(205.965, 3);
    expect(fissionRatePerS(1)).toBeCloseTo(1e9 / (205.96532 * JOULE_PER_MeV), -12);
  });
  it("the data table holds Ma et al. energies and Daya Bay fractions", () => {
    const d = fissionData();
    expect(d.energyPerFissionMeV).toEqual({ U235: 202.36, U238: 205.99, Pu239: 211.12, Pu241: 214.26 });
    expect(d.typicalFissionFractions).toEqual({ U235: 0.564, U238: 0.076, Pu239: 0.304, Pu241: 0.056 });
  });
  it("fractions can be overridden (pure 235U: 202.36 MeV)", () => {
    expect(meanEnergyPerFissionMeV({ U235: 1, U238: 0, Pu239: 0, Pu241: 0 })).toBe(202.36);
  });
  it("rejects fractions that do not sum to 1, missing isotopes, negative power", () => {
    expect(() => checkFissionFractions({ U235: 0.5, U238: 0.1, Pu239: 0.3, Pu241: 0.05 })).toThrow(/sum to 1, got 0.95/);
    expect(() => checkFissionFractions({ U235: 1 })).toThrow(/U238 must be a finite non-negative number/);
    expect(() => checkFissionFractions({ U235: 0.6, U238: 0.1, Pu239: 0.3, Pu241: 0, Th232: 0 } as never)).toThrow(/unknown isotope "Th232"/);
    expect(() => fissionRatePerS(-1)).toThrow(/thermal power/);
  });
});

describe("isotropic flux", () => {
  it("Φ = S / (4π L^2): 1e20 /s at 10 m gives 7.9577e12 /cm^2/s", () => {
    expect(isotropicFluxPerCm2s(1e20, 1000)).toBeCloseTo(1e20 / (4 * Math.PI * 1e6), -6);
    expect(isotropicFluxPerCm2s(1e20, 1000)).toBeCloseTo(7.9577e12, -9);
  });
  it("rejects a non-positive distance", () => {
    expect(() => isotropicFluxPerCm2s(1, 0)).toThrow(/distance/);
  });
});
