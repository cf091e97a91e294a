import { describe, expect, it } from "vitest";
import { createRng } from "../../lib/stats/random.js";
import { diagonalDistanceKeV, fourierWeightsFromNoise, rejectFourier, weightsOrthogonalTo, combinedEnergyKeV } from "../../lib/selection/index.js";
import type { EventColumns } from "../../lib/events/index.js";
import { makeEvents, makeRuns } from "./fixtures.js";

function columns(e1: number[], e2: number[], e3: number[]): EventColumns {
  const n = e1.length;
  return {
    length: n,
    time_s: Float64Array.from({ length: n }, (_, i) => i * 0.5),
    run: new Int32Array(n).fill(1),
    e1_kev: Float32Array.from(e1),
    e2_kev: Float32Array.from(e2),
    e3_kev: Float32Array.from(e3),
    nai_kev: new Float32Array(n),
    veto: new Uint8Array(n),
    pulser: new Uint8Array(n),
  };
}

const dot = (a: ArrayLike<number>, b: ArrayLike<number>): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];

describe("weights against the noise direction", () => {
  it("noise in E1 only gives (0, 1/2, 1/2); noise perpendicular to the diagonal gives equal weights", () => {
    const w = weightsOrthogonalTo([1, 0, 0]);
    expect(w[0]).toBeCloseTo(0, 15);
    expect(w[1]).toBeCloseTo(0.5, 15);
    expect(w[2]).toBeCloseTo(0.5, 15);
    const e = weightsOrthogonalTo([1, -1, 0]);
    for (const x of e) expect(x).toBeCloseTo(1 / 3, 15);
  });

  it("recovers a known noise direction from synthetic noise plus diagonal signal", () => {
    const rng = createRng(7);
    const n0 = [1, -0.5, 0.2];
    const norm = Math.hypot(...n0);
    const u = n0.map((x) => x / norm);
    const e1: number[] = [];
    const e2: number[] = [];
    const e3: number[] = [];
    for (let i = 0; i < 4000; i++) {
      // noise: amplitude along u, 2.5 keV rms, plus 0.1 keV independent jitter per channel
      const x = rng.normal(0, 2.5);
      e1.push(x * u[0] + rng.normal(0, 0.1));
      e2.push(x * u[1] + rng.normal(0, 0.1));
      e3.push(x * u[2] + rng.normal(0, 0.1));
    }
    for (let i = 0; i < 4000; i++) {
      // real events on the diagonal, 1-4 keV, per-channel sigma 0.1 keV
      const t = 1 + 3 * rng.uniform();
      e1.push(t + rng.normal(0, 0.1));
      e2.push(t + rng.normal(0, 0.1));
      e3.push(t + rng.normal(0, 0.1));
    }
    const ev = columns(e1, e2, e3);
    const d = fourierWeightsFromNoise(ev, { sigmaKeV: () => 0.1 });
    const cosAngle = Math.abs(dot(d.direction, u));
    expect(Math.acos(Math.min(1, cosAngle)) * (180 / Math.PI)).toBeLessThan(1);
    const w = d.weights;
    expect(w[0] + w[1] + w[2]).toBeCloseTo(1, 14);
    expect(Math.abs(dot(w, u))).toBeLessThan(0.01);
    // E~ of pure noise events is much smaller with these weights than with equal weights.
    const eq = combinedEnergyKeV(ev);
    const best = combinedEnergyKeV(ev, w);
    let s0 = 0;
    let s1 = 0;
    for (let i = 0; i < 4000; i++) {
      s0 += eq[i] ** 2;
      s1 += best[i] ** 2;
    }
    expect(s1 / s0).toBeLessThan(0.05);
  });
});

describe("rejectFourier (GEMMA cut 5)", () => {
  it("distance from the diagonal: |E - (E.u)u|", () => {
    const ev = makeEvents([
      { run: 1, t: 0, e1: 3, e2: 3, e3: 3 },
      { run: 1, t: 1, e1: 1, e2: 0, e3: -1 },
    ]);
    const d = diagonalDistanceKeV(ev);
    expect(d[0]).toBe(0);
    expect(d[1]).toBeCloseTo(Math.SQRT2, 6);
  });

  it("keeps 1 - exp(-k^2/2) of diagonal events with Gaussian channel noise (chi^2 with 2 dof), removes no live time", () => {
    const rng = createRng(11);
    const sigma = 0.3;
    const n = 200000;
    const e1: number[] = [];
    const e2: number[] = [];
    const e3: number[] = [];
    for (let i = 0; i < n; i++) {
      const t = 3 + 50 * rng.uniform();
      e1.push(t + rng.normal(0, sigma));
      e2.push(t + rng.normal(0, sigma));
      e3.push(t + rng.normal(0, sigma));
    }
    const ev = columns(e1, e2, e3);
    const runs = makeRuns({ n: 1, durationS: n });
    for (const k of [2, 3]) {
      const cut = rejectFourier(ev, runs, { k, sigmaKeV: () => sigma });
      const eff = 1 - cut.eventsRemoved / n;
      const expected = 1 - Math.exp(-(k * k) / 2);
      const se = Math.sqrt((expected * (1 - expected)) / n);
      // float32 storage of the energies adds ~1e-6 keV: negligible against sigma.
      expect(Math.abs(eff - expected)).toBeLessThan(4 * se);
      expect(cut.liveTimeRemovedS).toBe(0);
    }
  });
});
