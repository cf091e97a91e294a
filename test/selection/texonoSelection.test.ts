// The TEXONO selection preset (lib/selection/texonoSelection.ts) on a simulated TEXONO dataset with
// truth: 168 h ON + 72 h OFF, seed 5 (chosen from the schedule for LN2 fillings and site work in
// both reactor states and two pulser runs), mu = 1e-9 mu_B so that ~800 signal events above the
// 12 keV analysis threshold measure the efficiency to ~0.5 %.
// Measured (seed 5): signal efficiency above 12 keV 0.987 +- 0.011 (734 of 802, live-time
// corrected; PSD step 0.9906 +- 0.0035, closed form 0.9889; ACV + CRV 0.9973 +- 0.0019, random
// coincidences 0.9975); of 3139 noise-burst, 866 ringing and 574 pick-up events in 12-60 keV
// (against 1751 continuum events) none is left; the ACV step removes 0.749 +- 0.010 of the
// continuum in 12-60 keV (the simulator's anti-Compton suppression factor 4: 0.7506); live time:
// 9 h of LN2/site-work runs, 0.4 h of noisy seconds, 6.7 h of audio veto out of 255 h.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectCommand } from "../../lib/cli/commands/select.js";
import { spectraCommand } from "../../lib/cli/commands/spectra.js";
import { Origin, openDataset, readPeriod } from "../../lib/events/index.js";
import {
  ARTEFACT_ORIGINS,
  GEMMA_SELECTION,
  runSelection,
  selectDataset,
  selectionOptionsFor,
  selectionSettingsFor,
  texonoSelectionOptions,
  texonoTruthTally,
  texonoWindowKeV,
  type SelectDatasetResult,
} from "../../lib/selection/index.js";
import { buildSchedule, physicsSignal, simulate, texonoConfig, type SimulationSummary } from "../../lib/sim/index.js";
import { buildSpectra, readSpectraFile, type BuildSpectraResult } from "../../lib/spectra/index.js";

const SEED = 5;
const EXPOSURE = { hoursOn: 168, hoursOff: 72 };
const dir = mkdtempSync(join(tmpdir(), "nuem-texono-sel-"));
const data = join(dir, "texono");
let summary: SimulationSummary;
let res: SelectDatasetResult;
let spectra: BuildSpectraResult;

beforeAll(() => {
  summary = simulate(texonoConfig(), { seed: SEED, outDir: data, signal: physicsSignal("texono", 1e-9, "fe"), ...EXPOSURE });
  res = selectDataset(data);
  spectra = buildSpectra(data);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the TEXONO preset", () => {
  it("is chosen by the dataset's experiment and has no noble-gas step", () => {
    expect(selectionSettingsFor("TEXONO")).toBe("texono");
    expect(selectionSettingsFor("GEMMA")).toBe("gemma");
    expect(() => selectionSettingsFor("CONUS")).toThrow('experiment "CONUS" has no selection preset of its own: choose one with --settings gemma|texono|plain');
    expect(res.settings).toBe("texono");
    expect(res.cutFlow.total.steps.map((s) => s.name)).toEqual(["pulser", "bad-runs", "noise", "audio", "fourier", "anticoincidence"]);
    expect(res.nobleGasRuns.length).toBe(0);
    // The tally of the preset: true signal above 12 keV, rejections in 12-60 keV (seed talk; PRL 90 131802).
    expect(texonoTruthTally()).toEqual({ minTrueKeV: 12, roiKeV: [[12, 60]] });
    expect(res.truth!.minTrueKeV).toBe(12);
    expect(texonoWindowKeV()).toEqual([[12, 60]]);
  });

  it("merges options one level deep and keeps the noble-gas step off unless asked", () => {
    const o = texonoSelectionOptions({ fourier: { k: 4 }, noise: { maxEventsPerSecond: 8 } });
    expect(o.fourier).toEqual({ calibration: true, weightsFromNoise: true, k: 4 });
    // The DAQ threshold of texono.json (5 keV) is where noisy seconds are counted.
    expect(o.noise).toEqual({ thresholdKeV: 5, maxEventsPerSecond: 8 });
    expect(o.nobleGas).toBe(false);
    expect(o.audio?.pairs).toBe("both");
    expect(texonoSelectionOptions({ anticoincidence: false }).anticoincidence).toBe(false);
    expect(texonoSelectionOptions({ nobleGas: { blockHours: 6 } }).nobleGas).toEqual({ blockHours: 6 });
    expect(selectionOptionsFor("plain", { pulser: false })).toEqual({ pulser: false });
    expect(selectionOptionsFor("gemma").fourier).toEqual(GEMMA_SELECTION.fourier);
    expect(() => selectionOptionsFor("cdex" as "plain")).toThrow(/gemma, texono, plain/);
  });

  it("runSelection with nobleGas: false removes nothing at that step and leaves it out of the cut list", () => {
    const ds = openDataset(data);
    const ev = readPeriod(ds, ds.manifest.periods[0].name, { truth: true });
    const sel = runSelection(ev, ds.runs, texonoSelectionOptions());
    expect(sel.cuts.map((c) => c.name)).not.toContain("noble-gas");
    expect(sel.states.length).toBe(sel.cuts.length + 1);
    expect(sel.nobleGas.eventsRemoved).toBe(0);
    expect(sel.nobleGas.liveTimeRemovedS).toBe(0);
    expect(sel.template.keep.every((k) => k === 0)).toBe(true);
  });
});

