/**
 * A local minimum of a function of one variable by Brent's method (R. P. Brent, "Algorithms for
 * Minimization without Derivatives", Prentice-Hall 1973, Ch. 5, routine `localmin`: golden section
 * and parabolic interpolation), in the presentation of Numerical Recipes 3rd ed., Sec. 10.3.
 */

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
 *
 * @example
 * brentMinimize((x) => (x - 1) ** 2 + 3, 0, 3).x; // => 1.000000
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
