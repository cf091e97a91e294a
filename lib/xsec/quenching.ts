import { MeV_PER_keV } from "../constants.js";
import { type CevnsOptions, dSigmaCevnsDT } from "./cevns.js";
import { GERMANIUM } from "./elements.js";

/*
 * Lindhard quenching (J. Lindhard et al., Mat. Fys. Medd. Dan. Vid. Selsk. 33, no. 10 (1963)):
 * a nuclear recoil of energy E_R gives the ionization of an electron recoil of energy f(E_R) E_R,
 *   f = k g(eps) / (1 + k g(eps)),  g = 3 eps^0.15 + 0.7 eps^0.6 + eps,
 *   eps = 11.5 Z^(-7/3) E_R[keV],   k = 0.133 Z^(2/3) A^(-1/2)  (0.157 for Ge).
 */

/**
 * Lindhard k = 0.133 Z^(2/3) A^(-1/2) (Lindhard 1963).
 *
 * @example
 * lindhardK(32, 72.63); // => 0.15730 (0.133 x 32^(2/3) / sqrt(72.63))
 */
export function lindhardK(z: number, massNumber: number): number {
  return 0.133 * Math.pow(z, 2 / 3) / Math.sqrt(massNumber);
}

/** Lindhard k for germanium, 0.157 (Lindhard et al. 1963, k = 0.133 Z^(2/3) A^(-1/2): lindhardK(32, 72.63) = 0.1573). */
export const LINDHARD_K_GE = 0.157;

/** Quenching factor f(E_R) = E_ionization / E_R for a nuclear recoil of E_R (MeV) in germanium. */
export function lindhardQuenching(recoilMeV: number, k: number = LINDHARD_K_GE, z: number = GERMANIUM.z): number {
  if (!(recoilMeV > 0)) return 0;
  const eps = 11.5 * Math.pow(z, -7 / 3) * (recoilMeV / MeV_PER_keV);
  const g = 3 * Math.pow(eps, 0.15) + 0.7 * Math.pow(eps, 0.6) + eps;
  return (k * g) / (1 + k * g);
}

/** Ionization (electron-equivalent) energy of a germanium nuclear recoil, MeV: f(E_R) E_R. */
export function ionizationEnergyMeV(recoilMeV: number, k: number = LINDHARD_K_GE, z: number = GERMANIUM.z): number {
  return lindhardQuenching(recoilMeV, k, z) * recoilMeV;
}

/**
 * dE_ee/dE_R = f + E_R f'(E_R), with E_R f' = k eps g'(eps) / (1 + k g)^2 and
 * g'(eps) = 0.45 eps^-0.85 + 0.42 eps^-0.4 + 1 (analytic derivative of the Lindhard form).
 */
export function ionizationJacobian(recoilMeV: number, k: number = LINDHARD_K_GE, z: number = GERMANIUM.z): number {
  const eps = 11.5 * Math.pow(z, -7 / 3) * (recoilMeV / MeV_PER_keV);
  const g = 3 * Math.pow(eps, 0.15) + 0.7 * Math.pow(eps, 0.6) + eps;
  const gp = 0.45 * Math.pow(eps, -0.85) + 0.42 * Math.pow(eps, -0.4) + 1;
  const d = 1 + k * g;
  return (k * g) / d + (k * eps * gp) / (d * d);
}

/**
 * Nuclear recoil energy (MeV) whose ionization is eeMeV: inverse of ionizationEnergyMeV (monotonic),
 * by Newton's method with bisection safeguard, relative tolerance 1e-12.
 */
export function recoilEnergyFromIonizationMeV(eeMeV: number, k: number = LINDHARD_K_GE, z: number = GERMANIUM.z): number {
  if (!(eeMeV > 0)) return 0;
  return remember(eeMeV, k, z).recoil;
}

// Rate integrals evaluate many neutrino energies at one E_ee: remember the last inversion.
const last = { ee: NaN, k: NaN, z: NaN, recoil: NaN, jacobian: NaN };

function remember(eeMeV: number, k: number, z: number): typeof last {
  if (eeMeV !== last.ee || k !== last.k || z !== last.z) {
    const recoil = invert(eeMeV, k, z);
    last.ee = eeMeV;
    last.k = k;
    last.z = z;
    last.recoil = recoil;
    last.jacobian = ionizationJacobian(recoil, k, z);
  }
  return last;
}

function invert(eeMeV: number, k: number, z: number): number {
  let lo = eeMeV; // f < 1, so E_R > E_ee
  let hi = eeMeV / lindhardQuenching(eeMeV, k, z); // f increases with E_R, so f(E_R) > f(E_ee)
  let x = 0.5 * (lo + hi);
  for (let it = 0; it < 100; it++) {
    const r = ionizationEnergyMeV(x, k, z) - eeMeV;
    if (r > 0) hi = x;
    else lo = x;
    let next = x - r / ionizationJacobian(x, k, z);
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    if (Math.abs(next - x) <= 1e-12 * x) return next;
    x = next;
  }
  return x;
}

/**
 * Coherent scattering on germanium as a function of the ionization energy E_ee (MeV):
 *   dsigma/dE_ee = dsigma/dT_N (E_R(E_ee)) / (dE_ee/dE_R),   cm^2/MeV per nucleus,
 * with Lindhard quenching (k = LINDHARD_K_GE unless given).
 */
export function dSigmaCevnsDEee(eNuMeV: number, eeMeV: number, options: CevnsOptions = {}, k: number = LINDHARD_K_GE): number {
  if (!(eeMeV > 0)) return 0;
  const r = remember(eeMeV, k, GERMANIUM.z);
  const ds = dSigmaCevnsDT(eNuMeV, r.recoil, options);
  return ds === 0 ? 0 : ds / r.jacobian;
}
