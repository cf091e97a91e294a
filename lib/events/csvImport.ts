import { readRegularFile } from "../io/regularFile.js";
import { allocColumn, type TypedColumn } from "./columns.js";
import { EventDataError } from "./errors.js";
import { parseOrigin } from "./origin.js";
import { parseRunState } from "./runState.js";
import { EVENT_COLUMNS, RUN_COLUMNS, TRUTH_COLUMNS, type EventColumnSpec } from "./schema.js";
import type { EventColumns, RunTable, TruthColumns } from "./types.js";
import { EventRowChecker, checkRunTable, checkTruthRows, indexRuns, type RowLocator } from "./validate.js";

interface CsvRows {
  header: string[];
  headerLine: number;
  /** Cells of each data row. */
  cells: string[][];
  /** 1-based line number of each data row. */
  lines: number[];
}

/** Comma-separated text with a header line; blank lines and lines starting with `#` are skipped; no quoting. */
function splitCsv(file: string): CsvRows {
  let text: string;
  try {
    text = readRegularFile(file);
  } catch (e) {
    throw new EventDataError(file, (e as Error).message.slice(file.length + 2));
  }
  const all = text.split(/\r?\n/);
  let header: string[] | null = null;
  let headerLine = 0;
  const cells: string[][] = [];
  const lines: number[] = [];
  for (let i = 0; i < all.length; i++) {
    const l = all[i].trim();
    if (l === "" || l.startsWith("#")) continue;
    const fields = l.split(",").map((c) => c.trim());
    if (header === null) {
      header = fields;
      headerLine = i + 1;
      continue;
    }
    if (fields.length !== header.length) {
      throw new EventDataError(file, `line ${i + 1}: expected ${header.length} fields (${header.join(",")}), found ${fields.length}`, { line: i + 1 });
    }
    cells.push(fields);
    lines.push(i + 1);
  }
  if (header === null) throw new EventDataError(file, "empty file: expected a header line");
  return { header, headerLine, cells, lines };
}

function columnIndex(file: string, csv: CsvRows, specs: readonly EventColumnSpec[], allowed: readonly EventColumnSpec[]): Map<string, number> {
  const idx = new Map<string, number>();
  csv.header.forEach((name, k) => {
    if (!allowed.some((s) => s.name === name)) {
      throw new EventDataError(file, `line ${csv.headerLine}: unknown column "${name}" (expected ${allowed.map((s) => s.name).join(", ")})`, { line: csv.headerLine, column: name });
    }
    if (idx.has(name)) throw new EventDataError(file, `line ${csv.headerLine}: column "${name}" appears twice`, { line: csv.headerLine, column: name });
    idx.set(name, k);
  });
  for (const s of specs) {
    if (!s.optional && !idx.has(s.name)) {
      throw new EventDataError(file, `line ${csv.headerLine}: missing column "${s.name}" (have ${csv.header.join(", ")})`, { line: csv.headerLine, column: s.name });
    }
  }
  return idx;
}

/** A decimal number as CSV writers print it: optional sign, digits with an optional point, optional exponent, or inf/infinity. */
const DECIMAL = /^[+-]?((\d+\.?\d*|\.\d+)([eE][+-]?\d+)?|inf|infinity)$/i;

const INT_LIMITS: Record<string, [number, number]> = { int32: [-2147483648, 2147483647], uint8: [0, 255] };

/** Parse one column; `parse` may map a cell to a number (codes, dates) before the generic rules. */
function parseColumn(file: string, csv: CsvRows, spec: EventColumnSpec, k: number, parse?: (cell: string) => number | undefined): TypedColumn {
  const out = allocColumn(spec.type, csv.cells.length);
  for (let i = 0; i < csv.cells.length; i++) {
    const cell = csv.cells[i][k];
    const line = csv.lines[i];
    let v: number | undefined = parse ? parse(cell) : undefined;
    if (v === undefined && spec.flag) v = /^true$/i.test(cell) ? 1 : /^false$/i.test(cell) ? 0 : undefined;
    if (v === undefined) {
      // Decimal numbers only: JavaScript's Number() would also read "0x10" as 16, "0b11" as 3 and
      // "0o17" as 15, which no other CSV reader does; such cells are refused, not reinterpreted.
      if (!DECIMAL.test(cell) && !/^[+-]?nan$/i.test(cell)) {
        const what = /^[+-]?0[xXbBoO]/.test(cell) ? "a hexadecimal, binary or octal literal, not a decimal number" : "not a number";
        throw new EventDataError(file, `line ${line}, column ${spec.name}: ${what} (${JSON.stringify(cell)})`, { line, column: spec.name });
      }
      v = /^[+-]?nan$/i.test(cell) ? NaN : Number(cell);
      if (Number.isNaN(v) && !/^[+-]?nan$/i.test(cell)) {
        throw new EventDataError(file, `line ${line}, column ${spec.name}: not a number (${JSON.stringify(cell)})`, { line, column: spec.name });
      }
    }
    const lim = INT_LIMITS[spec.type];
    if (lim && !(Number.isInteger(v) && v >= lim[0] && v <= lim[1])) {
      throw new EventDataError(file, `line ${line}, column ${spec.name}: ${JSON.stringify(cell)} is not a valid ${spec.codes ? `code (${spec.codes.join(", ")})` : `${spec.type} integer`}`, { line, column: spec.name });
    }
    out[i] = v;
  }
  return out;
}

