/**
 * Nelder-Mead downhill simplex minimisation with restarts and parameter limits.
 *
 * Simplex moves: J. A. Nelder & R. Mead, Computer Journal 7 (1965) 308, in the form of
 * Lagarias et al., SIAM J. Optim. 9 (1998) 112, with the dimension-adaptive coefficients of
 * F. Gao & L. Han, Comput. Optim. Appl. 51 (2012) 259 (reflection 1, expansion 1 + 2/n,
 * contraction 0.75 - 1/(2n), shrink 1 - 1/n), which keep the method effective beyond a few
 * parameters. A converged simplex can be collapsed onto a false minimum (McKinnon 1998), so the
 * search is restarted from the best point with a fresh simplex until a restart no longer lowers
 * the minimum by more than `ftol`.
 *
 * Limits: by the MINUIT transformation (see `limits.ts`): the simplex lives in internal,
 * unbounded variables, so the function is only ever called inside the limits.
 */
import { isBounded, toExternal, toInternal, type Limit } from "./limits.js";

/** Options of {@link minimize}. */
export interface MinimizeOptions {
  /** Initial simplex step per parameter, external units (default 0.1 |x0| or 0.1 when x0 = 0). */
  step?: ArrayLike<number>;
  /** Limits per parameter ([lo, hi], -Infinity/Infinity for open sides; null for none). */
  limits?: ReadonlyArray<Limit | null | undefined>;
  /** Parameters held at their start value. */
  fixed?: ReadonlyArray<boolean>;
  /** Absolute tolerance on the spread of f over the simplex (default 1e-10). */
  ftol?: number;
  /** Tolerance on the simplex size, relative to the initial step (default 1e-6). */
  xtol?: number;
  /** Maximum number of function evaluations over all restarts (default 4000 (n + 1)). */
  maxfev?: number;
  /** Maximum number of restarts after the first convergence (default 5). */
  restarts?: number;
}

/** Result of {@link minimize}. */
export interface MinimizeResult {
  /** Parameters at the minimum (external units, fixed ones at their start value). */
  x: Float64Array;
  /** f at the minimum. */
  fval: number;
  /** Number of function evaluations. */
  nfev: number;
  /** Whether the last simplex met both tolerances before `maxfev`. */
  converged: boolean;
  /** Number of restarts done. */
  restarts: number;
}

/**
 * Minimises f(x) by Nelder-Mead from x0. f receives a Float64Array of all parameters (fixed ones
 * included) in external units and must not keep it. Non-finite values of f count as +Infinity.
 *
 * @example
 * // The Rosenbrock function, minimum 0 at (1, 1).
 * minimize((x) => (1 - x[0]) ** 2 + 100 * (x[1] - x[0] ** 2) ** 2, [-1.2, 1]).x; // => [1.0000, 1.0000]
 */
