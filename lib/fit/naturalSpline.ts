/**
 * Natural cubic spline through values g_i at knots x_i (second derivative zero at both ends), in
 * the value / second-derivative form of P. J. Green & B. W. Silverman, "Nonparametric Regression
 * and Generalized Linear Models" (1994), Sec. 2.1.2: the second derivatives gamma at the interior
 * knots solve R gamma = Q^T g with Q (n x n-2) and R (n-2 x n-2) tridiagonal; between knots the
 * usual cubic Hermite form (Numerical Recipes 3rd ed., Eq. 3.3.3); outside the knots the natural
 * spline continues as a straight line.
 */
import type { CurveModel } from "./curveModel.js";

/** Knot spacings h_i = x_{i+1} - x_i (throws unless the knots increase). */
export function knotSpacings(x: ArrayLike<number>): Float64Array {
  const n = x.length;
  if (n < 3) throw new Error(`natural spline: need at least 3 knots, got ${n}`);
  const h = new Float64Array(n - 1);
  for (let i = 0; i < n - 1; i++) {
    h[i] = x[i + 1] - x[i];
    if (!(h[i] > 0)) throw new Error(`natural spline: knots must increase (x[${i}] = ${x[i]}, x[${i + 1}] = ${x[i + 1]})`);
  }
  return h;
}

/** (Q^T g)_c for the interior knot j = c + 1: (g_{j-1} - g_j)/h_{j-1} + (g_{j+1} - g_j)/h_j. */
export function qTransposeTimes(h: ArrayLike<number>, g: ArrayLike<number>, out: Float64Array): Float64Array {
  const m = h.length - 1;
  for (let c = 0; c < m; c++) {
    const j = c + 1;
    out[c] = (g[j - 1] - g[j]) / h[j - 1] + (g[j + 1] - g[j]) / h[j];
  }
  return out;
}

/**
 * Solves the symmetric tridiagonal system R z = b (R_cc = (h_c + h_{c+1})/3, R_c,c+1 = h_{c+1}/6)
 * by the Thomas algorithm; R is diagonally dominant, so no pivoting is needed.
 */
export function solveR(h: ArrayLike<number>, b: ArrayLike<number>, out: Float64Array): Float64Array {
  const m = h.length - 1;
  const cp = new Float64Array(m);
  let prevC = 0;
  let prevD = 0;
  for (let c = 0; c < m; c++) {
    const diag = (h[c] + h[c + 1]) / 3;
    const lower = c > 0 ? h[c] / 6 : 0;
    const upper = c < m - 1 ? h[c + 1] / 6 : 0;
    const den = diag - lower * prevC;
    cp[c] = upper / den;
    out[c] = (b[c] - lower * prevD) / den;
    prevC = cp[c];
    prevD = out[c];
  }
  for (let c = m - 2; c >= 0; c--) out[c] -= cp[c] * out[c + 1];
  return out;
}

/** Second derivatives at all n knots (zero at the ends) of the natural spline through (x, g). */
export function splineSecondDerivatives(x: ArrayLike<number>, g: ArrayLike<number>): Float64Array {
  const h = knotSpacings(x);
  const m = h.length - 1;
  const rhs = qTransposeTimes(h, g, new Float64Array(m));
  const z = solveR(h, rhs, new Float64Array(m));
  const gamma = new Float64Array(x.length);
  gamma.set(z, 1);
  return gamma;
}

/** Evaluates the natural spline with knot values g and knot second derivatives gamma at points. */
export function evaluateSpline(x: ArrayLike<number>, g: ArrayLike<number>, gamma: ArrayLike<number>, points: ArrayLike<number>, out: Float64Array): Float64Array {
  const n = x.length;
  for (let p = 0; p < points.length; p++) {
    const t = points[p];
    if (t <= x[0]) {
      const h0 = x[1] - x[0];
      const slope = (g[1] - g[0]) / h0 - (h0 * (2 * gamma[0] + gamma[1])) / 6;
      out[p] = g[0] + slope * (t - x[0]);
      continue;
    }
    if (t >= x[n - 1]) {
      const h1 = x[n - 1] - x[n - 2];
      const slope = (g[n - 1] - g[n - 2]) / h1 + (h1 * (gamma[n - 2] + 2 * gamma[n - 1])) / 6;
      out[p] = g[n - 1] + slope * (t - x[n - 1]);
      continue;
    }
    // Binary search for the interval [x_i, x_{i+1}] holding t.
    let lo = 0;
    let hi = n - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (x[mid] > t) hi = mid;
      else lo = mid;
    }
    const h = x[hi] - x[lo];
    const a = (x[hi] - t) / h;
    const b = 1 - a;
    out[p] = a * g[lo] + b * g[hi] + (((a * a * a - a) * gamma[lo] + (b * b * b - b) * gamma[hi]) * h * h) / 6;
  }
  return out;
}

/**
 * The natural cubic spline through free values at fixed knots, as a (linear) curve model: its
 * parameters are the values at the knots. `midpointBins` marks it as a bin-average curve (see
 * `CurveModel`), which is how the smoothing spline is fitted.
 */
export function naturalSplineModel(knotsKeV: ArrayLike<number>, midpointBins = false): CurveModel {
  const x = Float64Array.from(knotsKeV);
  knotSpacings(x);
  return {
    name: `natural cubic spline (${x.length} knots)`,
    parameterNames: Array.from(x, (e) => `g(${Number(e.toPrecision(6))} keV)`),
    linear: true,
    midpointBins,
    density(params, energyKeV, out) {
      const gamma = splineSecondDerivatives(x, params);
      evaluateSpline(x, params, gamma, energyKeV, out);
    },
  };
}
