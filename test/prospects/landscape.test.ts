import { describe, expect, it } from "vitest";
import { bestLimitByYear, loadMagneticMomentLimits, loadMilliChargeLimits } from "../../lib/prospects/landscape.js";

describe("landscape tables", () => {
  const mu = loadMagneticMomentLimits();
  const find = (name: string) => mu.find((l) => l.experiment === name);
  it("hold the seed talk's reactor limits", () => {
    expect(find("Krasnoyarsk")).toMatchObject({ value: 2.4e-10, cl: 0.9, verified: "seed" });
    expect(find("Rovno")).toMatchObject({ value: 1.9e-10, cl: 0.95, verified: "seed" });
    expect(find("MUNU (Bugey)")).toMatchObject({ value: 1.0e-10, verified: "seed" });
    expect(find("GEMMA (AHEP 2012)")).toMatchObject({ value: 2.9e-11, verified: "seed" });
    expect(find("Savannah River (Vogel-Engel reanalysis)")).toMatchObject({ value: 4e-10, valueLow: 2e-10, cl: null });
  });
  it("mark what could not be verified", () => {
    expect(find("XENONnT")?.verified).toBe("analysis-md");
    expect(find("CONUS")?.verified).toBe("analysis-md");
    expect(find("MUNU (Bugey) final")).toMatchObject({ value: 9e-11, verified: "abstract" });
  });
  it("the best reactor limit falls with time to GEMMA's 2.9e-11 (2012), then CONUS's is not lower", () => {
    const best = bestLimitByYear(mu, (l) => l.neutrinoSource === "reactor");
    for (let i = 1; i < best.length; i++) expect(best[i].value).toBeLessThan(best[i - 1].value);
    expect(best[best.length - 1]).toMatchObject({ year: 2012, value: 2.9e-11 });
  });
  it("milli-charge table: Chen et al. 2014, 1.0e-12 e", () => {
    expect(loadMilliChargeLimits()[0]).toMatchObject({ year: 2014, value: 1.0e-12, cl: 0.9 });
  });
});
