/**
 * Tables that result classes render themselves with: `toString()` for a terminal, `toHTML()` for a
 * notebook (`show` in lib/plots). A value with an error is printed by the PDG rounding rule
 * (`format.ts`); other numbers as table cells (`formatNumber`, 4 significant digits).
 */
import { formatValueAsymmetric, formatValueError } from "./format.js";
import { formatValue } from "./formatNumber.js";

/** A value with its 1-sigma error, printed by the PDG rule: 0.0532 +- 0.0123 -> "0.053 ± 0.012". */
export interface Measured {
  readonly value: number;
  readonly error: number;
}

/** A value with asymmetric 1-sigma errors (e.g. the Delta chi2 = 1 ends of a fit): "0.213 +0.034 −0.041". */
export interface MeasuredAsymmetric {
  readonly value: number;
  readonly errLow: number;
  readonly errHigh: number;
}

/** One cell: text, a number, a value with its error(s), or nothing. */
export type ResultCell = string | number | boolean | Measured | MeasuredAsymmetric | null | undefined | readonly number[];

/** A value with its error, for a table cell. */
export function measured(value: number, error: number): Measured {
  return { value, error };
}

/** A value with asymmetric errors, for a table cell; equal errors give a "value ± error" cell. */
export function measuredAsymmetric(value: number, errLow: number, errHigh: number): Measured | MeasuredAsymmetric {
  return errLow === errHigh ? { value, error: errLow } : { value, errLow, errHigh };
}

function isAsymmetric(c: unknown): c is MeasuredAsymmetric {
  return typeof c === "object" && c !== null && !Array.isArray(c) && typeof (c as MeasuredAsymmetric).value === "number" && typeof (c as MeasuredAsymmetric).errLow === "number" && typeof (c as MeasuredAsymmetric).errHigh === "number";
}

function isMeasured(c: unknown): c is Measured {
  return typeof c === "object" && c !== null && !Array.isArray(c) && typeof (c as Measured).value === "number" && typeof (c as Measured).error === "number";
}

/** "value ± error" by the PDG rule; an error that is not positive and finite is printed as it is. */
export function formatMeasured(m: Measured): string {
  if (!(m.error > 0 && Number.isFinite(m.error))) return `${formatValue(m.value)} ± ${formatValue(m.error)}`;
  // A value that rounds to zero is printed without its sign ("-0.00 ± 0.11" -> "0.00 ± 0.11").
  return formatValueError(m.value, m.error).replace(" +- ", " ± ").replace(/^(\(?)-(0(?:\.0+)?) /, "$1$2 ");
}

/** The text of one cell. */
export function cellText(c: ResultCell): string {
  if (isMeasured(c)) return formatMeasured(c);
  if (isAsymmetric(c)) return formatValueAsymmetric(c.value, c.errLow, c.errHigh).replace(/^(\(?)-(0(?:\.0+)?) /, "$1$2 ");
  if (typeof c === "boolean") return c ? "yes" : "no";
  return formatValue(c);
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function isNumeric(c: ResultCell): boolean {
  return typeof c === "number" || isMeasured(c) || isAsymmetric(c);
}

/** A captioned table of a result: rows of cells under named columns, with optional notes below. */
export class ResultTable {
  constructor(
    readonly caption: string,
    readonly columns: readonly string[],
    readonly rows: readonly (readonly ResultCell[])[],
    readonly notes: readonly string[] = [],
  ) {
    for (const [i, r] of rows.entries()) if (r.length !== columns.length) throw new Error(`ResultTable "${caption}": row ${i} has ${r.length} cells for ${columns.length} columns`);
  }

  /** Aligned text: caption, header, rule, rows (numbers right-aligned), notes. */
  toString(): string {
    const cells = this.rows.map((r) => r.map(cellText));
    const numeric = this.columns.map((_, j) => this.rows.length > 0 && this.rows.every((r) => isNumeric(r[j]) || r[j] == null));
    const width = this.columns.map((c, j) => Math.max(c.length, ...cells.map((r) => r[j].length)));
    const pad = (s: string, j: number) => (numeric[j] ? s.padStart(width[j]) : s.padEnd(width[j]));
    const line = (r: readonly string[]) => r.map(pad).join("  ").trimEnd();
    const lines = [line(this.columns), width.map((w) => "-".repeat(w)).join("  "), ...cells.map(line)];
    return [...(this.caption ? [this.caption] : []), ...lines, ...this.notes.map((n) => `note: ${n}`)].join("\n");
  }

  /** An HTML table (class nuem-table, as showTable's), numbers right-aligned, notes in the footer. */
  toHTML(): string {
    const head = this.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join("");
    const body = this.rows.map((r) => `<tr>${r.map((c) => `<td style="text-align:${isNumeric(c) ? "right" : "left"}">${escapeHtml(cellText(c))}</td>`).join("")}</tr>`).join("\n");
    const foot = this.notes.length > 0 ? `\n<tfoot>${this.notes.map((n) => `<tr><td colspan="${this.columns.length}" style="text-align:left">note: ${escapeHtml(n)}</td></tr>`).join("")}</tfoot>` : "";
    const caption = this.caption ? `<caption>${escapeHtml(this.caption)}</caption>` : "";
    return `<table class="nuem-table">${caption}\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>${foot}\n</table>`;
  }
}

/** A two-column "quantity | value" table. */
export function quantityTable(caption: string, entries: readonly (readonly [string, ResultCell])[], notes: readonly string[] = []): ResultTable {
  return new ResultTable(caption, ["quantity", "value"], entries.map(([k, v]) => [k, v]), notes);
}

/** Several tables of one result as one view. */
export class ResultTables {
  constructor(readonly tables: readonly ResultTable[]) {}
  toString(): string {
    return this.tables.map((t) => t.toString()).join("\n\n");
  }
  toHTML(): string {
    return this.tables.map((t) => t.toHTML()).join("\n");
  }
}

/** What a result renders itself as: a table or several. */
export interface ResultView {
  toString(): string;
  toHTML(): string;
}

/**
 * A result that keeps the fields of a plain object as its own (its JSON is theirs, byte for
 * byte) and shows itself through `view()`: how a function that returned a plain object gains
 * toString/toHTML without changing what it returns.
 */
export abstract class FieldsRecord<T extends object> {
  constructor(fields: T) {
    Object.assign(this, fields);
  }

  /** The fields, in their order. */
  toJSON(): T {
    return { ...this } as unknown as T;
  }

  abstract view(): ResultView;

  toString(): string {
    return this.view().toString();
  }

  toHTML(): string {
    return this.view().toHTML();
  }
}
