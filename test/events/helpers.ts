// Shared helpers of the event-data tests: deterministic synthetic events and scratch folders.
import { mkdtempSync, rmSync } from "node:fs";
import { tableFromArrays, tableToIPC } from "apache-arrow";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach } from "vitest";
import type { EventColumns, RunTable } from "../../lib/events/index.js";

/**
 * A function giving a fresh scratch folder per call; every folder is removed after each test
 * (registers a vitest afterEach hook, so call it once at the top of a test file).
 */
export function scratchDirs(): () => string {
  let cleanups: (() => void)[] = [];
  afterEach(() => {
    cleanups.forEach((c) => c());
    cleanups = [];
  });
  return () => {
    const s = scratch();
    cleanups.push(s.cleanup);
    return s.dir;
  };
}

/** A scratch folder, removed by the returned cleanup. */
export function scratch(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "nuem-events-"));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A small deterministic random source (mulberry32), so fixtures do not depend on Math.random. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `nRuns` one-hour runs, ids from `firstRun`, starting 2005-08-01T00:00:00Z. */
export function makeRuns(nRuns: number, firstRun = 1): RunTable {
  const t0 = Date.UTC(2005, 7, 1) / 1000;
  const runs: RunTable = {
    length: nRuns,
    run: new Int32Array(nRuns),
    start_utc: new Float64Array(nRuns),
    duration_s: new Float64Array(nRuns),
    live_time_s: new Float64Array(nRuns),
    dead_time_s: new Float64Array(nRuns),
    thermal_power_gw: new Float64Array(nRuns),
    state: new Uint8Array(nRuns),
    phase: new Int32Array(nRuns),
    ln2_fill: new Uint8Array(nRuns),
    site_work: new Uint8Array(nRuns),
  };
  for (let i = 0; i < nRuns; i++) {
    runs.run[i] = firstRun + i;
    runs.start_utc[i] = t0 + 3600 * (firstRun - 1 + i);
    runs.duration_s[i] = 3600;
    runs.dead_time_s[i] = 12.5 + (i % 3);
    runs.live_time_s[i] = 3600 - runs.dead_time_s[i];
    runs.state[i] = i % 5 === 4 ? 0 : 1;
    runs.thermal_power_gw[i] = runs.state[i] === 1 ? 3.0 : 0;
    runs.phase[i] = 1;
    runs.ln2_fill[i] = i % 24 === 7 ? 1 : 0;
  }
  return runs;
}

/**
 * `n` events spread over the runs, sorted by (run, time_s), with random energies on and off the
 * E1 = E2 = E3 diagonal, some NaI and veto coincidences, and truth labels.
 */
export function makeEvents(n: number, runs: RunTable, seed = 1): EventColumns {
  const r = rng(seed);
  const ev: EventColumns = {
    length: n,
    time_s: new Float64Array(n),
    run: new Int32Array(n),
    e1_kev: new Float32Array(n),
    e2_kev: new Float32Array(n),
    e3_kev: new Float32Array(n),
    nai_kev: new Float32Array(n),
    veto: new Uint8Array(n),
    pulser: new Uint8Array(n),
    truth: { length: n, origin: new Uint8Array(n), e_true_kev: new Float32Array(n) },
  };
  // Events per run: as even as possible, in run order; times sorted within each run.
  let at = 0;
  for (let k = 0; k < runs.length; k++) {
    const m = Math.floor((n * (k + 1)) / runs.length) - Math.floor((n * k) / runs.length);
    const times = Array.from({ length: m }, () => r() * runs.duration_s[k]).sort((a, b) => a - b);
    for (let j = 0; j < m; j++, at++) {
      ev.run[at] = runs.run[k];
      ev.time_s[at] = times[j];
      const e = 1.5 + 60 * r() * r();
      const noisy = r() < 0.1;
      ev.e1_kev[at] = e * (1 + 0.01 * (r() - 0.5));
      ev.e2_kev[at] = noisy ? e * 0.3 : e * (1 + 0.01 * (r() - 0.5));
      ev.e3_kev[at] = noisy ? -0.2 * e : e;
      ev.nai_kev[at] = r() < 0.2 ? 100 * r() : 0;
      ev.veto[at] = r() < 0.05 ? 1 : 0;
      ev.pulser[at] = r() < 0.01 ? 1 : 0;
      ev.truth!.origin[at] = noisy ? 9 : Math.floor(r() * 13);
      ev.truth!.e_true_kev![at] = noisy ? 0 : e;
    }
  }
  return ev;
}

/** Rows [from, to) of an event set, as views (truth included). */
export function sliceEvents(ev: EventColumns, from: number, to: number): EventColumns {
  return {
    length: to - from,
    time_s: ev.time_s.subarray(from, to),
    run: ev.run.subarray(from, to),
    e1_kev: ev.e1_kev.subarray(from, to),
    e2_kev: ev.e2_kev.subarray(from, to),
    e3_kev: ev.e3_kev.subarray(from, to),
    nai_kev: ev.nai_kev.subarray(from, to),
    veto: ev.veto.subarray(from, to),
    pulser: ev.pulser.subarray(from, to),
    ...(ev.truth
      ? { truth: { length: to - from, origin: ev.truth.origin.subarray(from, to), ...(ev.truth.e_true_kev ? { e_true_kev: ev.truth.e_true_kev.subarray(from, to) } : {}) } }
      : {}),
  };
}

/** The bytes of a typed array (for bit-for-bit comparisons). */
export function bytesOf(a: ArrayBufferView): Buffer {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
}

export const EVENT_NAMES = ["time_s", "run", "e1_kev", "e2_kev", "e3_kev", "nai_kev", "veto", "pulser"] as const;

/**
 * The columns as an Arrow IPC file written by apache-arrow's own writer, bypassing this stage's
 * validation (for files with deliberate faults; that writer keeps the schema only in the footer).
 */
export function foreignArrowFile(columns: Record<string, ArrayBufferView>): Uint8Array {
  return tableToIPC(tableFromArrays(columns as unknown as Record<string, Float64Array>), "file");
}
