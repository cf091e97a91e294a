import { describe, expect, it } from "vitest";
import { Origin } from "../../lib/events/origin.js";
import { freeElectronClosedFormSignal, GE_ELECTRONS_PER_KG, magneticRateCoefficient, weakFlatRate } from "../../lib/sim/signal.js";

describe("closed-form free-electron signal", () => {
  it("electrons per kg of Ge: 2.6533e26 (Z N_A / A, A = 72.630 g/mol)", () => {
    expect(GE_ELECTRONS_PER_KG / 2.6533e26).toBeCloseTo(1, 4);
  });
  it("EM(mu = 1e-10) = 1.544 / T[keV] counts/(keV kg day) at the GEMMA flux 2.7e13 (GEMMA (2) at T << E)", () => {
    expect(magneticRateCoefficient(2.7e13) * 1e-20).toBeCloseTo(1.544, 3);
  });
  it("weak term ~6.3e-3 counts/(keV kg day) at 2.7e13, s = 0.2312 (GEMMA (1) at T << E, 1 %)", () => {
    expect(Math.abs(weakFlatRate(2.7e13, 0.2312) / 6.3e-3 - 1)).toBeLessThan(0.01);
  });
  it("gives the EM and weak components, labelled, on the default grid 0.3-100 keV", () => {
    const [em, weak] = freeElectronClosedFormSignal(3.2e-11);
    expect(em.origin).toBe(Origin.SIGNAL_EM);
    expect(weak.origin).toBe(Origin.SIGNAL_WEAK);
    expect(em.energiesKeV[0]).toBeCloseTo(0.3, 12);
    expect(em.energiesKeV[em.energiesKeV.length - 1]).toBe(100);
    // X = (3.2e-11 / 1e-11)^2 = 10.24: 0.01544 X / T
    const i = 200;
    expect(em.ratePerKeVKgDay[i] * em.energiesKeV[i]).toBeCloseTo(0.01544 * 10.24, 3);
    expect(freeElectronClosedFormSignal(0)[0].ratePerKeVKgDay.every((r) => r === 0)).toBe(true);
    expect(() => freeElectronClosedFormSignal(-1)).toThrow("muB must be");
  });
  it("scales with the flux given (TEXONO 6.4e12)", () => {
    const [em] = freeElectronClosedFormSignal(1e-10, { fluxPerCm2s: 6.4e12 });
    expect(em.ratePerKeVKgDay[0] * em.energiesKeV[0]).toBeCloseTo((1.544 * 6.4e12) / 2.7e13, 3);
  });
});
