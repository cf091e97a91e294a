import { existsSync } from "node:fs";
import { OptionError } from "../errors.js";
import { allocColumn, toColumn, type TypedColumn } from "./columns.js";
import { EventDataError } from "./errors.js";
import { IpcTableWriter } from "./ipc.js";
import { truthPathFor } from "./paths.js";
import { EVENT_COLUMNS, TRUTH_COLUMNS, type EventColumnSpec } from "./schema.js";
import type { EventColumns, EventColumnsInput, RunTable, TruthColumns } from "./types.js";
import { EventRowChecker, checkTruthRows, indexRuns } from "./validate.js";

/** Rows per record batch on disk unless told otherwise (~3.8 MB of event columns). */
export const DEFAULT_BATCH_ROWS = 131072;

/** Options of `EventWriter`. */
export interface EventWriterOptions {
  /** Also write truth labels: every `write()` must then carry `truth` (default false). */
  truth?: boolean;
  /** Path of the truth file (default `truthPathFor(file)`: events-X.arrow -> truth-X.arrow). */
  truthFile?: string;
  /** Rows per record batch on disk (default 131072). The bytes depend on it, not on how `write()` is called. */
  batchRows?: number;
  /** Check run ids and times against this run table while writing. */
  runs?: RunTable;
  /** Name of the run table, for messages (default "the run table"). */
  runsFile?: string;
  /** Extra schema metadata, e.g. `{ "nuem.period": "2005-08" }`; written in key order. */
  metadata?: Record<string, string>;
  /** Replace existing files (default false: refuse). */
  overwrite?: boolean;
}

/** What `EventWriter.close()` wrote. */
export interface EventFileSummary {
  file: string;
  /** The truth file, or null when none was written. */
  truthFile: string | null;
  rows: number;
  /** Record batches in the file. */
  batches: number;
  /** First and last run id, or null for a file with no rows. */
  firstRun: number | null;
  lastRun: number | null;
}

function checkBatchRows(n: number): number {
  if (!Number.isInteger(n) || n < 1 || n > 1 << 26) throw new OptionError(`batchRows must be an integer in [1, 2^26], got ${n}`, { option: "batchRows", value: n });
  return n;
}

/** Converts and length-checks the columns of a batch to write (row numbers count from `firstRow`). */
function convertEvents(file: string, input: EventColumnsInput, firstRow: number): EventColumns {
  const n = input.time_s?.length;
  if (n === undefined) throw new EventDataError(file, `missing column "time_s" in the data to write`, { column: "time_s" });
  const out: Record<string, TypedColumn> = {};
  for (const spec of EVENT_COLUMNS) {
    const c = toColumn(file, spec, (input as unknown as Record<string, ArrayLike<number>>)[spec.name], firstRow);
    if (c.length !== n) throw new EventDataError(file, `column ${spec.name} has ${c.length} rows, time_s has ${n}`, { column: spec.name });
    out[spec.name] = c;
  }
  return { length: n, ...out } as unknown as EventColumns;
}

function convertTruth(file: string, input: EventColumnsInput, n: number, firstRow: number): TruthColumns {
  const t = input.truth;
  if (!t) throw new EventDataError(file, "this writer writes truth labels: every batch needs `truth` ({ origin, e_true_kev? })", { column: "origin" });
  const origin = toColumn(file, TRUTH_COLUMNS[0], t.origin, firstRow) as Uint8Array;
  if (origin.length !== n) throw new EventDataError(file, `truth column origin has ${origin.length} rows, the events have ${n}`, { column: "origin" });
  const out: TruthColumns = { length: n, origin };
  if (t.e_true_kev !== undefined) {
    const e = toColumn(file, TRUTH_COLUMNS[1], t.e_true_kev, firstRow) as Float32Array;
    if (e.length !== n) throw new EventDataError(file, `truth column e_true_kev has ${e.length} rows, the events have ${n}`, { column: "e_true_kev" });
    out.e_true_kev = e;
  }
  return out;
}

/** Fixed-size staging columns that collect rows until a record batch is full. */
class Staging {
  readonly columns: TypedColumn[];
  used = 0;
  constructor(readonly specs: readonly EventColumnSpec[], readonly capacity: number) {
    this.columns = specs.map((s) => allocColumn(s.type, capacity));
  }
}

/**
 * Streams events into an Arrow IPC file (and, for simulated data, the truth labels into a
 * row-aligned truth file). `write()` takes batches of any size; rows are validated (the checks of
 * FORMAT.md, continuing across batches, so the whole file ends up sorted by (run, time_s)), then
 * collected into record batches of `batchRows` rows that go to disk as soon as they are full.
 * Memory stays at one record batch whatever the file size. A rejected batch throws an
 * `EventDataError` naming the file, row and column, and writes nothing; the writer stays usable.
 * Files appear under their final names only at `close()`.
 *
 * @example
 * const w = new EventWriter("events-2005-08.arrow");
 * w.write({ run: [1, 1, 2], time_s: [0.5, 2.0, 0.1], e1_kev: [10, 20, 30], e2_kev: [10, 20, 30], e3_kev: [10, 20, 30], nai_kev: [0, 0, 0], veto: [0, 0, 1], pulser: [0, 0, 0] });
 * const summary = w.close();
 * summary.rows; // => 3
 * summary.lastRun; // => 2
 */
