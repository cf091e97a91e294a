import { describe, expect, it } from "vitest";
import { goodnessOfFit, poissonDevianceMoments } from "../../lib/fit/fitQuality.js";
import { bakerCousinsChi2, gaussChi2 } from "../../lib/fit/statistic.js";
import { createRng } from "../../lib/stats/random.js";

describe("poissonDevianceMoments: the Baker-Cousins term's mean and variance under Poisson(mu)", () => {
  it("agrees with seeded Monte Carlo draws at low counts (within 4 standard errors, 200 000 draws)", () => {
    const rng = createRng(11);
    for (const mu of [0.3, 2, 15]) {
      const m = poissonDevianceMoments(mu);
      const n = 200000;
      let s = 0;
      let s2 = 0;
      for (let i = 0; i < n; i++) {
        const d = bakerCousinsChi2([rng.poisson(mu)], [mu]);
        s += d;
        s2 += d * d;
      }
      const mean = s / n;
      const variance = s2 / n - mean * mean;
      expect(Math.abs(mean - m.mean)).toBeLessThan(4 * Math.sqrt(variance / n));
      expect(Math.abs(variance / m.variance - 1)).toBeLessThan(0.03);
    }
  });
  it("tends to the chi-square with one degree of freedom (mean 1 + 1/(6 mu), variance 2) at large mu", () => {
    const m = poissonDevianceMoments(400);
    expect(m.mean).toBeCloseTo(1 + 1 / 2400, 3);
    expect(m.variance).toBeCloseTo(2, 1);
  });
});

describe("goodnessOfFit: z of a fit statistic from its own moments", () => {
  it("toys from a known Poisson model give z with mean 0 and width 1 at 0.5 counts per bin (N = 400 toys, 3 standard errors)", () => {
    const rng = createRng(5);
    const mu = new Float64Array(200).fill(0.5);
    const zs: number[] = [];
    for (let t = 0; t < 400; t++) {
      const n = Array.from(mu, (m) => rng.poisson(m));
      zs.push(goodnessOfFit("poisson", bakerCousinsChi2(n, mu), mu.length, mu).z);
    }
    const mean = zs.reduce((a, b) => a + b, 0) / zs.length;
    const sd = Math.sqrt(zs.reduce((a, b) => a + (b - mean) ** 2, 0) / (zs.length - 1));
    expect(Math.abs(mean)).toBeLessThan(3 / Math.sqrt(400));
    expect(Math.abs(sd - 1)).toBeLessThan(3 / Math.sqrt(2 * 399));
  });
  it("for large counts a Pearson chi2 of 365.6 with 250 ndf is z = 4.45, the Wilson-Hilferty value (Biometrika 1931), not 5.8 from (chi2 - ndf)/sqrt(2 ndf)", () => {
    const mu = new Float64Array(250).fill(1e6);
    const k = 250;
    const wh = (Math.cbrt(365.6 / k) - (1 - 2 / (9 * k))) / Math.sqrt(2 / (9 * k));
    expect(goodnessOfFit("chi2", 365.6, k, mu, mu).z).toBeCloseTo(wh, 1);
  });
  it("a Gaussian chi-square of Poisson toys at 3 counts per bin against the truth has a plausible z (|z| < 3.5 for 20 seeds)", () => {
    const mu = new Float64Array(100).fill(3);
    for (let seed = 1; seed <= 20; seed++) {
      const rng = createRng(seed);
      const n = Array.from(mu, (m) => rng.poisson(m));
      const z = goodnessOfFit("chi2", gaussChi2(n, mu, mu), mu.length, mu, mu).z;
      expect(Math.abs(z)).toBeLessThan(3.5);
    }
  });
});
