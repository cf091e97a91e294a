import type { EventColumns, RunTable } from "./types.js";

/** Per-run counting rates in an energy window: what one looks at to see ON/OFF and episodes. */
export interface RunRates {
  run: Int32Array;
  /** Run start, POSIX seconds UTC. */
  start_utc: Float64Array;
  /** Events in the window (pulser events excluded). */
  counts: Float64Array;
  /** counts / live time, per hour. */
  rate_per_hour: Float64Array;
}

/** First row index with value >= x in an ascending Int32Array (binary search). */
function indexOfRun(runs: Int32Array, id: number): number {
  let lo = 0;
  let hi = runs.length;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (runs[m] < id) lo = m + 1;
    else hi = m;
  }
  return runs[lo] === id ? lo : -1;
}

/**
 * Events per run with `channel` energy in [loKeV, hiKeV) and no pulser flag, and the rate per hour
 * of live time. Runs without live time get rate 0.
 */
export function runRates(events: EventColumns, runs: RunTable, loKeV: number, hiKeV: number, channel: "e1_kev" | "e2_kev" | "e3_kev" = "e3_kev"): RunRates {
  const counts = new Float64Array(runs.length);
  const e = events[channel];
  let last = -1;
  let idx = -1;
  for (let k = 0; k < events.length; k++) {
    if (events.pulser[k] || !(e[k] >= loKeV && e[k] < hiKeV)) continue;
    const r = events.run[k];
    if (r !== last) {
      idx = indexOfRun(runs.run, r);
      last = r;
    }
    if (idx >= 0) counts[idx]++;
  }
  const rate = counts.map((c, i) => (runs.live_time_s[i] > 0 ? (c / runs.live_time_s[i]) * 3600 : 0));
  return { run: runs.run, start_utc: runs.start_utc, counts, rate_per_hour: rate };
}

/**
 * Time from each event to the previous event of the same run, seconds (events sorted by run and
 * time, as the format guarantees). The first event of a run has no predecessor and is skipped.
 * The distribution shows microphonic ringing (< 80 ms) and 50 Hz pickup (multiples of 20.0 ms).
 */
export function timeIntervals(events: EventColumns, mask?: ArrayLike<number>): Float64Array {
  const out = new Float64Array(events.length);
  let n = 0;
  let prevRun = -1;
  let prevT = 0;
  for (let k = 0; k < events.length; k++) {
    if (mask && !mask[k]) continue;
    const r = events.run[k];
    const t = events.time_s[k];
    if (r === prevRun) out[n++] = t - prevT;
    prevRun = r;
    prevT = t;
  }
  return out.slice(0, n);
}
