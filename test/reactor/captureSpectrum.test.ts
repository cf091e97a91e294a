import { describe, expect, it } from "vitest";
import {
  CAPTURES_PER_FISSION_TYPICAL_PWR,
  Q_BETA_NP239_MeV,
  Q_BETA_U239_MeV,
  captureSpectrumFunction,
} from "../../lib/reactor/captureSpectrum.js";
import { summationCaptureHistograms } from "../../lib/reactor/summationTables.js";
import { integrate } from "../../lib/math/integrate.js";

function lastNonEmptyBin(values: Float64Array, edges: Float64Array): [number, number] {
  let i = values.length - 1;
  while (i > 0 && values[i] === 0) i--;
  return [edges[i], edges[i + 1]];
}

describe("238U-capture antineutrinos", () => {
  it("BESTIOLE tables are normalised to one antineutrino per decay (239U and 239Np)", () => {
    const h = summationCaptureHistograms();
    for (const t of [h.U239, h.Np239]) {
      let s = 0;
      for (let i = 0; i < t.values.length; i++) s += t.values[i] * (t.edgesMeV[i + 1] - t.edgesMeV[i]);
      expect(s).toBeCloseTo(1, 4);
    }
  });
  it("the Q values used for the allowed shapes fall in the last non-empty bins of the BESTIOLE tables", () => {
    const h = summationCaptureHistograms();
    const [u0, u1] = lastNonEmptyBin(h.U239.values, h.U239.edgesMeV);
    expect(Q_BETA_U239_MeV).toBeGreaterThan(u0);
    expect(Q_BETA_U239_MeV).toBeLessThanOrEqual(u1);
    const [n0, n1] = lastNonEmptyBin(h.Np239.values, h.Np239.edgesMeV);
    expect(Q_BETA_NP239_MeV).toBeGreaterThan(n0);
    expect(Q_BETA_NP239_MeV).toBeLessThanOrEqual(n1);
  });
  it("gives two antineutrinos per capture, 1.2 per fission at 0.6 captures per fission, for both shapes", () => {
    for (const shape of ["summation", "allowed"] as const) {
      const c = captureSpectrumFunction(shape);
      expect(c.integral(0, 2)).toBeCloseTo(2, 4);
      expect(integrate(c, 0, c.endpointMeV, { breaks: c.breaksMeV, order: 10, maxPanel: 0.02 })).toBeCloseTo(2, 4);
      expect(CAPTURES_PER_FISSION_TYPICAL_PWR * c.integral(0, 2)).toBeCloseTo(1.2, 3);
    }
  });
  it("all capture antineutrinos are below 1.3 MeV", () => {
    for (const shape of ["summation", "allowed"] as const) {
      const c = captureSpectrumFunction(shape);
      expect(c(1.3)).toBe(0);
      expect(c.integral(1.3, 10)).toBe(0);
    }
  });
  it("the single allowed branch is harder than the branch structure of the summation tables (mean energies)", () => {
    const mean = (shape: "summation" | "allowed", part: "u239" | "np239") => {
      const c = captureSpectrumFunction(shape);
      const f = c[part];
      const o = { breaks: c.breaksMeV, order: 8, maxPanel: 0.025 };
      return integrate((e) => e * f(e), 0, 1.3, o) / integrate(f, 0, 1.3, o);
    };
    const npSum = mean("summation", "np239");
    const npAll = mean("allowed", "np239");
    const uSum = mean("summation", "u239");
    const uAll = mean("allowed", "u239");
    // Summation: 239Np ~0.25 MeV (branches ending at ~0.33 and ~0.44 MeV), 239U ~0.78 MeV.
    expect(npSum).toBeGreaterThan(0.2);
    expect(npSum).toBeLessThan(0.3);
    expect(npAll).toBeCloseTo(0.5012, 3);
    expect(uSum).toBeLessThan(uAll);
    expect(uAll).toBeCloseTo(0.8405, 3);
  });
  it("rejects an unknown shape", () => {
    expect(() => captureSpectrumFunction("gaussian" as never)).toThrow(/captureShape/);
  });
});
