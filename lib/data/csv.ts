import { InputDataError } from "../errors.js";
import { readRegularFile } from "../io/regularFile.js";

/** A parsed CSV table: column names and rows of raw strings. */
export interface CsvTable {
  file: string;
  columns: string[];
  rows: string[][];
}

/**
 * Reads a small comma-separated table with a header line (no quoting: the reference tables
 * in `data/` are plain numbers and names). Lines starting with `#` are comments.
 * Errors name the file and the line.
 */
export function readCsv(file: string): CsvTable {
  let text: string;
  try {
    text = readRegularFile(file);
  } catch (e) {
    if (e instanceof InputDataError) throw e;
    throw new InputDataError((e as Error).message, { file }, { cause: e });
  }
  const lines = text.split(/\r?\n/).map((l, i) => ({ l: l.trim(), n: i + 1 })).filter((x) => x.l !== "" && !x.l.startsWith("#"));
  if (lines.length === 0) throw new InputDataError(`${file}: empty file, expected a header line`, { file });
  const columns = lines[0].l.split(",").map((c) => c.trim());
  const rows = lines.slice(1).map(({ l, n }) => {
    const cells = l.split(",").map((c) => c.trim());
    if (cells.length !== columns.length) {
      throw new InputDataError(`${file}:${n}: expected ${columns.length} fields (${columns.join(",")}), found ${cells.length}`, { file, line: n });
    }
    return cells;
  });
  return { file, columns, rows };
}

/** The named column of a CSV table as numbers; errors name the file, column and row. */
export function numericColumn(table: CsvTable, name: string): Float64Array {
  const j = table.columns.indexOf(name);
  if (j < 0) throw new InputDataError(`${table.file}: missing column "${name}" (have ${table.columns.join(", ")})`, { file: table.file, field: name });
  const out = new Float64Array(table.rows.length);
  table.rows.forEach((r, i) => {
    const v = Number(r[j]);
    if (r[j] === "" || !Number.isFinite(v)) throw new InputDataError(`${table.file}: row ${i + 1}, column "${name}": not a number (${JSON.stringify(r[j])})`, { file: table.file, field: name, row: i });
    out[i] = v;
  });
  return out;
}

/** The named column of a CSV table as strings. */
export function stringColumn(table: CsvTable, name: string): string[] {
  const j = table.columns.indexOf(name);
  if (j < 0) throw new InputDataError(`${table.file}: missing column "${name}" (have ${table.columns.join(", ")})`, { file: table.file, field: name });
  return table.rows.map((r) => r[j]);
}
