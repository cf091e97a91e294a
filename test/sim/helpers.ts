// Shared helpers of the simulator tests: scratch folders and a small simulated dataset read back with truth.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { concatEvents, openDataset, readPeriod, type EventColumns, type RunTable } from "../../lib/events/index.js";
import { freeElectronClosedFormSignal, gemmaConfig, simulate, type SimConfig, type SimulationSummary } from "../../lib/sim/index.js";

/** A scratch folder, removed by the returned cleanup. */
export function scratch(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "nuem-sim-"));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A dataset read back whole: run table, events with truth, the summary. */
export interface LoadedDataset {
  dir: string;
  runs: RunTable;
  ev: EventColumns & { truth: NonNullable<EventColumns["truth"]> };
  summary: SimulationSummary;
  config: SimConfig;
  /** Row index of each run id in the run table. */
  runRow: Map<number, number>;
}

/** Reads every period of a dataset with truth into one set of columns. */
export function loadDataset(dir: string, summary: SimulationSummary, config: SimConfig): LoadedDataset {
  const ds = openDataset(dir);
  const parts = ds.manifest.periods.map((p) => readPeriod(ds, p.name, { truth: true }));
  const ev = concatEvents(parts, true) as LoadedDataset["ev"];
  const runRow = new Map<number, number>();
  for (let i = 0; i < ds.runs.length; i++) runRow.set(ds.runs.run[i], i);
  return { dir, runs: ds.runs, ev, summary, config, runRow };
}

/** The magnetic moment injected in the shared test dataset: large, so the signal has statistics. */
export const TEST_MU_B = 1e-9;

/**
 * The shared test dataset: GEMMA, 240 good ON hours then 240 good OFF hours, seed 20260101,
 * mu = 1e-9 mu_B (closed-form free-electron signal). About 2-3 s to make.
 */
export function smallGemmaDataset(dir: string): LoadedDataset {
  const config = gemmaConfig();
  const summary = simulate(config, { seed: 20260101, outDir: dir, signal: freeElectronClosedFormSignal(TEST_MU_B), hoursOn: 240, hoursOff: 240, progress: false });
  return loadDataset(dir, summary, config);
}
