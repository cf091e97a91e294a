import { EventDataError } from "./errors.js";
import { ORIGIN_NAMES } from "./origin.js";
import { RUN_STATE_NAMES } from "./runState.js";
import type { EventColumns, RunTable, TruthColumns } from "./types.js";

/** Largest accepted mean thermal power of a run, GW (a reactor station, not a core, at most ~25 GW). */
export const MAX_THERMAL_POWER_GW = 100;

/** Where a row lives, for messages: `row 12` (0-based) in Arrow files, `line 14` in CSV files. */
export type RowLocator = (row: number) => { text: string; row?: number; line?: number };

/** Rows of an Arrow file, counted from 0. */
export const arrowRow: RowLocator = (row) => ({ text: `row ${row}`, row });

/** Run ids and lengths of a run table, for checking events against it. */
export interface RunIndex {
  /** The run-table file (for messages). */
  readonly file: string;
  /** Row of the run table holding each run id. */
  readonly rowOf: ReadonlyMap<number, number>;
  readonly duration_s: Float64Array;
}

/** Index a (validated) run table by run id. */
export function indexRuns(file: string, runs: RunTable): RunIndex {
  const rowOf = new Map<number, number>();
  for (let i = 0; i < runs.length; i++) rowOf.set(runs.run[i], i);
  return { file, rowOf, duration_s: runs.duration_s };
}

function fail(file: string, locate: RowLocator, row: number, column: string | undefined, what: string): never {
  const at = locate(row);
  throw new EventDataError(file, `${at.text}: ${what}`, { row: at.row, line: at.line, column });
}

function describe(x: number): string {
  return Number.isNaN(x) ? "NaN" : String(x);
}

/** True for finite numbers (NaN and +-Infinity fail). */
function finite(x: number): boolean {
  return x - x === 0;
}

const ENERGY = ["e1_kev", "e2_kev", "e3_kev", "nai_kev"] as const;

/**
 * Row checks of events, batch after batch of one file (it keeps the (run, time_s) order state):
 * time_s finite and >= 0; rows sorted by (run, time_s); energies finite; nai_kev >= 0; veto and
 * pulser 0/1; and, given a run table, every run id in it and time_s <= that run's duration_s.
 */
export class EventRowChecker {
  private lastRun = -Infinity;
  private lastTime = -Infinity;
  private duration = Infinity;

  constructor(
    readonly file: string,
    readonly runs?: RunIndex,
    readonly locate: RowLocator = arrowRow,
  ) {}

  /** The order state, to restore after a rejected batch. */
  save(): [number, number, number] {
    return [this.lastRun, this.lastTime, this.duration];
  }

  restore(state: [number, number, number]): void {
    [this.lastRun, this.lastTime, this.duration] = state;
  }

  check(ev: EventColumns, firstRow: number): void {
    const { file, locate } = this;
    const n = ev.length;
    for (const name of ["time_s", "run", ...ENERGY, "veto", "pulser"] as const) {
      if (ev[name].length !== n) fail(file, locate, firstRow, name, `column ${name} has ${ev[name].length} rows, expected ${n}`);
    }
    const { time_s: t, run } = ev;
    for (let i = 0; i < n; i++) {
      const r = run[i];
      const ti = t[i];
      if (!finite(ti) || ti < 0) fail(file, locate, firstRow + i, "time_s", `time_s is ${describe(ti)}, expected a finite time >= 0 s since the run start`);
      if (r !== this.lastRun) {
        if (r < this.lastRun) fail(file, locate, firstRow + i, "run", `rows not sorted by (run, time_s): run ${r} after run ${this.lastRun}`);
        this.lastRun = r;
        this.lastTime = -Infinity;
        if (this.runs) {
          const k = this.runs.rowOf.get(r);
          if (k === undefined) fail(file, locate, firstRow + i, "run", `run ${r} is not in the run table ${this.runs.file}`);
          this.duration = this.runs.duration_s[k];
        }
      }
      if (ti < this.lastTime) fail(file, locate, firstRow + i, "time_s", `rows not sorted by (run, time_s): time_s ${ti} after ${this.lastTime} in run ${r}`);
      if (ti > this.duration) fail(file, locate, firstRow + i, "time_s", `time_s ${ti} is after the end of run ${r} (duration_s ${this.duration} in ${this.runs!.file})`);
      this.lastTime = ti;
    }
    for (const name of ENERGY) {
      const e = ev[name];
      for (let i = 0; i < n; i++) {
        const x = e[i];
        if (!finite(x)) fail(file, locate, firstRow + i, name, `${name} is ${describe(x)} (run ${run[i]}), expected a finite energy`);
      }
    }
    const nai = ev.nai_kev;
    for (let i = 0; i < n; i++) {
      if (nai[i] < 0) fail(file, locate, firstRow + i, "nai_kev", `nai_kev is ${nai[i]} (run ${run[i]}), expected >= 0 (0 means no NaI signal)`);
    }
    for (const name of ["veto", "pulser"] as const) {
      const f = ev[name];
      for (let i = 0; i < n; i++) {
        if (f[i] > 1) fail(file, locate, firstRow + i, name, `${name} is ${f[i]}, expected 0 or 1`);
      }
    }
  }
}

