import { describe, expect, it } from "vitest";
import { binomialFraction, measureCoverage } from "../../lib/analysis/coverage.js";
import { toySeed } from "../../lib/analysis/pseudoExperiments.js";
import { coverageCommand } from "../../lib/cli/commands/coverage.js";

describe("toy seeds", () => {
  it("depend only on (seed, index), lie in [1, 2^32 - 1] and differ between neighbouring runs", () => {
    expect(toySeed(7, 3)).toBe(toySeed(7, 3));
    const seeds = new Set<number>();
    for (const s of [1, 2, 3]) for (let i = 0; i < 200; i++) seeds.add(toySeed(s, i));
    expect(seeds.size).toBe(600);
    for (const v of seeds) expect(Number.isInteger(v) && v >= 1 && v <= 4294967295).toBe(true);
    expect(() => toySeed(0, 1)).toThrow(/seed must be an integer/);
  });
});

describe("binomial fraction", () => {
  it("k/n with sqrt(p(1-p)/n) at p = (k + 1/2)/(n + 1)", () => {
    const r = binomialFraction(9, 10);
    expect(r.value).toBe(0.9);
    expect(r.error).toBeCloseTo(Math.sqrt(((9.5 / 11) * (1.5 / 11)) / 10), 14);
    expect(binomialFraction(250, 250).error).toBeGreaterThan(0);
    expect(() => binomialFraction(3, 2)).toThrow(/0 <= k <= n/);
  });
});

describe("measureCoverage (TEXONO toys, the paper procedure)", () => {
  const r = measureCoverage({ experiment: "texono", procedure: "paper", muB: 0, toys: 4, seed: 11 });
  it("toy i depends on (seed, i) only: a shorter run gives the same first toys", () => {
    const short = measureCoverage({ experiment: "texono", procedure: "paper", muB: 0, toys: 2, seed: 11 });
    expect(Array.from(short.runs.muUpperMuB)).toEqual(Array.from(r.runs.muUpperMuB.subarray(0, 2)));
    const other = measureCoverage({ experiment: "texono", procedure: "paper", muB: 0, toys: 2, seed: 12 });
    expect(other.runs.muUpperMuB[0]).not.toBe(r.runs.muUpperMuB[0]);
  });
  it("at mu = 0 every PDG limit covers (X_90 > 0 by construction)", () => {
    expect(r.coverage().value).toBe(1);
    const j = r.toJSON();
    for (const k of ["coverage", "coverage_err", "median_mu_upper_mub", "p_below_published", "toys"]) expect(j).toHaveProperty(k);
    expect(j.published_mu_upper_mub).toBe(7.4e-11);
  });
});

describe("nuem coverage: option errors", () => {
  it("names the option", async () => {
    await expect(async () => coverageCommand.run({ experiment: "gemma2", procedure: "paper", mu: "0", toys: "10", seed: "1" }, [])).rejects.toThrow(/--experiment: expected one of gemma, texono/);
    await expect(async () => coverageCommand.run({ experiment: "gemma", procedure: "section", mu: "0", toys: "10", seed: "1" }, [])).rejects.toThrow(/--procedure: expected one of paper, full/);
    await expect(async () => coverageCommand.run({ experiment: "gemma", procedure: "paper", mu: "-1", toys: "10", seed: "1" }, [])).rejects.toThrow(/--mu/);
    await expect(async () => coverageCommand.run({ experiment: "gemma", procedure: "paper", mu: "0", toys: "1.5", seed: "1" }, [])).rejects.toThrow(/--toys/);
    await expect(async () => coverageCommand.run({ experiment: "gemma", procedure: "paper", mu: "0", toys: "10", seed: "0" }, [])).rejects.toThrow(/--seed/);
  });
});
