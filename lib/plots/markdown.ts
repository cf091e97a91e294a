import { notebookDisplay } from "./display.js";

/**
 * Shows prose built from computed values: Markdown in a tslab cell, plain text in a terminal. A
 * notebook writes its sentences with numbers through this, so that every number in its text is a
 * cell output.
 */
export function showSentence(markdown: string): void {
  const d = notebookDisplay() as { markdown?: (s: string) => void; text(s: string): void } | null;
  if (d && d.markdown) d.markdown(markdown);
  else if (d) d.text(markdown);
  else console.log(markdown);
}

/** A number as a x 10^n (Unicode superscripts) with `digits` significant digits, for prose. */
export function sci(value: number, digits = 2): string {
  if (value === 0) return "0";
  const [m, e] = value.toExponential(digits - 1).split("e");
  const sup: Record<string, string> = { "-": "⁻", "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹" };
  const exp = String(Number(e));
  return exp === "0" ? m : `${m}×10${[...exp].map((c) => sup[c] ?? c).join("")}`;
}

/** value ± error with the error's decimals (fixed notation), e.g. "0.09 ± 0.06". */
export function pm(value: number, error: number, decimals = 2): string {
  return `${value.toFixed(decimals)} ± ${error.toFixed(decimals)}`;
}
