import { notebookDisplay } from "./display.js";

/** A result that renders itself: HTML for a notebook, text for a terminal (as iminuit's Minuit). */
export interface ShowsItself {
  toString(): string;
  toHTML(): string;
}

/** Whether x is an object with its own toHTML and toString (not Object's default toString). */
export function showsItself(x: unknown): x is ShowsItself {
  if (typeof x !== "object" || x === null) return false;
  const o = x as { toHTML?: unknown; toString?: unknown };
  return typeof o.toHTML === "function" && typeof o.toString === "function" && o.toString !== Object.prototype.toString;
}

function describe(x: unknown): string {
  if (x === null) return "null";
  if (Array.isArray(x)) return `an array of ${x.length}`;
  if (typeof x === "object") return `an object of class ${(x as object).constructor?.name ?? "(none)"} without toHTML and toString`;
  return `a ${typeof x} (${String(x)})`;
}

/**
 * Shows a result: its `toHTML()` in a tslab notebook, its `toString()` on stdout elsewhere (CLI,
 * scripts). Refuses a value that cannot show itself; use `showTable` for rows and plain objects,
 * `showMarkdown` for a sentence.
 */
export function show(x: unknown): void {
  if (!showsItself(x)) throw new TypeError(`show: cannot show ${describe(x)}: show takes a result with toHTML() and toString() (fits, limits, coverage, cut-flows, spectra, bounds); use showTable for rows or a plain object`);
  const d = notebookDisplay();
  if (d) d.html(x.toHTML());
  else console.log(x.toString());
}
