import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csiSigmaKeV } from "../../lib/detector/csiResolution.js";
import { concatEvents, openDataset, readPeriod, validateDataset, type EventColumns, type RunTable } from "../../lib/events/index.js";
import { Origin } from "../../lib/events/origin.js";
import { RunState } from "../../lib/events/runState.js";
import { antiNueCouplings, basisTotal, csiWindowBasis } from "../../lib/rates/csiRates.js";
import {
  buildCsiModel,
  csiConfig,
  csiExpectedSpectra,
  csiRunPlan,
  simulateCsi,
  TL208_LINE_KEV,
  type CsiSimulationSummary,
} from "../../lib/sim/index.js";
import { scratch } from "./helpers.js";

const ON = 29882;
const OFF = 7369;
const filesOf = (dir: string) => Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f))]));

function load(dir: string): { runs: RunTable; ev: EventColumns & { truth: NonNullable<EventColumns["truth"]> } } {
  const ds = openDataset(dir);
  const parts = ds.manifest.periods.map((p) => readPeriod(ds, p.name, { truth: true }));
  return { runs: ds.runs, ev: concatEvents(parts, true) as EventColumns & { truth: NonNullable<EventColumns["truth"]> } };
}

describe("CsI(Tl) configuration", () => {
  const c = csiConfig();
  it("takes the published setup: 187 kg, 2.9 GW, 29882 / 7369 kg day, 3-8 MeV, sin^2 theta_W 0.23867", () => {
    expect(c.massKg).toBe(187);
    expect(c.nominalPowerGW).toBe(2.9);
    expect(c.onKgDays).toBe(ON);
    expect(c.offKgDays).toBe(OFF);
    expect(c.windowKeV).toEqual([3000, 8000]);
    expect(c.sin2ThetaW).toBe(0.23867);
    expect(c.backgroundSource).toMatch(/^NOT PUBLISHED/);
  });
  it("refuses bad fields", () => {
    expect(() => csiConfig({ shares: { ambientGamma: 0.5, tl208: 0.5, cosmic: 0.5, neutronCapture: 0 } })).toThrow(/sum to 1/);
    expect(() => csiConfig({ windowKeV: [1000, 8000] })).toThrow(/record/);
    expect(() => csiConfig({ vetoEfficiency: 1 })).toThrow(/vetoEfficiency/);
    expect(() => csiConfig({ massKG: 1 } as never)).toThrow(/unknown field "massKG"/);
  });
  it("the veto-free background in the window is the configured level, and the model's window sums agree with its binned spectra", () => {
    const m = buildCsiModel(c);
    const bkg = m.components.filter((k) => !k.reactor && k.veto === 0).reduce((a, k) => a + k.windowRatePerKgDay, 0);
    expect(bkg / c.backgroundPerKgDay).toBeCloseTo(1, 10);
    const e = csiExpectedSpectra(m, [3000, 4000, 5500, 8000]);
    expect(e.background.reduce((a, v) => a + v, 0) / c.backgroundPerKgDay).toBeCloseTo(1, 6);
    const sig = m.components.find((k) => k.name === "signal")!;
    expect(e.signal.reduce((a, v) => a + v, 0) / sig.windowRatePerKgDay).toBeCloseTo(1, 6);
  });
  it("the run plan holds exactly the published live exposure, in one-day runs, ON at 2.9 GW and OFF at 0", () => {
    const p = csiRunPlan(c);
    let on = 0;
    let off = 0;
    for (let i = 0; i < p.length; i++) {
      expect(p.duration_s[i]).toBeLessThanOrEqual(86400);
      if (i > 0) expect(p.start_utc[i]).toBeCloseTo(p.start_utc[i - 1] + p.duration_s[i - 1], 6);
      if (p.state[i] === RunState.ON) {
        on += p.duration_s[i];
        expect(p.thermal_power_gw[i]).toBe(2.9);
      } else {
        off += p.duration_s[i];
        expect(p.thermal_power_gw[i]).toBe(0);
      }
    }
    expect((on * 187) / 86400).toBeCloseTo(ON, 6);
    expect((off * 187) / 86400).toBeCloseTo(OFF, 6);
  });
});

