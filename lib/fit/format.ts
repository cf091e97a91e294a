/**
 * Value +- error formatting with the PDG rounding rule (Review of Particle Physics,
 * "Introduction", Sec. 5.3 "Rounding"): the three highest-order digits of the error decide:
 * 100-354 -> two significant digits, 355-949 -> one, 950-999 -> round up to 1000 and keep two.
 * The value is rounded to the same decimal place as the error.
 */

/** Decimal exponent of the last digit kept for an error, by the PDG rule. */
export function pdgDecimals(error: number): number {
  if (!(error > 0) || !Number.isFinite(error)) return NaN;
  let e = Math.floor(Math.log10(error));
  let three = Math.round(error / 10 ** (e - 2));
  if (three >= 1000) {
    e += 1;
    three = Math.round(three / 10);
  }
  if (three < 355) return e - 1;
  if (three < 950) return e;
  return e; // 950-999: rounds up to 1000, i.e. two digits of the next decade
}

/**
 * Error rounded by the PDG rule.
 *
 * @example
 * pdgRoundError(0.0356); // => 0.04 (356 is in 355-949: one digit)
 * pdgRoundError(0.0123); // => 0.012 (123 is in 100-354: two digits)
 */
export function pdgRoundError(error: number): number {
  const d = pdgDecimals(error);
  if (!Number.isFinite(d)) return error;
  return Math.round(error / 10 ** d) * 10 ** d;
}

function fixed(v: number, d: number): string {
  if (d >= 0) {
    const r = Math.round(v / 10 ** d) * 10 ** d;
    return r.toFixed(0);
  }
  return v.toFixed(-d);
}

/**
 * "value +- error" with the PDG rule, e.g. formatValueError(1.23456, 0.0234) = "1.235 +- 0.023".
 *
 * @example
 * formatValueError(1.23456, 0.0123); // => "1.235 +- 0.012" (PDG rule: leading digits 123 keep two)
 * formatValueError(1.23456, 0.0356); // => "1.23 +- 0.04" (356 keeps one)
 */
export function formatValueError(value: number, error: number): string {
  const d = pdgDecimals(error);
  if (!Number.isFinite(d)) return `${formatPlain(value)} +- ${error}`;
  const big = Math.max(Math.abs(value), Math.abs(error));
  if (big >= 1e6 || big < 1e-4) {
    // Scientific notation with a common exponent.
    const exp = Math.floor(Math.log10(big));
    const s = 10 ** exp;
    return `(${fixed(value / s, d - exp)} +- ${fixed(pdgRoundError(error) / s, d - exp)})e${exp}`;
  }
  return `${fixed(value, d)} +- ${fixed(pdgRoundError(error), d)}`;
}

/**
 * "value +high −low" for asymmetric errors: the narrower error decides the decimal place by the
 * PDG rule (RPP Introduction, Sec. 5.3, applied to the smaller of several errors, as for a
 * statistical and a systematic one), and the value and both errors are rounded to it.
 *
 * @example
 * formatValueAsymmetric(0.21349, 0.04061, 0.0343); // => "0.213 +0.034 −0.041" (343 keeps two digits)
 */
export function formatValueAsymmetric(value: number, errLow: number, errHigh: number): string {
  const d = pdgDecimals(Math.min(errLow, errHigh));
  if (!Number.isFinite(d) || !(Math.max(errLow, errHigh) > 0 && Number.isFinite(Math.max(errLow, errHigh)))) return `${formatPlain(value)} +${errHigh} −${errLow}`;
  const big = Math.max(Math.abs(value), errLow, errHigh);
  if (big >= 1e6 || big < 1e-4) {
    const exp = Math.floor(Math.log10(big));
    const s = 10 ** exp;
    return `(${fixed(value / s, d - exp)} +${fixed(errHigh / s, d - exp)} −${fixed(errLow / s, d - exp)})e${exp}`;
  }
  return `${fixed(value, d)} +${fixed(errHigh, d)} −${fixed(errLow, d)}`;
}

/** A number with 6 significant digits, exponent form when very small or large. */
export function formatPlain(v: number, digits = 6): string {
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-4 || a >= 1e7)) return v.toExponential(digits - 1);
  return String(Number(v.toPrecision(digits)));
}
