import { describe, expect, it } from "vitest";
import { analyseSpectra, GEMMA_ALTERNATIVES } from "../../lib/analysis/limit.js";
import { asimovSpectraFile, gemmaToyConditions } from "../../lib/analysis/spectraToy.js";
import { feldmanCousins } from "../../lib/stats/feldmanCousins.js";
import { pdgUpperLimit } from "../../lib/stats/pdgLimit.js";

const cond = gemmaToyConditions();
const null0 = asimovSpectraFile(cond, { model: "fe", muB: 0 });

describe("analyseSpectra on the Asimov data set of the published GEMMA conditions", () => {
  const r = analyseSpectra(null0);

  it("X_hat = 0 and the PDG limit is the closed form X_up = x + sigma Phi^-1(1 - 0.1 Phi(x/sigma)) of the combined Gaussian (1.645 sigma)", () => {
    expect(Math.abs(r.xHat)).toBeLessThan(1e-3 * r.xErr);
    // The 4 % systematic adds (0.04 X_90)^2 to sigma^2 at the limit: +0.2 % on X_90 here.
    const w = r.periods.reduce((s, p) => s + 1 / p.x_err ** 2, 0);
    const sigma = 1 / Math.sqrt(w);
    expect(r.xUpper / pdgUpperLimit(0, sigma)).toBeGreaterThan(1);
    expect(r.xUpper / pdgUpperLimit(0, sigma)).toBeLessThan(1.005);
    expect(pdgUpperLimit(0, 1)).toBeCloseTo(1.6449, 4); // Phi^-1(0.95): the PDG renormalisation at x = 0 (Feldman-Cousins, PRD 57 (1998) 3873, Table X)
    expect(r.muUpperMuB).toBeCloseTo(1e-11 * Math.sqrt(r.xUpper), 20);
  });

  it("the toJSON keys of the CLI (x_hat, x_err, x_upper, mu_upper_mub, method, model, periods[name, x_hat, x_err, k_hat])", () => {
    const j = r.toJSON();
    for (const k of ["x_hat", "x_err", "x_upper", "mu_upper_mub", "method", "model", "periods"]) expect(j).toHaveProperty(k);
    expect(Object.keys((j.periods as object[])[0]).sort()).toEqual(["k_hat", "name", "x_err", "x_hat"]);
    expect(j.method).toBe("pdg");
    expect(j.model).toBe("fe");
    expect(r.toString()).toMatch(/mu < \d\.\d\de-11 mu_B \(90 % CL\)/);
  });

  it("method fc is Feldman-Cousins on the combined Gaussian (the stats stage's construction; 1.64 sigma at x = 0, FC Table X)", () => {
    const fc = analyseSpectra(null0, { method: "fc" });
    const ref = feldmanCousins(fc.xHat, { sigma: fc.xErr });
    expect(fc.xUpper).toBeCloseTo(ref.upper, 8);
    expect(fc.xUpper / fc.xErr).toBeCloseTo(1.64, 1);
  });

  it("method profile (Poisson likelihood, raw OFF) agrees with the Gaussian chain: X_hat ~ 0, X_up ~ sqrt(2.706) sigma", () => {
    const g = analyseSpectra(null0, { background: "raw" });
    const p = analyseSpectra(null0, { background: "raw", method: "profile" });
    p.periods.forEach((q, j) => {
      expect(Math.abs(q.x_hat)).toBeLessThan(0.02 * q.x_err);
      expect(q.x_err / g.periods[j].x_err).toBeCloseTo(1, 1);
    });
    expect(p.xUpper / (Math.sqrt(2.7055) * g.xErr)).toBeCloseTo(1, 1);
    expect(p.profile!.delta).toBeCloseTo(2.7055, 3);
  });
});

describe("analyseSpectra recovers an injected signal (Asimov, mu = 5e-11 mu_B, X = 25)", () => {
  it("X_hat = 25 for the gel and raw treatments, and K = K_true = 1.02 when the recorded times are off by 2 %", () => {
    const f = asimovSpectraFile(gemmaToyConditions({ kTrue: 1.02 }), { model: "fe", muB: 5e-11 });
    for (const background of ["gel", "raw"] as const) {
      const r = analyseSpectra(f, { background });
      expect(Math.abs(r.xHatStat - 25)).toBeLessThan(0.02 * r.xErrStat);
      r.periods.forEach((p) => expect(p.k_hat).toBeCloseTo(1.02, 4));
    }
  });

  it("the same with the atomic-ionization (EPA) shape and its low-energy ROI from 2 keV", () => {
    const c = gemmaToyConditions({ roiKeV: [[2, 9.4], [11.2, 55]] });
    const f = asimovSpectraFile(c, { model: "epa", muB: 5e-12 });
    const r = analyseSpectra(f, { model: "epa" });
    // 0.02 sigma off: the tail of the Ga L1 line (1.30 keV, 2.8 sigma below 2 keV) is in the OFF
    // spectrum but not in the smooth curve.
    expect(Math.abs(r.xHatStat - 0.25) / r.xErrStat).toBeLessThan(0.05);
  });
});

describe("analysis alternatives (GEMMA Fig. 6: the sum of the distributions)", () => {
  it("the 'gemma' set has gel and spline x ROI from 2.9 / 3.0 keV x file / 1 keV bins, and the summed limit lies among the alternatives'", () => {
    expect(GEMMA_ALTERNATIVES).toHaveLength(8);
    const r = analyseSpectra(null0, { alternatives: "gemma" });
    expect(r.alternatives).toHaveLength(8);
    const limits = r.alternatives.map((a) => a.curve.upperLimit(0.9));
    expect(r.xUpper).toBeGreaterThanOrEqual(Math.min(...limits) - 1e-9);
    expect(r.xUpper).toBeLessThanOrEqual(Math.max(...limits) + 1e-9);
  });
});

describe("analyseSpectra errors", () => {
  it("names a bad method, an unknown experiment and a ROI below the binning", () => {
    expect(() => analyseSpectra(null0, { method: "bayes" as never })).toThrow(/option "method" is "bayes", expected one of "pdg", "fc", "profile"/);
    expect(() => analyseSpectra({ ...null0, experiment: "munu" })).toThrow(/experiment "munu"/);
    expect(() => analyseSpectra(null0, { alternatives: [{ roiLowKeV: 0.5 }] })).toThrow(/lies below the binning/);
  });
});
