import { G_F_perMeV2, M_ELECTRON_MeV, SIN2_THETA_W_MZ } from "../constants.js";
import { HBARC2_cm2MeV2 } from "./units.js";

/**
 * Default weak mixing angle for the nu-e cross sections: the MS-bar value at M_Z, 0.23121
 * (PDG 2022), the value GEMMA-era calculations use (s = 0.2312).
 * The low-energy effective value SIN2_THETA_W_LOW_ENERGY = 0.23867 raises dsW/dT at T << E by 2.5 %.
 */
export const DEFAULT_SIN2_THETA_W = SIN2_THETA_W_MZ;

/** G_F^2 m_e / (2 pi) in cm^2/MeV (4.3082e-45 with the PDG 2022 G_F and m_e). */
export const WEAK_NUE_PREFACTOR_cm2PerMeV = ((G_F_perMeV2 * G_F_perMeV2 * M_ELECTRON_MeV) / (2 * Math.PI)) * HBARC2_cm2MeV2;

/**
 * Weak (SM, CC + NC) electron-antineutrino scattering on a free electron at rest, cm^2/MeV per
 * electron, GEMMA (1):
 *   dsW/dT = (G_F^2 m_e / 2pi) [ (1+2s)^2 (1-T/E)^2 + 4 s^2 - 2 (1+2s) s m_e T / E^2 ],  s = sin^2 theta_W.
 * Zero outside 0 < T <= T_max(E). Example: E = 1 MeV, T = 10 keV, s = 0.2312 -> 9.936e-45.
 *
 * @example
 * dSigmaWeakDT(1, 0.01, 0.2312); // => 9.936e-45 (cm^2/MeV, the formula above by hand)
 */
export function dSigmaWeakDT(eNuMeV: number, tMeV: number, sin2ThetaW: number = DEFAULT_SIN2_THETA_W): number {
  if (!(tMeV > 0) || tMeV > (2 * eNuMeV * eNuMeV) / (M_ELECTRON_MeV + 2 * eNuMeV)) return 0;
  const s = sin2ThetaW;
  const a = 1 + 2 * s;
  const y = 1 - tMeV / eNuMeV;
  return WEAK_NUE_PREFACTOR_cm2PerMeV * (a * a * y * y + 4 * s * s - (2 * a * s * M_ELECTRON_MeV * tMeV) / (eNuMeV * eNuMeV));
}

/** Chiral couplings of the electron seen by nu_e / anti-nu_e (NC + CC): g_L = 1/2 + s, g_R = s. */
export function electronNeutrinoCouplings(sin2ThetaW: number = DEFAULT_SIN2_THETA_W): { gL: number; gR: number } {
  return { gL: 0.5 + sin2ThetaW, gR: sin2ThetaW };
}

/**
 * The same cross section in the textbook chiral form ('t Hooft, PLB 37 (1971) 195; Vogel and Engel,
 * PRD 39 (1989) 3378), cm^2/MeV per electron:
 *   neutrino:      dsigma/dT = (2 G_F^2 m_e / pi) [ g_L^2 + g_R^2 (1-T/E)^2 - g_L g_R m_e T / E^2 ]
 *   antineutrino:  the same with g_L <-> g_R.
 * With g_L = 1/2 + s, g_R = s (electron flavour) the antineutrino case equals GEMMA (1); it is kept
 * as an independent formula for tests and for other couplings (e.g. nu_mu: g_L = -1/2 + s).
 */
export function dSigmaNuElectronChiralDT(eNuMeV: number, tMeV: number, gL: number, gR: number, antineutrino: boolean): number {
  if (!(tMeV > 0) || tMeV > (2 * eNuMeV * eNuMeV) / (M_ELECTRON_MeV + 2 * eNuMeV)) return 0;
  const g1 = antineutrino ? gR : gL;
  const g2 = antineutrino ? gL : gR;
  const y = 1 - tMeV / eNuMeV;
  const pre = ((2 * G_F_perMeV2 * G_F_perMeV2 * M_ELECTRON_MeV) / Math.PI) * HBARC2_cm2MeV2;
  return pre * (g1 * g1 + g2 * g2 * y * y - (gL * gR * M_ELECTRON_MeV * tMeV) / (eNuMeV * eNuMeV));
}
