import { describe, expect, it } from "vitest";
import { expectedSensitivity } from "../../lib/analysis/sensitivity.js";
import { experimentConditions, type AsimovConditions } from "../../lib/prospects/asimovConditions.js";
import { binAverages } from "../../lib/math/binAverages.js";
import { combineCouplingLimits, expectedCouplingLimit, processShape, type SignalShape } from "../../lib/prospects/couplingSensitivity.js";

/** A toy shape: s(T) = A / T^2 counts/(keV kg day) at the reference coupling, without response. */
const toyShape: SignalShape = { name: "toy", coupling: "c", reference: 1, binnedRate: (_c, e) => binAverages((t) => t.map((x) => 0.5 / (x * x)), e) };

describe("expectedCouplingLimit", () => {
  const cond: AsimovConditions = {
    label: "toy",
    site: "gemma",
    massKg: 2,
    periods: [{ name: "p", onDays: 300, offDays: 100 }],
    backgroundPerKeVKgDay: 1,
    roi: [[2, 20]],
    binKeV: 1,
    response: false,
    smProcesses: [],
    notes: [],
  };
  it("equals the closed form 1.6449 / sqrt(sum e_i^2 / (on_i + tau^2 off_i)) with K fixed, raw OFF and no systematic", () => {
    const r = expectedCouplingLimit(cond, toyShape, { profileK: false, off: "raw", relSyst: 0 });
    const e = binAverages((t) => t.map((x) => 0.5 / (x * x)), Array.from({ length: 19 }, (_, i) => 2 + i));
    const tau = 3;
    let info = 0;
    for (const s of e) {
      const ei = 300 * 2 * s; // T_ON m w s
      info += (ei * ei) / (1 * 2 * 300 + tau * tau * (1 * 2 * 100));
    }
    expect(r.xUpper / (1.6448536269514722 / Math.sqrt(info))).toBeCloseTo(1, 3);
    expect(r.upper).toBeCloseTo(Math.sqrt(r.xUpper), 12);
  });
  it("does not depend on the reference coupling of the shape (X = (c/ref)^2)", () => {
    const a = expectedCouplingLimit(experimentConditions("gemma"), processShape("mm", "em-fe", "muNu_muB", 1e-11));
    const b = expectedCouplingLimit(experimentConditions("gemma"), processShape("mm", "em-fe", "muNu_muB", 3e-11));
    expect(b.upper / a.upper).toBeCloseTo(1, 4);
  });
  it("with the magnetic shape reproduces expectedSensitivity (lib/analysis) for GEMMA to 0.5 % (bin averages vs centres)", () => {
    const a = expectedCouplingLimit(experimentConditions("gemma"), processShape("mm", "em-fe", "muNu_muB", 1e-11));
    const b = expectedSensitivity("gemma");
    expect(a.upper / b.mu_upper_mub).toBeGreaterThan(0.995);
    expect(a.upper / b.mu_upper_mub).toBeLessThan(1.005);
  });
  it("combining two identical configurations divides the X error by sqrt(2)", () => {
    const r = expectedCouplingLimit(cond, toyShape, { relSyst: 0 });
    const c = combineCouplingLimits([r, r], { relSyst: 0 });
    expect(c.xUpper / r.xUpper).toBeCloseTo(Math.SQRT1_2, 3);
  });
  it("refuses to combine limits with different references", () => {
    const r = expectedCouplingLimit(cond, toyShape, { relSyst: 0 });
    const s = expectedCouplingLimit(cond, { ...toyShape, reference: 2 }, { relSyst: 0 });
    expect(() => combineCouplingLimits([r, s])).toThrow(/share coupling and reference/);
  });
});

describe("experimentConditions", () => {
  it("reads GEMMA's file: 1.5 kg, two periods in days, 2 counts/(keV kg day), the ROI", () => {
    const c = experimentConditions("gemma");
    expect(c.massKg).toBe(1.5);
    expect(c.periods.map((p) => p.onDays)).toEqual([5184 / 24, 6798 / 24]);
    expect(c.backgroundPerKeVKgDay).toBe(2);
    expect(c.roi).toEqual([
      [3.0, 9.4],
      [11.2, 55.0],
    ]);
  });
  it("names what is missing: TEXONO's file has no ROI, GEMMA-II's no periods", () => {
    expect(() => experimentConditions("texono")).toThrow(/no ROI stated/);
    expect(() => experimentConditions("gemma2")).toThrow(/no ON\/OFF periods/);
  });
});
