// The spectra accumulator fed by the selection of a simulated GEMMA dataset (72 h ON + 72 h OFF,
// seed 269: a pulser run, noble-gas episodes), against what the simulator and the selection report
// by other routes: the simulator's live times and pulses, the selection's ledger, the kept events
// counted run by run.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDataset, RunState } from "../../lib/events/index.js";
import { selectDataset, type PeriodSelection, type SelectDatasetResult } from "../../lib/selection/index.js";
import { gemmaConfig, physicsSignal, simulate, type SimulationSummary } from "../../lib/sim/index.js";
import { buildSpectra, SpectraAccumulator, spectraFromAccumulated, uniformEdgesKeV } from "../../lib/spectra/index.js";
import { loadExperiment } from "../../lib/reactor/index.js";

const dir = mkdtempSync(join(tmpdir(), "nuem-accumulator-"));
const data = join(dir, "gemma");
let summary: SimulationSummary;
let acc: SpectraAccumulator;
let selection: SelectDatasetResult;
/** Kept events with E~ in the spectra's range, per reactor state, counted by run id. */
const keptInRange: Record<number, number> = { [RunState.ON]: 0, [RunState.OFF]: 0 };

beforeAll(() => {
  summary = simulate(gemmaConfig(), { seed: 269, outDir: data, signal: physicsSignal("gemma", 5e-10, "fe"), hoursOn: 72, hoursOff: 72 });
  const edges = uniformEdgesKeV();
  acc = new SpectraAccumulator(edges);
  const onPeriod = (p: PeriodSelection): void => {
    acc.add(p);
    const stateOfRun = new Map<number, number>();
    for (let r = 0; r < p.runs.length; r++) stateOfRun.set(p.runs.run[r], p.runs.state[r]);
    for (let i = 0; i < p.events.length; i++) {
      const e = p.selection.combinedKeV[i];
      const s = stateOfRun.get(p.events.run[i])!;
      if (p.selection.keep[i] && e >= edges[0] && e < edges[edges.length - 1] && s in keptInRange) keptInRange[s]++;
    }
  };
  selection = selectDataset(data, { onPeriod });
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sum = (x: ArrayLike<number>): number => Array.from(x).reduce((a, b) => a + b, 0);

describe("SpectraAccumulator fed by selectDataset", () => {
  it("holds one phase, with the dataset's facts from its manifest", () => {
    expect([...acc.phases.keys()]).toEqual([1]);
    expect(acc.dataset?.experiment).toBe("GEMMA");
    expect(acc.dataset?.massKg).toBe(1.5);
    expect(acc.pulser?.rateHz).toBe(gemmaConfig().pulser.rateHz);
  });

  it("template bins: 2 keV over 2-60 keV", () => {
    expect(acc.templateEdgesKeV.length).toBe(30);
    expect(acc.templateEdgesKeV[1] - acc.templateEdgesKeV[0]).toBeCloseTo(2, 12);
  });

  it("histograms hold every kept event in range, by state (counted run by run)", () => {
    const ph = acc.phases.get(1)!;
    expect(keptInRange[RunState.ON]).toBeGreaterThan(1000);
    expect(sum(ph.states[RunState.ON].raw)).toBe(keptInRange[RunState.ON]);
    expect(sum(ph.states[RunState.OFF].raw)).toBe(keptInRange[RunState.OFF]);
    expect(sum(ph.states[RunState.ON].coarse)).toBe(keptInRange[RunState.ON]);
  });

  it("raw live times are the simulator's live times of all ON / OFF runs", () => {
    const ph = acc.phases.get(1)!;
    expect(ph.states[RunState.ON].rawLive).toBeCloseTo(summary.phases[0].all_live_time_on_s, 6);
    expect(ph.states[RunState.OFF].rawLive).toBeCloseTo(summary.phases[0].all_live_time_off_s, 6);
  });

  it("ledger live times are the selection's live time per run, summed by state", () => {
    const runs = openDataset(data).runs;
    const ledger = (state: number): number => {
      let t = 0;
      for (let r = 0; r < runs.length; r++) if (runs.state[r] === state) t += selection.liveTimeS[r];
      return t;
    };
    const ph = acc.phases.get(1)!;
    expect(ph.states[RunState.ON].ledgerLive).toBeCloseTo(ledger(RunState.ON), 6);
    expect(ph.states[RunState.OFF].ledgerLive).toBeCloseTo(ledger(RunState.OFF), 6);
  });

  it("pulser counts are the pulses the simulator sent and recorded", () => {
    const p = acc.phases.get(1)!.pulser!;
    expect(Array.from(p.sent)).toEqual(summary.pulser.sent);
    expect(Array.from(p.recorded)).toEqual(summary.pulser.recorded);
  });

  it("the E~ weights of each data period are the ones the selection reports", () => {
    const w = acc.phases.get(1)!.weights;
    expect([...w.keys()]).toEqual(selection.periods.map((p) => p.name));
    for (const p of selection.periods) expect(w.get(p.name)).toEqual(p.weights);
  });
});

describe("spectraFromAccumulated", () => {
  const inputs = () => ({ source: data, selection, experiment: loadExperiment("gemma"), fourierK: 3 });

  it("gives buildSpectra's spectra file: buildSpectra adds only the reading", () => {
    expect(spectraFromAccumulated(acc, inputs()).spectra).toEqual(buildSpectra(data).spectra);
  });

  it("is pure: the same result twice, and the accumulator unchanged", () => {
    const ph = acc.phases.get(1)!;
    const before = Array.from(ph.states[RunState.ON].raw);
    const blocks = ph.templates.blocks.length;
    const a = spectraFromAccumulated(acc, inputs());
    const b = spectraFromAccumulated(acc, inputs());
    expect(JSON.stringify(b.spectra)).toBe(JSON.stringify(a.spectra));
    expect(Array.from(ph.states[RunState.ON].raw)).toEqual(before);
    expect(ph.templates.blocks.length).toBe(blocks);
  });
});
