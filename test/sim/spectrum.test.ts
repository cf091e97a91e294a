import { describe, expect, it } from "vitest";
import { SimRng } from "../../lib/sim/rng.js";
import { grid, tabulate, TabulatedSpectrum } from "../../lib/sim/spectrum.js";

describe("TabulatedSpectrum", () => {
  it("integrates a piecewise-linear density exactly (trapezoid)", () => {
    const s = new TabulatedSpectrum([0, 1, 3], [2, 4, 0]);
    expect(s.total).toBeCloseTo(3 + 4, 12);
    expect(s.integral(0.5, 2)).toBeCloseTo(/* 0.5..1: */ 0.5 * (3 + 4) / 2 + /* 1..2: */ (4 + 2) / 2, 12);
    expect(s.at(2)).toBeCloseTo(2, 12);
    expect(s.at(5)).toBe(0);
  });
  it("inverse CDF: sample(u) has cumulative integral u * total", () => {
    const s = new TabulatedSpectrum([0, 1, 3], [2, 4, 0]);
    for (const u of [0, 0.1, 0.37, 0.5, 0.9, 0.999]) expect(s.cdfAt(s.sample(u)) / s.total).toBeCloseTo(u, 10);
  });
  it("samples 1/T on a log grid with the closed-form mean (T2 - T1)/ln(T2/T1) (5 sigma)", () => {
    const x = grid(1, 100, 400);
    const s = tabulate((t) => 1 / t, x);
    // trapezoid on 1/T, log step 1.2 %: relative error ~(h/T)^2/12 ~ 2e-5
    expect(s.total / Math.log(100)).toBeCloseTo(1, 4);
    const r = new SimRng(3, 2, 1);
    const n = 100000;
    let sum = 0, sum2 = 0;
    for (let i = 0; i < n; i++) {
      const t = s.sample(r.uniform());
      sum += t;
      sum2 += t * t;
    }
    const mean = 99 / Math.log(100);
    const sd = Math.sqrt((100 * 100 - 1) / 2 / Math.log(100) - mean * mean);
    expect(Math.abs(sum / n - mean)).toBeLessThan(5 * sd / Math.sqrt(n));
  });
  it("refuses bad grids", () => {
    expect(() => new TabulatedSpectrum([0, 0, 1], [1, 1, 1])).toThrow("not strictly ascending");
    expect(() => new TabulatedSpectrum([0, 1], [1, -1])).toThrow("density >= 0");
  });
});
