/**
 * Probability curves p(X) on a grid, the objects of the GEMMA combination (GEMMA paper, Sec. 3
 * after Eq. 8): a curve per period p_j(X) built from X_j +- dX_j (stat) +- deltaX_j (syst), their
 * product P(X) = prod_j p_j(X), the weighted sum over alternative analysis choices, and the 90 %
 * CL limit from the renormalised X >= 0 part (`pdgLimit.ts`).
 *
 * Stored as ln p on an increasing grid (products are sums, no underflow); the density is
 * normalised to unit area over the grid (trapezoid rule) when asked for.
 *
 * The X-proportional systematic (GEMMA Eq. 8: deltaX = 4.0 % of X, from the time, mass and flux
 * normalisations): we treat it as what it is, an uncertainty of the scale between X and the
 * measured quantity, so its size follows the hypothesis X, not the measured X_j:
 *   p_j(X) = N(X_j; X, s(X)),   s(X)^2 = dX_j^2 + (rel X)^2,
 * the density of the measurement given X (normalisation factor 1/s(X) included). This curve is
 * not a Gaussian in X. The alternative, `systAt: "measured"`, uses s^2 = dX_j^2 + (rel X_j)^2, a
 * Gaussian; for GEMMA (X_j ~ 0, limit X ~ 10, dX ~ 6) the two differ by a fraction of a percent.
 */
import { upperLimitOnGrid } from "./pdgLimit.js";


/** Options of {@link ProbabilityCurve.gaussian}. */
export interface GaussianCurveOptions {
  /** Relative systematic error proportional to X (e.g. 0.04 for GEMMA Eq. 8); default 0. */
  relSyst?: number;
  /** Where the systematic is evaluated: at the hypothesis X (default) or at the measured value. */
  systAt?: "hypothesis" | "measured";
  /** Label for printing. */
  label?: string;
}

