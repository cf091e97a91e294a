import { describe, expect, it } from "vitest";
import { interpolateLinear } from "../../lib/math/interpolateLinear.js";

describe("interpolateLinear", () => {
  const x = [0, 1, 2.5, 4];
  const y = x.map((v) => 3 * v - 1);
  it("reproduces a straight line between, at and beyond the knots", () => {
    for (const t of [0.3, 1, 1.7, 3.99, -1, 5]) expect(interpolateLinear(x, y, t)).toBeCloseTo(3 * t - 1, 12);
  });
  it("returns the table value exactly at a knot, and the chord value between knots", () => {
    const yy = [1, 4, 9, 16];
    expect(interpolateLinear(x, yy, 2.5)).toBe(9);
    // Chord between (1, 4) and (2.5, 9) at 2: 4 + (1/1.5) * 5.
    expect(interpolateLinear(x, yy, 2)).toBeCloseTo(4 + 5 / 1.5, 12);
  });
  it("refuses a table of one point or mismatched lengths", () => {
    expect(() => interpolateLinear([1], [1], 1)).toThrow(/at least 2 points/);
    expect(() => interpolateLinear([1, 2], [1], 1)).toThrow(/as many values/);
  });
});
