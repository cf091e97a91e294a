import { describe, expect, it } from "vitest";
import { BinIntegrator } from "../../lib/fit/binIntegrator.js";
import { gaussExpLinearModel } from "../../lib/fit/gaussExpLinear.js";
import { invertGaussJordan } from "../../lib/math/invertGaussJordan.js";
import { migrad } from "../../lib/fit/migrad.js";
import { CONTOUR_CL, deltaChi2, GemmaChi2, type GemmaPeriodInput } from "../../lib/stats/gemmaChi2.js";
import { createRng, poissonDraw } from "../../lib/stats/random.js";

// One GEMMA-like period (paper Secs. 2-3): 1.5 kg, 6798 h ON and 1021 h OFF (Phase II),
// ~2 counts/(keV kg day), 0.5 keV bins over the ROI 2.9-9.4 + 11.2-55 keV (100 bins).
// EM(X = 1) = 0.01544 / T[keV] counts/(keV kg day) (the 1.544/T of mu = 1e-10, i.e. X = 100,
// GEMMA (2) at T << E with 2.7e13 cm^-2 s^-1), W = 6.3e-3 counts/(keV kg day): inputs only, their physics is elsewhere.
const edges = Float64Array.from({ length: 105 }, (_, i) => 2.9 + i * 0.5);
const nb = edges.length - 1;
const roi: [number, number][] = [[2.9, 9.4], [11.2, 55]];
const massKg = 1.5;
const onDays = 6798 / 24;
const offDays = 1021 / 24;
const tauTilde = onDays / offDays / 1.02; // so that the true K = 1.02
const bkgRate = new BinIntegrator(edges).expected(gaussExpLinearModel(2.9), [0.6, 8, 2.5, 3, 4, 1.5, -0.005], 1); // counts/kg/day per bin
const width = 0.5;
const em = Float64Array.from({ length: nb }, (_, i) => 0.01544 / (edges[i] + 0.25));
const weak = new Float64Array(nb).fill(6.3e-3);
const X0 = 5;
const K0 = 1.02;

function asimovInput(offVarianceZero: boolean): GemmaPeriodInput {
  const offCounts = bkgRate.map((r) => r * massKg * offDays);
  const onCounts = offCounts.map((s, i) => K0 * tauTilde * s + onDays * massKg * width * (weak[i] + X0 * em[i]));
  return { edgesKeV: edges, onCounts, offCounts, offVariance: offVarianceZero ? new Float64Array(nb) : undefined, tauTilde, onDays, massKg, emPerKeVKgDay: em, weakPerKeVKgDay: weak, roi };
}

/** Linearised 2x2 Fisher matrix at (X0, K0): F = sum g g^T / sigma^2, g = (dmu/dX, dmu/dK) = (T m w EM, tau~ S_OFF). */
function fisherErrors(input: GemmaPeriodInput, k: number): { dx: number; dk: number; dxAtFixedK: number } {
  const F = [0, 0, 0, 0];
  for (let i = 0; i < nb; i++) {
    const lo = edges[i];
    const hi = edges[i + 1];
    if (!roi.some(([a, b]) => lo >= a - 1e-9 && hi <= b + 1e-9)) continue;
    const gx = onDays * massKg * (hi - lo) * em[i];
    const gk = tauTilde * input.offCounts[i];
    const offVar = input.offVariance ? input.offVariance[i] : input.offCounts[i];
    const s2 = input.onCounts[i] + k * k * tauTilde * tauTilde * offVar;
    F[0] += (gx * gx) / s2;
    F[1] += (gx * gk) / s2;
    F[3] += (gk * gk) / s2;
  }
  F[2] = F[1];
  const C = invertGaussJordan(F, 2);
  return { dx: Math.sqrt(C[0]), dk: Math.sqrt(C[3]), dxAtFixedK: 1 / Math.sqrt(F[0]) };
}