describe("simulateCsi: determinism and format", () => {
  const tmp = scratch();
  afterAll(() => tmp.cleanup());
  const small = csiConfig({ onKgDays: 187 * 3, offKgDays: 187 * 2 });
  it("same seed -> byte-identical files; another seed -> different events; the dataset validates and says CsI(Tl)", () => {
    simulateCsi(small, { seed: 11, outDir: join(tmp.dir, "a") });
    simulateCsi(small, { seed: 11, outDir: join(tmp.dir, "b") });
    simulateCsi(small, { seed: 12, outDir: join(tmp.dir, "c") });
    const a = filesOf(join(tmp.dir, "a"));
    const b = filesOf(join(tmp.dir, "b"));
    const c = filesOf(join(tmp.dir, "c"));
    expect(Object.keys(a)).toEqual(Object.keys(b));
    expect(Object.keys(a)).toEqual(expect.arrayContaining(["dataset.json", "runs.arrow", "simulation.json", "events-2004-06.arrow", "truth-2004-06.arrow"]));
    for (const f of Object.keys(a)) expect(Buffer.compare(a[f], b[f]), f).toBe(0);
    for (const f of Object.keys(a).filter((f) => f.startsWith("events-"))) expect(Buffer.compare(a[f], c[f]), f).not.toBe(0);
    const report = validateDataset(join(tmp.dir, "a"));
    expect(report.runs).toBe(6); // 1.5 ON days per cycle: a full and a half-day run; 1 OFF day
    expect(report.experiment).toBe("TEXONO CsI(Tl)");
    const m = openDataset(join(tmp.dir, "a")).manifest;
    expect(m.detector).toMatch(/CsI\(Tl\)/);
    expect(m.description).toMatch(/CsI\(Tl\) dataset: e1_kev and e2_kev are the energies measured at the two crystal ends/);
    expect((m.simulation!.config as { csi: { sin2ThetaW: number } }).csi.sin2ThetaW).toBe(0.23867);
  });
  it("refuses to overwrite unless asked", () => {
    expect(() => simulateCsi(small, { seed: 11, outDir: join(tmp.dir, "a") })).toThrow(/exists already/);
    const s = simulateCsi(small, { seed: 13, outDir: join(tmp.dir, "a"), overwrite: true });
    expect(validateDataset(join(tmp.dir, "a")).events).toBe(s.events);
  });
});

