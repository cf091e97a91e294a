import { describe, expect, it } from "vitest";
import { experimentFlux } from "../../lib/reactor/index.js";

describe("experimentFlux", () => {
  it("reproduces the published GEMMA (2.7e13) and TEXONO (6.4e12) fluxes within 5 %, capture included", () => {
    expect(Math.abs(experimentFlux("gemma").ratio_to_published - 1)).toBeLessThan(0.05);
    expect(Math.abs(experimentFlux("texono").ratio_to_published - 1)).toBeLessThan(0.05);
  });
  it("splits the flux into fission and capture parts that add up", () => {
    const f = experimentFlux("gemma");
    expect(f.fission_flux_per_cm2_s + f.capture_flux_per_cm2_s).toBeCloseTo(f.flux_per_cm2_s, -8);
  });
  it("scales as 1/L^2 and with power: GEMMA-II / GEMMA = (3.1/3.0) (13.9/10.7)^2", () => {
    const ratio = experimentFlux("gemma2").flux_per_cm2_s / experimentFlux("gemma").flux_per_cm2_s;
    expect(ratio).toBeCloseTo((3.1 / 3.0) * (13.9 / 10.7) ** 2, 10);
  });
});
