import { describe, expect, it } from "vitest";
import { brent } from "../../lib/math/brent.js";
import { brentMinimize } from "../../lib/math/brentMinimize.js";

describe("brent (Brent-Dekker root)", () => {
  it("finds the root of cos(x) - x: the Dottie number 0.7390851332151607", () => {
    // Dottie number, the fixed point of cos (OEIS A003957: 0.73908513321516064166...).
    expect(brent((x) => Math.cos(x) - x, 0, 1)).toBeCloseTo(0.7390851332151607, 14);
  });

  it("finds the real root of Wallis's cubic x^3 - 2x - 5 (2.0945514815423265)", () => {
    // Cardano: x = cbrt(5/2 + sqrt(25/4 - 8/27)) + cbrt(5/2 - sqrt(25/4 - 8/27)).
    const d = Math.sqrt(25 / 4 - 8 / 27);
    const exact = Math.cbrt(2.5 + d) + Math.cbrt(2.5 - d);
    expect(brent((x) => x ** 3 - 2 * x - 5, 2, 3)).toBeCloseTo(exact, 13);
    expect(exact).toBeCloseTo(2.0945514815423265, 15);
  });

  it("finds the root 1.5 of (x - 1.5)(x^2 + 1) from a wide bracket", () => {
    expect(brent((x) => (x - 1.5) * (x * x + 1), -10, 10)).toBeCloseTo(1.5, 12);
  });

  it("returns an end point that is a root, and refuses an unbracketed root", () => {
    expect(brent((x) => x - 2, 2, 5)).toBe(2);
    expect(() => brent((x) => x * x + 1, -1, 1)).toThrow(/not bracketed/);
  });
});

describe("brentMinimize (Brent's localmin)", () => {
  it("finds the minimum of cos on [2, 4] at pi", () => {
    const r = brentMinimize(Math.cos, 2, 4, 1e-12);
    expect(r.x).toBeCloseTo(Math.PI, 7); // sqrt(machine epsilon) precision in x
    expect(r.fval).toBeCloseTo(-1, 14);
  });

  it("finds the vertex of a parabola to its stated tolerance 2 (sqrt(eps) |x| + tol)", () => {
    const r = brentMinimize((x) => 3 * (x - 0.3) ** 2 + 7, -5, 5);
    expect(Math.abs(r.x - 0.3)).toBeLessThan(2 * (Math.sqrt(Number.EPSILON) * 0.3 + 1e-10));
    expect(r.fval).toBeCloseTo(7, 14);
  });
});
