// Small synthetic event data for the selection tests: typed arrays built from plain lists.
import type { EventColumns, RunTable } from "../../lib/events/index.js";

export interface RunSpec {
  n: number;
  durationS?: number;
  liveTimeS?: number;
  state?: (i: number) => number;
  ln2?: number[];
  siteWork?: number[];
  firstRun?: number;
}

/** n consecutive runs of durationS (default 3600 s), ids firstRun.. (default 1). */
export function makeRuns(spec: RunSpec): RunTable {
  const { n, durationS = 3600, liveTimeS = durationS, state = () => 1, ln2 = [], siteWork = [], firstRun = 1 } = spec;
  const runs: RunTable = {
    length: n,
    run: new Int32Array(n),
    start_utc: new Float64Array(n),
    duration_s: new Float64Array(n).fill(durationS),
    live_time_s: new Float64Array(n).fill(liveTimeS),
    dead_time_s: new Float64Array(n).fill(durationS - liveTimeS),
    thermal_power_gw: new Float64Array(n).fill(3),
    state: new Uint8Array(n),
    phase: new Int32Array(n).fill(1),
    ln2_fill: new Uint8Array(n),
    site_work: new Uint8Array(n),
  };
  for (let i = 0; i < n; i++) {
    runs.run[i] = firstRun + i;
    runs.start_utc[i] = 1.12e9 + i * durationS;
    runs.state[i] = state(i);
    if (ln2.includes(runs.run[i])) runs.ln2_fill[i] = 1;
    if (siteWork.includes(runs.run[i])) runs.site_work[i] = 1;
  }
  return runs;
}

export interface EventRow {
  run: number;
  t: number;
  /** Energy on all three channels, keV, unless e1/e2/e3 given. */
  e?: number;
  e1?: number;
  e2?: number;
  e3?: number;
  origin?: number;
}

/** Events from rows (sorted here by run, time). */
export function makeEvents(rows: EventRow[], truth = false): EventColumns {
  const r = [...rows].sort((a, b) => a.run - b.run || a.t - b.t);
  const n = r.length;
  const ev: EventColumns = {
    length: n,
    time_s: Float64Array.from(r, (x) => x.t),
    run: Int32Array.from(r, (x) => x.run),
    e1_kev: Float32Array.from(r, (x) => x.e1 ?? x.e ?? 0),
    e2_kev: Float32Array.from(r, (x) => x.e2 ?? x.e ?? 0),
    e3_kev: Float32Array.from(r, (x) => x.e3 ?? x.e ?? 0),
    nai_kev: new Float32Array(n),
    veto: new Uint8Array(n),
    pulser: new Uint8Array(n),
  };
  if (truth) ev.truth = { length: n, origin: Uint8Array.from(r, (x) => x.origin ?? 0) };
  return ev;
}

/** Events from typed columns directly (large fixtures): one energy on all channels. */
export function eventsFromColumns(time: Float64Array, run: Int32Array, energyKeV: Float32Array): EventColumns {
  const n = time.length;
  return {
    length: n,
    time_s: time,
    run,
    e1_kev: energyKeV,
    e2_kev: energyKeV,
    e3_kev: energyKeV,
    nai_kev: new Float32Array(n),
    veto: new Uint8Array(n),
    pulser: new Uint8Array(n),
  };
}

/** Direct sum of the Poisson probabilities, P(N >= n | mu) (independent of the incomplete gamma function). */
export function directPoissonUpper(n: number, mu: number): number {
  let p = Math.exp(-mu);
  let cdf = 0;
  for (let k = 0; k < n; k++) {
    cdf += p;
    p *= mu / (k + 1);
  }
  return 1 - cdf;
}
