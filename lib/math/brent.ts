/**
 * A root of a function of one variable by the Brent-Dekker method (R. P. Brent, "Algorithms for
 * Minimization without Derivatives", Prentice-Hall 1973, Ch. 4, routine `zero`: bisection, secant
 * and inverse quadratic interpolation), in the presentation of Numerical Recipes 3rd ed., Sec. 9.3.
 */

import { FitError } from "../errors.js";

/**
 * A root of f in [a, b] by the Brent-Dekker method. f(a) and f(b) must have opposite signs
 * (or one of them be zero). Converges to |x - root| <= 4 eps |x| + tol.
 *
 * @example
 * brent((x) => x * x - 2, 0, 2); // => 1.41421356237 (sqrt 2)
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
