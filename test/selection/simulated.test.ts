// The selection on a simulated GEMMA dataset with truth: 72 h ON + 72 h OFF, seed 269 (chosen for a
// strong noble-gas episode in ON and one in OFF, site work, LN2 fillings and a pulser run), with
// mu = 5e-10 mu_B so that ~800 signal events measure the efficiency to ~0.5 %.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectCommand } from "../../lib/cli/commands/select.js";
import { Origin, ORIGIN_NAMES, openDataset, readPeriod, validateDataset } from "../../lib/events/index.js";
import { ARTEFACT_ORIGINS, gemmaSelectionOptions, runSelection, selectDataset, type SelectDatasetResult, type SelectionResult } from "../../lib/selection/index.js";
import { pdgDecimals } from "../../lib/fit/format.js";
import { buildSchedule, gemmaConfig, physicsSignal, simulate, type SimulationSummary } from "../../lib/sim/index.js";

const SEED = 269;
const dir = mkdtempSync(join(tmpdir(), "nuem-selsim-"));
const data = join(dir, "gemma");
let summary: SimulationSummary;
let res: SelectDatasetResult;
let one: SelectionResult;

beforeAll(() => {
  summary = simulate(gemmaConfig(), { seed: SEED, outDir: data, signal: physicsSignal("gemma", 5e-10, "fe"), hoursOn: 72, hoursOff: 72 });
  res = selectDataset(data, { outDir: join(dir, "selected") });
  const ds = openDataset(data);
  one = runSelection(readPeriod(ds, ds.manifest.periods[0].name, { truth: true }), ds.runs, gemmaSelectionOptions());
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("GEMMA selection on simulated data (truth)", () => {
  it("conserves events exactly and live time to rounding, in total, per period and per reactor state", () => {
    const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
    const j = res.cutFlow.toJSON() as { events_in: number; events_kept: number; live_time_in_s: number; live_time_kept_s: number; cuts: { events_removed: number; live_time_removed_s: number }[]; states: Record<string, { events_in: number; events_kept: number; cuts: { events_removed: number }[] }>; periods: { states: Record<string, { events_in: number; events_kept: number; cuts: { events_removed: number }[] }> }[] };
    expect(j.events_in).toBe(summary.events);
    expect(j.events_in).toBe(j.events_kept + sum(j.cuts.map((c) => c.events_removed)));
    expect(Math.abs(j.live_time_in_s - j.live_time_kept_s - sum(j.cuts.map((c) => c.live_time_removed_s)))).toBeLessThan(1e-6);
    for (const st of [j.states, ...j.periods.map((p) => p.states)]) {
      for (const s of Object.values(st)) expect(s.events_in).toBe(s.events_kept + sum(s.cuts.map((c) => c.events_removed)));
    }
    expect(sum(Object.values(j.states).map((s) => s.events_in))).toBe(j.events_in);
    // The pulser step removes exactly the recorded pulses of the simulation summary.
    expect(j.cuts[0].events_removed).toBe(summary.counts_by_origin.pulser);
    // The selected dataset is valid and holds the kept events.
    expect(validateDataset(join(dir, "selected")).events).toBe(j.events_kept);
  });

  it("keeps >= 95 % of the true signal above 3 keV (live-time corrected; measured 0.976 +- 0.010)", () => {
    const t = res.truth!.totalEfficiency();
    expect(t.raw.total).toBeGreaterThan(700);
    expect(t.corrected).toBeGreaterThan(0.95);
    // Each event cut alone: the Fourier cut keeps 1 - exp(-9/2) = 98.89 % of real pulses (chi^2, 2 dof).
    const jf = res.truth!.steps.indexOf("fourier");
    const f = res.truth!.stepEfficiency(jf);
    expect(Math.abs(f.raw.value - (1 - Math.exp(-4.5)))).toBeLessThan(3 * f.raw.error + 1e-3);
  });

  it("removes the artefacts: noise bursts, ringing, pick-up and off-diagonal pulses are gone from the ROI", () => {
    const t = res.truth!;
    for (const o of ARTEFACT_ORIGINS) {
      expect(t.kept(o, true)).toBe(0);
      // (Off-diagonal pulses get E~ ~ 0 from the weights against the noise gradient: none is in the ROI.)
      if (o !== Origin.ARTEFACT) expect(t.totalRejection(o, true).total).toBeGreaterThan(100);
    }
    // Over all energies (the Fourier cut cannot judge sub-keV pulses): bursts, ringing, pick-up > 99 %.
    expect(t.totalRejection(Origin.NOISE_BURST).value).toBe(1);
    expect(t.totalRejection(Origin.RINGING).value).toBeGreaterThan(0.99);
    expect(t.totalRejection(Origin.PICKUP).value).toBeGreaterThan(0.99);
    // Each artefact goes at its own cut: bursts at "noise", pick-up and ringing mostly at "audio".
    const step = (n: string): number => t.steps.indexOf(n);
    expect(t.stepRejection(step("noise"), Origin.NOISE_BURST).value).toBeGreaterThan(0.99);
    expect(t.stepRejection(step("audio"), Origin.PICKUP).value).toBeGreaterThan(0.99);
    expect(t.stepRejection(step("audio"), Origin.RINGING).value).toBeGreaterThan(0.9);
    expect(t.stepRejection(step("fourier"), Origin.ARTEFACT).value).toBeGreaterThan(0.75);
    expect(t.totalRejection(Origin.MUON).value).toBe(1);
    expect(t.totalRejection(Origin.PULSER).value).toBe(1);
  });

  it("the noble-gas cut removes the strong-episode blocks of the simulation (truth from the schedule)", () => {
    const plan = buildSchedule(gemmaConfig(), SEED, { hoursOn: 72, hoursOff: 72 });
    const strong = Array.from(plan.run).filter((_, i) => plan.nobleStrong[i]);
    const removed = Array.from(res.nobleGasRuns);
    expect(strong.length).toBeGreaterThan(0);
    // The first runs of both episodes (the loudest hours) go; runs of quieter hours may stay.
    expect(removed).toContain(strong[0]);
    expect(removed.filter((r) => strong.includes(r)).length).toBeGreaterThanOrEqual(strong.length / 2);
    expect(removed.length).toBeLessThanOrEqual(strong.length + 3);
  });

  it("the channel calibration recovers the simulator's gains (1.000, 1.003, 0.997) and noise (0.30, 0.22, 0.25 keV)", () => {
    const cal = one.calibration!;
    expect(cal.noiseSource).toBe("pulser");
    const g = [1.0, 1.003, 0.997];
    const mean = (g[0] + g[1] + g[2]) / 3;
    cal.gains.forEach((x, i) => expect(x).toBeCloseTo(g[i] / mean, 4));
    const s = [0.3, 0.22, 0.25];
    cal.noiseSigmaKeV.forEach((x, i) => expect(Math.abs(x - s[i])).toBeLessThan(0.01));
  });

  it("nuem select --json gives the totals, the per-cut lines and the per-period breakdown", async () => {
    const r = await selectCommand.run({ in: data, out: join(dir, "selected2") }, []);
    const j = r.json as Record<string, unknown> & { cuts: Record<string, unknown>[]; periods: Record<string, unknown>[]; truth: { total: { signal_efficiency_live_corrected: number } } };
    for (const k of ["events_in", "events_kept", "live_time_in_s", "live_time_kept_s"]) expect(typeof j[k]).toBe("number");
    expect(j.cuts.map((c) => c.name)).toEqual(["pulser", "bad-runs", "noble-gas", "noise", "audio", "fourier", "anticoincidence"]);
    for (const c of j.cuts) for (const k of ["name", "events_removed", "live_time_removed_s"]) expect(c).toHaveProperty(k);
    expect(j.periods.length).toBe(openDataset(data).manifest.periods.length);
    for (const p of j.periods) for (const k of ["period", "events_in", "events_kept", "cuts", "states"]) expect(p).toHaveProperty(k);
    expect(j.events_in).toBe(summary.events);
    expect(j.truth.total.signal_efficiency_live_corrected).toBeGreaterThan(0.95);
    expect(r.text).toContain("- fourier");
    await expect(async () => selectCommand.run({ in: join(dir, "missing") }, [])).rejects.toThrow(/does not exist/);
  });

  it("shows itself: the cut-flow table with the whole selection's efficiency by the PDG rule, and the truth views", () => {
    const t = res.truth!.totalEfficiency();
    const h = (res as unknown as { toHTML(): string }).toHTML();
    // The PDG rule: the error's three leading digits below 355 keep two digits, else one.
    const d = pdgDecimals(t.correctedError);
    const r = (v: number) => (Math.round(v / 10 ** d) * 10 ** d).toFixed(Math.max(0, -d));
    expect(h).toContain(`${r(t.corrected)} ± ${r(t.correctedError)}`);
    expect(h).toContain(`>${res.cutFlow.total.eventsKept}</td>`);
    const th = res.truth!.toHTML();
    expect(th).toContain("signal efficiency by step");
    for (const o of ARTEFACT_ORIGINS) expect(th).toContain(`>${ORIGIN_NAMES[o]}</td>`);
    expect(res.cutFlow.toHTML()).toContain(`>${res.cutFlow.total.eventsIn}</td>`);
  });
});
