import { describe, expect, it } from "vitest";
import { gaussLegendre, integrate } from "./quadrature.js";

describe("test helper quadrature", () => {
  it("Gauss-Legendre weights sum to 2 and integrate x^(2n-1) exactly", () => {
    const { x, w } = gaussLegendre(8);
    expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(2, 14);
    let s = 0;
    for (let i = 0; i < 8; i++) s += w[i] * x[i] ** 14;
    expect(s).toBeCloseTo(2 / 15, 14);
  });
  it("integrates 1/x on log panels to ln(b/a)", () => {
    expect(integrate((x) => 1 / x, 1e-3, 10, 20, 8, true)).toBeCloseTo(Math.log(1e4), 12);
  });
});
