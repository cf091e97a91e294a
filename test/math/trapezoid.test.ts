import { describe, expect, it } from "vitest";
import { linearGrid } from "../../lib/math/linearGrid.js";
import { trapezoid } from "../../lib/math/trapezoid.js";

describe("trapezoid", () => {
  it("is exact for a straight line on an uneven grid", () => {
    const x = [0, 0.1, 0.7, 2];
    expect(trapezoid(x, x.map((v) => 2 * v + 1))).toBeCloseTo(4 + 2, 14);
  });
  it("integrates x^2 on [0, 1] with n equal steps to 1/3 + 1/(6 n^2) (its closed-form error)", () => {
    for (const n of [1, 4, 10]) {
      const x = linearGrid(0, 1, n + 1);
      expect(trapezoid(x, x.map((v) => v * v))).toBeCloseTo(1 / 3 + 1 / (6 * n * n), 13);
    }
  });
});
