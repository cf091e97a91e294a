import { describe, expect, it } from "vitest";
import { maskedIndices, roiMask } from "../../lib/fit/roi.js";
import { bakerCousinsChi2, gaussChi2 } from "../../lib/fit/statistic.js";
import { toExternal, toInternal } from "../../lib/fit/limits.js";

describe("roiMask", () => {
  it("keeps bins entirely inside the GEMMA ROI [2.9, 9.4] + [11.2, 55] keV and drops bins straddling an edge", () => {
    const edges = Array.from({ length: 57 }, (_, i) => i); // 0..56 keV, 1 keV bins
    const mask = roiMask(edges, [[2.9, 9.4], [11.2, 55]]);
    // [3,4]..[8,9] -> 6 bins; [12,13]..[54,55] -> 43 bins.
    expect(Array.from(maskedIndices(mask))).toEqual([...Array.from({ length: 6 }, (_, i) => 3 + i), ...Array.from({ length: 43 }, (_, i) => 12 + i)]);
  });

  it("uses every bin without a ROI and rejects decreasing edges", () => {
    expect(Array.from(roiMask([0, 1, 2]))).toEqual([1, 1]);
    expect(() => roiMask([0, 2, 1])).toThrow(/increase/);
  });
});

describe("fit statistics", () => {
  it("Baker-Cousins chi2 = 2 sum(mu - n + n ln(n/mu)): closed form for one bin and zero for a perfect fit", () => {
    expect(bakerCousinsChi2([4], [2])).toBeCloseTo(2 * (2 - 4 + 4 * Math.log(2)), 14);
    expect(bakerCousinsChi2([0, 3], [1.5, 3])).toBeCloseTo(3, 14); // empty bin contributes 2 mu
    expect(bakerCousinsChi2([3, 5], [3, 5])).toBe(0);
  });

  it("Gaussian chi2 with given variances", () => {
    expect(gaussChi2([10, 20], [12, 17], [4, 9])).toBeCloseTo(1 + 1, 14);
  });
});

describe("MINUIT limit transformation", () => {
  it("maps internal values into the limits and back", () => {
    for (const lim of [[-1, 3], [2, Infinity], [-Infinity, 5]] as const) {
      for (const x of [-0.5, 2.5, 4.5]) {
        const inside = Math.min(lim[1], Math.max(lim[0], x));
        expect(toExternal(toInternal(inside, lim), lim)).toBeCloseTo(inside, 12);
      }
      for (const u of [-100, -1, 0, 1, 100]) {
        const e = toExternal(u, lim);
        expect(e).toBeGreaterThanOrEqual(lim[0]);
        expect(e).toBeLessThanOrEqual(lim[1]);
      }
    }
  });
});
