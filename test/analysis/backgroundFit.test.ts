import { describe, expect, it } from "vitest";
import { fitOffBackground } from "../../lib/analysis/backgroundFit.js";
import { maskedIndices, roiMask } from "../../lib/fit/roi.js";
import { BinIntegrator } from "../../lib/fit/binIntegrator.js";
import { gaussExpLinearModel } from "../../lib/fit/gaussExpLinear.js";
import { createRng, poissonDraw } from "../../lib/stats/random.js";

// A GEMMA Phase I OFF spectrum (1853 h, 1.5 kg) on 0.2 keV bins over the ROI 3-9.4, 11.2-55 keV.
const edges = Float64Array.from({ length: 261 }, (_, i) => 3 + 0.2 * i);
const roi: [number, number][] = [[3, 9.4], [11.2, 55]];
const exposure = 1.5 * (1853 / 24);
const inRoi = maskedIndices(roiMask(edges, roi));
/** Closed-form bin averages of 1.8 + 3.5 exp(-E/3.5) + a broad bump 0.4 exp(-(E - 25)^2 / 2 / 5^2). */
function truthCounts(): Float64Array {
  const model = gaussExpLinearModel(3);
  return new BinIntegrator(edges, undefined, 16).expected(model, [0.4, 25, 5, 3.5 * Math.exp(-3 / 3.5), 3.5, 1.8, 0], exposure);
}

describe("fitOffBackground (GEMMA Sec. 3: the smooth OFF curve)", () => {
  const asimov = truthCounts();

  it("gel on Asimov data reproduces the true curve in every ROI bin, with chi2 ~ 0", () => {
    const bg = fitOffBackground({ edgesKeV: edges, counts: asimov, exposureKgDay: exposure }, roi, "gel", { start: [0.3, 22, 4, 1.5, 3, 1.7, 0] });
    expect(bg.chi2).toBeLessThan(1e-4);
    for (const i of inRoi) expect(bg.counts[i] / asimov[i]).toBeCloseTo(1, 4);
    expect(bg.rank).toBe(7);
  });

  it("the low-rank factor reproduces the fit's curve variance J V J^T (FitResult.binCounts, its own finite differences)", () => {
    const counts = poissonDraw(createRng(9), asimov);
    for (const kind of ["gel", "polynomial"] as const) {
      const bg = fitOffBackground({ edgesKeV: edges, counts, exposureKgDay: exposure }, roi, kind);
      const ref = bg.fit!.binCounts(edges, exposure);
      for (const i of inRoi.filter((_, k) => k % 17 === 0)) {
        expect(bg.variance[i] / ref.variance[i]).toBeCloseTo(1, 2);
        expect(bg.counts[i] / ref.counts[i]).toBeCloseTo(1, 5);
      }
    }
  });

  it("the spline's curvature correction brings the 1 keV-knot curve to the 0.2 keV bin averages of an exponential rise", () => {
    const bg = fitOffBackground({ edgesKeV: edges, counts: asimov, exposureKgDay: exposure }, roi, "spline");
    // Asimov data are exactly smooth: GCV drives the spline to interpolate the 1 keV averages, and
    // the (W^2 - w^2) g''/24 correction restores the narrow-bin averages: 0.3 % at 3.5-5 keV.
    for (const i of inRoi.filter((i) => edges[i] >= 3.5 && edges[i] < 5)) expect(Math.abs(bg.counts[i] / asimov[i] - 1)).toBeLessThan(3e-3);
    for (const i of inRoi.filter((i) => edges[i] >= 12 && edges[i] < 54)) expect(Math.abs(bg.counts[i] / asimov[i] - 1)).toBeLessThan(1e-3);
  });

  it("raw keeps the counts and their Poisson variances; an unknown kind is named", () => {
    const counts = poissonDraw(createRng(2), asimov);
    const bg = fitOffBackground({ edgesKeV: edges, counts, exposureKgDay: exposure }, roi, "raw");
    expect(Array.from(bg.counts)).toEqual(Array.from(counts));
    expect(bg.variance[100]).toBe(Math.max(counts[100], 1));
    expect(() => fitOffBackground({ edgesKeV: edges, counts, exposureKgDay: exposure }, roi, "cubic" as never)).toThrow(/unknown background "cubic"/);
  });
});
