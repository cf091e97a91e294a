/**
 * A spectrum given on a grid, density linear between the grid points (the trapezoid rule is then
 * exact), sampled by inverse CDF: a binary search of the cumulative integral picks the interval,
 * and the quadratic of the linear density inside it gives the energy exactly. Used for the
 * injected neutrino signal and for every tabulated background shape of the simulator.
 */
import { interpolateLinear } from "../math/interpolateLinear.js";

export class TabulatedSpectrum {
  /** Grid, ascending (e.g. keV). */
  readonly x: Float64Array;
  /** Density at the grid points (e.g. counts/(keV kg day)), >= 0. */
  readonly density: Float64Array;
  /** Cumulative integral at the grid points, from 0 at x[0] to `total` at the last point. */
  readonly cumulative: Float64Array;
  /** Integral over the whole grid. */
  readonly total: number;

  constructor(x: ArrayLike<number>, density: ArrayLike<number>) {
    const n = x.length;
    if (n < 2 || density.length !== n) throw new Error(`a tabulated spectrum needs >= 2 points and as many densities as points (got ${n} points, ${density.length} densities)`);
    this.x = Float64Array.from(x);
    this.density = Float64Array.from(density);
    this.cumulative = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(this.x[i]) || !Number.isFinite(this.density[i]) || this.density[i] < 0) {
        throw new Error(`tabulated spectrum: point ${i}: x = ${this.x[i]}, density = ${this.density[i]} (need finite x and a finite density >= 0)`);
      }
      if (i > 0) {
        const h = this.x[i] - this.x[i - 1];
        if (!(h > 0)) throw new Error(`tabulated spectrum: grid not strictly ascending at point ${i} (${this.x[i - 1]}, ${this.x[i]})`);
        this.cumulative[i] = this.cumulative[i - 1] + 0.5 * h * (this.density[i] + this.density[i - 1]);
      }
    }
    this.total = this.cumulative[n - 1];
  }

  /** Density at e (linear interpolation; 0 outside the grid). */
  at(e: number): number {
    const x = this.x;
    if (!(e >= x[0] && e <= x[x.length - 1])) return 0;
    return interpolateLinear(x, this.density, e);
  }

  /** Integral from x[0] to e (clamped to the grid). */
  cdfAt(e: number): number {
    const x = this.x;
    if (e <= x[0]) return 0;
    if (e >= x[x.length - 1]) return this.total;
    const i = this.interval(e);
    const t = e - x[i];
    const h = x[i + 1] - x[i];
    const f0 = this.density[i];
    const slope = (this.density[i + 1] - f0) / h;
    return this.cumulative[i] + f0 * t + 0.5 * slope * t * t;
  }

  /** Integral over [lo, hi]. */
  integral(lo: number, hi: number): number {
    return hi > lo ? this.cdfAt(hi) - this.cdfAt(lo) : 0;
  }

  /** The energy at which the cumulative integral is u * total, u in [0, 1). */
  sample(u: number): number {
    const c = this.cumulative;
    const n = c.length;
    const target = u * this.total;
    let lo = 0;
    let hi = n - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      if (c[mid] <= target) lo = mid;
      else hi = mid;
    }
    const r = target - c[lo];
    const h = this.x[lo + 1] - this.x[lo];
    const f0 = this.density[lo];
    const a = (0.5 * (this.density[lo + 1] - f0)) / h;
    // a t^2 + f0 t = r, root in [0, h], in the cancellation-free form.
    const disc = f0 * f0 + 4 * a * r;
    const t = disc > 0 ? (2 * r) / (f0 + Math.sqrt(disc)) : 0;
    return this.x[lo] + Math.min(Math.max(t, 0), h);
  }

  /** Index i with x[i] <= e < x[i+1]. */
  private interval(e: number): number {
    const x = this.x;
    let lo = 0;
    let hi = x.length - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      if (x[mid] <= e) lo = mid;
      else hi = mid;
    }
    return lo;
  }
}

/** n grid points from lo to hi, log-spaced (lo > 0) or linear. */
export function grid(lo: number, hi: number, n: number, log = true): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const t = i / (n - 1);
    out[i] = log ? lo * Math.pow(hi / lo, t) : lo + (hi - lo) * t;
  }
  out[n - 1] = hi;
  return out;
}

/** A tabulated spectrum of f on a grid. */
export function tabulate(f: (e: number) => number, x: Float64Array): TabulatedSpectrum {
  const d = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) d[i] = f(x[i]);
  return new TabulatedSpectrum(x, d);
}
