import { notebookDisplay } from "./display.js";
import { formatValue } from "../fit/formatNumber.js";

/** Rows with named columns: what every table helper accepts after normalisation. */
export interface TableRows {
  columns: string[];
  rows: unknown[][];
}

/** Something with arquero's table shape (columnNames + objects). */
interface ArqueroLike {
  columnNames(): string[];
  objects(): Record<string, unknown>[];
}

function isArquero(x: unknown): x is ArqueroLike {
  return typeof x === "object" && x !== null && typeof (x as ArqueroLike).columnNames === "function" && typeof (x as ArqueroLike).objects === "function";
}

/**
 * Normalises an arquero table, an array of row objects, or a plain result object
 * (shown as a two-column "quantity | value" table) into columns and rows.
 */
export function tableRows(data: unknown): TableRows {
  if (isArquero(data)) {
    const columns = data.columnNames();
    return { columns, rows: data.objects().map((o) => columns.map((c) => o[c])) };
  }
  if (Array.isArray(data)) {
    const columns: string[] = [];
    for (const row of data) for (const k of Object.keys(row as object)) if (!columns.includes(k)) columns.push(k);
    return { columns, rows: data.map((o) => columns.map((c) => (o as Record<string, unknown>)[c])) };
  }
  if (typeof data === "object" && data !== null) {
    return { columns: ["quantity", "value"], rows: Object.entries(data).map(([k, v]) => [k, v]) };
  }
  throw new TypeError(`tableRows: cannot show ${typeof data} as a table`);
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** HTML table (numbers right-aligned, formatted to `digits` significant digits). */
export function tableHtml(data: unknown, digits = 4): string {
  const { columns, rows } = tableRows(data);
  const head = columns.map((c) => `<th>${escapeHtml(c)}</th>`).join("");
  const body = rows
    .map((r) => `<tr>${r.map((v) => `<td style="text-align:${typeof v === "number" ? "right" : "left"}">${escapeHtml(formatValue(v, digits))}</td>`).join("")}</tr>`)
    .join("\n");
  return `<table class="nuem-table">\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

/**
 * Aligned plain-text table for terminals (numbers right-aligned).
 *
 * @example
 * tableText([{ a: 1 }, { a: 22.5 }]).split("\n"); // => ["   a", "----", "   1", "22.5"]
 */
export function tableText(data: unknown, digits = 4): string {
  const { columns, rows } = tableRows(data);
  const cells = rows.map((r) => r.map((v) => formatValue(v, digits)));
  const numeric = columns.map((_, j) => rows.length > 0 && rows.every((r) => typeof r[j] === "number" || r[j] == null));
  const width = columns.map((c, j) => Math.max(c.length, ...cells.map((r) => r[j].length)));
  const pad = (s: string, j: number) => (numeric[j] ? s.padStart(width[j]) : s.padEnd(width[j]));
  const line = (r: string[]) => r.map(pad).join("  ").trimEnd();
  return [line(columns), width.map((w) => "-".repeat(w)).join("  "), ...cells.map(line)].join("\n");
}

/** Shows a table: HTML in a tslab cell, aligned text in a terminal. */
export function showTable(data: unknown, digits = 4): void {
  const d = notebookDisplay();
  if (d) d.html(tableHtml(data, digits));
  else console.log(tableText(data, digits));
}