export class EventWriter {
  readonly file: string;
  readonly truthFile: string | null;
  private readonly batchRows: number;
  private readonly checker: EventRowChecker;
  private readonly events: IpcTableWriter;
  private truth: IpcTableWriter | null = null;
  private truthSpecs: readonly EventColumnSpec[] | null = null;
  private readonly eventStage: Staging;
  private truthStage: Staging | null = null;
  private readonly metadata: Record<string, string>;
  private rows = 0;
  private firstRun: number | null = null;
  private lastRun: number | null = null;
  private closed = false;
  private result: EventFileSummary | null = null;

  constructor(file: string, options: EventWriterOptions = {}) {
    this.file = file;
    this.truthFile = options.truth ? (options.truthFile ?? truthPathFor(file)) : null;
    this.batchRows = checkBatchRows(options.batchRows ?? DEFAULT_BATCH_ROWS);
    for (const f of [file, this.truthFile]) {
      if (f !== null && !options.overwrite && existsSync(f)) throw new EventDataError(f, "exists already (pass { overwrite: true } to replace it)");
    }
    this.metadata = options.metadata ?? {};
    const runs = options.runs ? indexRuns(options.runsFile ?? "the run table", options.runs) : undefined;
    this.checker = new EventRowChecker(file, runs);
    this.events = new IpcTableWriter(file, "events", EVENT_COLUMNS, this.metadata);
    this.eventStage = new Staging(EVENT_COLUMNS, this.batchRows);
  }

  /** Validate and append a batch of events (any number of rows). */
  write(input: EventColumnsInput): void {
    if (this.closed) throw new EventDataError(this.file, "writer is closed");
    const ev = convertEvents(this.file, input, this.rows);
    const n = ev.length;
    let truth: TruthColumns | null = null;
    if (this.truthFile !== null) {
      truth = convertTruth(this.truthFile, input, n, this.rows);
      checkTruthRows(this.truthFile, truth, this.rows);
      this.openTruth(truth);
      if ((truth.e_true_kev !== undefined) !== (this.truthSpecs!.length === 2)) {
        throw new EventDataError(this.truthFile, `truth column e_true_kev must be given in every batch or in none (row ${this.rows})`, { column: "e_true_kev" });
      }
    }
    const saved = this.checker.save();
    try {
      this.checker.check(ev, this.rows);
    } catch (e) {
      this.checker.restore(saved);
      throw e;
    }
    if (n === 0) return;
    if (this.firstRun === null) this.firstRun = ev.run[0];
    this.lastRun = ev.run[n - 1];
    const evCols = EVENT_COLUMNS.map((s) => (ev as unknown as Record<string, TypedColumn>)[s.name]);
    const trCols = truth ? this.truthSpecs!.map((s) => (truth as unknown as Record<string, TypedColumn>)[s.name]) : null;
    let at = 0;
    while (at < n) {
      const take = Math.min(n - at, this.batchRows - this.eventStage.used);
      stage(this.eventStage, evCols, at, take);
      if (trCols) stage(this.truthStage!, trCols, at, take);
      at += take;
      if (this.eventStage.used === this.batchRows) this.flush();
    }
    this.rows += n;
  }

  private openTruth(first: TruthColumns): void {
    if (this.truth !== null || this.truthFile === null) return;
    this.truthSpecs = first.e_true_kev !== undefined ? TRUTH_COLUMNS : TRUTH_COLUMNS.slice(0, 1);
    this.truth = new IpcTableWriter(this.truthFile, "truth", this.truthSpecs, this.metadata);
    this.truthStage = new Staging(this.truthSpecs, this.batchRows);
  }

  private flush(): void {
    const n = this.eventStage.used;
    if (n === 0) return;
    this.events.writeBatch(this.eventStage.columns.map((c) => c.subarray(0, n)), n);
    this.eventStage.used = 0;
    if (this.truth && this.truthStage) {
      this.truth.writeBatch(this.truthStage.columns.map((c) => c.subarray(0, n)), n);
      this.truthStage.used = 0;
    }
  }

  /** Write the last record batch and the footers; the files appear under their final names. */
  close(): EventFileSummary {
    if (this.closed) throw new EventDataError(this.file, "writer is closed");
    try {
      this.flush();
      if (this.truthFile !== null && this.truth === null) this.openTruth({ length: 0, origin: new Uint8Array(0) });
      this.events.close();
      this.truth?.close();
    } catch (e) {
      this.abort();
      throw e;
    }
    this.closed = true;
    this.result = {
      file: this.file,
      truthFile: this.truthFile,
      rows: this.rows,
      batches: this.events.batches,
      firstRun: this.firstRun,
      lastRun: this.lastRun,
    };
    return this.result;
  }

  /** Whether `close()` or `abort()` was called. */
  get isClosed(): boolean {
    return this.closed;
  }

  /** What `close()` wrote; null before `close()` or after `abort()`. */
  get summary(): EventFileSummary | null {
    return this.result;
  }

  /** Give up: delete the partial files; nothing is left under the final names. */
  abort(): void {
    this.closed = true;
    this.events.abort();
    this.truth?.abort();
  }
}

function stage(s: Staging, cols: readonly TypedColumn[], from: number, count: number): void {
  for (let k = 0; k < cols.length; k++) {
    (s.columns[k] as Float64Array).set((cols[k] as Float64Array).subarray(from, from + count), s.used);
  }
  s.used += count;
}
