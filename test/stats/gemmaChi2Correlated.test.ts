import { describe, expect, it } from "vitest";
import { cholesky, choleskySolve } from "../../lib/math/cholesky.js";
import { maskedIndices, roiMask } from "../../lib/fit/roi.js";
import { GemmaChi2 } from "../../lib/stats/gemmaChi2.js";
import { CorrelatedGemmaChi2, type CorrelatedGemmaPeriodInput } from "../../lib/stats/gemmaChi2Correlated.js";
import { createRng, poissonDraw } from "../../lib/stats/random.js";

// A GEMMA-like period (Phase I: 5184 h ON, 1853 h OFF, 1.5 kg; ROI 3-9.4, 11.2-55 keV in 1 keV-ish
// bins), EM(X = 1) = 0.01544/T counts/(keV kg day) (GEMMA (2) at T << E, 2.7e13 cm^-2 s^-1), W = 6.3e-3; the OFF curve
// is a smooth background with a rank-3 covariance factor L (its columns: a constant, a slope and
// an exponential shape): inputs only.
const edges = Float64Array.from([3, 4, 5, 6, 7, 8, 9, 9.4, 11.2, 12, 14, 16, 18, 20, 25, 30, 35, 40, 45, 50, 55]);
const nb = edges.length - 1;
const roi: [number, number][] = [[3, 9.4], [11.2, 55]];
const onDays = 5184 / 24;
const offDays = 1853 / 24;
const massKg = 1.5;
const tau = onDays / offDays;
const centre = (i: number) => 0.5 * (edges[i] + edges[i + 1]);
const width = (i: number) => edges[i + 1] - edges[i];
const density = (e: number) => 1.8 + 3.5 * Math.exp(-e / 3.5);
const off = Float64Array.from({ length: nb }, (_, i) => offDays * massKg * width(i) * density(centre(i)));
const em = Float64Array.from({ length: nb }, (_, i) => 0.01544 / centre(i));
const weak = new Float64Array(nb).fill(6.3e-3);
const rank = 3;
const factor = new Float64Array(nb * rank);
for (let i = 0; i < nb; i++) {
  factor[i * rank] = 0.02 * off[i];
  factor[i * rank + 1] = 0.01 * off[i] * (centre(i) - 30) / 25;
  factor[i * rank + 2] = 0.05 * offDays * massKg * width(i) * 3.5 * Math.exp(-centre(i) / 3.5);
}
const onMean = Float64Array.from({ length: nb }, (_, i) => 1.01 * tau * off[i] + onDays * massKg * width(i) * (weak[i] + 4 * em[i]));
const onCounts = poissonDraw(createRng(5), onMean);
const onVariance = Float64Array.from(onMean);
const input: CorrelatedGemmaPeriodInput = { edgesKeV: edges, onCounts, onVariance, offCounts: off, tauTilde: tau, onDays, massKg, emPerKeVKgDay: em, weakPerKeVKgDay: weak, roi, offFactor: factor, offRank: rank };

/** chi2 with the dense covariance V = diag(var_on) + K^2 tau^2 L L^T, solved by Cholesky (no Woodbury). */
function denseChi2(x: number, k: number): number {
  const idx = maskedIndices(roiMask(edges, roi));
  const m = idx.length;
  const v = new Float64Array(m * m);
  const r = new Float64Array(m);
  for (let a = 0; a < m; a++) {
    const i = idx[a];
    r[a] = onCounts[i] - onDays * massKg * width(i) * (weak[i] + x * em[i]) - k * tau * off[i];
    for (let b = 0; b < m; b++) {
      const j = idx[b];
      let s = 0;
      for (let c = 0; c < rank; c++) s += factor[i * rank + c] * factor[j * rank + c];
      v[a * m + b] = k * k * tau * tau * s + (a === b ? onVariance[i] : 0);
    }
  }
  const l = cholesky(v, m)!;
  const y = choleskySolve(l, m, r);
  return r.reduce((s, ri, a) => s + ri * y[a], 0);
}

