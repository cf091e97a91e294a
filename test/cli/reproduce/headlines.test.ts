import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { headlines } from "../../../lib/cli/reproduce/headlines.js";

// The main job's comparison table: each row's project number against the published one, within the
// differences the notebooks explain (fluxes ~1 %, CsI(Tl) numbers ~0.5-8 %; the limits are not
// reproduced, and the test pins the reason: an expected limit above the published observed one).
describe("headlines of nuem reproduce", () => {
  const rows = headlines();
  const row = (q: RegExp) => {
    const r = rows.find((h) => q.test(h.quantity));
    if (!r) throw new Error(`no row ${q}`);
    return r;
  };
  it("every row names its source and notebook", () => {
    expect(rows.length).toBeGreaterThanOrEqual(10);
    for (const r of rows) {
      expect(r.source.length).toBeGreaterThan(5);
      expect(r.notebook).toMatch(/^\d\d-/);
    }
  });
  it("fluxes: GEMMA 2.7e13 and TEXONO 6.4e12 within 1.5 % (notebook 01)", () => {
    for (const q of [/GEMMA antineutrino flux/, /TEXONO antineutrino flux/]) {
      const r = row(q);
      expect(Math.abs((r.project as number) / (r.published as number) - 1)).toBeLessThan(0.015);
    }
  });
  it("CsI(Tl): sin^2 theta_W 0.251 from xi = 1.08 within 0.002; the <r^2> interval ends within 5 % of -2.1e-32 and 3.3e-32", () => {
    expect(row(/sin\^2 theta_W from the published xi/).project as number).toBeCloseTo(0.251, 2);
    const [lo, hi] = String(row(/charge radius/).project).split(" .. ").map(Number);
    expect(lo / -2.1e-32).toBeGreaterThan(0.95);
    expect(lo / -2.1e-32).toBeLessThan(1.05);
    expect(hi / 3.3e-32).toBeGreaterThan(0.95);
    expect(hi / 3.3e-32).toBeLessThan(1.05);
  });
  it("the GEMMA free-electron limits the project expects lie above the published 3.2e-11 (notebook 09: the OFF curve's errors)", () => {
    // Upper sanity bound: twice the median mu_90 of the full procedure's pseudo-experiments at mu = 0
    // (data/coverage); a single event-level dataset is one draw (seed 11: +1.8 sigma, notebook 09).
    const fullMedian = JSON.parse(readFileSync("data/coverage/gemma-full-mu0.json", "utf8")).median_mu_upper_mub as number;
    for (const r of rows.filter((h) => /GEMMA mu_nu 90 % CL, free electrons/.test(h.quantity))) {
      expect(r.project as number).toBeGreaterThan(3.2e-11);
      expect(r.project as number).toBeLessThan(2 * fullMedian);
    }
  });
  it("no row calls a section (K fixed) the paper's procedure; the procedure rows quote toys and coverage", () => {
    for (const r of rows) {
      const text = `${r.quantity} ${r.note}`;
      if (/paper's procedure/.test(text)) expect(text).not.toMatch(/section|K = 1|fixed K|reproduces/);
    }
    for (const q of [/GEMMA .*the paper's procedure/, /TEXONO .*the paper's procedure/, /GEMMA .*the full procedure/, /TEXONO .*the full procedure/]) {
      expect(row(q).note).toMatch(/P\(mu_90 <= [0-9.e-]+\) = [0-9.]+ \+- [0-9.]+ \(\d+ toys\)/);
      expect(row(q).note).toMatch(/coverage/);
    }
  });
  it("the EPA statistical reach lies in GEMMA's stated (2-3)e-12 band within 15 %", () => {
    const v = row(/atomic ionization/).project as number;
    expect(v).toBeGreaterThan(1.7e-12);
    expect(v).toBeLessThan(3.45e-12);
  });
});
