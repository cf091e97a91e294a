import { describe, expect, it } from "vitest";
import { histogramMark, histogramRows, plotFigure } from "../../lib/plots/index.js";

describe("histogramMark", () => {
  it("draws one bar per non-empty bin on a log scale (bars start at the floor, not at 0)", () => {
    const rows = histogramRows([0, 1, 2, 3], [10, 0, 1000]);
    const svg = plotFigure("h", { y: { type: "log" }, marks: [histogramMark(rows)] }).markup;
    expect((svg.match(/<rect /g) ?? []).length).toBe(2);
  });
  it("needs one more edge than values", () => {
    expect(() => histogramRows([0, 1], [1, 2])).toThrow("2 edges for 2 values");
  });
});
