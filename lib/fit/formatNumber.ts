/**
 * Formats a number for tables: integers as they are, others with `digits` significant
 * digits, in exponent form when very small or large (1.234e-11, not 0.00000000001234).
 */
export function formatNumber(v: number, digits = 4): string {
  if (!Number.isFinite(v)) return String(v);
  if (Number.isInteger(v) && Math.abs(v) < 1e9) return String(v);
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-3 || a >= 1e6)) return v.toExponential(digits - 1);
  return String(Number(v.toPrecision(digits)));
}

/** Formats any cell value: numbers as {@link formatNumber}, arrays joined, the rest as strings. */
export function formatValue(v: unknown, digits = 4): string {
  if (typeof v === "number") return formatNumber(v, digits);
  if (v == null) return "";
  if (ArrayBuffer.isView(v) || Array.isArray(v)) {
    return `[${Array.from(v as ArrayLike<unknown>).map((x) => formatValue(x, digits)).join(", ")}]`;
  }
  return String(v);
}
