import { FitError } from "../errors.js";

/**
 * Energy (same unit as the bracket) where two rate curves cross, found by bisection in log T on
 * [lo, hi]: the root of ln(a(T)/b(T)). Throws when the curves do not cross in the bracket.
 * Used for statements like "the magnetic term equals the SM term at T ~ 400 eV" (TEXONO talk).
 *
 * @example
 * crossingEnergy((t) => 1 / t, () => 1, 0.1, 10); // => 1.00000 (1/T = 1 at T = 1)
 */
export function crossingEnergy(a: (t: number) => number, b: (t: number) => number, lo: number, hi: number, relTol = 1e-6): number {
  const g = (t: number) => Math.log(a(t) / b(t));
  let x0 = Math.log(lo);
  let x1 = Math.log(hi);
  let g0 = g(lo);
  const g1 = g(hi);
  if (!(Number.isFinite(g0) && Number.isFinite(g1)) || g0 * g1 > 0) {
    throw new FitError(`crossingEnergy: the curves do not cross between ${lo} and ${hi} (log-ratios ${g0.toPrecision(3)}, ${g1.toPrecision(3)})`);
  }
  while (x1 - x0 > relTol) {
    const xm = 0.5 * (x0 + x1);
    const gm = g(Math.exp(xm));
    if (gm * g0 > 0) {
      x0 = xm;
      g0 = gm;
    } else x1 = xm;
  }
  return Math.exp(0.5 * (x0 + x1));
}