describe("CorrelatedGemmaChi2 (GEMMA Eq. 7 with a correlated OFF curve)", () => {
  const c = new CorrelatedGemmaChi2(input);

  it("equals the chi-square with the dense covariance (Woodbury identity), at several (X, K)", () => {
    for (const [x, k] of [[0, 1], [4, 1.01], [-10, 0.97], [30, 1.05]]) expect(c.chi2(x, k) / denseChi2(x, k)).toBeCloseTo(1, 10);
  });

  it("the O(r) fast path agrees with the bin-by-bin evaluation", () => {
    for (const k of [0.9, 1, 1.013]) {
      const q = c.quadraticInX(k);
      const d = c.formsDirect(k);
      expect(q.a0 / d.a0).toBeCloseTo(1, 10);
      expect(q.a1 / d.a1).toBeCloseTo(1, 10);
      expect(q.a2 / d.a2).toBeCloseTo(1, 10);
    }
  });

  it("with rank 0 it is the diagonal GemmaChi2 (same chi2, same profile fit)", () => {
    const zero = new CorrelatedGemmaChi2({ ...input, offFactor: new Float64Array(0), offRank: 0, offVariance: new Float64Array(nb) });
    const diag = new GemmaChi2({ ...input, offVariance: new Float64Array(nb) });
    expect(zero.chi2(3, 1.02)).toBeCloseTo(diag.chi2(3, 1.02), 8);
    const a = zero.profileFit();
    const b = diag.profileFit();
    expect(a.xHat).toBeCloseTo(b.xHat, 5);
    expect(a.dx).toBeCloseTo(b.dx, 5);
    expect(a.kHat).toBeCloseTo(b.kHat, 8);
  });

  it("the profile minimum and the 401 x 401 grid minimum agree to the grid spacing", () => {
    const p = c.profileFit();
    const grid = { xMin: p.xHat - 4 * p.dx, xMax: p.xHat + 4 * p.dx, nx: 401, kMin: p.kHat - 0.05, kMax: p.kHat + 0.05, nk: 401 };
    const map = c.map(grid);
    const hx = (grid.xMax - grid.xMin) / 400;
    const hk = (grid.kMax - grid.kMin) / 400;
    expect(Math.abs(map.gridMinimum.x - p.xHat)).toBeLessThanOrEqual(hx);
    expect(Math.abs(map.gridMinimum.k - p.kHat)).toBeLessThanOrEqual(hk);
    expect(map.gridMinimum.chi2).toBeGreaterThanOrEqual(p.chi2Min - 1e-9);
    expect(map.gridMinimum.chi2 - p.chi2Min).toBeLessThan(0.01);
    // The grid profile (min over K of each column) touches chi2_min + 1 at the profile's X +- dX.
    const prof = map.gridProfile();
    const ix = Math.round((p.xUp - grid.xMin) / hx);
    expect(Math.abs(prof[ix] - (p.chi2Min + 1))).toBeLessThan(0.02);
  });

  it("the correlated OFF errors widen dX beyond the diagonal (independent bins) treatment", () => {
    const diag = new GemmaChi2({ ...input, offVariance: Float64Array.from({ length: nb }, (_, i) => factor.slice(i * rank, i * rank + rank).reduce((s, v) => s + v * v, 0)) });
    expect(c.profileFit().dx).toBeGreaterThan(diag.profileFit().dx);
  });

  it("fitK on 20-55 keV agrees with the profile K at X = 0 of a chi-square restricted to that range", () => {
    const r = CorrelatedGemmaChi2.fitK(input, [[20, 55]]);
    const sub = new CorrelatedGemmaChi2({ ...input, roi: [[20, 55]] });
    expect(r.k).toBeCloseTo(sub.profileK(0).k, 10);
    expect(r.nbins).toBe(7);
  });
});
