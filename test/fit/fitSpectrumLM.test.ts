import { describe, expect, it } from "vitest";
import { BinIntegrator } from "../../lib/fit/binIntegrator.js";
import { fitSpectrum } from "../../lib/fit/fitSpectrum.js";
import { fitSpectrumLM } from "../../lib/fit/fitSpectrumLM.js";
import { gaussExpLinearModel } from "../../lib/fit/gaussExpLinear.js";
import { invertSymmetric } from "../../lib/math/invertSymmetric.js";
import { polynomialModel } from "../../lib/fit/polynomial.js";
import { createRng, poissonDraw } from "../../lib/stats/random.js";

// A GEMMA-like OFF spectrum (0.5 keV bins, ROI 2.9-9.4 and 11.2-55 keV, GEMMA footnote 4) with a
// broad bump so that every Gaussian + exponential + linear parameter is determined.
const edges = Float64Array.from({ length: 105 }, (_, i) => 2.9 + i * 0.5);
const roi: [number, number][] = [[2.9, 9.4], [11.2, 55]];
const model = gaussExpLinearModel(2.9);
const truth = [0.6, 25, 4, 3, 4, 1.5, -0.005];
const limits: [number, number][] | null[] = [null, [2.9, 55], [1, 52], null, [0.3, 520], null, null] as never;
const exposure = 180;

describe("fitSpectrumLM (Levenberg-Marquardt)", () => {
  const mean = new BinIntegrator(edges).expected(model, truth, exposure);
  const counts = poissonDraw(createRng(21), mean);
  const spectrum = { edgesKeV: edges, counts, exposure };

  it("finds the same Poisson (Baker-Cousins) minimum as fitSpectrum's Nelder-Mead + HESSE, to 1e-3 of each error", () => {
    const nm = fitSpectrum(spectrum, model, { roi, statistic: "poisson", limits: limits as never, start: truth });
    const lm = fitSpectrumLM(spectrum, model, { roi, statistic: "poisson", limits: limits as never, start: truth, tolerance: 1e-9 });
    expect(lm.info.converged).toBe(true);
    expect(lm.chi2).toBeLessThanOrEqual(nm.chi2 + 1e-6);
    nm.values.forEach((v, i) => expect(Math.abs(lm.values[i] - v)).toBeLessThan(1e-3 * nm.errors[i]));
    // The LM covariance is the inverse expected (Fisher) information, HESSE's the inverse observed
    // one; they differ by sum (1 - n/mu) d2mu/dp dq, which is not small for the weakly determined
    // nonlinear Gaussian parameters (its width is known to 15 % here): agreement within 25 %.
    nm.errors.forEach((e, i) => expect(lm.errors[i] / e).toBeGreaterThan(0.75));
    nm.errors.forEach((e, i) => expect(lm.errors[i] / e).toBeLessThan(1.25));
  });

  it("its covariance is the inverse Fisher information sum J J^T / mu, with J by finite differences", () => {
    const lm = fitSpectrumLM(spectrum, model, { roi, statistic: "poisson", limits: limits as never, start: truth });
    const idx = Array.from(lm.mask).flatMap((m, i) => (m ? [i] : []));
    const integ = new BinIntegrator(edges, idx, 8);
    const mu = integ.expected(model, lm.values, exposure);
    const np = 7;
    const jac = new Float64Array(idx.length * np);
    const q = Float64Array.from(lm.values);
    for (let k = 0; k < np; k++) {
      const h = 1e-5 * Math.max(Math.abs(q[k]), 1e-2);
      q[k] += h;
      const up = integ.expected(model, q, exposure);
      q[k] -= 2 * h;
      const dn = integ.expected(model, q, exposure);
      q[k] += h;
      for (let i = 0; i < idx.length; i++) jac[i * np + k] = (up[i] - dn[i]) / (2 * h);
    }
    const f = new Float64Array(np * np);
    for (let i = 0; i < idx.length; i++) for (let a = 0; a < np; a++) for (let b = 0; b < np; b++) f[a * np + b] += (jac[i * np + a] * jac[i * np + b]) / mu[i];
    const inv = invertSymmetric(f, np)!;
    for (let k = 0; k < np; k++) expect(lm.errors[k] / Math.sqrt(inv[k * np + k])).toBeCloseTo(1, 5);
  });

  it("with the Gaussian chi-square and a linear model it reproduces the exact least-squares solution and covariance", () => {
    const poly = polynomialModel(4, 2.9, 54.9);
    const ls = fitSpectrum(spectrum, poly, { roi }); // linear: exact weighted least squares
    const lm = fitSpectrumLM(spectrum, poly, { roi, statistic: "chi2", start: [1, 0, 0, 0, 0], tolerance: 1e-12 });
    ls.values.forEach((v, i) => expect(lm.values[i]).toBeCloseTo(v, 8));
    ls.covariance.forEach((v, i) => expect(lm.covariance[i]).toBeCloseTo(v, 10));
  });

  it("the analytic gradients integrate to the finite-difference derivatives of the bin counts", () => {
    const integ = new BinIntegrator(edges, undefined, 3);
    for (const [m, p] of [[model, truth], [polynomialModel(3, 2.9, 54.9), [2, -0.8, 0.3, -0.1]]] as const) {
      const np = p.length;
      const g = integ.expectedGradient(m, p, exposure);
      const q = Float64Array.from(p);
      for (let k = 0; k < np; k++) {
        const h = 1e-6 * Math.max(Math.abs(p[k]), 1e-2);
        q[k] = p[k] + h;
        const up = integ.expected(m, q, exposure);
        q[k] = p[k] - h;
        const dn = integ.expected(m, q, exposure);
        q[k] = p[k];
        for (let b = 0; b < integ.size; b += 13) expect(g[b * np + k]).toBeCloseTo((up[b] - dn[b]) / (2 * h), 4);
      }
    }
  });

  it("a direction the data leave flat (a Gaussian of zero amplitude) gets zero variance, not a meaningless one", () => {
    const flat = new BinIntegrator(edges).expected(model, [0, 25, 4, 3, 4, 1.5, -0.005], exposure);
    const lm = fitSpectrumLM({ edgesKeV: edges, counts: flat, exposure }, model, { roi, limits: limits as never, start: [0, 25, 4, 3, 4, 1.5, -0.005], fixed: [true, false, false, false, false, false, false] });
    expect(lm.info.rank).toBe(4); // mean and width of a zero Gaussian are not constrained
    expect(lm.errors[1]).toBe(0);
    expect(lm.errors[2]).toBe(0);
    expect(lm.errors[3]).toBeGreaterThan(0);
  });
});
