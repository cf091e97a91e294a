/**
 * The last check before `--json` output: JSON has no NaN or Infinity, and `JSON.stringify`
 * would silently print them as null, so a result holding one is refused with the field's path
 * instead of being printed as if it were a number.
 */

/** Path of the first non-finite number in what `JSON.stringify(value)` would print, or null. */
export function nonFinitePath(value: unknown, path = "", key = ""): string | null {
  let v = value;
  if (v !== null && typeof v === "object" && typeof (v as { toJSON?: unknown }).toJSON === "function") v = (v as { toJSON(k: string): unknown }).toJSON(key);
  if (typeof v === "number") return Number.isFinite(v) ? null : path || "(top level)";
  if (v === null || typeof v !== "object") return null;
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
    const a = v as unknown as ArrayLike<number | bigint>;
    for (let i = 0; i < a.length; i++) if (typeof a[i] === "number" && !Number.isFinite(a[i] as number)) return `${path}[${i}]`;
    return null;
  }
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const p = nonFinitePath(v[i], `${path}[${i}]`, String(i));
      if (p) return p;
    }
    return null;
  }
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    const p = nonFinitePath(x, path ? `${path}.${k}` : k, k);
    if (p) return p;
  }
  return null;
}
