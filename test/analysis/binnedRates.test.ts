import { describe, expect, it } from "vitest";
import { binAveragedRate, experimentNameOf, modelFluxPerCm2s, responseSpec } from "../../lib/analysis/binnedRates.js";
import { experimentRate } from "../../lib/rates/experimentRate.js";

describe("binAveragedRate", () => {
  const edges = Float64Array.from({ length: 261 }, (_, i) => 3 + 0.2 * i); // 3-55 keV

  it("for narrow bins equals experimentRate (with the full response) at the bin centres to (w/T)^2 / 12", () => {
    const avg = binAveragedRate("gemma", "em-fe", edges, { params: { muNu_muB: 1e-11 }, response: "full" });
    const centres = Float64Array.from({ length: 260 }, (_, i) => 3.1 + 0.2 * i);
    const at = experimentRate("gemma", "em-fe", centres, { params: { muNu_muB: 1e-11 }, response: true });
    // For a 1/T spectrum the bin average exceeds the centre value by (w/T)^2/12 (Taylor), < 4e-4 here;
    // the folding grids of the two calls differ at the 1e-3 level.
    for (let i = 0; i < 260; i += 7) expect(Math.abs(avg[i] / at[i] - 1)).toBeLessThan(2e-3);
  });

  it("the corrected (no efficiency) and full responses differ only below the efficiency edge (2.0 keV, width 0.3 keV)", () => {
    const low = Float64Array.from([1.5, 1.7, 1.9, 2.1, 2.3, 2.5, 3.5, 4.5]);
    const c = binAveragedRate("gemma", "em-fe", low, { params: { muNu_muB: 1e-11 }, response: "corrected" });
    const f = binAveragedRate("gemma", "em-fe", low, { params: { muNu_muB: 1e-11 }, response: "full" });
    expect(f[0] / c[0]).toBeLessThan(0.3); // 1.5-1.7 keV: eta ~ 0.1-0.2
    expect(f[6] / c[6]).toBeCloseTo(1, 4); // 3.5-4.5 keV: eta = 1
    expect(responseSpec("gemma", "corrected").thresholdKeV).toBeUndefined();
  });

  it("gives finite atomic-ionization (EPA) rates down to 1.5 keV, equal to experimentRate's folded rate at the bin centres above 2 keV", () => {
    const low = Float64Array.from({ length: 11 }, (_, i) => 1.5 + 0.2 * i);
    const epa = binAveragedRate("gemma", "em-epa", low, { params: { muNu_muB: 1e-11 }, response: "full" });
    expect(epa.every((v) => Number.isFinite(v) && v > 0)).toBe(true);
    const centres = [2.2, 2.6, 3.0];
    const at = experimentRate("gemma", "em-epa", centres, { params: { muNu_muB: 1e-11 }, response: true });
    // EPA falls steeply (~T^-3.5 here): the bin average exceeds the centre value by ~(w/T)^2 ~ 1 %.
    centres.forEach((c, j) => expect(epa[Math.round((c - 1.6) / 0.2)] / at[j]).toBeCloseTo(1, 1));
  });

  it("maps file names to experiments and computes the GEMMA flux near the published 2.7e13 /cm^2/s", () => {
    expect(experimentNameOf("GEMMA")).toBe("gemma");
    expect(experimentNameOf("GEMMA-II")).toBe("gemma2");
    expect(() => experimentNameOf("munu")).toThrow(/one of gemma, gemma2, texono/);
    expect(Math.abs(modelFluxPerCm2s("gemma") / 2.7e13 - 1)).toBeLessThan(0.02);
  });
});
