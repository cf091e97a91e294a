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
    expect(find("Savannah River (Vogel-Engel reanalysis)")).toMatchObject({ kind: "effect", value: 4e-10, valueLow: 2e-10, cl: null });
  });
  it("mark what could not be verified", () => {
    expect(find("XENONnT")?.verified).toBe("unverified");
    expect(find("CONUS")?.verified).toBe("unverified");
    expect(find("Dresden-II (reanalyses)")?.verified).toBe("unverified");
    expect(find("MUNU (Bugey) final")).toMatchObject({ value: 9e-11, verified: "abstract" });
  });
  it("Savannah River reported an effect, not a limit: the envelope of limits starts with Krasnoyarsk", () => {
    const best = bestLimitByYear(mu, (l) => l.neutrinoSource === "reactor");
    expect(best[0]).toMatchObject({ year: 1992, experiment: "Krasnoyarsk" });
    expect(mu.filter((l) => l.kind === "effect").map((l) => l.experiment)).toEqual(["Savannah River (Vogel-Engel reanalysis)"]);
  });
  it("the best reactor limit falls with time to GEMMA's 2.9e-11 (2012), then CONUS's is not lower", () => {
    const best = bestLimitByYear(mu, (l) => l.neutrinoSource === "reactor");
    for (let i = 1; i < best.length; i++) expect(best[i].value).toBeLessThan(best[i - 1].value);
    expect(best[best.length - 1]).toMatchObject({ year: 2012, value: 2.9e-11 });
  });
  it("milli-charge table: Gninenko et al. 2007, Studenikin 2014, Brudanin et al. 2014, Chen et al. 2014", () => {
    const mq = loadMilliChargeLimits();
    const byExp = (e: string) => mq.find((l) => l.experiment === e);
    expect(byExp("TEXONO (Gninenko et al.)")).toMatchObject({ year: 2007, value: 3.7e-12 });
    expect(byExp("GEMMA (Studenikin)")).toMatchObject({ year: 2014, value: 1.5e-12 });
    expect(byExp("GEMMA (Brudanin et al.)")).toMatchObject({ year: 2014, value: 2.7e-12, cl: 0.9 });
    expect(byExp("TEXONO + GEMMA (Chen et al.)")).toMatchObject({ year: 2014, value: 1.0e-12, cl: 0.9 });
    expect(mq.every((l) => l.kind === "limit")).toBe(true);
  });
});
