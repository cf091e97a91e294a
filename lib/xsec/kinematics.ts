import { M_ELECTRON_MeV } from "../constants.js";

/**
 * Largest recoil kinetic energy for a massless neutrino of energy E on a target of mass M at rest,
 * MeV: T_max = 2E^2 / (M + 2E) (elastic two-body kinematics).
 * M defaults to the electron mass; pass a nuclear mass for coherent scattering.
 *
 * @example
 * tMaxMeV(1); // => 0.79650 (2E^2 / (m_e + 2E) at E = 1 MeV, m_e = 0.511 MeV)
 */
export function tMaxMeV(eNuMeV: number, targetMassMeV: number = M_ELECTRON_MeV): number {
  return (2 * eNuMeV * eNuMeV) / (targetMassMeV + 2 * eNuMeV);
}

/**
 * Smallest neutrino energy that can give recoil T, MeV: E_min = (T + sqrt(T^2 + 2 M T)) / 2
 * (inverse of tMaxMeV).
 *
 * @example
 * eNuMinMeV(tMaxMeV(1)); // => 1.000000 (the inverse of tMaxMeV)
 */
export function eNuMinMeV(tMeV: number, targetMassMeV: number = M_ELECTRON_MeV): number {
  return 0.5 * (tMeV + Math.sqrt(tMeV * tMeV + 2 * targetMassMeV * tMeV));
}

/** True when 0 < T <= T_max(E) for the given target mass (the domain of every dsigma/dT here). */
export function isKinematicallyAllowed(eNuMeV: number, tMeV: number, targetMassMeV: number = M_ELECTRON_MeV): boolean {
  return tMeV > 0 && tMeV <= (2 * eNuMeV * eNuMeV) / (targetMassMeV + 2 * eNuMeV);
}
