import { describe, expect, it } from "vitest";
import { poissonLowerTail, poissonUpperTail, zFromOneSidedP } from "../../lib/selection/index.js";
import { directPoissonUpper } from "./fixtures.js";


describe("Poisson tails", () => {
  it("P(N >= n | mu) equals the direct sum", () => {
    for (const [n, mu] of [[1, 0.5], [5, 2], [20, 10], [3, 7]]) expect(poissonUpperTail(n, mu)).toBeCloseTo(directPoissonUpper(n, mu), 12);
  });
  it("P(N <= n) = 1 - P(N >= n + 1)", () => {
    expect(poissonLowerTail(4, 6)).toBeCloseTo(1 - directPoissonUpper(5, 6), 12);
  });
  it("edge cases: n <= 0 gives 1; mu = 0 gives 0 for n >= 1", () => {
    expect(poissonUpperTail(0, 3)).toBe(1);
    expect(poissonUpperTail(2, 0)).toBe(0);
  });
  it("p = 1e-3 is 3.09 sigma one-sided", () => {
    expect(zFromOneSidedP(1e-3)).toBeCloseTo(3.0902, 4);
  });
});
