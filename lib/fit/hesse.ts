/**
 * Numerical Hessian and parameter covariance at a minimum, the job of MINUIT's HESSE
 * (F. James, CERN Program Library D506, Sec. 4.4).
 *
 * Second derivatives by central differences, the step of each parameter adapted so that a step
 * changes f by about 0.1 x errordef: large enough to beat round-off, small enough to see the
 * local curvature (for a quadratic f any step is exact). Near a limit the stencil turns one-sided,
 * towards the allowed side, so f is never called outside the limits.
 *
 * Covariance: for f = chi^2 (errordef = 1) the likelihood is L ~ exp(-chi^2/2), so
 * V = (1/2 d2chi2/dp dp)^-1 = 2 H^-1; for f = -ln L (errordef = 0.5) V = H^-1.
 * In general V = 2 errordef H^-1 (F. James, "Statistical Methods in Experimental Physics",
 * 2nd ed., Sec. 9.7: the errordef is the change of f that defines one standard deviation).
 */
import { FitError } from "../errors.js";
import { cholesky } from "../math/cholesky.js";
import { invertGaussJordan } from "../math/invertGaussJordan.js";
import { invertSymmetric } from "../math/invertSymmetric.js";
import type { Limit } from "./limits.js";

/** Options of {@link hesse}. */
export interface HesseOptions {
  /** 1 for a chi-square (default), 0.5 for a negative log-likelihood. */
  errordef?: number;
  /** Starting finite-difference steps, external units (default 1e-3 max(|x|, 0.01)); then adapted. */
  step?: ArrayLike<number>;
  /** Limits: the stencil never leaves them. */
  limits?: ReadonlyArray<Limit | null | undefined>;
  /** Fixed parameters get zero rows and columns. */
  fixed?: ReadonlyArray<boolean>;
}

/** Result of {@link hesse}. */
export interface HesseResult {
  /** Hessian of f, row-major n x n (zero rows/columns for fixed parameters). */
  hessian: Float64Array;
  /** Covariance 2 errordef H^-1, row-major n x n. */
  covariance: Float64Array;
  /** Square roots of the covariance diagonal (NaN where the diagonal is negative). */
  errors: Float64Array;
  /** Whether the Hessian of the free parameters is positive definite. */
  posdef: boolean;
  /** Function evaluations used. */
  nfev: number;
}

/** Numerical Hessian of f at x and the covariance it implies (see the file header for the factor 2 errordef). */
export function hesse(f: (x: Float64Array) => number, x: ArrayLike<number>, options: HesseOptions = {}): HesseResult {
  const nAll = x.length;
  const up = options.errordef ?? 1;
  const limits = options.limits ?? [];
  const fixed = options.fixed ?? [];
  const free: number[] = [];
  for (let i = 0; i < nAll; i++) if (!fixed[i]) free.push(i);
  const n = free.length;
  const p = Float64Array.from(x);
  let nfev = 0;
  const at = (di: number, hi: number, dj = -1, hj = 0): number => {
    const q = Float64Array.from(p);
    q[di] += hi;
    if (dj >= 0) q[dj] += hj;
    nfev++;
    return f(q);
  };
  const f0 = at(0, 0);
  const h = new Float64Array(n); // signed for one-sided stencils
  const central = new Array<boolean>(n).fill(true);
  const fp = new Float64Array(n);
  const fm = new Float64Array(n);
  const d2 = new Float64Array(n);
  const target = 0.1 * up;
  for (let k = 0; k < n; k++) {
    const i = free[k];
    const lim = limits[i];
    const lo = lim ? lim[0] : -Infinity;
    const hiLim = lim ? lim[1] : Infinity;
    let step = options.step ? Math.abs(options.step[i]) : 1e-3 * Math.max(Math.abs(p[i]), 1e-2);
    if (!(step > 0)) step = 1e-3;
    for (let iter = 0; iter < 12; iter++) {
      // Keep the stencil inside the limits: central if room on both sides, else one-sided.
      const room = Math.max(hiLim - p[i], p[i] - lo);
      if (step > 0.5 * room) step = 0.5 * room;
      const c = p[i] + step <= hiLim && p[i] - step >= lo;
      central[k] = c;
      let curv: number;
      if (c) {
        fp[k] = at(i, step);
        fm[k] = at(i, -step);
        curv = (fp[k] + fm[k] - 2 * f0) / (step * step);
        h[k] = step;
      } else {
        const s = p[i] + step <= hiLim ? step : -step;
        fp[k] = at(i, s);
        fm[k] = at(i, 2 * s); // f at 2 steps on the same side
        curv = (fm[k] - 2 * fp[k] + f0) / (step * step);
        h[k] = s;
      }
      d2[k] = curv;
      if (!(curv > 0) || !Number.isFinite(curv)) {
        step *= 10; // flat or noisy: widen
        continue;
      }
      const ideal = Math.sqrt((2 * target) / curv);
      if (Math.abs(ideal / step - 1) < 0.5) break;
      step = ideal;
    }
  }
  const hess = new Float64Array(nAll * nAll);
  for (let a = 0; a < n; a++) hess[free[a] * nAll + free[a]] = d2[a];
  for (let a = 0; a < n; a++) {
    for (let b = 0; b < a; b++) {
      const i = free[a];
      const j = free[b];
      let v: number;
      if (central[a] && central[b]) {
        const fpp = at(i, h[a], j, h[b]);
        const fpm = at(i, h[a], j, -h[b]);
        const fmp = at(i, -h[a], j, h[b]);
        const fmm = at(i, -h[a], j, -h[b]);
        v = (fpp - fpm - fmp + fmm) / (4 * h[a] * h[b]);
      } else {
        // One-sided: [f(x + ha + hb) - f(x + ha) - f(x + hb) + f(x)] / (ha hb), steps towards the
        // allowed sides (fp holds f(x + h) for either kind of stencil).
        const fab = at(i, h[a], j, h[b]);
        v = (fab - fp[a] - fp[b] + f0) / (h[a] * h[b]);
      }
      hess[i * nAll + j] = v;
      hess[j * nAll + i] = v;
    }
  }
  // Invert the free block.
  const block = new Float64Array(n * n);
  for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) block[a * n + b] = hess[free[a] * nAll + free[b]];
  let inv = invertSymmetric(block, n);
  const posdef = inv !== null && cholesky(block, n) !== null;
  if (!inv) {
    try {
      inv = invertGaussJordan(block, n);
    } catch (e) {
      // A singular Hessian (FitError): the errors are unknown, reported as NaN with posdef false.
      if (!(e instanceof FitError)) throw e;
      inv = new Float64Array(n * n).fill(NaN);
    }
  }
  const covariance = new Float64Array(nAll * nAll);
  for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) covariance[free[a] * nAll + free[b]] = 2 * up * inv[a * n + b];
  const errors = new Float64Array(nAll);
  for (let i = 0; i < nAll; i++) {
    const v = covariance[i * nAll + i];
    errors[i] = fixed[i] ? 0 : v >= 0 ? Math.sqrt(v) : NaN;
  }
  return { hessian: hess, covariance, errors, posdef, nfev };
}
