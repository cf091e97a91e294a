/**
 * In-memory shapes of the format's tables: plain typed arrays, one per column, named exactly like
 * the columns on disk (FORMAT.md). Arrays returned by the readers may be views into the bytes read
 * from the file (zero-copy); treat them as read-only.
 */

/** Truth labels of events (simulated data only), row-aligned with the events. */
export interface TruthColumns {
  readonly length: number;
  /** Origin code per event (see `Origin`). */
  origin: Uint8Array;
  /** Energy deposited in the HPGe before resolution smearing, keV (optional column). */
  e_true_kev?: Float32Array;
}

/** Events as columns. Rows are sorted by (run, time_s). */
export interface EventColumns {
  readonly length: number;
  /** Time since the start of the run, s; absolute time = runs.start_utc + time_s. */
  time_s: Float64Array;
  /** Run id (a row of the run table). */
  run: Int32Array;
  /** HPGe energy through the 2 us shaping channel, keV. */
  e1_kev: Float32Array;
  /** HPGe energy through the 4 us shaping channel, keV. */
  e2_kev: Float32Array;
  /** HPGe energy through the 12 us shaping channel, keV. */
  e3_kev: Float32Array;
  /** Anti-Compton NaI energy in coincidence, keV; 0 if none. */
  nai_kev: Float32Array;
  /** Plastic muon-veto signal in coincidence, 0/1. */
  veto: Uint8Array;
  /** Test-pulser event, 0/1. */
  pulser: Uint8Array;
  /** Truth labels: present only when asked for (`{ truth: true }`) and the data carry them. */
  truth?: TruthColumns;
}

/** One record batch of an events file, as yielded by the streaming readers. */
export interface EventBatch extends EventColumns {
  /** Index of the batch within the file, from 0. */
  readonly index: number;
  /** Row number (within the file, from 0) of the batch's first row. */
  readonly firstRow: number;
}

/** The run table: one row per (nominally one-hour) run, sorted by run id. */
export interface RunTable {
  readonly length: number;
  /** Run id, unique, ascending. */
  run: Int32Array;
  /** Run start, POSIX seconds UTC (leap seconds not counted). */
  start_utc: Float64Array;
  /** Real (wall-clock) length of the run, s. */
  duration_s: Float64Array;
  /** Live time, s. */
  live_time_s: Float64Array;
  /** Dead time, s; live + dead <= duration. */
  dead_time_s: Float64Array;
  /** Mean reactor thermal power, GW. */
  thermal_power_gw: Float64Array;
  /** Reactor state code (see `RunState`). */
  state: Uint8Array;
  /** Measurement phase (1 = Phase I, 2 = Phase II, ...). */
  phase: Int32Array;
  /** Liquid-nitrogen filling during the run, 0/1. */
  ln2_fill: Uint8Array;
  /** Mechanical or electrical work at the site, 0/1. */
  site_work: Uint8Array;
}

/** Truth labels to write: any array-likes of numbers (converted to the column types). */
export interface TruthColumnsInput {
  origin: ArrayLike<number>;
  e_true_kev?: ArrayLike<number>;
}

/** Events to write: any array-likes of numbers, all of one length (converted to the column types). */
export interface EventColumnsInput {
  time_s: ArrayLike<number>;
  run: ArrayLike<number>;
  e1_kev: ArrayLike<number>;
  e2_kev: ArrayLike<number>;
  e3_kev: ArrayLike<number>;
  nai_kev: ArrayLike<number>;
  veto: ArrayLike<number>;
  pulser: ArrayLike<number>;
  truth?: TruthColumnsInput;
}

/** A run table to write: any array-likes of numbers, all of one length. */
export interface RunTableInput {
  run: ArrayLike<number>;
  start_utc: ArrayLike<number>;
  duration_s: ArrayLike<number>;
  live_time_s: ArrayLike<number>;
  dead_time_s: ArrayLike<number>;
  thermal_power_gw: ArrayLike<number>;
  state: ArrayLike<number>;
  phase: ArrayLike<number>;
  ln2_fill: ArrayLike<number>;
  site_work: ArrayLike<number>;
}
