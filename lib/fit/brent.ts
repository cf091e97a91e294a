/**
 * One-dimensional root finding and minimisation, after R. P. Brent, "Algorithms for Minimization
 * without Derivatives" (Prentice-Hall 1973): `zero` (Ch. 4, the Brent-Dekker method: bisection,
 * secant and inverse quadratic interpolation) and `localmin` (Ch. 5: golden section and parabolic
 * interpolation). Both also follow the presentation of Numerical Recipes 3rd ed., Secs. 9.3, 10.3.
 */

import { FitError } from "../errors.js";

/**
 * A root of f in [a, b] by the Brent-Dekker method. f(a) and f(b) must have opposite signs
 * (or one of them be zero). Converges to |x - root| <= 4 eps |x| + tol.
 */
export function brent(f: (x: number) => number, a: number, b: number, tol = 1e-12, maxIter = 200): number {
  let fa = f(a);
  let fb = f(b);
  if (fa === 0) return a;
  if (fb === 0) return b;
  if (!(Number.isFinite(fa) && Number.isFinite(fb))) throw new FitError(`brent: f is not finite at the bracket ends (f(${a}) = ${fa}, f(${b}) = ${fb})`);
  if (fa > 0 === fb > 0) throw new FitError(`brent: root not bracketed, f(${a}) = ${fa} and f(${b}) = ${fb} have the same sign`);
  let c = a;
  let fc = fa;
  let d = b - a;
  let e = d;
  const eps = Number.EPSILON;
  for (let iter = 0; iter < maxIter; iter++) {
    if (fb > 0 === fc > 0) {
      // Keep the root between b and c.
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tol1 = 2 * eps * Math.abs(b) + 0.5 * tol;
    const xm = 0.5 * (c - b);
    if (Math.abs(xm) <= tol1 || fb === 0) return b;
    if (Math.abs(e) >= tol1 && Math.abs(fa) > Math.abs(fb)) {
      // Inverse quadratic interpolation (secant when a == c).
      const s = fb / fa;
      let p: number;
      let q: number;
      if (a === c) {
        p = 2 * xm * s;
        q = 1 - s;
      } else {
        const qq = fa / fc;
        const r = fb / fc;
        p = s * (2 * xm * qq * (qq - r) - (b - a) * (r - 1));
        q = (qq - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      p = Math.abs(p);
      const min1 = 3 * xm * q - Math.abs(tol1 * q);
      const min2 = Math.abs(e * q);
      if (2 * p < Math.min(min1, min2)) {
        e = d;
        d = p / q;
      } else {
        d = xm;
        e = d;
      }
    } else {
      d = xm;
      e = d;
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tol1 ? d : xm > 0 ? tol1 : -tol1;
    fb = f(b);
  }
  throw new FitError(`brent: no convergence in ${maxIter} iterations`);
}

/** Result of {@link brentMinimize}. */
export interface Minimum1D {
  /** Abscissa of the minimum. */
  x: number;
  /** f at the minimum. */
  fval: number;
  /** Number of function evaluations. */
  nfev: number;
}

/**
 * A local minimum of f in [a, b] by Brent's method (golden section with parabolic steps).
 * Converges to |x - xmin| <= sqrt(eps) |x| + tol: the minimum of a smooth function is located to
 * about sqrt(machine precision) relative, which is inherent to minimisation.
 */
export function brentMinimize(f: (x: number) => number, a: number, b: number, tol = 1e-10, maxIter = 500): Minimum1D {
  if (!(a < b)) throw new Error(`brentMinimize: need a < b, got [${a}, ${b}]`);
  const golden = 0.3819660112501051; // (3 - sqrt 5) / 2
  const sqrtEps = Math.sqrt(Number.EPSILON);
  let x = a + golden * (b - a);
  let w = x;
  let v = x;
  let fx = f(x);
  let fw = fx;
  let fv = fx;
  let d = 0;
  let e = 0;
  let nfev = 1;
  for (let iter = 0; iter < maxIter; iter++) {
    const xm = 0.5 * (a + b);
    const tol1 = sqrtEps * Math.abs(x) + tol / 3;
    const tol2 = 2 * tol1;
    if (Math.abs(x - xm) <= tol2 - 0.5 * (b - a)) break;
    let useGolden = true;
    if (Math.abs(e) > tol1) {
      // Parabola through x, w, v.
      let r = (x - w) * (fx - fv);
      let q = (x - v) * (fx - fw);
      let p = (x - v) * q - (x - w) * r;
      q = 2 * (q - r);
      if (q > 0) p = -p;
      else q = -q;
      r = e;
      e = d;
      if (Math.abs(p) < Math.abs(0.5 * q * r) && p > q * (a - x) && p < q * (b - x)) {
        d = p / q;
        const u = x + d;
        if (u - a < tol2 || b - u < tol2) d = xm >= x ? tol1 : -tol1;
        useGolden = false;
      }
    }
    if (useGolden) {
      e = x >= xm ? a - x : b - x;
      d = golden * e;
    }
    const u = Math.abs(d) >= tol1 ? x + d : x + (d > 0 ? tol1 : -tol1);
    const fu = f(u);
    nfev++;
    if (fu <= fx) {
      if (u >= x) a = x;
      else b = x;
      v = w;
      fv = fw;
      w = x;
      fw = fx;
      x = u;
      fx = fu;
    } else {
      if (u < x) a = u;
      else b = u;
      if (fu <= fw || w === x) {
        v = w;
        fv = fw;
        w = u;
        fw = fu;
      } else if (fu <= fv || v === x || v === w) {
        v = u;
        fv = fu;
      }
    }
  }
  return { x, fval: fx, nfev };
}
