import { existsSync } from "node:fs";
import { concatColumns, toColumn, type TypedColumn } from "./columns.js";
import { EventDataError } from "./errors.js";
import { IpcTableReader, IpcTableWriter } from "./ipc.js";
import { RUN_COLUMNS } from "./schema.js";
import type { RunTable, RunTableInput } from "./types.js";
import { checkRunTable, type RowLocator } from "./validate.js";

/** Converts and validates a run table given as array-likes (errors name `file`). */
export function toRunTable(file: string, input: RunTableInput, locate?: RowLocator): RunTable {
  const n = input.run?.length;
  if (n === undefined) throw new EventDataError(file, `missing column "run"`, { column: "run" });
  const out: Record<string, TypedColumn | number> = { length: n };
  for (const spec of RUN_COLUMNS) {
    const c = toColumn(file, spec, (input as unknown as Record<string, ArrayLike<number>>)[spec.name]);
    if (c.length !== n) throw new EventDataError(file, `column ${spec.name} has ${c.length} rows, run has ${n}`, { column: spec.name });
    out[spec.name] = c;
  }
  const runs = out as unknown as RunTable;
  checkRunTable(file, runs, locate);
  return runs;
}

/**
 * Write the run table `runs.arrow` (validated first: FORMAT.md). Small, so one record batch.
 * Refuses to replace an existing file unless `overwrite`.
 */
export function writeRuns(file: string, input: RunTableInput, options: { overwrite?: boolean; metadata?: Record<string, string> } = {}): RunTable {
  if (!options.overwrite && existsSync(file)) throw new EventDataError(file, "exists already (pass { overwrite: true } to replace it)");
  const runs = toRunTable(file, input);
  const w = new IpcTableWriter(file, "runs", RUN_COLUMNS, options.metadata ?? {});
  try {
    if (runs.length > 0) w.writeBatch(RUN_COLUMNS.map((s) => (runs as unknown as Record<string, TypedColumn>)[s.name]), runs.length);
    w.close();
  } catch (e) {
    w.abort();
    throw e;
  }
  return runs;
}

/** Read and validate a run table file (columns, types, and the row checks of FORMAT.md). */
export function readRuns(file: string): RunTable {
  const reader = new IpcTableReader(file, "runs", RUN_COLUMNS);
  const parts = new Map<string, TypedColumn[]>(RUN_COLUMNS.map((s) => [s.name, []]));
  let length = 0;
  for (const b of reader.batches()) {
    for (const s of RUN_COLUMNS) parts.get(s.name)!.push(b.columns.get(s.name)!);
    length += b.length;
  }
  const out: Record<string, TypedColumn | number> = { length };
  for (const s of RUN_COLUMNS) out[s.name] = concatColumns(s.type, parts.get(s.name)!);
  const runs = out as unknown as RunTable;
  checkRunTable(file, runs);
  return runs;
}
