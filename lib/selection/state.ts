/*
 * What the selection has kept so far: an event mask, a run mask and the live time left in each run.
 * Every cut reads a `SelectionState` (what the earlier cuts kept) and returns a `CutResult`; it never
 * modifies its inputs. `applyCut` makes the next state. Rows of `runActive` / `liveTimeS` are rows of
 * the run table (not run ids).
 */
import type { EventColumns, RunTable } from "../events/index.js";

/** What earlier cuts kept. */
export interface SelectionState {
  /** 1 = event still kept, per event row. */
  readonly active: Uint8Array;
  /** 1 = run still kept, per run-table row. */
  readonly runActive: Uint8Array;
  /** Live time left in each run, s, per run-table row. */
  readonly liveTimeS: Float64Array;
}

/** The outcome of one cut applied to a state. */
export interface CutResult {
  /** Short name of the cut ("bad-runs", "noble-gas", "noise", "audio", "fourier"). */
  readonly name: string;
  /** 1 = the cut keeps the event, per event row; 1 for events already removed before this cut. */
  readonly keep: Uint8Array;
  /** 1 = the cut keeps the run, per run-table row (cuts that act on events only keep every run). */
  readonly runKeep: Uint8Array;
  /** Events removed by this cut (active before, not kept). */
  readonly eventsRemoved: number;
  /** Live time removed by this cut, s (sum of `liveTimeRemovedByRunS`). */
  readonly liveTimeRemovedS: number;
  /** Live time removed per run-table row, s. */
  readonly liveTimeRemovedByRunS: Float64Array;
}

/** Row of the run table for each event (events sorted by run, FORMAT.md); throws on an unknown run id. */
export function eventRunRows(events: EventColumns, runs: RunTable): Int32Array {
  const out = new Int32Array(events.length);
  let row = 0;
  for (let i = 0; i < events.length; i++) {
    const id = events.run[i];
    if (row >= runs.length || runs.run[row] !== id) {
      // Run ids are ascending in both tables: search forward, else binary search from the start.
      let lo = 0;
      let hi = runs.length - 1;
      row = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (runs.run[mid] < id) lo = mid + 1;
        else if (runs.run[mid] > id) hi = mid - 1;
        else {
          row = mid;
          break;
        }
      }
      if (row < 0) throw new Error(`selection: event ${i} has run ${id}, which is not in the run table`);
    }
    out[i] = row;
  }
  return out;
}

/** Start index of each run's events: segment k is rows [starts[k], starts[k+1]). */
export function runSegments(events: EventColumns): Int32Array {
  const starts: number[] = [0];
  for (let i = 1; i < events.length; i++) if (events.run[i] !== events.run[i - 1]) starts.push(i);
  if (events.length === 0) return new Int32Array([0]);
  starts.push(events.length);
  return Int32Array.from(starts);
}

/**
 * The state before any cut: every event and every run kept, full live time. `runMask` (per run-table
 * row, 1 = belongs to the period) limits the runs counted; by default every run of the table.
 */
export function initialState(events: EventColumns, runs: RunTable, runMask?: Uint8Array): SelectionState {
  const active = new Uint8Array(events.length).fill(1);
  const runActive = runMask ? Uint8Array.from(runMask) : new Uint8Array(runs.length).fill(1);
  const liveTimeS = new Float64Array(runs.length);
  for (let r = 0; r < runs.length; r++) liveTimeS[r] = runActive[r] ? runs.live_time_s[r] : 0;
  if (runMask) {
    const rows = eventRunRows(events, runs);
    for (let i = 0; i < events.length; i++) if (!runActive[rows[i]]) throw new Error(`selection: event ${i} is in run ${events.run[i]}, outside the runs of the period`);
  }
  return { active, runActive, liveTimeS };
}

/** The state after a cut: events and runs kept by both, live time reduced by what the cut removed. */
export function applyCut(state: SelectionState, cut: CutResult): SelectionState {
  const active = new Uint8Array(state.active.length);
  for (let i = 0; i < active.length; i++) active[i] = state.active[i] & cut.keep[i];
  const runActive = new Uint8Array(state.runActive.length);
  const liveTimeS = new Float64Array(state.liveTimeS.length);
  for (let r = 0; r < runActive.length; r++) {
    runActive[r] = state.runActive[r] & cut.runKeep[r];
    liveTimeS[r] = state.liveTimeS[r] - cut.liveTimeRemovedByRunS[r];
  }
  return { active, runActive, liveTimeS };
}

/** Count of events active in `state` and not kept by `keep`. */
export function countRemoved(active: Uint8Array, keep: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < active.length; i++) if (active[i] && !keep[i]) n++;
  return n;
}

/** Sum of a Float64Array (Neumaier compensated, so the cut-flow balances to rounding). */
export function sumS(values: ArrayLike<number>): number {
  let s = 0;
  let c = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const t = s + v;
    c += Math.abs(s) >= Math.abs(v) ? s - t + v : v - t + s;
    s = t;
  }
  return s + c;
}