function lineLocator(csv: CsvRows): RowLocator {
  return (row) => ({ text: `line ${csv.lines[row]}`, line: csv.lines[row] });
}

/** Options of `importEventsCsv`. */
export interface ImportEventsCsvOptions {
  /** Return the truth columns (`origin`, optional `e_true_kev`) when the CSV has them. */
  truth?: boolean;
  /** Check run ids and times against this run table. */
  runs?: RunTable;
  /** Name of the run table, for messages. */
  runsFile?: string;
}

/**
 * Events from a small CSV file, in the same columns as `readEvents` and with the same validation;
 * errors name the file and the line. Header: the event columns of FORMAT.md in any order, and
 * optionally the truth columns `origin` (code or name, e.g. "noble-gas") and `e_true_kev`, which
 * are returned only with `{ truth: true }`. Flags take 0/1/true/false; NaN, inf or an empty cell in
 * an energy column is an error naming the line.
 */
export function importEventsCsv(file: string, options: ImportEventsCsvOptions = {}): EventColumns {
  const csv = splitCsv(file);
  const allowed = [...EVENT_COLUMNS, ...TRUTH_COLUMNS.map((s) => ({ ...s, optional: true }))];
  const idx = columnIndex(file, csv, EVENT_COLUMNS, allowed);
  const cols: Record<string, TypedColumn | number> = { length: csv.cells.length };
  for (const s of EVENT_COLUMNS) cols[s.name] = parseColumn(file, csv, s, idx.get(s.name)!);
  const events = cols as unknown as EventColumns;
  const locate = lineLocator(csv);
  new EventRowChecker(file, options.runs ? indexRuns(options.runsFile ?? "the run table", options.runs) : undefined, locate).check(events, 0);
  if (idx.has("origin")) {
    const truth: TruthColumns = {
      length: csv.cells.length,
      origin: parseColumn(file, csv, TRUTH_COLUMNS[0], idx.get("origin")!, (c) => parseOrigin(c) ?? 256) as Uint8Array,
    };
    if (idx.has("e_true_kev")) truth.e_true_kev = parseColumn(file, csv, TRUTH_COLUMNS[1], idx.get("e_true_kev")!) as Float32Array;
    checkTruthRows(file, truth, 0, locate);
    if (options.truth) events.truth = truth;
  } else if (idx.has("e_true_kev")) {
    throw new EventDataError(file, `line ${csv.headerLine}: column e_true_kev needs the column origin`, { line: csv.headerLine, column: "e_true_kev" });
  } else if (options.truth) {
    throw new EventDataError(file, `line ${csv.headerLine}: no truth column "origin" in this file`, { line: csv.headerLine, column: "origin" });
  }
  return events;
}

/** Seconds since 1970-01-01T00:00:00Z for an ISO-8601 date-time with a zone (`Z` or `+hh:mm`). */
function parseUtc(cell: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(cell)) return undefined;
  const ms = Date.parse(cell);
  return Number.isNaN(ms) ? undefined : ms / 1000;
}

/**
 * A run table from a small CSV file (columns of FORMAT.md in any order), validated like
 * `readRuns`; errors name the file and the line. `start_utc` takes POSIX seconds or an ISO-8601
 * date-time with an explicit zone ("2005-08-01T00:00:00Z"); `state` takes ON/OFF/TRANSITION or
 * its code; flags take 0/1/true/false.
 */
export function importRunsCsv(file: string): RunTable {
  const csv = splitCsv(file);
  const idx = columnIndex(file, csv, RUN_COLUMNS, RUN_COLUMNS);
  const cols: Record<string, TypedColumn | number> = { length: csv.cells.length };
  for (const s of RUN_COLUMNS) {
    const k = idx.get(s.name)!;
    const parse = s.name === "start_utc" ? parseUtc : s.name === "state" ? (c: string) => parseRunState(c) ?? 256 : undefined;
    if (s.name === "start_utc") {
      for (let i = 0; i < csv.cells.length; i++) {
        const c = csv.cells[i][k];
        if (/[T:]/.test(c) && parseUtc(c) === undefined) {
          throw new EventDataError(file, `line ${csv.lines[i]}, column start_utc: ${JSON.stringify(c)} is not an ISO-8601 date-time with a zone (e.g. 2005-08-01T00:00:00Z)`, { line: csv.lines[i], column: "start_utc" });
        }
      }
    }
    cols[s.name] = parseColumn(file, csv, s, k, parse);
  }
  const runs = cols as unknown as RunTable;
  checkRunTable(file, runs, lineLocator(csv));
  return runs;
}