describe("TEXONO selection on simulated data (truth)", () => {
  it("keeps the true signal above 12 keV: 0.98 of it, the product of the event cuts' closed forms", () => {
    const t = res.truth!;
    const tot = t.totalEfficiency();
    expect(tot.raw.total).toBeGreaterThan(700);
    // Event cuts: the PSD (shaping-channel chi^2 <= 9, 2 dof) keeps 1 - exp(-9/2); the anticoincidence
    // loses the simulator's random veto (0.2 %) and random NaI (0.05 %) coincidences.
    const cfg = texonoConfig();
    const psd = 1 - Math.exp(-4.5);
    const anti = (1 - cfg.daq.randomVetoProbability) * (1 - cfg.daq.randomNaiProbability);
    const jf = t.steps.indexOf("fourier");
    const ja = t.steps.indexOf("anticoincidence");
    const f = t.stepEfficiency(jf);
    const a = t.stepEfficiency(ja);
    expect(Math.abs(f.raw.value - psd)).toBeLessThan(3 * f.raw.error + 2e-3);
    expect(Math.abs(a.raw.value - anti)).toBeLessThan(3 * a.raw.error + 2e-3);
    // Steps that remove live time remove signal in proportion (live-time corrected efficiency 1).
    for (const name of ["bad-runs", "noise", "audio"]) {
      const e = t.stepEfficiency(t.steps.indexOf(name));
      expect(Math.abs(e.corrected - 1)).toBeLessThan(3 * e.correctedError + 5e-3);
    }
    expect(Math.abs(tot.corrected - psd * anti)).toBeLessThan(3 * tot.correctedError);
    expect(tot.corrected).toBeGreaterThan(0.97);
  });

  it("removes the artefacts from the 12-60 keV window (>= 99.8 % of each class) and the noise bursts everywhere", () => {
    const t = res.truth!;
    // At most 0.2 % of each class entering 12-60 keV survives (here: 1 pick-up event of ~700 in the
    // sample of seed 5; none of the ~3100 bursts and ~870 ringing events).
    for (const o of ARTEFACT_ORIGINS) {
      const entering = t.kept(o, true) + t.totalRejection(o, true).passed;
      expect(t.kept(o, true)).toBeLessThanOrEqual(0.002 * entering);
    }
    expect(t.totalRejection(Origin.NOISE_BURST).value).toBe(1);
    expect(t.totalRejection(Origin.RINGING).value).toBeGreaterThan(0.99);
    expect(t.totalRejection(Origin.PICKUP).value).toBeGreaterThan(0.99);
    expect(t.totalRejection(Origin.ARTEFACT).value).toBeGreaterThan(0.98);
    // Before the selection the artefacts outnumber the physical events in 12-60 keV.
    const roiIn = (o: number): number => t.kept(o, true) + t.totalRejection(o, true).passed;
    const artefactsIn = ARTEFACT_ORIGINS.reduce((s, o) => s + roiIn(o), 0);
    expect(artefactsIn).toBeGreaterThan(roiIn(Origin.CONTINUUM));
    // Each class goes at its own cut: bursts at "noise", ringing and pick-up at "audio", off-diagonal pulses at the PSD.
    const step = (n: string): number => t.steps.indexOf(n);
    expect(t.stepRejection(step("noise"), Origin.NOISE_BURST).value).toBeGreaterThan(0.99);
    expect(t.stepRejection(step("audio"), Origin.PICKUP).value).toBeGreaterThan(0.99);
    expect(t.stepRejection(step("audio"), Origin.RINGING).value).toBeGreaterThan(0.9);
    expect(t.stepRejection(step("fourier"), Origin.ARTEFACT).value).toBeGreaterThan(0.98);
    // CRV: every muon (veto 98 % plus NaI energy or the PSD for the rest).
    expect(t.totalRejection(Origin.MUON).value).toBe(1);
    expect(t.totalRejection(Origin.PULSER).value).toBe(1);
  });

  it("ACV: the NaI-tagged continuum in 12-60 keV goes at the simulator's suppression factor 4", () => {
    const t = res.truth!;
    const cfg = texonoConfig();
    const r = t.stepRejection(t.steps.indexOf("anticoincidence"), Origin.CONTINUUM, true);
    // 3 tagged per untagged (naiTaggedRatio), plus random veto and NaI coincidences of the untagged.
    const expected = 1 - (1 / (1 + cfg.continuum.naiTaggedRatio)) * (1 - cfg.daq.randomVetoProbability) * (1 - cfg.daq.randomNaiProbability);
    expect(r.total).toBeGreaterThan(1000);
    expect(Math.abs(r.value - expected)).toBeLessThan(3 * r.error);
  });

  it("removes exactly the LN2 and site-work runs of the schedule and no live time at the event cuts", () => {
    const plan = buildSchedule(texonoConfig(), SEED, EXPOSURE);
    const flagged = Array.from(plan.run).filter((_, i) => plan.ln2_fill[i] || plan.site_work[i]);
    expect(flagged.length).toBeGreaterThan(5);
    const removedRunSeconds = res.cutFlow.total.steps.find((s) => s.name === "bad-runs")!.liveTimeRemovedS;
    const ds = openDataset(data);
    let flaggedLive = 0;
    for (let r = 0; r < ds.runs.length; r++) if (flagged.includes(ds.runs.run[r])) flaggedLive += ds.runs.live_time_s[r];
    expect(removedRunSeconds).toBeCloseTo(flaggedLive, 6);
    for (const name of ["pulser", "fourier", "anticoincidence"]) expect(res.cutFlow.total.steps.find((s) => s.name === name)!.liveTimeRemovedS).toBe(0);
    // Noisy seconds and the audio veto together cost < 4 % of the live time (the veto: ~2.7 % at ~0.2 events/s).
    const c = res.cutFlow.total;
    expect(1 - c.liveTimeKeptS / (c.liveTimeInS - removedRunSeconds)).toBeLessThan(0.04);
    expect(summary.events).toBe(c.eventsIn);
  });
});

