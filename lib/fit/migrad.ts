/**
 * A MIGRAD-like driver: minimise (Nelder-Mead with restarts, `minimize.ts`), then the HESSE step
 * (`hesse.ts`) for the covariance. Names and the result object follow iminuit (`values`,
 * `errors`, `covariance`, `fval`, `valid`, a warning when a parameter sits at a limit), but the
 * minimiser is not MINUIT's variable-metric MIGRAD: the name says what the call is for.
 */
import { formatPlain, formatValueError } from "./format.js";
import { hesse } from "./hesse.js";
import type { Limit } from "./limits.js";
import { minimize, type MinimizeOptions } from "./minimize.js";

/** Options of {@link migrad}. */
export interface MigradOptions extends MinimizeOptions {
  /** Parameter names (default p0, p1, ...). */
  names?: readonly string[];
  /** 1 for a chi-square (default), 0.5 for a negative log-likelihood. */
  errordef?: number;
}

/** Fit result in iminuit's vocabulary; prints as a table. */
export class MigradResult {
  constructor(
    /** Parameter names. */
    readonly names: readonly string[],
    /** Best-fit values. */
    readonly values: Float64Array,
    /** Symmetric (HESSE) errors; 0 for fixed parameters. */
    readonly errors: Float64Array,
    /** Covariance matrix, row-major n x n. */
    readonly covariance: Float64Array,
    /** Function value at the minimum. */
    readonly fval: number,
    /** Function evaluations (minimisation and HESSE). */
    readonly nfev: number,
    /** Whether the minimiser met its tolerances. */
    readonly converged: boolean,
    /** Whether the Hessian was positive definite. */
    readonly posdef: boolean,
    /** Per parameter: within 1e-3 error (or 1e-9 of the range) of a limit. */
    readonly atLimit: readonly boolean[],
    /** Fixed parameters. */
    readonly fixed: readonly boolean[],
    /** errordef used for the covariance. */
    readonly errordef: number,
  ) {}

  /** Converged, positive-definite covariance, finite errors, and no parameter at a limit. */
  get valid(): boolean {
    return this.converged && this.posdef && this.atLimit.every((a) => !a) && Array.from(this.errors).every(Number.isFinite);
  }

  /** Human-readable warnings (empty when valid). */
  get warnings(): string[] {
    const w: string[] = [];
    if (!this.converged) w.push("minimiser did not converge (maxfev reached)");
    if (!this.posdef) w.push("Hessian not positive definite: errors unreliable");
    this.atLimit.forEach((a, i) => {
      if (a) w.push(`parameter ${this.names[i]} is at a limit: its error and the covariance are unreliable`);
    });
    return w;
  }

  /** Number of free parameters. */
  get nfree(): number {
    return this.fixed.filter((f) => !f).length;
  }

  /** Value of a parameter by name. */
  value(name: string): number {
    return this.values[this.index(name)];
  }

  /** Error of a parameter by name. */
  error(name: string): number {
    return this.errors[this.index(name)];
  }

  private index(name: string): number {
    const i = this.names.indexOf(name);
    if (i < 0) throw new Error(`MigradResult: no parameter named ${name} (have ${this.names.join(", ")})`);
    return i;
  }

