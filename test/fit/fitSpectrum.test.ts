import { describe, expect, it } from "vitest";
import { BinIntegrator } from "../../lib/fit/binIntegrator.js";
import { fitSpectrum } from "../../lib/fit/fitSpectrum.js";
import { gaussExpLinearModel } from "../../lib/fit/gaussExpLinear.js";
import { weightedLeastSquares } from "../../lib/math/weightedLeastSquares.js";
import { polynomialModel } from "../../lib/fit/polynomial.js";
import { createRng, poissonDraw } from "../../lib/stats/random.js";

// A GEMMA-like OFF spectrum: 0.5 keV bins from 2.9 to 54.9 keV, the ROI of the paper
// (footnote 4: 2.9(3.0)-9.4 and 11.2-55 keV), ~2 counts/(keV kg day) (Sec. 2).
const edges = Float64Array.from({ length: 105 }, (_, i) => 2.9 + i * 0.5);
const roi: [number, number][] = [[2.9, 9.4], [11.2, 55]];
const model = gaussExpLinearModel(2.9);
const truth = [0.6, 8, 2.5, 3, 4, 1.5, -0.005];

function asimov(exposure: number, m = model, p: ArrayLike<number> = truth): Float64Array {
  return new BinIntegrator(edges).expected(m, p, exposure);
}

describe("fitSpectrum: Gaussian + exponential + linear (GEMMA Sec. 3)", () => {
  it("recovers the parameters of Asimov data exactly (chi2 with variance = counts), starting from its own guess", () => {
    const counts = asimov(180);
    const r = fitSpectrum({ edgesKeV: edges, counts, exposure: 180 }, model, { roi });
    expect(r.valid).toBe(true);
    expect(r.chi2).toBeLessThan(1e-8);
    truth.forEach((t, i) => expect(Math.abs(r.values[i] - t)).toBeLessThan(1e-3 * r.errors[i]));
    expect(r.nbins).toBe(13 + 87); // 2.9-9.4: 13 bins, 11.4-54.9: 87 bins (bins straddling 9.4 and 11.2 excluded)
    expect(r.ndf).toBe(100 - 7);
  });

  it("recovers them with the Baker-Cousins Poisson chi-square too", () => {
    const counts = asimov(180);
    const r = fitSpectrum({ edgesKeV: edges, counts, exposure: 180 }, model, { roi, statistic: "poisson" });
    expect(Math.abs(r.chi2)).toBeLessThan(1e-8);
    truth.forEach((t, i) => expect(Math.abs(r.values[i] - t)).toBeLessThan(1e-3 * r.errors[i]));
  });

  it("ignores bins in the ROI gap: changing them changes nothing, and their residuals are NaN", () => {
    const counts = asimov(180);
    const spoiled = Float64Array.from(counts);
    for (let i = 0; i < spoiled.length; i++) if (edges[i + 1] > 9.4 && edges[i] < 11.2) spoiled[i] += 500;
    const a = fitSpectrum({ edgesKeV: edges, counts, exposure: 180 }, model, { roi });
    const b = fitSpectrum({ edgesKeV: edges, counts: spoiled, exposure: 180 }, model, { roi });
    a.values.forEach((v, i) => expect(b.values[i]).toBeCloseTo(v, 6));
    const gap = edges.findIndex((e) => e >= 9.4); // first bin starting at 9.4
    expect(Number.isNaN(b.residuals[gap])).toBe(true);
    expect(b.mask[gap]).toBe(0);
  });
});

describe("fitSpectrum: polynomial (linear least squares)", () => {
  const poly = polynomialModel(3, 2.9, 54.9);
  const coef = [2, -0.8, 0.3, -0.1];

  it("recovers Asimov coefficients to round-off and its covariance is (A^T W A)^-1 built independently", () => {
    const counts = asimov(100, poly, coef);
    const r = fitSpectrum({ edgesKeV: edges, counts, exposure: 100 }, poly, { roi });
    coef.forEach((c, i) => expect(r.values[i]).toBeCloseTo(c, 10));
    // Independent design matrix: bin integrals of P_k(t) by the antiderivatives of the Legendre
    // polynomials P0 = 1, P1 = t, P2 = (3t^2 - 1)/2, P3 = (5t^3 - 3t)/2, dE = (hi - lo)/2 dt.
    const F = [(t: number) => t, (t: number) => t * t / 2, (t: number) => (t ** 3 - t) / 2, (t: number) => (5 * t ** 4 / 4 - 3 * t * t / 2) / 2];
    const toT = (e: number) => (2 * e - 2.9 - 54.9) / 52;
    const rows: number[] = [];
    const y: number[] = [];
    const w: number[] = [];
    for (let i = 0; i < counts.length; i++) {
      if (!r.mask[i]) continue;
      for (let k = 0; k < 4; k++) rows.push((100 * (F[k](toT(edges[i + 1])) - F[k](toT(edges[i]))) * 52) / 2);
      y.push(counts[i]);
      w.push(1 / counts[i]);
    }
    const ls = weightedLeastSquares(rows, y.length, 4, y, w);
    ls.inverseNormal.forEach((v, i) => expect(r.covariance[i]).toBeCloseTo(v, 12));
  });

  it("the Poisson fit (minimiser) agrees with the linear solution on Asimov data", () => {
    const counts = asimov(100, poly, coef);
    const r = fitSpectrum({ edgesKeV: edges, counts, exposure: 100 }, poly, { roi, statistic: "poisson" });
    coef.forEach((c, i) => expect(Math.abs(r.values[i] - c)).toBeLessThan(1e-3 * r.errors[i]));
  });

  it("the 1-sigma band of the curve equals sqrt(J V J^T) with the analytic Jacobian, and binCounts integrates the curve", () => {
    const counts = asimov(100, poly, coef);
    const r = fitSpectrum({ edgesKeV: edges, counts, exposure: 100 }, poly, { roi });
    const e = [5, 20, 40];
    const band = r.band(e);
    e.forEach((energy, j) => {
      const t = toT(energy);
      const J = [1, t, (3 * t * t - 1) / 2, (5 * t ** 3 - 3 * t) / 2];
      let v = 0;
      for (let a = 0; a < 4; a++) for (let b = 0; b < 4; b++) v += J[a] * r.covariance[a * 4 + b] * J[b];
      expect(band.sigma[j]).toBeCloseTo(Math.sqrt(v), 9);
      expect(band.value[j]).toBeCloseTo(J.reduce((s, x, k) => s + x * coef[k], 0), 10);
    });
    const bc = r.binCounts();
    bc.counts.forEach((c, i) => expect(c).toBeCloseTo(counts[i], 8));
    function toT(x: number) {
      return (2 * x - 2.9 - 54.9) / 52;
    }
  });

  function toT(e: number) {
    return (2 * e - 2.9 - 54.9) / 52;
  }
});

