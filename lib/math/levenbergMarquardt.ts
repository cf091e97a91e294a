/**
 * Levenberg-Marquardt minimisation of a weighted least-squares-like statistic (K. Levenberg,
 * Q. Appl. Math. 2 (1944) 164; D. W. Marquardt, J. SIAM 11 (1963) 431; in the form of Numerical
 * Recipes 3rd ed., Sec. 15.5.2, with Marquardt's diagonal scaling).
 *
 * At x the caller linearises its model: residuals r_i = y_i - mu_i(x), weights w_i and the Jacobian
 * J_ia = d mu_i / d x_a. The step solves (J^T W J + lambda diag(J^T W J)) delta = J^T W r, and is
 * taken when the caller's statistic does not rise; lambda falls tenfold after a step taken and
 * rises tenfold after a step refused. With w_i = 1/variance_i and the chi-square as the statistic
 * this is the classic method; with w_i = 1/mu_i and the Poisson likelihood chi-square it is Fisher
 * scoring, whose fixed point is the maximum-likelihood score equation sum (y_i/mu_i - 1) dmu_i/dx = 0.
 *
 * Convergence: three steps taken lowering the statistic by less than `tolerance` together, a step
 * taken that does not change it, or (with `stopOnPredictedDecrease`) an undamped Gauss-Newton step
 * predicting a decrease 2 delta.g - delta.A.delta below `tolerance`; a refused step at lambda > 1e16
 * (no downhill step at machine precision) also counts as converged.
 *
 * `project` moves a trial point into the allowed region (a clamp to limits); it keeps the model in
 * its domain but is not a constrained solver: with a limit active at the minimum the iteration can
 * stop short of the constrained minimum (a transformation to unbounded variables, as MINUIT's, is
 * the way to fit at a limit).
 */
import { cholesky, choleskySolve } from "./cholesky.js";

/** The model linearised at a point, filled by {@link LeastSquaresProblem.linearise}. */
export interface Linearisation {
  /** r_i = y_i - mu_i, one per row. */
  readonly residual: Float64Array;
  /** w_i: 1/variance_i for a chi-square, 1/mu_i for Poisson Fisher scoring. */
  readonly weight: Float64Array;
  /** J_ia = d mu_i / d x_a, row-major (rows x parameters). */
  readonly jacobian: Float64Array;
}

/** What {@link levenbergMarquardt} minimises. */
export interface LeastSquaresProblem {
  /** Number of residual rows. */
  readonly rows: number;
  /** The statistic at x (a chi-square or -2 ln L); a non-finite value refuses the step. */
  objective(x: Float64Array): number;
  /** Fills `out` at x. x may be changed meanwhile (finite differences) but must be restored. */
  linearise(x: Float64Array, out: Linearisation): void;
  /** Moves a trial point into the allowed region in place (e.g. clamps it to limits). */
  project?(x: Float64Array): void;
}

/** Options of {@link levenbergMarquardt}. */
export interface LevenbergMarquardtOptions {
  /** Maximum number of iterations, refused steps included (default 200). */
  maxIterations?: number;
  /** Convergence threshold on the statistic (default 1e-3; see the file header). */
  tolerance?: number;
  /** Stop when the undamped step predicts less than `tolerance` (default true). */
  stopOnPredictedDecrease?: boolean;
  /** Also compute the estimated distance to the minimum at the end (default false). */
  edm?: boolean;
}

/** Result of {@link levenbergMarquardt}. */
export interface LevenbergMarquardtResult {
  /** The point reached. */
  x: Float64Array;
  /** The statistic there. */
  value: number;
  iterations: number;
  converged: boolean;
  /**
   * Estimated distance to the minimum (as MINUIT's EDM): the decrease g^T A^-1 g an undamped
   * Gauss-Newton step predicts at x (flat directions regularised by a damping of 1e-10); NaN unless
   * requested or when even the regularised matrix is not positive definite.
   */
  edm: number;
}

