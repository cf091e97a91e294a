/**
 * Polynomial background: density = sum_k c_k P_k(t) with Legendre polynomials P_k of the reduced
 * energy t = (2E - lo - hi) / (hi - lo) on a stated range [lo, hi] keV (Legendre rather than
 * powers of E keeps the normal equations well conditioned; Abramowitz & Stegun 22.7.10 recurrence).
 * Coefficients are densities, counts / (keV x exposure unit).
 */
import type { CurveModel } from "./curveModel.js";

/** A degree-d polynomial in Legendre form on [loKeV, hiKeV] (it extrapolates outside). */
export function polynomialModel(degree: number, loKeV: number, hiKeV: number): CurveModel {
  if (!Number.isInteger(degree) || degree < 0 || degree > 20) throw new Error(`polynomialModel: degree must be an integer in 0..20, got ${degree}`);
  if (!(hiKeV > loKeV)) throw new Error(`polynomialModel: need lo < hi, got [${loKeV}, ${hiKeV}]`);
  const names = Array.from({ length: degree + 1 }, (_, k) => `c${k}`);
  return {
    name: `polynomial(${degree}) on [${loKeV}, ${hiKeV}] keV`,
    parameterNames: names,
    linear: true,
    density(params, energyKeV, out) {
      for (let i = 0; i < energyKeV.length; i++) {
        const t = (2 * energyKeV[i] - loKeV - hiKeV) / (hiKeV - loKeV);
        let p0 = 1;
        let p1 = t;
        let s = params[0];
        if (degree >= 1) s += params[1] * t;
        for (let k = 2; k <= degree; k++) {
          // (k) P_k = (2k - 1) t P_{k-1} - (k - 1) P_{k-2}
          const p2 = ((2 * k - 1) * t * p1 - (k - 1) * p0) / k;
          s += params[k] * p2;
          p0 = p1;
          p1 = p2;
        }
        out[i] = s;
      }
    },
    gradient(_params, energyKeV, out) {
      const np = degree + 1;
      for (let i = 0; i < energyKeV.length; i++) {
        const t = (2 * energyKeV[i] - loKeV - hiKeV) / (hiKeV - loKeV);
        const o = i * np;
        out[o] = 1;
        if (degree >= 1) out[o + 1] = t;
        for (let k = 2; k <= degree; k++) out[o + k] = ((2 * k - 1) * t * out[o + k - 1] - (k - 1) * out[o + k - 2]) / k;
      }
    },
  };
}
