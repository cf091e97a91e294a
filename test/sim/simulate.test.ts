import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateDataset } from "../../lib/events/index.js";
import { Origin } from "../../lib/events/origin.js";
import { RunState } from "../../lib/events/runState.js";
import { buildSchedule, DetectorModel, freeElectronClosedFormSignal, gemmaConfig, isGoodRun, RunEvents, RunGenerator, simulate, texonoConfig } from "../../lib/sim/index.js";
import { scratch, smallGemmaDataset, TEST_MU_B, type LoadedDataset } from "./helpers.js";

const filesOf = (dir: string) => Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f))]));

describe("simulate: determinism", () => {
  const tmp = scratch();
  afterAll(() => tmp.cleanup());
  const run = (sub: string, seed: number) =>
    simulate(gemmaConfig(), { seed, outDir: join(tmp.dir, sub), signal: freeElectronClosedFormSignal(3e-11), hoursOn: 36, hoursOff: 36, progress: false });

  it("same seed -> byte-identical files; another seed -> different files", () => {
    run("a", 5);
    run("b", 5);
    run("c", 6);
    const a = filesOf(join(tmp.dir, "a"));
    const b = filesOf(join(tmp.dir, "b"));
    const c = filesOf(join(tmp.dir, "c"));
    expect(Object.keys(a)).toEqual(Object.keys(b));
    expect(Object.keys(a)).toContain("runs.arrow");
    expect(Object.keys(a)).toContain("simulation.json");
    for (const f of Object.keys(a)) expect(Buffer.compare(a[f], b[f]), f).toBe(0);
    for (const f of Object.keys(a).filter((f) => f.endsWith(".arrow"))) expect(Buffer.compare(a[f], c[f]), f).not.toBe(0);
  });
  it("a run generated alone, out of order, equals the run in the dataset (one random stream per run)", () => {
    const cfg = gemmaConfig();
    const plan = buildSchedule(cfg, 5, { hoursOn: 36, hoursOff: 36 });
    const gen = new RunGenerator(new DetectorModel(cfg, freeElectronClosedFormSignal(3e-11)), plan, 5);
    const out = new RunEvents();
    const i = 40;
    gen.generate(plan.length - 1, out); // another run first
    gen.generate(i, out);
    const ds = validateDataset(join(tmp.dir, "a"));
    expect(ds.runs).toBe(plan.length);
    const again = new RunEvents();
    new RunGenerator(new DetectorModel(cfg, freeElectronClosedFormSignal(3e-11)), plan, 5).generate(i, again);
    expect(Array.from(again.time_s.subarray(0, again.length))).toEqual(Array.from(out.time_s.subarray(0, out.length)));
    expect(Array.from(again.e2_kev.subarray(0, again.length))).toEqual(Array.from(out.e2_kev.subarray(0, out.length)));
  });
  it("refuses to overwrite a dataset unless asked, and then replaces it", () => {
    expect(() => run("a", 7)).toThrow(/exists already/);
    const s = simulate(gemmaConfig(), { seed: 7, outDir: join(tmp.dir, "a"), signal: freeElectronClosedFormSignal(0), hoursOn: 12, hoursOff: 0, overwrite: true, progress: false });
    expect(validateDataset(join(tmp.dir, "a")).events).toBe(s.events);
  });
});

