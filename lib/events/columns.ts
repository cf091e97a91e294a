import { EventDataError } from "./errors.js";
import type { EventColumnSpec, EventColumnType } from "./schema.js";

/** A column in memory. */
export type TypedColumn = Float64Array | Float32Array | Int32Array | Uint8Array;

type TypedCtor = Float64ArrayConstructor | Float32ArrayConstructor | Int32ArrayConstructor | Uint8ArrayConstructor;

const CTORS: Record<EventColumnType, TypedCtor> = {
  float64: Float64Array,
  float32: Float32Array,
  int32: Int32Array,
  uint8: Uint8Array,
};

const INT_RANGE: Partial<Record<EventColumnType, [number, number]>> = {
  int32: [-2147483648, 2147483647],
  uint8: [0, 255],
};

/** The typed-array constructor holding a column type. */
export function columnCtor(type: EventColumnType): TypedCtor {
  return CTORS[type];
}

/** A new zeroed column of the given type and length. */
export function allocColumn(type: EventColumnType, length: number): TypedColumn {
  return new CTORS[type](length);
}

/**
 * The input as a typed array of the column's type: the same object when it already is one,
 * otherwise a converted copy. Integer columns refuse non-integers and out-of-range values
 * (a silent wrap-around would corrupt run ids and flags); float32 rounds.
 */
export function toColumn(file: string, spec: EventColumnSpec, input: ArrayLike<number> | undefined, firstRow = 0): TypedColumn {
  if (input === undefined || input === null) throw new EventDataError(file, `missing column "${spec.name}" in the data to write`, { column: spec.name });
  const Ctor = CTORS[spec.type];
  if (input instanceof Ctor) return input;
  const out = new Ctor(input.length);
  const range = INT_RANGE[spec.type];
  for (let i = 0; i < input.length; i++) {
    const v = input[i];
    if (range && !(Number.isInteger(v) && v >= range[0] && v <= range[1])) {
      throw new EventDataError(file, `row ${firstRow + i}: ${spec.name} = ${v} is not a ${spec.type} integer`, {
        row: firstRow + i,
        column: spec.name,
      });
    }
    out[i] = v;
  }
  return out;
}

/** Concatenation of same-typed columns (the single part itself when there is one: no copy). */
export function concatColumns(type: EventColumnType, parts: TypedColumn[]): TypedColumn {
  if (parts.length === 1) return parts[0];
  let n = 0;
  for (const p of parts) n += p.length;
  const out = allocColumn(type, n);
  let at = 0;
  for (const p of parts) {
    (out as Float64Array).set(p as Float64Array, at);
    at += p.length;
  }
  return out;
}
