import { describe, expect, it } from "vitest";
import { edgeJumps, GA_EC_LINES_keV, hydrogenicLOverKCapture, steppingJumpRatio1OverT2 } from "../../lib/prospects/edgeSignature.js";
import { siteRate } from "../../lib/prospects/binnedRate.js";

describe("edge signature of a milli-charge in the stepping approximation", () => {
  const jumps = edgeJumps("texono", "millicharge-stepping", { deltaQ_e: 1e-12 });
  it("each jump is n_i / 32 of the free-electron rate at the binding energy (per atom vs per electron)", () => {
    for (const j of jumps) {
      const fe = siteRate("texono", "millicharge", [j.bindingKeV], { deltaQ_e: 1e-12 })[0];
      expect(j.jump / ((j.electrons / 32) * fe)).toBeCloseTo(1, 3);
    }
  });
  it("the L edges together jump ~300 times more than the K edge: sum n/B^2 (T << E closed form, 307) within 6 %", () => {
    const l = jumps.filter((j) => j.shell !== "K").reduce((s, j) => s + j.jump, 0);
    const k = jumps[0].jump;
    const closed = steppingJumpRatio1OverT2(["L1", "L2", "L3"], ["K"]);
    expect(closed).toBeCloseTo(2 / 1.4146 ** 2 / (2 / 11.103 ** 2) + 2 / 1.2481 ** 2 / (2 / 11.103 ** 2) + 4 / 1.217 ** 2 / (2 / 11.103 ** 2), 6);
    expect(l / k / closed).toBeGreaterThan(1);
    expect(l / k / closed).toBeLessThan(1.06);
  });
  it("the jumps are steps: the rate stays up above each edge (no peak)", () => {
    for (const j of jumps) {
      const above = siteRate("texono", "millicharge-stepping", [j.bindingKeV * 1.05], { deltaQ_e: 1e-12 })[0];
      expect(above).toBeGreaterThan(j.below * Math.pow(1 / 1.05, 2) * 0.99);
    }
  });
});

describe("cosmogenic electron capture", () => {
  it("hydrogenic L/K capture ratio |psi_2s(0)|^2 / |psi_1s(0)|^2 = 1/8 (|psi_ns(0)|^2 ~ 1/n^3)", () => {
    const density = (n: number) => 1 / (Math.PI * n ** 3);
    expect(hydrogenicLOverKCapture()).toBeCloseTo(density(2) / density(1), 14);
  });
  it("lines at the Ga binding energies, K 10.367 and L1 1.299 keV (X-ray Data Booklet), not at the Ge edges", () => {
    expect(GA_EC_LINES_keV.K).toBe(10.367);
    expect(GA_EC_LINES_keV.L1).toBe(1.299);
  });
});