describe("simulate: the small GEMMA dataset (240 h ON, 240 h OFF, mu = 1e-9)", () => {
  const tmp = scratch();
  let d: LoadedDataset;
  beforeAll(() => {
    d = smallGemmaDataset(tmp.dir);
  });
  afterAll(() => tmp.cleanup());

  it("is a valid dataset whose manifest records the generator, seed and configuration", () => {
    const r = validateDataset(tmp.dir);
    expect(r.events).toBe(d.summary.events);
    const m = JSON.parse(readFileSync(join(tmp.dir, "dataset.json"), "utf8"));
    expect(m.experiment).toBe("GEMMA");
    expect(m.detector_mass_kg).toBe(1.5);
    expect(m.simulation.seed).toBe(20260101);
    expect(m.simulation.config.config.trigger.e0KeV).toBe(1.5);
    expect(m.simulation.config.signal).toHaveLength(2);
    expect(m.periods.every((p: { truth: string | null }) => p.truth !== null)).toBe(true);
    const s = JSON.parse(readFileSync(join(tmp.dir, "simulation.json"), "utf8"));
    expect(s.counts_by_origin).toEqual(d.summary.counts_by_origin);
    expect(s.wall_time_s).toBeUndefined();
  });
  it("good ON / OFF live times are the configured 240 h less the dead time (~100 us per event)", () => {
    const s = d.summary;
    for (const live of [s.live_time_on_s, s.live_time_off_s]) {
      expect(live).toBeLessThanOrEqual(240 * 3600);
      expect(live).toBeGreaterThan(240 * 3600 * 0.999);
    }
    const r = d.runs;
    let sumLiveOn = 0;
    const plan = buildSchedule(d.config, 20260101, { hoursOn: 240, hoursOff: 240 });
    for (let i = 0; i < r.length; i++) {
      expect(r.live_time_s[i] + r.dead_time_s[i]).toBeCloseTo(r.duration_s[i], 6);
      if (r.state[i] === RunState.ON && isGoodRun(plan, i)) sumLiveOn += r.live_time_s[i];
    }
    expect(sumLiveOn).toBeCloseTo(s.live_time_on_s, 3);
    // dead time = 100 us x recorded events (minus the tails cut at the run ends)
    expect(s.dead_time_s / (s.events * 100e-6)).toBeCloseTo(1, 3);
  });
  it("the injected signal rate: 1.544 (mu/1e-10)^2 / T cpd (GEMMA (2) at T << E) over 5-50 keV, scaled by power, none when OFF (4 sigma Poisson)", () => {
    const { ev, runs, runRow, summary } = d;
    const scale = summary.phases[0].power_log_scale;
    let expected = 0;
    for (let i = 0; i < runs.length; i++) {
      if (runs.state[i] === RunState.OFF) continue;
      const trueP = runs.thermal_power_gw[i] / scale;
      expected += (runs.live_time_s[i] / 86400) * (trueP / 3.0);
    }
    expected *= 1.544 * (TEST_MU_B / 1e-10) ** 2 * Math.log(50 / 5) * 1.5;
    let n = 0;
    let off = 0;
    for (let j = 0; j < ev.length; j++) {
      if (ev.truth.origin[j] !== Origin.SIGNAL_EM) continue;
      if (runs.state[runRow.get(ev.run[j])!] === RunState.OFF) off++;
      const e = ev.truth.e_true_kev![j];
      if (e >= 5 && e < 50) n++;
    }
    expect(off).toBe(0);
    expect(Math.abs(n - expected)).toBeLessThan(4 * Math.sqrt(expected));
    // the summary's expectation over the whole grid (0.3-100 keV, before the trigger) agrees with the closed form
    const em = summary.signal.find((s) => s.origin === Origin.SIGNAL_EM)!;
    expect(em.expected_counts / ((expected / Math.log(10)) * Math.log(100 / 0.3))).toBeCloseTo(1, 3);
  });
});

describe("simulate: TEXONO", () => {
  const tmp = scratch();
  afterAll(() => tmp.cleanup());
  it("a short TEXONO dataset: 1.06 kg, no noble gas, events only above the 5 keV DAQ threshold region", () => {
    const s = simulate(texonoConfig(), { seed: 3, outDir: tmp.dir, signal: freeElectronClosedFormSignal(7.4e-11, { fluxPerCm2s: 6.4e12 }), hoursOn: 24, hoursOff: 24, progress: false });
    expect(s.experiment).toBe("TEXONO");
    expect(s.detector_mass_kg).toBe(1.06);
    expect(s.counts_by_origin["noble-gas"]).toBe(0);
    const ds = validateDataset(tmp.dir);
    expect(ds.experiment).toBe("TEXONO");
    expect(s.live_time_on_s).toBeGreaterThan(24 * 3600 * 0.999);
  });
});