function sameGrid(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A probability curve on a grid (see the file header). */
export class ProbabilityCurve {
  /**
   * @param x increasing grid of X values
   * @param logDensity ln p at the grid points (any additive constant)
   * @param label name for printing
   */
  constructor(
    readonly x: Float64Array,
    readonly logDensity: Float64Array,
    readonly label = "",
  ) {
    if (x.length !== logDensity.length || x.length < 2) throw new Error("ProbabilityCurve: grid and ln p must have the same length >= 2");
    for (let i = 1; i < x.length; i++) if (!(x[i] > x[i - 1])) throw new Error(`ProbabilityCurve: grid must increase at ${i}`);
  }

  /** Curve from density values (>= 0) on the grid. */
  static fromDensity(x: ArrayLike<number>, density: ArrayLike<number>, label = ""): ProbabilityCurve {
    return new ProbabilityCurve(Float64Array.from(x), Float64Array.from(density, (p) => Math.log(p)), label);
  }

  /** The curve of a measurement X_j +- stat with an optional X-proportional systematic (see the file header). */
  static gaussian(x: ArrayLike<number>, measured: number, stat: number, options: GaussianCurveOptions = {}): ProbabilityCurve {
    if (!(stat > 0)) throw new Error(`ProbabilityCurve.gaussian: stat error must be positive, got ${stat}`);
    const rel = options.relSyst ?? 0;
    const atHyp = (options.systAt ?? "hypothesis") === "hypothesis";
    const grid = Float64Array.from(x);
    const lp = new Float64Array(grid.length);
    for (let i = 0; i < grid.length; i++) {
      const X = grid[i];
      const s2 = stat * stat + (rel * (atHyp ? X : measured)) ** 2;
      lp[i] = -((measured - X) ** 2) / (2 * s2) - 0.5 * Math.log(s2);
    }
    return new ProbabilityCurve(grid, lp, options.label ?? `${measured} +- ${stat}${rel ? ` (+- ${rel * 100} % of X)` : ""}`);
  }

  /** Product of curves on the same grid (sum of ln p): the combination of independent periods. */
  static product(curves: readonly ProbabilityCurve[], label = "product"): ProbabilityCurve {
    if (curves.length === 0) throw new Error("ProbabilityCurve.product: no curves");
    const x = curves[0].x;
    const lp = new Float64Array(x.length);
    for (const c of curves) {
      if (!sameGrid(c.x, x)) throw new Error("ProbabilityCurve.product: curves must share the grid");
      for (let i = 0; i < x.length; i++) lp[i] += c.logDensity[i];
    }
    return new ProbabilityCurve(x, lp, label);
  }

  /**
   * Weighted sum of curves on the same grid, each first normalised to unit area: the GEMMA sum over
   * alternative analysis choices (background function, (a,b,c), ROI edges). Weights need not sum to 1.
   */
  static weightedSum(curves: readonly ProbabilityCurve[], weights?: readonly number[], label = "weighted sum"): ProbabilityCurve {
    if (curves.length === 0) throw new Error("ProbabilityCurve.weightedSum: no curves");
    const w = weights ?? curves.map(() => 1);
    if (w.length !== curves.length) throw new Error(`ProbabilityCurve.weightedSum: ${w.length} weights for ${curves.length} curves`);
    const x = curves[0].x;
    const sum = new Float64Array(x.length);
    let wsum = 0;
    curves.forEach((c, k) => {
      if (!sameGrid(c.x, x)) throw new Error("ProbabilityCurve.weightedSum: curves must share the grid");
      if (!(w[k] >= 0)) throw new Error(`ProbabilityCurve.weightedSum: weight ${k} must be >= 0`);
      const d = c.density();
      for (let i = 0; i < x.length; i++) sum[i] += w[k] * d[i];
      wsum += w[k];
    });
    for (let i = 0; i < x.length; i++) sum[i] /= wsum;
    return ProbabilityCurve.fromDensity(x, sum, label);
  }

  /** Density normalised to unit area over the grid (trapezoid rule). */
  density(): Float64Array {
    const n = this.x.length;
    let max = -Infinity;
    for (let i = 0; i < n; i++) max = Math.max(max, this.logDensity[i]);
    if (!Number.isFinite(max)) throw new Error("ProbabilityCurve: density is zero or not finite everywhere");
    const d = Float64Array.from(this.logDensity, (l) => Math.exp(l - max));
    let area = 0;
    for (let i = 1; i < n; i++) area += 0.5 * (d[i] + d[i - 1]) * (this.x[i] - this.x[i - 1]);
    for (let i = 0; i < n; i++) d[i] /= area;
    return d;
  }

  /** Mean and standard deviation over the grid (trapezoid rule). */
  moments(): { mean: number; sd: number } {
    const d = this.density();
    const x = this.x;
    let m1 = 0;
    let m2 = 0;
    for (let i = 1; i < x.length; i++) {
      const h = x[i] - x[i - 1];
      m1 += 0.5 * h * (d[i] * x[i] + d[i - 1] * x[i - 1]);
      m2 += 0.5 * h * (d[i] * x[i] * x[i] + d[i - 1] * x[i - 1] * x[i - 1]);
    }
    return { mean: m1, sd: Math.sqrt(Math.max(m2 - m1 * m1, 0)) };
  }

  /** Grid point of highest density. */
  mode(): number {
    let k = 0;
    for (let i = 1; i < this.x.length; i++) if (this.logDensity[i] > this.logDensity[k]) k = i;
    return this.x[k];
  }

  /** Upper limit from the renormalised X >= bound part (default bound 0, CL 0.9): the GEMMA/PDG procedure. */
  upperLimit(cl = 0.9, bound = 0): number {
    return upperLimitOnGrid(this.x, this.density(), cl, bound);
  }

  toJSON(): Record<string, unknown> {
    const { mean, sd } = this.moments();
    return { label: this.label, grid: [this.x[0], this.x[this.x.length - 1], this.x.length], mean, sd, mode: this.mode(), upperLimit90: this.upperLimit(0.9) };
  }

  toString(): string {
    const { mean, sd } = this.moments();
    const f = (v: number) => String(Number(v.toPrecision(4)));
    return `ProbabilityCurve${this.label ? ` "${this.label}"` : ""}: mean ${f(mean)}, sd ${f(sd)}, X < ${f(this.upperLimit(0.9))} (90 % CL, X >= 0 renormalised) on [${f(this.x[0])}, ${f(this.x[this.x.length - 1])}] x ${this.x.length}`;
  }
}
