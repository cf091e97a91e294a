/** File chores shared by the simulators (HPGe `simulate.ts`, CsI(Tl) `csiSimulate.ts`). */
import { join } from "node:path";
import { writeFileAtomic } from "../io/safeWrite.js";
import { ORIGIN_NAMES } from "../events/origin.js";

/** Name of the simulation summary written beside the dataset. */
export const SIMULATION_SUMMARY_FILE = "simulation.json";

/** "YYYY-MM" of a UTC time in seconds: events are written one file per month. */
export function monthOf(startUtc: number): string {
  return new Date(startUtc * 1000).toISOString().slice(0, 7);
}

/**
 * Before an overwrite: nothing is deleted any more. The new dataset is built beside the old one
 * and swapped in at the end (`DatasetWriter`, lib/io/safeWrite.ts), so a simulation killed
 * half-way leaves the previous dataset whole; the swap also drops the old `simulation.json`.
 */
export function clearPrevious(_dir: string): void {}

/** Event counts per origin code as a record keyed by the origin's name. */
export function countsByOrigin(counts: ArrayLike<number>): Record<string, number> {
  const byOrigin: Record<string, number> = {};
  ORIGIN_NAMES.forEach((name, code) => {
    byOrigin[name] = counts[code];
  });
  return byOrigin;
}

/** Writes the summary beside the dataset (through a temporary file, so a crash leaves none half-written). */
export function writeSimulationSummary(dir: string, summary: object): void {
  writeFileAtomic(join(dir, SIMULATION_SUMMARY_FILE), `${JSON.stringify(summary, null, 2)}\n`);
}