  /** Correlation matrix, row-major n x n (0 rows for fixed parameters). */
  correlation(): Float64Array {
    const n = this.names.length;
    const c = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const d = this.errors[i] * this.errors[j];
        c[i * n + j] = d > 0 ? this.covariance[i * n + j] / d : i === j && !this.fixed[i] ? 1 : 0;
      }
    }
    return c;
  }

  toJSON(): Record<string, unknown> {
    const params: Record<string, { value: number; error: number; fixed: boolean; atLimit: boolean }> = {};
    this.names.forEach((nm, i) => {
      params[nm] = { value: this.values[i], error: this.errors[i], fixed: this.fixed[i], atLimit: this.atLimit[i] };
    });
    return { fval: this.fval, valid: this.valid, nfev: this.nfev, errordef: this.errordef, parameters: params, warnings: this.warnings };
  }

  toString(): string {
    const lines = [`migrad: fval = ${formatPlain(this.fval)}, nfev = ${this.nfev}, ${this.valid ? "valid" : "INVALID"}`];
    const w = Math.max(4, ...this.names.map((s) => s.length));
    this.names.forEach((nm, i) => {
      const v = this.fixed[i] ? `${formatPlain(this.values[i])} (fixed)` : formatValueError(this.values[i], this.errors[i]);
      lines.push(`  ${nm.padEnd(w)}  ${v}${this.atLimit[i] ? "  [at limit]" : ""}`);
    });
    for (const m of this.warnings) lines.push(`  warning: ${m}`);
    return lines.join("\n");
  }

  /** HTML table for notebooks. */
  toHTML(): string {
    const rows = this.names
      .map((nm, i) => {
        const v = this.fixed[i] ? `${formatPlain(this.values[i])} (fixed)` : formatValueError(this.values[i], this.errors[i]);
        return `<tr><td>${nm}</td><td style="text-align:right">${v}</td><td>${this.atLimit[i] ? "at limit" : ""}</td></tr>`;
      })
      .join("");
    const head = `<caption>fval = ${formatPlain(this.fval)}, nfev = ${this.nfev}, ${this.valid ? "valid" : "INVALID"}</caption>`;
    return `<table class="nuem-table">${head}<thead><tr><th>parameter</th><th>value</th><th></th></tr></thead><tbody>${rows}</tbody></table>`;
  }
}

/** Whether x sits at a limit: within 1e-3 of its error, or within 1e-9 of the limit range. */
function isAtLimit(x: number, err: number, lim: Limit | null | undefined): boolean {
  if (!lim) return false;
  const [lo, hi] = lim;
  const width = Number.isFinite(hi - lo) ? hi - lo : Math.max(1, Math.abs(x));
  const tol = Math.max(Number.isFinite(err) ? 1e-3 * err : 0, 1e-9 * width);
  return (Number.isFinite(lo) && x - lo <= tol) || (Number.isFinite(hi) && hi - x <= tol);
}

/**
 * Minimises f from x0 and computes the covariance at the minimum (errordef 1: f is a chi-square;
 * 0.5: f is -ln L). f receives a Float64Array of all parameters in external units.
 *
 * @example
 * // chi^2 = ((x - 2) / 0.5)^2 + (y + 1)^2: minimum at (2, -1), errors 0.5 and 1 (Delta chi^2 = 1).
 * const r = migrad((x) => (x[0] - 2) ** 2 / 0.25 + (x[1] + 1) ** 2, [0, 0]);
 * r.values; // => [2.0000, -1.0000]
 * r.errors; // => [0.50000, 1.0000]
 */
export function migrad(f: (x: Float64Array) => number, x0: ArrayLike<number>, options: MigradOptions = {}): MigradResult {
  const n = x0.length;
  const names = options.names ?? Array.from({ length: n }, (_, i) => `p${i}`);
  if (names.length !== n) throw new Error(`migrad: ${names.length} names for ${n} parameters`);
  const errordef = options.errordef ?? 1;
  const m = minimize(f, x0, options);
  const h = hesse(f, m.x, { errordef, limits: options.limits, fixed: options.fixed, step: options.step ? Array.from(options.step, (s) => 0.1 * Math.abs(s)) : undefined });
  const fixed = Array.from({ length: n }, (_, i) => Boolean(options.fixed?.[i]));
  const atLimit = Array.from({ length: n }, (_, i) => !fixed[i] && isAtLimit(m.x[i], h.errors[i], options.limits?.[i]));
  return new MigradResult(names, m.x, h.errors, h.covariance, m.fval, m.nfev + h.nfev, m.converged, h.posdef, atLimit, fixed, errordef);
}
