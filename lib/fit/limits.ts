/**
 * Parameter limits by transformation, as in MINUIT (F. James, "MINUIT Function Minimization and
 * Error Analysis", CERN Program Library D506, Sec. 1.3.1 "Parameter limits"): the minimiser works on
 * an unbounded internal variable u and the function sees the external value
 *   both limits:  x = lo + (hi - lo) (sin u + 1) / 2
 *   lower only:   x = lo - 1 + sqrt(u^2 + 1)
 *   upper only:   x = hi + 1 - sqrt(u^2 + 1)
 * so every trial point is inside the limits and no penalty term distorts the function.
 */

/** [lower, upper] limits of a parameter; use -Infinity / Infinity for an open side. */
export type Limit = readonly [number, number];

/** Whether the limit constrains anything. */
export function isBounded(limit: Limit | null | undefined): limit is Limit {
  return limit != null && (Number.isFinite(limit[0]) || Number.isFinite(limit[1]));
}

/** External value of the internal variable u. */
export function toExternal(u: number, limit: Limit | null | undefined): number {
  if (!isBounded(limit)) return u;
  const [lo, hi] = limit;
  if (Number.isFinite(lo) && Number.isFinite(hi)) return lo + 0.5 * (hi - lo) * (Math.sin(u) + 1);
  if (Number.isFinite(lo)) return lo - 1 + Math.sqrt(u * u + 1);
  return hi + 1 - Math.sqrt(u * u + 1);
}

/** Internal variable of the external value x (x is first clamped into the limits). */
export function toInternal(x: number, limit: Limit | null | undefined): number {
  if (!isBounded(limit)) return x;
  const [lo, hi] = limit;
  if (Number.isFinite(lo) && Number.isFinite(hi)) {
    const t = (2 * (x - lo)) / (hi - lo) - 1;
    return Math.asin(Math.min(1, Math.max(-1, t)));
  }
  if (Number.isFinite(lo)) {
    const d = Math.max(x, lo) - lo + 1;
    return Math.sqrt(d * d - 1);
  }
  const d = hi - Math.min(x, hi) + 1;
  return Math.sqrt(d * d - 1);
}

/** x clamped into the limits. */
export function clampToLimit(x: number, limit: Limit | null | undefined): number {
  if (!limit) return x;
  return Math.min(limit[1], Math.max(limit[0], x));
}
