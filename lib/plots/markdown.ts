import { formatValueError } from "../fit/format.js";
import { notebookDisplay } from "./display.js";

/*
 * Prose with computed numbers. A notebook states a number in a sentence only if a cell computed
 * it: the cell builds the sentence with these formatters and shows it with `showMarkdown`, so a
 * re-execution keeps the prose true (the notebook tests compare the output).
 */

const SUPERSCRIPT: Record<string, string> = { "-": "⁻", "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹" };

/** "×10⁻¹²" for an exponent, "" for 0. */
function timesTen(exp: number): string {
  if (exp === 0) return "";
  return `×10${String(exp).replace(/./g, (c) => SUPERSCRIPT[c] ?? c)}`;
}

/**
 * A number with `digits` significant digits for prose: 2.8×10⁻¹², 0.87, 630, 1.6×10⁴. Plain
 * decimals between 1e-3 and 1e4, powers of ten outside.
 * @example formatSig(2.8412e-12) // => "2.8×10⁻¹²"
 */
export function formatSig(v: number, digits = 2): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return "0";
  const a = Math.abs(v);
  if (a >= 1e-3 && a < 1e4) return String(Number(v.toPrecision(digits)));
  const [m, e] = v.toExponential(digits - 1).split("e");
  return `${m}${timesTen(Number(e))}`;
}

/**
 * A fraction as a percentage with `digits` significant digits: formatPercent(0.354) = "35 %".
 *
 * @example
 * formatPercent(0.354); // => "35 %"
 */
export function formatPercent(fraction: number, digits = 2): string {
  return `${formatSig(100 * fraction, digits)} %`;
}

/**
 * "value ± error" by the PDG rounding rule (lib/fit/format.ts), with ×10ⁿ instead of e-notation:
 * formatMeasurement(0.2312, 0.0123) = "0.231 ± 0.012".
 *
 * @example
 * formatMeasurement(1.234, 0.056); // => "1.23 ± 0.06" (PDG rule: 560 keeps one digit)
 */
export function formatMeasurement(value: number, error: number): string {
  const s = formatValueError(value, error);
  const m = /^\((.*) \+- (.*)\)e(-?\d+)$/.exec(s);
  if (m) return `(${m[1]} ± ${m[2]})${timesTen(Number(m[3]))}`;
  return s.replace(" +- ", " ± ");
}

/** Markdown without its emphasis and code marks, for a terminal. */
export function markdownToText(md: string): string {
  return md
    .replace(/\*\*(.+?)\*\*/g, "$1")
    .replace(/`([^`]*)`/g, "$1")
    .replace(/(^|[^*])\*([^*\n]+)\*/g, "$1$2");
}

/**
 * Shows a markdown sentence or paragraph built from computed values: rendered markdown in a
 * tslab notebook, plain text on stdout elsewhere (CLI, scripts).
 */
export function showMarkdown(md: string): void {
  const d = notebookDisplay() as (ReturnType<typeof notebookDisplay> & { markdown?(s: string): void }) | null;
  if (d && typeof d.markdown === "function") d.markdown(md);
  else console.log(markdownToText(md));
}

/** value ± error, both with `decimals` decimals (fixed notation): formatPlusMinus(0.0912, 0.0634) = "0.09 ± 0.06". */
export function formatPlusMinus(value: number, error: number, decimals = 2): string {
  return `${value.toFixed(decimals)} ± ${error.toFixed(decimals)}`;
}
