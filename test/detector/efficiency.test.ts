import { describe, expect, it } from "vitest";
import { thresholdEfficiency, thresholdEfficiencyFunction } from "../../lib/detector/efficiency.js";

describe("threshold efficiency, GEMMA (4)", () => {
  const e0 = 1.5e-3;
  const s = 0.3e-3;
  it("is 1/2 at the edge, Phi(1) = 0.841345 one sigma above, Phi(-2) = 0.0227501 two below", () => {
    expect(thresholdEfficiency(e0, e0, s)).toBeCloseTo(0.5, 15);
    expect(thresholdEfficiency(e0 + s, e0, s)).toBeCloseTo(0.8413447461, 9);
    expect(thresholdEfficiency(e0 - 2 * s, e0, s)).toBeCloseTo(0.0227501319, 9);
  });
  it("rises monotonically from 0 to 1", () => {
    let prev = 0;
    for (let e = 0; e < 5e-3; e += 1e-4) {
      const v = thresholdEfficiency(e, e0, s);
      expect(v).toBeGreaterThanOrEqual(prev);
      prev = v;
    }
    expect(prev).toBeCloseTo(1, 12);
  });
  it("factory form equals the scalar form", () => {
    const f = thresholdEfficiencyFunction(e0, s);
    for (const e of [1e-3, 1.7e-3, 3e-3]) expect(f(e)).toBe(thresholdEfficiency(e, e0, s));
  });
});
