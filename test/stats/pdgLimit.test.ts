import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { logNormalCdf, normalQuantileFromLog } from "../../lib/stats/normalTail.js";
import { pdgUpperLimit, upperLimitOnGrid } from "../../lib/stats/pdgLimit.js";
import { linearGrid } from "../../lib/math/linearGrid.js";
import { ProbabilityCurve } from "../../lib/stats/probabilityCurve.js";

// scipy reference (test/reference/stats/pdg_limits.py).
const ref = JSON.parse(readFileSync(new URL("../reference/stats/pdg_limits.json", import.meta.url), "utf8")) as {
  gaussian: { x: number; sigma: number; cl: number; limit: number }[];
  tail: { x: number; sigma: number; cl: number; limit: number }[];
  logcdf: { z: number; logcdf: number }[];
  ppf: { p: number; z: number }[];
};

describe("pdgUpperLimit: X_up = x + sigma Phi^-1(1 - (1 - CL) Phi(x/sigma)) (GEMMA Sec. 3, PDG)", () => {
  it("x = 0 gives 1.6449 sigma at 90 % CL (GEMMA: 'x = 0 gives 1.645 sigma')", () => {
    expect(pdgUpperLimit(0, 1)).toBeCloseTo(1.6448536269514722, 13);
    expect(pdgUpperLimit(0, 6.2)).toBeCloseTo(6.2 * 1.6448536269514722, 12);
  });

  it("x = -1 sigma gives 1.1478 sigma at 90 % CL, and 0.95 CL values match scipy", () => {
    expect(pdgUpperLimit(-1, 1)).toBeCloseTo(1.1477823374724059, 12);
    for (const r of ref.gaussian) expect(pdgUpperLimit(r.x, r.sigma, r.cl)).toBeCloseTo(r.limit, 11);
  });

  it("stays precise far below zero (x = -8 ... -35 sigma, scipy's lower-tail ndtri)", () => {
    for (const r of ref.tail) expect(Math.abs(pdgUpperLimit(r.x, r.sigma, r.cl) / r.limit - 1)).toBeLessThan(1e-9);
    // As x -> -inf the renormalised tail becomes exponential with rate |x|: X_up -> ln 10 / |x|.
    expect(pdgUpperLimit(-1000, 1) * 1000).toBeCloseTo(Math.log(10), 5);
  });
});

describe("upperLimitOnGrid: the numeric version for any curve", () => {
  it("is exact for a piecewise-linear density: p(X) = X on [0, 1] gives sqrt(CL)", () => {
    expect(upperLimitOnGrid([0, 0.5, 1], [0, 0.5, 1], 0.9)).toBeCloseTo(Math.sqrt(0.9), 14);
  });

  it("agrees with the closed form for Gaussian curves on a 4001-point grid to 1e-5", () => {
    const grid = linearGrid(-10, 12, 4001);
    for (const r of ref.gaussian.filter((g) => g.sigma === 1)) {
      const c = ProbabilityCurve.gaussian(grid, r.x, 1);
      expect(c.upperLimit(r.cl)).toBeCloseTo(r.limit, 5);
    }
  });

  it("drops the part below the bound by interpolation when 0 is not a grid point", () => {
    const grid = linearGrid(-7.05, 9.95, 3401); // step 0.005, 0 between grid points
    const c = ProbabilityCurve.gaussian(grid, 0.5, 1);
    expect(c.upperLimit(0.9)).toBeCloseTo(pdgUpperLimit(0.5, 1, 0.9), 5);
  });
});

describe("normal lower tail", () => {
  it("ln Phi(z) matches scipy norm.logcdf down to z = -100", () => {
    for (const r of ref.logcdf) expect(Math.abs(logNormalCdf(r.z) / r.logcdf - 1)).toBeLessThan(1e-12);
  });

  it("the quantile matches scipy norm.ppf down to p = 1e-300 (where @stdlib's gives -Infinity)", () => {
    for (const r of ref.ppf) expect(Math.abs(normalQuantileFromLog(Math.log(r.p)) / r.z - 1)).toBeLessThan(1e-12);
  });
});