describe("spectra and CLI with the TEXONO preset", () => {
  it("buildSpectra writes the 12-60 keV window, TEXONO's flux and mass, without a noble-gas correction", () => {
    const s = spectra.spectra;
    expect(s.experiment).toBe("texono");
    expect(s.mass_kg).toBeCloseTo(1.06, 12);
    expect(s.flux_per_cm2_s).toBe(6.4e12);
    expect(s.periods[0].roi_kev).toEqual([[12, 60]]);
    expect(String(s.provenance?.selection)).toMatch(/TEXONO/);
    expect((s.periods[0].notes as { corrections: string[] }).corrections).toEqual(["threshold efficiency GEMMA (4)"]);
    // The pulser fit recovers the simulated DAQ threshold (texono.json: 5 keV; sigma 1 keV in lib/sim).
    const th = spectra.periods[0].threshold!;
    expect(Math.abs(th.e0KeV - 5)).toBeLessThan(4 * th.e0ErrorKeV + 0.01);
    expect(Math.abs(th.sigmaKeV - 1)).toBeLessThan(4 * th.sigmaErrorKeV + 0.01);
    // T~ from the gamma lines agrees with the selection's live-time ledger within its error.
    const on = spectra.periods[0].on!;
    expect(Math.abs(on.activeTime.activeTimeS / on.ledgerLiveTimeS - 1)).toBeLessThan(3 * on.activeTime.relError);
  });

  it("nuem select --settings texono and nuem spectra (auto) agree with the library", async () => {
    const r = await selectCommand.run({ in: data, settings: "texono" }, []);
    const j = r.json as { settings: string; events_kept: number; cuts: { name: string }[]; truth: { signal_min_true_kev: number } };
    expect(j.settings).toBe("texono");
    expect(j.events_kept).toBe(res.cutFlow.total.eventsKept);
    expect(j.cuts.map((c) => c.name)).not.toContain("noble-gas");
    expect(j.truth.signal_min_true_kev).toBe(12);
    const g = await selectCommand.run({ in: data, selection: "gemma" }, []);
    expect((g.json as { settings: string; cuts: { name: string }[] }).cuts.map((c) => c.name)).toContain("noble-gas");
    await expect(async () => selectCommand.run({ in: data, settings: "gemma", selection: "texono" }, [])).rejects.toThrow(/disagree/);
    await expect(async () => selectCommand.run({ in: data, settings: "cdex" }, [])).rejects.toThrow(/gemma, texono, plain, auto/);
    const out = join(dir, "spectra.json");
    const s = await spectraCommand.run({ in: data, out }, []);
    expect(s.text).toContain("selection: texono");
    const file = readSpectraFile(out);
    expect(file.periods[0].roi_kev).toEqual([[12, 60]]);
    expect(file.periods[0].on_counts).toEqual(spectra.spectra.periods[0].on_counts);
    expect(JSON.parse(readFileSync(out, "utf8")).provenance.selection).toMatch(/TEXONO/);
  });
});
