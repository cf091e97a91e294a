/**
 * A chi^2(X, K) map on a grid (GEMMA Fig. 4), the contour levels of a 2D confidence region, and the
 * result of a profile fit: what both forms of GEMMA's chi^2 (`GemmaChi2`, `CorrelatedGemmaChi2`) return.
 */
import chisquareQuantile from "@stdlib/stats-base-dists-chisquare-quantile";
import { quantityTable } from "../fit/resultTable.js";

/** Grid specification of a chi2 map. */
export interface MapGrid {
  xMin: number;
  xMax: number;
  nx: number;
  kMin: number;
  kMax: number;
  nk: number;
}

/** Delta chi2 of a confidence region with ndof parameters: the chi-square quantile at cl (2.2958 for 68.27 %, 6.1801 for 95.45 % in 2D). */
export function deltaChi2(cl: number, ndof = 2): number {
  return chisquareQuantile(cl, ndof);
}

/** One- and two-sigma coverage (68.27 %, 95.45 %): the levels of the 2D contours. */
export const CONTOUR_CL = Object.freeze({ oneSigma: 0.6826894921370859, twoSigma: 0.9544997361036416 });

/** A chi2(X, K) map on a grid; values[ik * nx + ix]. */
export class Chi2Map {
  constructor(
    readonly x: Float64Array,
    readonly k: Float64Array,
    /** chi2 at (x[ix], k[ik]) stored at ik * nx + ix. */
    readonly values: Float64Array,
    /** Grid point of lowest chi2. */
    readonly gridMinimum: { x: number; k: number; chi2: number },
    /** Number of bins in the sum. */
    readonly nbins: number,
  ) {}

  get nx(): number {
    return this.x.length;
  }

  get nk(): number {
    return this.k.length;
  }

  /** chi2 at grid indices. */
  at(ix: number, ik: number): number {
    return this.values[ik * this.x.length + ix];
  }

  /** Contour levels chi2_min + Delta chi2 for 1 and 2 sigma in 2D (2.30, 6.18). */
  contourLevels(): { oneSigma: number; twoSigma: number } {
    return { oneSigma: this.gridMinimum.chi2 + deltaChi2(CONTOUR_CL.oneSigma), twoSigma: this.gridMinimum.chi2 + deltaChi2(CONTOUR_CL.twoSigma) };
  }

  /** Minimum over K of each grid column (the grid profile, for plots). */
  gridProfile(): Float64Array {
    const nx = this.x.length;
    const out = new Float64Array(nx).fill(Infinity);
    for (let ik = 0; ik < this.k.length; ik++) for (let ix = 0; ix < nx; ix++) out[ix] = Math.min(out[ix], this.values[ik * nx + ix]);
    return out;
  }

  /** Summary (the values array is left out; use `.values`). */
  toJSON(): Record<string, unknown> {
    return {
      x: [this.x[0], this.x[this.x.length - 1], this.x.length],
      k: [this.k[0], this.k[this.k.length - 1], this.k.length],
      gridMinimum: this.gridMinimum,
      contourLevels: this.contourLevels(),
      nbins: this.nbins,
    };
  }

  /** The grid, its minimum and the contour levels as a table (for `show`); `toString` is unchanged. */
  toHTML(): string {
    const m = this.gridMinimum;
    const c = this.contourLevels();
    return quantityTable(`χ²(X, K) map, ${this.x.length} × ${this.k.length} grid`, [
      ["X range", [this.x[0], this.x[this.x.length - 1]]],
      ["K range", [this.k[0], this.k[this.k.length - 1]]],
      ["bins in the ROI", this.nbins],
      ["grid minimum χ²", m.chi2],
      ["grid minimum X", m.x],
      ["grid minimum K", m.k],
      ["χ² of the 1σ contour", c.oneSigma],
      ["χ² of the 2σ contour", c.twoSigma],
    ]).toHTML();
  }

  toString(): string {
    const m = this.gridMinimum;
    const f = (v: number) => String(Number(v.toPrecision(5)));
    return `chi2(X, K) map ${this.x.length} x ${this.k.length} over X in [${f(this.x[0])}, ${f(this.x[this.x.length - 1])}], K in [${f(this.k[0])}, ${f(this.k[this.k.length - 1])}]: grid minimum ${f(m.chi2)} at X = ${f(m.x)}, K = ${f(m.k)} (${this.nbins} bins)`;
  }
}

/** Result of the profile fit of one period. */
export interface ProfileResult {
  /** X at the minimum. */
  xHat: number;
  /** K at the minimum. */
  kHat: number;
  /** Minimum chi2. */
  chi2Min: number;
  /** Symmetric error (xUp - xLow)/2 from Delta chi2 = 1 on the profile. */
  dx: number;
  /** Ends of the Delta chi2 = 1 interval. */
  xLow: number;
  xUp: number;
  /** Number of bins and degrees of freedom (bins - 2). */
  nbins: number;
  ndf: number;
}