/** Row checks of truth labels: known origin codes, finite e_true_kev, same length as the events. */
export function checkTruthRows(file: string, truth: TruthColumns, firstRow: number, locate: RowLocator = arrowRow): void {
  const n = truth.length;
  if (truth.origin.length !== n) fail(file, locate, firstRow, "origin", `column origin has ${truth.origin.length} rows, expected ${n}`);
  for (let i = 0; i < n; i++) {
    if (truth.origin[i] >= ORIGIN_NAMES.length) fail(file, locate, firstRow + i, "origin", `origin code ${truth.origin[i]} is unknown (known: 0..${ORIGIN_NAMES.length - 1})`);
  }
  const e = truth.e_true_kev;
  if (e) {
    if (e.length !== n) fail(file, locate, firstRow, "e_true_kev", `column e_true_kev has ${e.length} rows, expected ${n}`);
    for (let i = 0; i < n; i++) {
      if (!finite(e[i])) fail(file, locate, firstRow + i, "e_true_kev", `e_true_kev is ${describe(e[i])}, expected a finite energy`);
    }
  }
}

/**
 * Largest |start_utc| accepted, s: 1e11 s is the year 5138. Run starts in milliseconds since 1970
 * (13 digits from 2001 on, >= 1e12) are refused rather than read as dates 1000 times too late.
 */
export const MAX_START_UTC_S = 1e11;

/** Tolerance on run-time sums and run overlaps, s (float64 epoch seconds resolve ~0.25 us). */
const TIME_SLACK_S = 1e-3;

/**
 * Row checks of a run table: run ids strictly ascending; start_utc finite and runs in time order
 * without overlap; duration_s > 0; live and dead times >= 0 with live + dead <= duration;
 * thermal power finite and >= 0; known state codes; flags 0/1.
 */
export function checkRunTable(file: string, runs: RunTable, locate: RowLocator = arrowRow): void {
  const n = runs.length;
  for (const name of Object.keys(runs) as (keyof RunTable)[]) {
    const c = runs[name];
    if (typeof c === "object" && c.length !== n) fail(file, locate, 0, name, `column ${name} has ${c.length} rows, expected ${n}`);
  }
  for (let i = 0; i < n; i++) {
    const r = runs.run[i];
    if (i > 0 && r <= runs.run[i - 1]) fail(file, locate, i, "run", `run ids not strictly ascending: run ${r} after run ${runs.run[i - 1]}`);
    const start = runs.start_utc[i];
    const d = runs.duration_s[i];
    const live = runs.live_time_s[i];
    const dead = runs.dead_time_s[i];
    if (!finite(start)) fail(file, locate, i, "start_utc", `start_utc of run ${r} is ${describe(start)}`);
    if (Math.abs(start) >= MAX_START_UTC_S) {
      fail(file, locate, i, "start_utc", `start_utc of run ${r} is ${start}, after the year 5000 in POSIX seconds: milliseconds since 1970 (13 digits)? Divide by 1000, or give an ISO-8601 date-time`);
    }
    if (!finite(d) || d <= 0) fail(file, locate, i, "duration_s", `duration_s of run ${r} is ${describe(d)}, expected > 0`);
    if (!finite(live) || live < 0) fail(file, locate, i, "live_time_s", `live_time_s of run ${r} is ${describe(live)}, expected >= 0`);
    if (!finite(dead) || dead < 0) fail(file, locate, i, "dead_time_s", `dead_time_s of run ${r} is ${describe(dead)}, expected >= 0`);
    if (live + dead > d + TIME_SLACK_S) fail(file, locate, i, "live_time_s", `run ${r}: live_time_s + dead_time_s = ${live + dead} exceeds duration_s ${d}`);
    if (i > 0) {
      const prevEnd = runs.start_utc[i - 1] + runs.duration_s[i - 1];
      if (start < prevEnd - TIME_SLACK_S) fail(file, locate, i, "start_utc", `run ${r} starts at ${start}, before the end of run ${runs.run[i - 1]} (${prevEnd}): runs overlap or are out of time order`);
    }
    const p = runs.thermal_power_gw[i];
    // At most 100 GW: a physically possible thermal power (the largest cores give ~4.6 GW, the largest station ~25 GW).
    if (!finite(p) || p < 0 || p > MAX_THERMAL_POWER_GW) fail(file, locate, i, "thermal_power_gw", `thermal_power_gw of run ${r} is ${describe(p)}, expected a number in [0, ${MAX_THERMAL_POWER_GW}] GW`);
    if (runs.state[i] >= RUN_STATE_NAMES.length) fail(file, locate, i, "state", `state code ${runs.state[i]} of run ${r} is unknown (known: ${RUN_STATE_NAMES.map((s, k) => `${k}=${s}`).join(", ")})`);
    if (runs.ln2_fill[i] > 1) fail(file, locate, i, "ln2_fill", `ln2_fill of run ${r} is ${runs.ln2_fill[i]}, expected 0 or 1`);
    if (runs.site_work[i] > 1) fail(file, locate, i, "site_work", `site_work of run ${r} is ${runs.site_work[i]}, expected 0 or 1`);
  }
}
