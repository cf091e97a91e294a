/** File chores shared by the simulators (HPGe `simulate.ts`, CsI(Tl) `csiSimulate.ts`). */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DATASET_MANIFEST_FILE } from "../events/manifest.js";
import { ORIGIN_NAMES } from "../events/origin.js";

/** Name of the simulation summary written beside the dataset. */
export const SIMULATION_SUMMARY_FILE = "simulation.json";

/** "YYYY-MM" of a UTC time in seconds: events are written one file per month. */
export function monthOf(startUtc: number): string {
  return new Date(startUtc * 1000).toISOString().slice(0, 7);
}

/** Removes the files of a previous dataset in dir (those its manifest lists, and the summary). */
export function clearPrevious(dir: string): void {
  const manifest = join(dir, DATASET_MANIFEST_FILE);
  if (!existsSync(manifest)) return;
  try {
    const m = JSON.parse(readFileSync(manifest, "utf8")) as { periods?: { events?: string; truth?: string | null }[] };
    for (const p of m.periods ?? []) {
      for (const f of [p.events, p.truth]) if (typeof f === "string" && !/[/\\]/.test(f)) rmSync(join(dir, f), { force: true });
    }
  } catch {
    // an unreadable manifest: leave its files, the new manifest lists only the new ones
  }
  rmSync(join(dir, SIMULATION_SUMMARY_FILE), { force: true });
}

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
  const file = join(dir, SIMULATION_SUMMARY_FILE);
  writeFileSync(`${file}.partial`, `${JSON.stringify(summary, null, 2)}\n`);
  renameSync(`${file}.partial`, file);
}
