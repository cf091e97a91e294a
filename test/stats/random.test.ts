import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createRng, normalDraw, poissonDraw } from "../../lib/stats/random.js";

// numpy's legacy RandomState (test/reference/stats/mt19937.py).
const ref = JSON.parse(readFileSync(new URL("../reference/stats/mt19937.json", import.meta.url), "utf8")) as {
  seeds: Record<string, { raw: number[]; uniform: number[] }>;
};

describe("seeded random numbers", () => {
  it("MT19937 reproduces numpy RandomState(seed): raw 32-bit words and 53-bit uniforms, bit for bit", () => {
    for (const [seed, v] of Object.entries(ref.seeds)) {
      const a = createRng(Number(seed));
      expect(v.raw.map(() => a.uint32())).toEqual(v.raw);
      const b = createRng(Number(seed));
      expect(v.uniform.map(() => b.uniform())).toEqual(v.uniform);
    }
  });

  it("the same seed gives the same Poisson and normal pseudo-data bit for bit; another seed does not", () => {
    const mean = Float64Array.from({ length: 200 }, (_, i) => 0.1 + i * 3.7);
    const a = poissonDraw(createRng(99), mean);
    const b = poissonDraw(createRng(99), mean);
    expect(Array.from(a)).toEqual(Array.from(b));
    const c = poissonDraw(createRng(100), mean);
    expect(Array.from(c)).not.toEqual(Array.from(a));
    const n1 = normalDraw(createRng(5), mean, 2);
    const n2 = normalDraw(createRng(5), mean, 2);
    expect(n1.every((v, i) => Object.is(v, n2[i]))).toBe(true);
  });

  it("Poisson draws have the right mean and variance (1e5 draws at mean 3.5: 4 standard errors), and mean 0 gives 0", () => {
    const rng = createRng(1234);
    const n = 100000;
    const mean = new Float64Array(n).fill(3.5);
    const d = poissonDraw(rng, mean);
    const m = d.reduce((s, v) => s + v, 0) / n;
    const v = d.reduce((s, x) => s + (x - m) ** 2, 0) / (n - 1);
    expect(Math.abs(m - 3.5)).toBeLessThan(4 * Math.sqrt(3.5 / n));
    // var of the sample variance for Poisson: (mu + 2 mu^2)/n (4th central moment mu + 3 mu^2).
    expect(Math.abs(v - 3.5)).toBeLessThan(4 * Math.sqrt((3.5 + 2 * 3.5 * 3.5) / n));
    expect(Array.from(poissonDraw(rng, [0, 0]))).toEqual([0, 0]);
    expect(() => rng.poisson(-1)).toThrow();
  });

  it("rejects seeds outside [1, 2^32 - 1]", () => {
    expect(() => createRng(0)).toThrow();
    expect(() => createRng(1.5)).toThrow();
  });
});
