import { M_ELECTRON_MeV, R0_ELECTRON_cm } from "../constants.js";

/**
 * pi r0^2, cm^2 (r0 = classical electron radius, CODATA 2018): 2.4947e-25. GEMMA prints the
 * rounded 2.495e-25, which makes its numbers 0.01 % higher.
 */
export const PI_R0_SQUARED_cm2 = Math.PI * R0_ELECTRON_cm * R0_ELECTRON_cm;

/**
 * Magnetic-moment scattering on a free electron at rest, cm^2/MeV per electron, GEMMA (2)
 * (Vogel and Engel, PRD 39 (1989) 3378):
 *   dsEM/dT = pi r0^2 (mu/mu_B)^2 (1/T - 1/E).
 * muNu_muB is the neutrino magnetic moment in Bohr magnetons. Zero outside 0 < T <= T_max(E).
 * Example: mu = 1e-10, E = 1 MeV, T = 10 keV -> 2.4697e-43.
 *
 * @example
 * dSigmaMagneticFreeDT(1, 0.01, 1e-10); // => 2.4697e-43 (cm^2/MeV: pi r0^2 = 2.4946e-25 cm^2, x 1e-20 x (1/0.01 - 1/1))
 */
export function dSigmaMagneticFreeDT(eNuMeV: number, tMeV: number, muNu_muB: number): number {
  if (!(tMeV > 0) || tMeV > (2 * eNuMeV * eNuMeV) / (M_ELECTRON_MeV + 2 * eNuMeV)) return 0;
  return PI_R0_SQUARED_cm2 * muNu_muB * muNu_muB * (1 / tMeV - 1 / eNuMeV);
}
