import { describe, expect, it } from "vitest";
import { experimentConditions } from "../../lib/prospects/asimovConditions.js";
import { experimentSource } from "../../lib/rates/experimentRate.js";
import { binnedExperimentRate } from "../../lib/prospects/binnedRate.js";
import { loadMilliChargeLimits } from "../../lib/prospects/landscape.js";
import { expectedMilliChargeLimit, MILLICHARGE_EPA_CUTOFFS_MeV, PUBLISHED_MILLICHARGE_BOUND, texonoHpgeConditions } from "../../lib/prospects/milliCharge.js";

describe("milli-charge signal shapes", () => {
  it("free electrons at T << E: 2 pi alpha^2 dQ^2 / (m_e T^2) per electron x N_e x flux (closed form; 2.3 % lower from the 1 - T/E and m_e T/2E^2 terms, largest for the sub-MeV capture antineutrinos)", () => {
    const alpha = 1 / 137.035999;
    const hbarc = 1.9732698e-11; // MeV cm
    const pre = ((2 * Math.PI * alpha * alpha) / 0.51099895) * hbarc * hbarc * 1e-24; // cm^2 MeV, dQ = 1e-12
    const electronsPerKg = (32 * 6.02214076e23 * 1000) / 72.63;
    const phi = experimentSource("gemma").fluxPerCm2s.total;
    // <1/T^2> over [3, 4] keV = 1/12 keV^-2 = (1e6/12) MeV^-2; per keV of T: x 1e-3 MeV/keV.
    const closed = electronsPerKg * phi * 86400 * pre * (1e6 / 12) * 1e-3;
    const r = binnedExperimentRate("gemma", "millicharge", [3, 4], { deltaQ_e: 1e-12 })[0];
    expect(r / closed).toBeGreaterThan(0.97);
    expect(r / closed).toBeLessThanOrEqual(1);
  });
  it("the stepping approximation is 30/32 of the free-electron rate between the L1 and K edges", () => {
    const fe = binnedExperimentRate("gemma", "millicharge", [3, 4, 9], { deltaQ_e: 1e-12 });
    const st = binnedExperimentRate("gemma", "millicharge-stepping", [3, 4, 9], { deltaQ_e: 1e-12 });
    expect(st[0] / fe[0]).toBeCloseTo(30 / 32, 6);
    expect(st[1] / fe[1]).toBeCloseTo(30 / 32, 6);
  });
});

describe("expected milli-charge limits", () => {
  it("GEMMA, free electrons: between the published 1.0e-12 e (MCRRPA, with 300 eV TEXONO data) and 5e-12 e", () => {
    const r = expectedMilliChargeLimit(experimentConditions("gemma"), "fe");
    expect(r.upper).toBeGreaterThan(PUBLISHED_MILLICHARGE_BOUND.deltaQ_e);
    expect(r.upper).toBeLessThan(5e-12);
  });
  it("above the Ge K edge (TEXONO HPGe, 12-60 keV) free electrons and stepping agree (32 active electrons)", () => {
    const c = texonoHpgeConditions();
    expect(expectedMilliChargeLimit(c, "stepping").upper / expectedMilliChargeLimit(c, "fe").upper).toBeCloseTo(1, 4);
  });
  it("the EPA-like estimate's limit scales as ln(E/mu_c)^(-1/2) with the cut-off when the signal is negligible against the background", () => {
    const c = experimentConditions("gemma");
    const a = expectedMilliChargeLimit(c, "epa", { cutoffMeV: MILLICHARGE_EPA_CUTOFFS_MeV.plasmon }).upper;
    const b = expectedMilliChargeLimit(c, "epa", { cutoffMeV: MILLICHARGE_EPA_CUTOFFS_MeV.neutrinoMass }).upper;
    // ln(E E'/mu^2) at E ~ 1-2 MeV: 2 ln(E/mu); the ratio of logs at E = 1.5 MeV.
    const ratio = Math.sqrt(Math.log(1.5 / 16e-6) / Math.log(1.5 / 1e-7));
    expect(b / a).toBeGreaterThan(ratio * 0.97);
    expect(b / a).toBeLessThan(ratio * 1.03);
  });
  it("the published bound is the landscape table's Chen et al. 2014 row", () => {
    const row = loadMilliChargeLimits().find((l) => l.experiment === "TEXONO + GEMMA (Chen et al.)");
    expect(row?.value).toBe(PUBLISHED_MILLICHARGE_BOUND.deltaQ_e);
    expect(row?.verified).toBe("abstract");
  });
});