export function minimize(f: (x: Float64Array) => number, x0: ArrayLike<number>, options: MinimizeOptions = {}): MinimizeResult {
  const nAll = x0.length;
  const limits = options.limits ?? [];
  const fixed = options.fixed ?? [];
  const free: number[] = [];
  for (let i = 0; i < nAll; i++) if (!fixed[i]) free.push(i);
  const n = free.length;
  const ftol = options.ftol ?? 1e-10;
  const xtol = options.xtol ?? 1e-6;
  const maxfev = options.maxfev ?? 4000 * (n + 1);
  const maxRestarts = options.restarts ?? 5;

  const ext = Float64Array.from(x0);
  for (let i = 0; i < nAll; i++) {
    const lim = limits[i];
    if (lim && !(lim[0] < lim[1])) throw new Error(`minimize: limit of parameter ${i} is empty: [${lim[0]}, ${lim[1]}]`);
    if (lim) ext[i] = Math.min(lim[1], Math.max(lim[0], ext[i]));
  }
  let nfev = 0;
  const evaluate = (u: Float64Array): number => {
    for (let k = 0; k < n; k++) ext[free[k]] = toExternal(u[k], limits[free[k]]);
    nfev++;
    const v = f(ext);
    return Number.isFinite(v) ? v : Infinity;
  };

  // Internal start point and internal step sizes.
  const u0 = new Float64Array(n);
  const du = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const i = free[k];
    const lim = limits[i];
    const x = ext[i];
    const s = options.step ? Math.abs(options.step[i]) : x !== 0 ? 0.1 * Math.abs(x) : 0.1;
    if (!(s > 0)) throw new Error(`minimize: step of parameter ${i} must be positive, got ${s}`);
    u0[k] = toInternal(x, lim);
    if (isBounded(lim)) {
      // Internal step that moves x by about s, capped so that the simplex does not wrap around.
      const up = toInternal(Math.min(lim[1], x + s), lim) - u0[k];
      const dn = u0[k] - toInternal(Math.max(lim[0], x - s), lim);
      let d = Math.max(Math.abs(up), Math.abs(dn));
      if (!(d > 1e-8)) d = 0.1;
      du[k] = Math.min(d, Number.isFinite(lim[0]) && Number.isFinite(lim[1]) ? 0.5 : Infinity);
    } else {
      du[k] = s;
    }
  }

  if (n === 0) {
    const fval = f(ext);
    return { x: Float64Array.from(ext), fval, nfev: 1, converged: true, restarts: 0 };
  }

  const rho = 1;
  const chi = n > 1 ? 1 + 2 / n : 2;
  const gamma = n > 1 ? 0.75 - 1 / (2 * n) : 0.5;
  const sigma = n > 1 ? 1 - 1 / n : 0.5;

  const simplex: Float64Array[] = [];
  for (let j = 0; j <= n; j++) simplex.push(new Float64Array(n));
  const fs = new Float64Array(n + 1);
  const centroid = new Float64Array(n);
  const xr = new Float64Array(n);
  const xe = new Float64Array(n);
  const xc = new Float64Array(n);
  const order = new Int32Array(n + 1);

  let best = Float64Array.from(u0);
  let fbest = evaluate(best);
  let converged = false;
  let restarts = 0;

  for (let run = 0; run <= maxRestarts; run++) {
    // Fresh simplex around the best point.
    simplex[0].set(best);
    fs[0] = fbest;
    for (let j = 1; j <= n; j++) {
      simplex[j].set(best);
      simplex[j][j - 1] += du[j - 1];
      fs[j] = evaluate(simplex[j]);
    }
    converged = false;
    while (nfev < maxfev) {
      for (let j = 0; j <= n; j++) order[j] = j;
      order.sort((a, b) => fs[a] - fs[b]);
      const lo = order[0];
      const hi = order[n];
      const nh = order[n - 1];
      // Convergence: f spread and simplex size.
      const fspread = fs[hi] - fs[lo];
      let size = 0;
      for (let j = 0; j <= n; j++) {
        if (j === lo) continue;
        for (let k = 0; k < n; k++) size = Math.max(size, Math.abs(simplex[j][k] - simplex[lo][k]) / du[k]);
      }
      if (fspread <= ftol + 4 * Number.EPSILON * Math.abs(fs[lo]) && size <= xtol) {
        converged = true;
        break;
      }
      centroid.fill(0);
      for (let j = 0; j <= n; j++) {
        if (j === hi) continue;
        for (let k = 0; k < n; k++) centroid[k] += simplex[j][k];
      }
      for (let k = 0; k < n; k++) centroid[k] /= n;
      for (let k = 0; k < n; k++) xr[k] = centroid[k] + rho * (centroid[k] - simplex[hi][k]);
      const fr = evaluate(xr);
      if (fr < fs[lo]) {
        for (let k = 0; k < n; k++) xe[k] = centroid[k] + chi * (xr[k] - centroid[k]);
        const fe = evaluate(xe);
        if (fe < fr) {
          simplex[hi].set(xe);
          fs[hi] = fe;
        } else {
          simplex[hi].set(xr);
          fs[hi] = fr;
        }
        continue;
      }
      if (fr < fs[nh]) {
        simplex[hi].set(xr);
        fs[hi] = fr;
        continue;
      }
      // Contraction: outside if the reflected point beats the worst, inside otherwise.
      const outside = fr < fs[hi];
      for (let k = 0; k < n; k++) {
        xc[k] = outside ? centroid[k] + gamma * (xr[k] - centroid[k]) : centroid[k] - gamma * (centroid[k] - simplex[hi][k]);
      }
      const fc = evaluate(xc);
      if (outside ? fc <= fr : fc < fs[hi]) {
        simplex[hi].set(xc);
        fs[hi] = fc;
        continue;
      }
      // Shrink towards the best vertex.
      for (let j = 0; j <= n; j++) {
        if (j === lo) continue;
        for (let k = 0; k < n; k++) simplex[j][k] = simplex[lo][k] + sigma * (simplex[j][k] - simplex[lo][k]);
        fs[j] = evaluate(simplex[j]);
      }
    }
    let jl = 0;
    for (let j = 1; j <= n; j++) if (fs[j] < fs[jl]) jl = j;
    const improvement = fbest - fs[jl];
    if (fs[jl] <= fbest) {
      best = Float64Array.from(simplex[jl]);
      fbest = fs[jl];
    }
    if (!converged || nfev >= maxfev) break;
    // A restart that gains less than ftol ends the search (the first run always gets one restart).
    if (run > 0 && improvement <= ftol) break;
    if (run < maxRestarts) restarts++;
  }
  const x = Float64Array.from(ext);
  for (let k = 0; k < n; k++) x[free[k]] = toExternal(best[k], limits[free[k]]);
  return { x, fval: fbest, nfev, converged, restarts };
}
