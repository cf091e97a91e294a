/**
 * The result of a background fit to a binned spectrum: parameters, errors, covariance, chi-square
 * and p-value, per-bin residuals and pulls, and the fitted curve on any energy grid with its
 * 1-sigma band, propagated from the covariance through the Jacobian (var f = J V J^T; the
 * Jacobian by central differences, exact for the linear models).
 */
import chisquareCdf from "@stdlib/stats-base-dists-chisquare-cdf";
import { BinIntegrator } from "./binIntegrator.js";
import type { CurveModel } from "./curveModel.js";
import { formatPlain, formatValueError } from "./format.js";
import type { MigradResult } from "./migrad.js";
import type { FitStatistic } from "./statistic.js";

/** What {@link FitResult} is built from. */
export interface FitResultInit {
  model: CurveModel;
  values: ArrayLike<number>;
  covariance: ArrayLike<number>;
  /** Fixed parameters (default none). */
  fixed?: readonly boolean[];
  chi2: number;
  /** Degrees of freedom (may be fractional for smoothers: bins - trace of the smoother matrix). */
  ndf: number;
  statistic: FitStatistic;
  edgesKeV: ArrayLike<number>;
  counts: ArrayLike<number>;
  exposure: number;
  /** 1 for bins in the fit. */
  mask: Uint8Array;
  /** Expected counts in every bin (also those outside the fit). */
  expected: Float64Array;
  /** Variance per bin used for the pulls (the chi-square variance, or the expectation for Poisson). */
  pullVariance: Float64Array;
  migrad?: MigradResult | null;
  /** Extra numbers worth printing (e.g. the smoothing parameter). */
  info?: Record<string, number | string | boolean>;
  /** Estimated distance to the minimum (iterative fits; not printed). */
  edm?: number;
}

/** Fitted background curve with its statistics; prints as a short table. */
export class FitResult {
  readonly model: CurveModel;
  readonly names: readonly string[];
  readonly values: Float64Array;
  readonly errors: Float64Array;
  /** Row-major n x n. */
  readonly covariance: Float64Array;
  readonly fixed: readonly boolean[];
  readonly chi2: number;
  readonly ndf: number;
  /** P(chi-square_ndf >= chi2). */
  readonly pValue: number;
  readonly statistic: FitStatistic;
  readonly edgesKeV: Float64Array;
  readonly counts: Float64Array;
  readonly exposure: number;
  readonly mask: Uint8Array;
  /** Expected counts per bin. */
  readonly expected: Float64Array;
  /** counts - expected in fitted bins, NaN elsewhere. */
  readonly residuals: Float64Array;
  /** residual / sqrt(variance) in fitted bins, NaN elsewhere. */
  readonly pulls: Float64Array;
  /** The variance per bin of the pulls (the chi-square's variance, or the expectation for Poisson). */
  readonly pullVariance: Float64Array;
  readonly migrad: MigradResult | null;
  readonly info: Record<string, number | string | boolean>;
  /** Estimated distance to the minimum, the predicted decrease of the statistic by one more Gauss-Newton step (NaN when not computed). */
  readonly edm: number;

  constructor(init: FitResultInit) {
    this.model = init.model;
    this.names = init.model.parameterNames;
    this.values = Float64Array.from(init.values);
    this.covariance = Float64Array.from(init.covariance);
    const p = this.values.length;
    this.fixed = init.fixed ?? new Array<boolean>(p).fill(false);
    this.errors = new Float64Array(p);
    for (let i = 0; i < p; i++) {
      const v = this.covariance[i * p + i];
      this.errors[i] = v >= 0 ? Math.sqrt(v) : NaN;
    }
    this.chi2 = init.chi2;
    this.ndf = init.ndf;
    this.pValue = init.ndf > 0 ? 1 - chisquareCdf(init.chi2, init.ndf) : NaN;
    this.statistic = init.statistic;
    this.edgesKeV = Float64Array.from(init.edgesKeV);
    this.counts = Float64Array.from(init.counts);
    this.exposure = init.exposure;
    this.mask = init.mask;
    this.expected = init.expected;
    const n = this.counts.length;
    this.pullVariance = Float64Array.from(init.pullVariance);
    this.residuals = new Float64Array(n).fill(NaN);
    this.pulls = new Float64Array(n).fill(NaN);
    for (let i = 0; i < n; i++) {
      if (!this.mask[i]) continue;
      this.residuals[i] = this.counts[i] - this.expected[i];
      this.pulls[i] = this.residuals[i] / Math.sqrt(init.pullVariance[i]);
    }
    this.migrad = init.migrad ?? null;
    this.info = init.info ?? {};
    this.edm = init.edm ?? NaN;
  }

  /** Number of bins in the fit. */
  get nbins(): number {
    let m = 0;
    for (let i = 0; i < this.mask.length; i++) if (this.mask[i]) m++;
    return m;
  }

  /** False when the minimiser reports a problem (the linear fits are always valid). */
  get valid(): boolean {
    return this.migrad ? this.migrad.valid : Array.from(this.errors).every((e, i) => this.fixed[i] || Number.isFinite(e));
  }