function meanSd(a: readonly number[]): { mean: number; sd: number } {
  const mean = a.reduce((s, v) => s + v, 0) / a.length;
  return { mean, sd: Math.sqrt(a.reduce((s, v) => s + (v - mean) ** 2, 0) / (a.length - 1)) };
}

describe("fitSpectrum on seeded Poisson pseudo-data", () => {
  // With N pseudo-experiments the mean of N(0,1) pulls is 0 +- 1/sqrt(N) and their standard
  // deviation 1 +- 1/sqrt(2N); we allow 3 standard errors.
  it("polynomial, Baker-Cousins (minimiser + HESSE): pulls have mean 0 +- 3/sqrt(N) and SD 1 +- 3/sqrt(2N), N = 300", () => {
    const N = 300;
    const poly = polynomialModel(3, 2.9, 54.9);
    const coef = [2, -0.8, 0.3, -0.1];
    const exposure = 20; // ~20-60 counts per bin: Poisson, not Gaussian, bins
    const mu = asimov(exposure, poly, coef);
    const rng = createRng(7);
    const pulls: number[][] = coef.map(() => []);
    for (let k = 0; k < N; k++) {
      const counts = poissonDraw(rng, mu);
      const r = fitSpectrum({ edgesKeV: edges, counts, exposure }, poly, { roi, statistic: "poisson" });
      expect(r.valid).toBe(true);
      coef.forEach((c, i) => pulls[i].push((r.values[i] - c) / r.errors[i]));
    }
    for (const p of pulls) {
      const { mean, sd } = meanSd(p);
      expect(Math.abs(mean)).toBeLessThan(3 / Math.sqrt(N));
      expect(Math.abs(sd - 1)).toBeLessThan(3 / Math.sqrt(2 * N));
    }
  });

  it("Gaussian + exponential + linear, Baker-Cousins, ~40000 counts per bin: pulls have mean 0 +- 3/sqrt(N) and SD 1 +- 3/sqrt(2N), N = 200", () => {
    // The asymptotic regime, where HESSE errors must describe the spread. At 10 times less
    // exposure (~4000 counts per bin, N = 1000, seed 12345) the SDs are still 0.97-1.04 but the
    // nonlinear Gaussian parameters are skewed (median pull of gaussMeanKeV -0.15), and in ~1 % of
    // the experiments the Gaussian slides under the exponential into a second minimum of lower chi2
    // (seed 20240607, experiment 163: mean 3.0 keV, sigma 5.2 keV, slope 0.67 keV from both the
    // true and the guessed start), with pulls of 6-14: a property of the model, not of the minimiser.
    const N = 200;
    const exposure = 20000;
    const mu = asimov(exposure);
    const rng = createRng(20240607);
    const pulls: number[][] = truth.map(() => []);
    const binPulls: number[] = [];
    for (let k = 0; k < N; k++) {
      const counts = poissonDraw(rng, mu);
      const r = fitSpectrum({ edgesKeV: edges, counts, exposure }, model, { roi, statistic: "poisson", start: truth, quadOrder: 4 });
      expect(r.valid).toBe(true);
      truth.forEach((t, i) => pulls[i].push((r.values[i] - t) / r.errors[i]));
      r.pulls.forEach((p) => Number.isFinite(p) && binPulls.push(p));
    }
    for (const p of pulls) {
      const { mean, sd } = meanSd(p);
      expect(Math.abs(mean)).toBeLessThan(3 / Math.sqrt(N));
      expect(Math.abs(sd - 1)).toBeLessThan(3 / Math.sqrt(2 * N));
    }
    // Per-bin pulls (n - mu_fit)/sqrt(mu_fit): mean 0, SD sqrt(1 - p/n) = sqrt(1 - 7/100) for n
    // bins and p parameters (the fit absorbs p degrees of freedom).
    const { mean, sd } = meanSd(binPulls);
    expect(Math.abs(mean)).toBeLessThan(3 / Math.sqrt(binPulls.length));
    expect(Math.abs(sd - Math.sqrt(1 - 7 / 100))).toBeLessThan(3 / Math.sqrt(2 * binPulls.length));
  });
});
