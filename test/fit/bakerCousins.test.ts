import { describe, expect, it } from "vitest";
import { bakerCousinsChi2, bakerCousinsTerm } from "../../lib/fit/statistic.js";

describe("bakerCousinsTerm: one definition of the Baker-Cousins bin term (NIM 221 (1984) 437, Eq. 6)", () => {
  it("is -2 ln of the Poisson probability ratio P(n | mu) / P(n | n)", () => {
    // ln P(n|mu) = n ln mu - mu - ln n!; the ratio to mu = n removes ln n!.
    const lnP = (n: number, mu: number) => n * Math.log(mu) - mu;
    for (const [n, mu] of [[4, 2], [1, 0.3], [17, 25.5]]) expect(bakerCousinsTerm(n, mu)).toBeCloseTo(-2 * (lnP(n, mu) - lnP(n, n)), 12);
  });
  it("n = 0 gives 2 mu (P(0 | mu) = exp(-mu)), 0 at mu = 0", () => {
    expect(bakerCousinsTerm(0, 1.25)).toBe(2.5);
    expect(bakerCousinsTerm(0, 0)).toBe(0);
  });
  it("a negative mean lies outside the Poisson model, for n = 0 as for n > 0", () => {
    expect(bakerCousinsTerm(0, -0.1)).toBe(Infinity);
    expect(bakerCousinsTerm(3, -0.1)).toBe(Infinity);
    expect(bakerCousinsTerm(3, 0)).toBe(Infinity);
  });
  it("the sum agrees with the per-bin term", () => {
    expect(bakerCousinsChi2([0, 3, 5], [1.5, 2, 5])).toBeCloseTo(bakerCousinsTerm(0, 1.5) + bakerCousinsTerm(3, 2), 14);
    expect(bakerCousinsChi2([0, 3], [-1e-3, 3])).toBe(Infinity);
  });
});
