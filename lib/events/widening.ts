/**
 * The lossless widenings accepted when reading an Arrow file written by another tool (pandas,
 * pyarrow and polars write int64 ids, float64 energies and bool flags by default). FORMAT.md,
 * "Types accepted on reading", lists them; this file is the rule.
 */
import { allocColumn, type TypedColumn } from "./columns.js";
import { EventDataError } from "./errors.js";
import type { EventColumnSpec, EventColumnType } from "./schema.js";

/** Arrow integer type names (as `String(type)` prints them). */
const INTEGER_TYPES = new Set(["Int8", "Int16", "Int32", "Int64", "Uint8", "Uint16", "Uint32", "Uint64"]);

/** The value range of the format's integer columns. */
const INTEGER_RANGE: Partial<Record<EventColumnType, [number, number]>> = {
  int32: [-2147483648, 2147483647],
  uint8: [0, 255],
};

/**
 * Whether a column of Arrow type `got` may be read as `spec`: any integer type for an integer
 * column (each value checked against the column's range on reading), Float64 for a float32 column
 * (rounded to the nearest float32, as the project's own writer rounds), Bool for a 0/1 flag.
 */
export function acceptedOnRead(spec: EventColumnSpec, got: string): boolean {
  if (spec.flag && got === "Bool") return true;
  if (INTEGER_RANGE[spec.type] && INTEGER_TYPES.has(got)) return true;
  return spec.type === "float32" && got === "Float64";
}

/** The Arrow data of one column of one record batch, as `IpcTableReader` sees it. */
export interface ColumnData {
  readonly offset: number;
  readonly length: number;
  readonly values: unknown;
}

/**
 * The column in the format's type, from an accepted wider type. An integer outside the column's
 * range is refused naming the file, the column and the row (0-based within the file), never wrapped.
 */
export function widenColumn(file: string, spec: EventColumnSpec, got: string, d: ColumnData, firstRow: number): TypedColumn {
  const out = allocColumn(spec.type, d.length);
  if (got === "Bool") {
    const packed = d.values as Uint8Array;
    for (let i = 0; i < d.length; i++) out[i] = (packed[(d.offset + i) >> 3] >> ((d.offset + i) & 7)) & 1;
    return out;
  }
  const values = d.values as ArrayLike<number | bigint>;
  const range = INTEGER_RANGE[spec.type];
  const [lo, hi] = range ? [BigInt(range[0]), BigInt(range[1])] : [0n, 0n];
  for (let i = 0; i < d.length; i++) {
    const raw = values[d.offset + i];
    if (range) {
      // bigint for Int64/Uint64 columns: compare before converting, so no value wraps.
      const v = typeof raw === "bigint" ? (raw >= lo && raw <= hi ? Number(raw) : NaN) : raw;
      if (!(v >= range[0] && v <= range[1])) {
        throw new EventDataError(file, `row ${firstRow + i}: ${spec.name} = ${String(raw)} (${got}) is outside the ${spec.type} range ${range[0]}..${range[1]} of the format`, {
          row: firstRow + i,
          column: spec.name,
        });
      }
      out[i] = v;
    } else {
      out[i] = Number(raw);
    }
  }
  return out;
}
