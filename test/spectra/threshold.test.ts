import normalCdf from "@stdlib/stats-base-dists-normal-cdf";
import { describe, expect, it } from "vitest";
import type { EventColumns, RunTable } from "../../lib/events/index.js";
import { fitThresholdEfficiency, PulserCounts, pulserSettingsFromManifest, thresholdEfficiencyBand } from "../../lib/spectra/index.js";
import { createRng } from "../../lib/stats/random.js";

const AMPS = [1, 1.25, 1.5, 1.75, 2, 2.25, 2.5, 2.75, 3, 3.25, 3.5, 3.75, 4];

describe("threshold efficiency, GEMMA (4), from pulser counts", () => {
  it("exact expected counts give back E0 and sigma (the binomial likelihood is maximal at the truth)", () => {
    const sent = AMPS.map(() => 10000);
    const rec = AMPS.map((a) => 10000 * normalCdf(a, 1.5, 0.55));
    const f = fitThresholdEfficiency(AMPS, sent, rec);
    expect(f.e0KeV).toBeCloseTo(1.5, 4);
    expect(f.sigmaKeV).toBeCloseTo(0.55, 4);
    expect(f.deviance).toBeLessThan(1e-6);
    expect(f.valid).toBe(true);
  });

  it("binomial pseudo-data: errors cover the truth (pulls over 200 samples have rms ~1)", () => {
    const rng = createRng(11);
    const p1: number[] = [];
    const p2: number[] = [];
    for (let s = 0; s < 200; s++) {
      const sent = AMPS.map(() => 1400);
      const rec = AMPS.map((a) => {
        const p = normalCdf(a, 1.5, 0.55);
        let k = 0;
        for (let i = 0; i < 1400; i++) if (rng.uniform() < p) k++;
        return k;
      });
      const f = fitThresholdEfficiency(AMPS, sent, rec);
      p1.push((f.e0KeV - 1.5) / f.e0ErrorKeV);
      p2.push((f.sigmaKeV - 0.55) / f.sigmaErrorKeV);
    }
    const rms = (x: number[]): number => Math.sqrt(x.reduce((a, b) => a + b * b, 0) / x.length);
    const mean = (x: number[]): number => x.reduce((a, b) => a + b, 0) / x.length;
    for (const p of [p1, p2]) {
      expect(Math.abs(mean(p))).toBeLessThan(0.25);
      expect(rms(p)).toBeGreaterThan(0.8);
      expect(rms(p)).toBeLessThan(1.2);
    }
  }, 20_000);

  it("eta band: eta(E0) = 1/2 and its error follows the covariance (d eta / d E0 = -pdf at E0)", () => {
    const f = { e0KeV: 1.5, e0ErrorKeV: 0.01, sigmaKeV: 0.55, sigmaErrorKeV: 0.01, correlation: 0, covariance: [1e-4, 0, 0, 1e-4], valid: true, nll: 0, deviance: 0, ndf: 11 };
    const b = thresholdEfficiencyBand([1.5, 3], f);
    expect(b.eta[0]).toBeCloseTo(0.5, 15);
    expect(b.error[0]).toBeCloseTo(0.01 / (Math.sqrt(2 * Math.PI) * 0.55), 12);
    expect(b.eta[1]).toBeCloseTo(normalCdf(3, 1.5, 0.55), 15);
  });
});

describe("PulserCounts: pulses sent and recorded per amplitude from the pulse grid", () => {
  // One 100 s run, 5 Hz from t0 = 0.137 s, amplitudes cycled from the first pulse; pulses below
  // 1.5 keV dropped every other time; a physics event in between.
  const dt = 0.2;
  const t0 = 0.137;
  const times: number[] = [];
  const energies: number[] = [];
  const pulser: number[] = [];
  const sentTrue = new Array(AMPS.length).fill(0);
  const recTrue = new Array(AMPS.length).fill(0);
  for (let q = 0; t0 + q * dt < 100; q++) {
    const k = q % AMPS.length;
    sentTrue[k]++;
    if (AMPS[k] < 1.5 && q % 2 === 0) continue;
    recTrue[k]++;
    times.push(t0 + q * dt);
    energies.push(AMPS[k] + 0.1 * Math.sin(q));
    pulser.push(1);
  }
  times.push(50.05);
  energies.push(7);
  pulser.push(0);
  const order = times.map((_, i) => i).sort((a, b) => times[a] - times[b]);
  const n = times.length;
  const ev: EventColumns = {
    length: n,
    time_s: Float64Array.from(order, (i) => times[i]),
    run: new Int32Array(n).fill(1),
    e1_kev: Float32Array.from(order, (i) => energies[i]),
    e2_kev: Float32Array.from(order, (i) => energies[i]),
    e3_kev: Float32Array.from(order, (i) => energies[i]),
    nai_kev: new Float32Array(n),
    veto: new Uint8Array(n),
    pulser: Uint8Array.from(order, (i) => pulser[i]),
  };
  const runs: RunTable = {
    length: 1,
    run: Int32Array.of(1),
    start_utc: Float64Array.of(1e9),
    duration_s: Float64Array.of(100),
    live_time_s: Float64Array.of(99.9),
    dead_time_s: Float64Array.of(0.1),
    thermal_power_gw: Float64Array.of(3),
    state: Uint8Array.of(1),
    phase: Int32Array.of(1),
    ln2_fill: Uint8Array.of(0),
    site_work: Uint8Array.of(0),
  };
  it("finds the grid and the amplitude cycle, counts every slot of the run as sent", () => {
    const c = new PulserCounts({ rateHz: 5, amplitudesKeV: AMPS }).add(ev, runs, ev.e3_kev);
    expect(c.runs).toBe(1);
    expect(Array.from(c.sent)).toEqual(sentTrue);
    expect(Array.from(c.recorded)).toEqual(recTrue);
    expect(c.sent.reduce((a, b) => a + b, 0)).toBe(500);
  });
  it("reads the pulser of a simulated dataset's manifest", () => {
    expect(pulserSettingsFromManifest({ simulation: { config: { config: { pulser: { rateHz: 5, amplitudesKeV: [1, 2] } } } } })).toEqual({ rateHz: 5, amplitudesKeV: [1, 2] });
    expect(pulserSettingsFromManifest({ simulation: null })).toBeUndefined();
  });
});
