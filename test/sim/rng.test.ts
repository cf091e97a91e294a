import { describe, expect, it } from "vitest";
import { RngStream, SimRng, checkSeed } from "../../lib/sim/rng.js";

const draws = (r: SimRng, n: number) => Array.from({ length: n }, () => r.uniform());

describe("SimRng", () => {
  it("the same (seed, stream, index) gives the same sequence; another index or seed another", () => {
    const a = draws(new SimRng(42, RngStream.RUN, 7), 5);
    expect(draws(new SimRng(42, RngStream.RUN, 7), 5)).toEqual(a);
    expect(draws(new SimRng(42, RngStream.RUN, 8), 5)).not.toEqual(a);
    expect(draws(new SimRng(43, RngStream.RUN, 7), 5)).not.toEqual(a);
    expect(draws(new SimRng(42, RngStream.SCHEDULE, 7), 5)).not.toEqual(a);
  });
  it("seeds above 2^32 are distinct from their low 32 bits", () => {
    expect(draws(new SimRng(2 ** 32 + 5, RngStream.RUN, 1), 3)).not.toEqual(draws(new SimRng(5, RngStream.RUN, 1), 3));
  });
  it("rejects seeds that are not non-negative safe integers", () => {
    expect(() => checkSeed(-1)).toThrow("seed must be an integer");
    expect(() => checkSeed(1.5)).toThrow("seed must be an integer");
    expect(checkSeed(0)).toBe(0);
  });
  it("uniform, normal, Poisson and exponential deviates have their means and variances (5 sigma)", () => {
    const r = new SimRng(1, RngStream.RUN, 1);
    const n = 200000;
    let su = 0, sg = 0, sg2 = 0, sp = 0, se = 0;
    for (let i = 0; i < n; i++) {
      su += r.uniform();
      const g = r.gauss(2, 3);
      sg += g;
      sg2 += (g - 2) ** 2;
      sp += r.count(4.5);
      se += r.exponential(1.7);
    }
    expect(Math.abs(su / n - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(sg / n - 2)).toBeLessThan(5 * (3 / Math.sqrt(n)));
    expect(Math.abs(sg2 / n / 9 - 1)).toBeLessThan(5 * Math.sqrt(2 / n));
    expect(Math.abs(sp / n - 4.5)).toBeLessThan(5 * Math.sqrt(4.5 / n));
    expect(Math.abs(se / n - 1.7)).toBeLessThan(5 * (1.7 / Math.sqrt(n)));
    expect(r.count(0)).toBe(0);
  });
});