describe("GEMMA chi2(X, K), Eq. (7)", () => {
  it("on Asimov data the 401 x 401 map has its minimum, chi2 = 0, exactly at the injected (X, K) = (5, 1.02)", () => {
    const c = new GemmaChi2(asimovInput(false));
    expect(c.nbins).toBe(100);
    const map = c.map({ xMin: -20, xMax: 30, nx: 401, kMin: 0.92, kMax: 1.12, nk: 401 });
    expect(map.gridMinimum.x).toBeCloseTo(X0, 12);
    expect(map.gridMinimum.k).toBeCloseTo(K0, 12);
    expect(map.gridMinimum.chi2).toBeLessThan(1e-18 * 1e6);
    const m = c.minimum();
    expect(m.x).toBeCloseTo(X0, 8);
    expect(m.k).toBeCloseTo(K0, 10);
    // The map value equals the direct sum at any grid point.
    expect(map.at(17, 300)).toBeCloseTo(c.chi2(map.x[17], map.k[300]), 8);
  });

  it("with a smooth OFF curve (no OFF variance) the profile error from Delta chi2 = 1 equals the 2x2 Fisher error exactly", () => {
    const input = asimovInput(true);
    const c = new GemmaChi2(input);
    const p = c.profileFit();
    const f = fisherErrors(input, K0);
    expect(p.dx / f.dx - 1).toBeCloseTo(0, 7);
    expect(p.xUp - X0).toBeCloseTo(X0 - p.xLow, 6); // symmetric: chi2 is exactly quadratic
    // The section at K = K0 has the smaller, K-fixed error 1/sqrt(F_XX): why GEMMA projects.
    expect(c.section(K0).dx / f.dxAtFixedK - 1).toBeCloseTo(0, 10);
    expect(c.section(K0).dx).toBeLessThan(p.dx);
  });

  it("with raw OFF counts the profile error agrees with the linearised Fisher error to 1 % (the denominator varies with K)", () => {
    // chi2 is then not exactly quadratic: K enters the variance K^2 tau~^2 var(S_OFF). Along the
    // profile K moves by ~dK, the OFF share of the variance is ~70 %, so the error shifts at the
    // per-mille level; we allow 1 %.
    const input = asimovInput(false);
    const c = new GemmaChi2(input);
    const p = c.profileFit();
    const f = fisherErrors(input, K0);
    expect(Math.abs(p.dx / f.dx - 1)).toBeLessThan(0.01);
    expect(p.xHat).toBeCloseTo(X0, 6);
    expect(p.kHat).toBeCloseTo(K0, 8);
  });

  it("on Poisson pseudo-data the grid minimum, the exact minimum and migrad agree", () => {
    const a = asimovInput(false);
    const rng = createRng(42);
    const input = { ...a, onCounts: poissonDraw(rng, a.onCounts), offCounts: poissonDraw(rng, a.offCounts) };
    const c = new GemmaChi2(input);
    const exact = c.minimum();
    const m = migrad((p) => c.chi2(p[0], p[1]), [0, 1], { step: [5, 0.02], names: ["X", "K"] });
    expect(m.value("X")).toBeCloseTo(exact.x, 4);
    expect(m.value("K")).toBeCloseTo(exact.k, 6);
    expect(m.fval).toBeCloseTo(exact.chi2, 8);
    const grid = { xMin: exact.x - 20, xMax: exact.x + 20, nx: 401, kMin: exact.k - 0.05, kMax: exact.k + 0.05, nk: 401 };
    const map = c.map(grid);
    expect(Math.abs(map.gridMinimum.x - exact.x)).toBeLessThanOrEqual(40 / 400);
    expect(Math.abs(map.gridMinimum.k - exact.k)).toBeLessThanOrEqual(0.1 / 400);
    // migrad's HESSE error on X is the profile error (chi2 nearly quadratic): within 1 %.
    const p = c.profileFit();
    expect(Math.abs(m.error("X") / p.dx - 1)).toBeLessThan(0.01);
    // The continuous profile is below the grid profile (minimum over a finer K), and close to it.
    const gp = map.gridProfile();
    for (const ix of [0, 100, 200, 300, 400]) {
      const pk = c.profileK(map.x[ix]).chi2;
      expect(pk).toBeLessThanOrEqual(gp[ix] + 1e-9);
      expect(gp[ix] - pk).toBeLessThan(0.05);
    }
  });

  it("2D contour levels are Delta chi2 = 2.30 and 6.18 (chi-square quantiles with 2 dof: -2 ln(1 - p))", () => {
    expect(deltaChi2(CONTOUR_CL.oneSigma)).toBeCloseTo(-2 * Math.log(1 - 0.6826894921370859), 10);
    expect(deltaChi2(CONTOUR_CL.oneSigma)).toBeCloseTo(2.3, 2);
    expect(deltaChi2(CONTOUR_CL.twoSigma)).toBeCloseTo(6.18, 2);
    expect(deltaChi2(0.6826894921370859, 1)).toBeCloseTo(1, 10);
  });

  it("K fitted on the right part of the ROI (20-55 keV, GEMMA Sec. 3) at the true X is the true K", () => {
    const r = GemmaChi2.fitK(asimovInput(false), [[20, 55]], X0);
    expect(r.k).toBeCloseTo(K0, 10);
    expect(r.nbins).toBe(69); // [20.4, 20.9] ... [54.4, 54.9]
  });

  it("the 401 x 401 map over 100 bins takes well under a second (measured: a few ms)", () => {
    const c = new GemmaChi2(asimovInput(false));
    const grid = { xMin: -20, xMax: 30, nx: 401, kMin: 0.92, kMax: 1.12, nk: 401 };
    c.map(grid); // warm-up
    const t0 = performance.now();
    const map = c.map(grid);
    const ms = performance.now() - t0;
    expect(map.values.length).toBe(401 * 401);
    expect(ms).toBeLessThan(250);
    expect(String(map)).toMatch(/^chi2\(X, K\) map 401 x 401/);
    expect(map.toJSON()).toMatchObject({ nbins: 100 });
  });
});
