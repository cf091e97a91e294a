import { existsSync } from "node:fs";
import { concatColumns, type TypedColumn } from "./columns.js";
import { EventDataError } from "./errors.js";
import { IpcTableReader, type RawBatch } from "./ipc.js";
import { truthPathFor } from "./paths.js";
import { EVENT_COLUMNS, TRUTH_COLUMNS } from "./schema.js";
import type { EventBatch, EventColumns, RunTable, TruthColumns } from "./types.js";
import { EventRowChecker, checkTruthRows, indexRuns } from "./validate.js";

/** Options of the event readers. */
export interface ReadEventsOptions {
  /** Also read the truth labels (simulated data): `truth` is then set on every batch; a missing truth file is an error. */
  truth?: boolean;
  /** Path of the truth file (default `truthPathFor(file)`: events-X.arrow -> truth-X.arrow). */
  truthFile?: string;
  /** Check every run id against this run table, and time_s against the run's duration_s. */
  runs?: RunTable;
  /** Name of the run table, for messages (default "the run table"). */
  runsFile?: string;
}

const TRUTH_NAMES = TRUTH_COLUMNS.map((s) => s.name);

function eventColumns(b: RawBatch): EventColumns {
  const c = b.columns;
  return {
    length: b.length,
    time_s: c.get("time_s") as Float64Array,
    run: c.get("run") as Int32Array,
    e1_kev: c.get("e1_kev") as Float32Array,
    e2_kev: c.get("e2_kev") as Float32Array,
    e3_kev: c.get("e3_kev") as Float32Array,
    nai_kev: c.get("nai_kev") as Float32Array,
    veto: c.get("veto") as Uint8Array,
    pulser: c.get("pulser") as Uint8Array,
  };
}

function truthColumns(b: RawBatch): TruthColumns {
  const t: TruthColumns = { length: b.length, origin: b.columns.get("origin") as Uint8Array };
  const e = b.columns.get("e_true_kev");
  if (e) t.e_true_kev = e as Float32Array;
  return t;
}

/**
 * The record batches of an events file, one at a time, each as typed-array columns that view
 * the bytes read for that batch (no copy). Every batch is validated as it is read (FORMAT.md:
 * columns and types, finite energies, order by (run, time_s), flags 0/1; with `runs`, known run
 * ids and times within the run), and errors name the file, row and column. Truth labels are
 * returned only with `{ truth: true }`. Memory stays at about one record batch.
 *
 * @example
 * const w = new EventWriter("events.arrow");
 * w.write({ run: [1, 1], time_s: [0.5, 2.0], e1_kev: [10, 20], e2_kev: [10, 20], e3_kev: [10, 20], nai_kev: [0, 0], veto: [0, 0], pulser: [0, 0] });
 * w.close();
 * let total = 0;
 * for (const b of readEventBatches("events.arrow")) total += b.length;
 * total; // => 2 (the rows written)
 */
export function* readEventBatches(file: string, options: ReadEventsOptions = {}): Generator<EventBatch, void, undefined> {
  const events = new IpcTableReader(file, "events", EVENT_COLUMNS, TRUTH_NAMES);
  let truth: IpcTableReader | null = null;
  const truthFile = options.truthFile ?? truthPathFor(file);
  try {
    if (options.truth) {
      if (!existsSync(truthFile)) throw new EventDataError(truthFile, `no truth file for ${file} (truth labels exist only for simulated data)`);
      truth = new IpcTableReader(truthFile, "truth", TRUTH_COLUMNS);
    }
    const checker = new EventRowChecker(file, options.runs ? indexRuns(options.runsFile ?? "the run table", options.runs) : undefined);
    const truthBatches = truth ? truth.batches() : null;
    let rows = 0;
    for (const raw of events.batches()) {
      const batch: EventBatch = { index: raw.index, firstRow: raw.firstRow, ...eventColumns(raw) };
      checker.check(batch, raw.firstRow);
      if (truthBatches) {
        const t = truthBatches.next();
        if (t.done || t.value.length !== raw.length) {
          throw new EventDataError(truthFile, `out of step with ${file}: record batch ${raw.index} has ${t.done ? "no" : t.value.length} rows here, ${raw.length} there`);
        }
        batch.truth = truthColumns(t.value);
        checkTruthRows(truthFile, batch.truth, raw.firstRow);
      }
      rows += raw.length;
      yield batch;
    }
    if (truthBatches) {
      const extra = truthBatches.next();
      if (!extra.done) throw new EventDataError(truthFile, `has more rows than ${file} (${rows})`);
    }
  } finally {
    events.close();
    truth?.close();
  }
}

/**
 * All events of a file in one set of columns (a concatenation of `readEventBatches`; a file of a
 * single record batch comes back without any copy). For data that fit in memory; stream larger
 * files with `readEventBatches`.
 */
export function readEvents(file: string, options: ReadEventsOptions = {}): EventColumns {
  const parts: EventBatch[] = [];
  for (const b of readEventBatches(file, options)) parts.push(b);
  return concatEvents(parts, options.truth === true);
}

/** Concatenation of event column sets (truth included when `truth` and present on all parts). */
export function concatEvents(parts: readonly EventColumns[], truth = true): EventColumns {
  const col = (name: string, type: "float64" | "float32" | "int32" | "uint8") =>
    concatColumns(
      type,
      parts.map((p) => (p as unknown as Record<string, TypedColumn>)[name]),
    );
  let length = 0;
  for (const p of parts) length += p.length;
  const out: EventColumns = { length } as EventColumns;
  for (const spec of EVENT_COLUMNS) (out as unknown as Record<string, TypedColumn>)[spec.name] = col(spec.name, spec.type);
  if (truth && parts.length > 0 && parts.every((p) => p.truth)) {
    const origin = concatColumns("uint8", parts.map((p) => p.truth!.origin)) as Uint8Array;
    out.truth = { length, origin };
    if (parts.every((p) => p.truth!.e_true_kev)) {
      out.truth.e_true_kev = concatColumns("float32", parts.map((p) => p.truth!.e_true_kev!)) as Float32Array;
    }
  } else if (truth && parts.length === 0) {
    out.truth = { length: 0, origin: new Uint8Array(0) };
  }
  return out;
}
