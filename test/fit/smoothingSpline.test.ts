import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { BinIntegrator } from "../../lib/fit/binIntegrator.js";
import { gaussExpLinearModel } from "../../lib/fit/gaussExpLinear.js";
import { evaluateSpline, naturalSplineModel, splineSecondDerivatives } from "../../lib/fit/naturalSpline.js";
import { fitSmoothingSpline, smoothingSpline } from "../../lib/fit/smoothingSpline.js";
import { createRng, poissonDraw } from "../../lib/stats/random.js";

// scipy reference (test/reference/stats/smoothing_spline.py).
const ref = JSON.parse(readFileSync(new URL("../reference/stats/smoothing_spline.json", import.meta.url), "utf8")) as {
  x: number[];
  y: number[];
  sigma: number[];
  natural: { knots: number[]; values: number[]; query: number[]; spline: number[] };
  weighted: { lam: number; fitted: number[] }[];
  gcvEqualWeights: { fitted: number[] };
};

describe("natural cubic spline", () => {
  it("matches scipy CubicSpline(bc_type='natural') on unequal knots", () => {
    const { knots, values, query, spline } = ref.natural;
    const gamma = splineSecondDerivatives(knots, values);
    expect(gamma[0]).toBe(0);
    expect(gamma[knots.length - 1]).toBe(0);
    const out = evaluateSpline(knots, values, gamma, query, new Float64Array(query.length));
    out.forEach((v, i) => expect(v).toBeCloseTo(spline[i], 12));
  });

  it("reproduces a straight line exactly, also when extrapolating", () => {
    const knots = [1, 2, 4, 7, 8];
    const m = naturalSplineModel(knots);
    const out = new Float64Array(4);
    m.density(knots.map((k) => 3 - 0.5 * k), [0, 3, 7.5, 10], out);
    [3, 1.5, -0.75, -2].forEach((v, i) => expect(out[i]).toBeCloseTo(v, 13));
  });
});

describe("smoothingSpline (Reinsch)", () => {
  const variance = ref.sigma.map((s) => s * s);

  it("matches scipy make_smoothing_spline at fixed lambda (weights 1/variance)", () => {
    for (const { lam, fitted } of ref.weighted) {
      const s = smoothingSpline(ref.x, ref.y, variance, lam);
      s.values.forEach((v, i) => expect(v).toBeCloseTo(fitted[i], 9));
    }
  });

  it("chooses lambda by GCV like scipy for equal weights (same fitted values to 1e-4)", () => {
    const s = smoothingSpline(ref.x, ref.y, ref.x.map(() => 1), "gcv");
    s.values.forEach((v, i) => expect(v).toBeCloseTo(ref.gcvEqualWeights.fitted[i], 4));
  });

  it("tends to the weighted straight-line fit as lambda -> infinity (edf -> 2) and interpolates as lambda -> 0 (edf -> n)", () => {
    const big = smoothingSpline(ref.x, ref.y, variance, 1e12);
    // Closed-form weighted line.
    let S = 0, Sx = 0, Sxx = 0, Sy = 0, Sxy = 0;
    ref.x.forEach((x, i) => {
      const w = 1 / variance[i];
      S += w; Sx += w * x; Sxx += w * x * x; Sy += w * ref.y[i]; Sxy += w * x * ref.y[i];
    });
    const D = S * Sxx - Sx * Sx;
    const b = (S * Sxy - Sx * Sy) / D;
    const a = (Sxx * Sy - Sx * Sxy) / D;
    big.values.forEach((v, i) => expect(v).toBeCloseTo(a + b * ref.x[i], 5));
    expect(big.edf).toBeCloseTo(2, 4);
    const tiny = smoothingSpline(ref.x, ref.y, variance, 1e-12);
    tiny.values.forEach((v, i) => expect(v).toBeCloseTo(ref.y[i], 8));
    expect(tiny.edf).toBeCloseTo(ref.x.length, 4);
  });

  it("the chi2ndf rule gives chi2 = n - edf", () => {
    const s = smoothingSpline(ref.x, ref.y, variance, "chi2ndf");
    expect(s.chi2).toBeCloseTo(ref.x.length - s.edf, 5);
  });

  it("its covariance S D S^T matches the spread of refits over pseudo-data (200 draws, 3 standard errors)", () => {
    // Linear smoother: the fitted values of y + noise spread with covariance S D S^T exactly.
    const lam = 20;
    const base = smoothingSpline(ref.x, ref.y, variance, lam);
    const cov = base.covariance();
    const rng = createRng(11);
    const N = 200;
    const k = 10;
    const draws: number[] = [];
    for (let t = 0; t < N; t++) {
      const y = ref.y.map((v, i) => v + rng.normal(0, ref.sigma[i]));
      draws.push(smoothingSpline(ref.x, y, variance, lam).values[k]);
    }
    const m = draws.reduce((s, v) => s + v, 0) / N;
    const sd = Math.sqrt(draws.reduce((s, v) => s + (v - m) ** 2, 0) / (N - 1));
    const sigma = Math.sqrt(cov[k * ref.x.length + k]);
    expect(Math.abs(sd / sigma - 1)).toBeLessThan(3 / Math.sqrt(2 * N));
  });
});

describe("fitSmoothingSpline on a binned spectrum", () => {
  const edges = Float64Array.from({ length: 105 }, (_, i) => 2.9 + i * 0.5);
  const roi: [number, number][] = [[2.9, 9.4], [11.2, 55]];
  const model = gaussExpLinearModel(2.9);
  const truth = [0.6, 8, 2.5, 3, 4, 1.5, -0.005];

  it("on Asimov data (GCV -> nearly interpolating) reproduces the bin averages of the true density", () => {
    const mu = new BinIntegrator(edges).expected(model, truth, 180);
    const r = fitSmoothingSpline({ edgesKeV: edges, counts: mu, exposure: 180, variance: mu }, { roi });
    for (let i = 0; i < mu.length; i++) if (r.mask[i]) expect(Math.abs(r.expected[i] / mu[i] - 1)).toBeLessThan(1e-4);
  });

  it("on Poisson data gives chi2/ndf near 1 with GCV and a band that covers the truth like a 1-sigma band", () => {
    const mu = new BinIntegrator(edges).expected(model, truth, 180);
    const rng = createRng(5);
    const counts = poissonDraw(rng, mu);
    const r = fitSmoothingSpline({ edgesKeV: edges, counts, exposure: 180 }, { roi });
    expect(r.chi2 / r.ndf).toBeGreaterThan(0.6);
    expect(r.chi2 / r.ndf).toBeLessThan(1.5);
    expect(String(r)).toMatch(/natural cubic spline/);
    // Fitted bin counts vs their variance from the covariance: the band is what binCounts returns.
    const bc = r.binCounts();
    let inBand = 0;
    let total = 0;
    for (let i = 0; i < mu.length; i++) {
      if (!r.mask[i]) continue;
      total++;
      expect(bc.counts[i]).toBeCloseTo(r.expected[i], 8);
      if (Math.abs(bc.counts[i] - mu[i]) < Math.sqrt(bc.variance[i])) inBand++;
    }
    // Not a coverage test (smoothing bias, correlated bins): a sanity range around 68 %.
    expect(inBand / total).toBeGreaterThan(0.4);
  });
});