describe("simulateCsi: ten times the published exposure (seed 7)", () => {
  const tmp = scratch();
  let s: CsiSimulationSummary;
  let d: ReturnType<typeof load>;
  const c = csiConfig({ onKgDays: 10 * ON, offKgDays: 10 * OFF });
  beforeAll(() => {
    s = simulateCsi(c, { seed: 7, outDir: tmp.dir });
    d = load(tmp.dir);
  });
  afterAll(() => tmp.cleanup());
  const within = (n: number, mu: number, k = 3) => expect(Math.abs(n - mu), `${n} vs ${mu.toFixed(1)}`).toBeLessThan(k * Math.sqrt(mu));

  it("the exposures are 298820 / 73690 kg day from the run table's live times", () => {
    let on = 0;
    let off = 0;
    for (let i = 0; i < d.runs.length; i++) {
      if (d.runs.state[i] === RunState.ON) on += d.runs.live_time_s[i];
      else off += d.runs.live_time_s[i];
    }
    expect((on * 187) / 86400).toBeCloseTo(10 * ON, 4);
    expect((off * 187) / 86400).toBeCloseTo(10 * OFF, 4);
    expect(s.exposure_kg_days.on).toBeCloseTo(10 * ON, 4);
  });
  it("SM signal: events with true energy in 3-8 MeV match the library's rate x exposure (Poisson, 3 sigma); none when OFF", () => {
    const state = new Map<number, number>();
    for (let i = 0; i < d.runs.length; i++) state.set(d.runs.run[i], d.runs.state[i]);
    let trueOn = 0;
    let measuredOn = 0;
    let off = 0;
    const { ev } = d;
    for (let j = 0; j < ev.length; j++) {
      if (ev.truth.origin[j] !== Origin.SIGNAL_WEAK) continue;
      if (state.get(ev.run[j]) !== RunState.ON) {
        off++;
        continue;
      }
      const t = ev.truth.e_true_kev![j];
      // Events with E3 < 2 MeV are not recorded; true energies >= 3 MeV are 14 sigma above.
      if (t >= 3000 && t < 8000) trueOn++;
      if (ev.e3_kev[j] >= 3000 && ev.e3_kev[j] < 8000) measuredOn++;
    }
    const rate = basisTotal(csiWindowBasis([3000, 8000], 10), antiNueCouplings("sm", 0.23867));
    within(trueOn, rate * 10 * ON);
    const sig = s.components.find((k) => k.name === "signal")!;
    within(measuredOn, sig.expected_window_on);
    expect(measuredOn).toBe(sig.recorded_window_on);
    expect(off).toBe(0);
    // Resolution moves 0.19 % more events into the window than out of it (falling spectrum).
    expect(sig.window_rate_per_kg_day / rate).toBeCloseTo(1.0019, 3);
  });
  it("background: veto-free events with E3 in 3-8 MeV match the configured level, ON and OFF, and its binned shape (chi2)", () => {
    const state = new Map<number, number>();
    for (let i = 0; i < d.runs.length; i++) state.set(d.runs.run[i], d.runs.state[i]);
    const edges = Array.from({ length: 11 }, (_, i) => 3000 + 500 * i);
    const on = new Float64Array(10);
    const off = new Float64Array(10);
    const { ev } = d;
    for (let j = 0; j < ev.length; j++) {
      const e = ev.e3_kev[j];
      if (ev.truth.origin[j] === Origin.SIGNAL_WEAK || ev.veto[j] !== 0 || !(e >= 3000 && e < 8000)) continue;
      const k = Math.min(9, Math.floor((e - 3000) / 500));
      if (state.get(ev.run[j]) === RunState.ON) on[k]++;
      else off[k]++;
    }
    const nOn = on.reduce((a, v) => a + v, 0);
    const nOff = off.reduce((a, v) => a + v, 0);
    within(nOn, c.backgroundPerKgDay * 10 * ON);
    within(nOff, c.backgroundPerKgDay * 10 * OFF);
    const exp = csiExpectedSpectra(buildCsiModel(c), edges).background;
    let chi2 = 0;
    for (let i = 0; i < 10; i++) {
      const mu = exp[i] * 10 * (ON + OFF);
      chi2 += (on[i] + off[i] - mu) ** 2 / mu;
    }
    // 10 bins: P(chi2 > 29.6) = 0.001.
    expect(chi2).toBeLessThan(29.6);
  });
  it("the cosmic veto tags 90 % of the cosmic-induced events, and nothing else", () => {
    let tagged = 0;
    let all = 0;
    let other = 0;
    for (let j = 0; j < d.ev.length; j++) {
      if (d.ev.truth.origin[j] !== Origin.MUON) {
        other += d.ev.veto[j];
        continue;
      }
      all++;
      tagged += d.ev.veto[j];
    }
    expect(other).toBe(0);
    expect(Math.abs(tagged / all - 0.9)).toBeLessThan(3 * Math.sqrt((0.9 * 0.1) / all));
  });
  it("E3 = sqrt(E1 E2); the 208Tl line has the configured width (sigma 55.85 keV at 2614.5 keV)", () => {
    const { ev } = d;
    const res: number[] = [];
    let worst = 0;
    for (let j = 0; j < ev.length; j++) {
      worst = Math.max(worst, Math.abs(Math.sqrt(ev.e1_kev[j] * ev.e2_kev[j]) / ev.e3_kev[j] - 1));
      if (ev.truth.origin[j] === Origin.LINE && ev.truth.e_true_kev![j] === Math.fround(TL208_LINE_KEV)) res.push(ev.e3_kev[j] - TL208_LINE_KEV);
    }
    expect(worst).toBeLessThan(3e-7);
    const n = res.length;
    const mean = res.reduce((a, v) => a + v, 0) / n;
    const sd = Math.sqrt(res.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1));
    const sigma = csiSigmaKeV(TL208_LINE_KEV);
    expect(sigma).toBeCloseTo(55.85, 2);
    expect(Math.abs(mean)).toBeLessThan((4 * sigma) / Math.sqrt(n));
    expect(Math.abs(sd / sigma - 1)).toBeLessThan(4 / Math.sqrt(2 * n));
  });
  it("events are sorted by (run, time) and the summary's recorded counts add up to the events", () => {
    const { ev } = d;
    let unsorted = 0;
    for (let j = 1; j < ev.length; j++) if (!(ev.run[j] > ev.run[j - 1] || (ev.run[j] === ev.run[j - 1] && ev.time_s[j] >= ev.time_s[j - 1]))) unsorted++;
    expect(unsorted).toBe(0);
    const rec = s.components.reduce((a, k) => a + k.recorded_on + k.recorded_off, 0);
    expect(rec).toBe(ev.length);
    expect(s.events).toBe(ev.length);
  });
});
