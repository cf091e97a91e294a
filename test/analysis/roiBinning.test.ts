import { describe, expect, it } from "vitest";
import { maskedIndices, roiMask } from "../../lib/fit/roi.js";
import { rebinValues, roiBinning, roiWithLowEdge } from "../../lib/analysis/roiBinning.js";

// 0.2 keV bins from 1 to 60 keV and the GEMMA ROI 3.0-9.4 + 11.2-55 keV (paper footnote 4).
const edges = Float64Array.from({ length: 296 }, (_, i) => 1 + 0.2 * i);
const roi: [number, number][] = [[3, 9.4], [11.2, 55]];

describe("roiBinning", () => {
  it("without a width keeps exactly the source bins inside the ROI, plus one gap bin 9.4-11.2 keV", () => {
    const b = roiBinning(edges, roi);
    expect(b.edgesKeV[0]).toBeCloseTo(3, 12);
    expect(b.edgesKeV[b.edgesKeV.length - 1]).toBeCloseTo(55, 12);
    expect(b.groups.filter((g) => g.length === 0)).toHaveLength(1);
    const inRoi = maskedIndices(roiMask(b.edgesKeV, b.roi));
    expect(inRoi.length).toBe(32 + 219); // (9.4 - 3)/0.2 + (55 - 11.2)/0.2
    expect(inRoi.length).toBe(maskedIndices(roiMask(edges, roi)).length);
  });

  it("groups to 1 keV inside each interval from its low edge, the short remainder joining the last group", () => {
    const b = roiBinning(edges, roi, 1);
    // 3-9.4: 3-4, ..., 7-8, 8-9.4 (the 0.4 keV remainder < 0.5 keV joins); 11.2-55: 43 groups + 0.8 keV remainder kept.
    const first = Array.from(b.edgesKeV.slice(0, 8), (e) => Number(e.toFixed(6)));
    expect(first).toEqual([3, 4, 5, 6, 7, 8, 9.4, 11.2]);
    const widths = Array.from({ length: b.edgesKeV.length - 1 }, (_, i) => b.edgesKeV[i + 1] - b.edgesKeV[i]);
    expect(Math.max(...widths.filter((_, i) => b.groups[i].length > 0))).toBeLessThan(1.5);
    const counts = Float64Array.from({ length: 295 }, (_, i) => i + 1);
    const re = rebinValues(counts, b);
    const inside = maskedIndices(roiMask(edges, roi)).reduce((s, i) => s + counts[i], 0);
    expect(re.reduce((s, c) => s + c, 0)).toBe(inside); // the gap bin holds 0
  });

  it("roiWithLowEdge moves the lowest edge, down (2.9 keV) or up, never into the gap", () => {
    expect(roiWithLowEdge(roi, 2.9)).toEqual([[2.9, 9.4], [11.2, 55]]);
    expect(roiWithLowEdge(roi, 4)).toEqual([[4, 9.4], [11.2, 55]]);
    expect(roiWithLowEdge(roi, 10)).toEqual([[11.2, 55]]); // inside the Ga K gap: the ROI starts at 11.2
  });

  it("names the problem when no bin lies in the ROI", () => {
    expect(() => roiBinning(edges, [[70, 80]])).toThrow(/no whole bin of the spectra \(edges_kev\) lies inside the ROI/);
  });
});