/** Minimises `problem` from `start` by Levenberg-Marquardt; see the file header. */
export function levenbergMarquardt(problem: LeastSquaresProblem, start: ArrayLike<number>, options: LevenbergMarquardtOptions = {}): LevenbergMarquardtResult {
  const n = start.length;
  const m = problem.rows;
  const x = Float64Array.from(start);
  const maxIt = options.maxIterations ?? 200;
  const tol = options.tolerance ?? 1e-3;
  const stopOnPredicted = options.stopOnPredictedDecrease ?? true;
  const lin: Linearisation = { residual: new Float64Array(m), weight: new Float64Array(m), jacobian: new Float64Array(m * n) };
  const A = new Float64Array(n * n);
  const g = new Float64Array(n);
  // The Gauss-Newton normal equations at x: A = J^T W J (symmetric) and g = J^T W r.
  const normalEquations = (): void => {
    problem.linearise(x, lin);
    const J = lin.jacobian;
    A.fill(0);
    g.fill(0);
    for (let i = 0; i < m; i++) {
      const w = lin.weight[i];
      const r = lin.residual[i] * w;
      for (let a = 0; a < n; a++) {
        const ja = J[i * n + a];
        if (ja === 0) continue;
        g[a] += ja * r;
        for (let b = 0; b <= a; b++) A[a * n + b] += ja * w * J[i * n + b];
      }
    }
    for (let a = 0; a < n; a++) for (let b = 0; b < a; b++) A[b * n + a] = A[a * n + b];
  };
  const dampedFactor = (lambda: number): Float64Array | null => {
    const damped = Float64Array.from(A);
    for (let a = 0; a < n; a++) damped[a * n + a] += lambda * (A[a * n + a] > 0 ? A[a * n + a] : 1);
    return cholesky(damped, n);
  };

  let f = problem.objective(x);
  const trial = new Float64Array(n);
  let lambda = 1e-3;
  let iterations = 0;
  let converged = false;
  const history: number[] = [f];
  let needLinearisation = true;
  while (iterations < maxIt) {
    iterations++;
    if (needLinearisation) {
      normalEquations();
      needLinearisation = false;
    }
    const l = dampedFactor(lambda);
    if (!l) {
      lambda *= 10;
      if (lambda > 1e16) break;
      continue;
    }
    const delta = choleskySolve(l, n, g);
    if (stopOnPredicted) {
      // Predicted decrease of the statistic for the step, 2 delta.g - delta.A.delta (Gauss-Newton model).
      let predicted = 0;
      for (let a = 0; a < n; a++) {
        let ad = 0;
        for (let b = 0; b < n; b++) ad += A[a * n + b] * delta[b];
        predicted += 2 * delta[a] * g[a] - delta[a] * ad;
      }
      if (lambda <= 1e-3 && predicted >= 0 && predicted < tol) {
        converged = true;
        break;
      }
    }
    for (let a = 0; a < n; a++) trial[a] = x[a] + delta[a];
    problem.project?.(trial);
    const ft = problem.objective(trial);
    if (Number.isFinite(ft) && ft <= f) {
      const df = f - ft;
      x.set(trial);
      f = ft;
      lambda = Math.max(lambda / 10, 1e-12);
      needLinearisation = true;
      history.push(f);
      if (df === 0 || (history.length > 3 && history[history.length - 4] - f < tol)) {
        converged = true;
        break;
      }
    } else {
      lambda *= 10;
      if (lambda > 1e16) {
        converged = true; // no downhill step exists at machine precision: at the minimum
        break;
      }
    }
  }
  let edm = NaN;
  if (options.edm) {
    normalEquations();
    const l = dampedFactor(1e-10);
    if (l) {
      const d = choleskySolve(l, n, g);
      edm = 0;
      for (let a = 0; a < n; a++) edm += d[a] * g[a];
    }
  }
  return { x, value: f, iterations, converged, edm };
}