  /** Fitted density, counts / (keV x exposure unit), at energies (keV). */
  density(energyKeV: ArrayLike<number>): Float64Array {
    const out = new Float64Array(energyKeV.length);
    this.model.density(this.values, energyKeV, out);
    return out;
  }

  /** Derivatives of g(p) (a function of the parameters giving `size` numbers) at the best fit, row-major size x p. */
  private jacobianOf(g: (p: Float64Array, out: Float64Array) => void, size: number): Float64Array {
    const np = this.values.length;
    const jac = new Float64Array(size * np);
    const p = Float64Array.from(this.values);
    const plus = new Float64Array(size);
    const minus = new Float64Array(size);
    for (let k = 0; k < np; k++) {
      if (this.fixed[k]) continue;
      const e = this.errors[k];
      const h = Number.isFinite(e) && e > 0 ? 1e-3 * e : 1e-6 * Math.max(Math.abs(p[k]), 1);
      p[k] = this.values[k] + h;
      g(p, plus);
      p[k] = this.values[k] - h;
      g(p, minus);
      p[k] = this.values[k];
      for (let i = 0; i < size; i++) jac[i * np + k] = (plus[i] - minus[i]) / (2 * h);
    }
    return jac;
  }

  /** diag(J V J^T) for a Jacobian J (size x p). */
  private propagate(jac: Float64Array, size: number): Float64Array {
    const np = this.values.length;
    const v = this.covariance;
    const out = new Float64Array(size);
    const tmp = new Float64Array(np);
    for (let i = 0; i < size; i++) {
      for (let a = 0; a < np; a++) {
        let s = 0;
        for (let b = 0; b < np; b++) s += v[a * np + b] * jac[i * np + b];
        tmp[a] = s;
      }
      let q = 0;
      for (let a = 0; a < np; a++) q += jac[i * np + a] * tmp[a];
      out[i] = Math.max(q, 0);
    }
    return out;
  }

  /** Fitted density and its 1-sigma band (from the covariance) at energies (keV). */
  band(energyKeV: ArrayLike<number>): { energyKeV: Float64Array; value: Float64Array; sigma: Float64Array } {
    const e = Float64Array.from(energyKeV);
    const jac = this.jacobianOf((p, out) => this.model.density(p, e, out), e.length);
    const variance = this.propagate(jac, e.length);
    return { energyKeV: e, value: this.density(e), sigma: variance.map(Math.sqrt) };
  }

  /**
   * Expected counts of the fitted curve in bins (default: the fit's own bins and exposure), with
   * their variance from the parameter covariance: the "smoothed OFF spectrum" input of the
   * chi^2(X, K) map.
   */
  binCounts(edgesKeV: ArrayLike<number> = this.edgesKeV, exposure: number = this.exposure): { counts: Float64Array; variance: Float64Array } {
    const integ = new BinIntegrator(edgesKeV);
    const counts = integ.expected(this.model, this.values, exposure);
    const jac = this.jacobianOf((p, out) => integ.expected(this.model, p, exposure, out), integ.size);
    return { counts, variance: this.propagate(jac, integ.size) };
  }

  toJSON(): Record<string, unknown> {
    const parameters: Record<string, { value: number; error: number }> = {};
    if (this.values.length <= 20) this.names.forEach((nm, i) => (parameters[nm] = { value: this.values[i], error: this.errors[i] }));
    return {
      model: this.model.name,
      statistic: this.statistic,
      chi2: this.chi2,
      ndf: this.ndf,
      pValue: this.pValue,
      nbins: this.nbins,
      valid: this.valid,
      parameters,
      ...this.info,
    };
  }

  toString(): string {
    const lines = [
      `${this.model.name}: ${this.statistic} = ${formatPlain(this.chi2, 5)} / ndf ${formatPlain(this.ndf, 4)} (p = ${formatPlain(this.pValue, 3)}), ${this.nbins} bins${this.valid ? "" : ", INVALID"}`,
    ];
    for (const [k, v] of Object.entries(this.info)) lines.push(`  ${k} = ${typeof v === "number" ? formatPlain(v) : String(v)}`);
    if (this.values.length <= 20) {
      const w = Math.max(...this.names.map((s) => s.length));
      this.names.forEach((nm, i) => lines.push(`  ${nm.padEnd(w)}  ${this.fixed[i] ? `${formatPlain(this.values[i])} (fixed)` : formatValueError(this.values[i], this.errors[i])}`));
    } else {
      lines.push(`  (${this.values.length} parameters)`);
    }
    return lines.join("\n");
  }

  toHTML(): string {
    const rows = this.values.length <= 20 ? this.names.map((nm, i) => `<tr><td>${nm}</td><td style="text-align:right">${formatValueError(this.values[i], this.errors[i])}</td></tr>`).join("") : "";
    return `<table class="nuem-table"><caption>${this.model.name}: ${this.statistic} = ${formatPlain(this.chi2, 5)} / ${formatPlain(this.ndf, 4)}, p = ${formatPlain(this.pValue, 3)}</caption><tbody>${rows}</tbody></table>`;
  }
}
