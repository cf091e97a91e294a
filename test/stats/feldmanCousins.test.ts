import { readFileSync } from "node:fs";
import normalCdf from "@stdlib/stats-base-dists-normal-cdf";
import { describe, expect, it } from "vitest";
import { fcAcceptanceInterval, feldmanCousins, feldmanCousinsBelt } from "../../lib/stats/feldmanCousins.js";

// Independent reference: closed-form acceptance intervals solved with scipy (test/reference/stats/feldman_cousins.py).
const ref = JSON.parse(readFileSync(new URL("../reference/stats/feldman_cousins.json", import.meta.url), "utf8")) as {
  rows: { cl: number; x: number; lower: number; upper: number }[];
};

// The acceptance probability is checked with @stdlib's normal CDF (accurate in this range).
const Phi = (z: number) => normalCdf(z, 0, 1);

describe("Feldman-Cousins, Gaussian bounded at mu >= 0 (PRD 57 (1998) 3873)", () => {
  it("reproduces the published 90 % CL upper limits of Table X: x = -3, -2, -1, 0, 1 -> 0.26, 0.40, 0.81, 1.64, 2.64", () => {
    const published: [number, number][] = [[-3, 0.26], [-2, 0.40], [-1, 0.81], [0, 1.64], [1, 2.64]];
    for (const [x, up] of published) {
      const r = feldmanCousins(x);
      expect(r.lower).toBe(0);
      expect(Math.abs(r.upper - up)).toBeLessThanOrEqual(0.0051); // the table has two decimals
    }
  });

  it("matches the independent closed-form construction (scipy) for x = -3 ... 3 at 90 and 95 % CL to 2e-3", () => {
    for (const row of ref.rows.filter((_, i) => i % 3 === 0)) {
      const r = feldmanCousins(row.x, { cl: row.cl });
      expect(Math.abs(r.upper - row.upper)).toBeLessThan(2e-3);
      expect(Math.abs(r.lower - row.lower)).toBeLessThan(2e-3);
    }
  });

  it("x = 2: [0.58, 3.64] at 90 % CL and [0.35, 3.96] at 95 % CL (scipy reference)", () => {
    const r90 = feldmanCousins(2);
    expect(r90.lower).toBeCloseTo(0.582327, 2);
    expect(r90.upper).toBeCloseTo(3.644854, 2);
    const r95 = feldmanCousins(2, { cl: 0.95 });
    expect(r95.lower).toBeCloseTo(0.354828, 2);
    expect(r95.upper).toBeCloseTo(3.959964, 2);
    expect(String(r90)).toBe("Feldman-Cousins 90 % CL for x = 2 +- 1: [0.5823, 3.645]");
  });

  it("turns from an upper limit into a two-sided interval at x = Phi^-1(0.9) = 1.2816", () => {
    expect(feldmanCousins(1.27).isUpperLimit).toBe(true);
    expect(feldmanCousins(1.3).isUpperLimit).toBe(false);
  });

  it("acceptance intervals hold exactly CL of probability, and at mu = 0 are (-inf, 1.2816]", () => {
    for (const mu of [0.05, 0.3, 1, 2.5, 6]) {
      const [x1, x2] = fcAcceptanceInterval(mu, 0.9);
      expect(Phi(x2 - mu) - Phi(x1 - mu)).toBeCloseTo(0.9, 7);
    }
    const [a, b] = fcAcceptanceInterval(0, 0.9);
    expect(a).toBe(-Infinity);
    expect(b).toBeCloseTo(1.2815515655446004, 12);
    const belt = feldmanCousinsBelt([0.5, 1, 2]);
    expect(belt.x2[2]).toBeGreaterThan(belt.x2[1]);
  });

  it("scales with sigma: x +- sigma gives sigma times the unit interval of x/sigma", () => {
    const s = feldmanCousins(3, { sigma: 2 });
    const u = feldmanCousins(1.5);
    expect(s.upper).toBeCloseTo(2 * u.upper, 8);
    expect(s.lower).toBeCloseTo(2 * u.lower, 8);
  });
});
