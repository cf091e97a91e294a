import { ALPHA, M_ELECTRON_MeV } from "../constants.js";
import {
  DEFAULT_PHOTOABSORPTION_TABLE,
  type PhotoabsorptionInterpolation,
  type PhotoabsorptionTable,
  defaultInterpolation,
  gePhotoabsorption_cm2PerAtom,
} from "./photoabsorption.js";
import { HBARC2_cm2MeV2 } from "./units.js";

/*
 * Milli-charged neutrinos. Chen et al., PRD 90 (2014) 011301(R) (arXiv:1405.7168) computed the Ge
 * ionization cross section ab initio (multiconfiguration relativistic random-phase approximation,
 * MCRRPA) and concluded: (i) there is significant enhancement at the atomic binding energies compared
 * with the free-electron approximation; (ii) a signal would appear as peaks at specific energies
 * (the K, L, M edges) with known intensity ratios; (iii) from reactor Ge data with thresholds down to
 * 300 eV, |delta_Q| < 1.0e-12 e at 90 % CL (TEXONO + GEMMA combined). Their MCRRPA tables are not
 * available here; this file gives the free-electron cross section, its stepping version
 * (stepping.ts), and an equivalent-photon estimate derived below.
 */

/** 2 pi alpha^2 / m_e x (hbar c)^2, cm^2 MeV: the T << E milli-charge cross section is this x delta_Q^2 / T^2. */
export const MILLICHARGE_PREFACTOR_cm2MeV = ((2 * Math.PI * ALPHA * ALPHA) / M_ELECTRON_MeV) * HBARC2_cm2MeV2;

/**
 * Milli-charged neutrino scattering on a free electron at rest (photon exchange only), cm^2/MeV
 * per electron; deltaQ_e is the neutrino charge in units of e:
 *   dsigma/dT = (2 pi alpha^2 delta_Q^2 / (m_e T^2)) [ 1 - T/E + T^2/(2E^2) - m_e T/(2E^2) ].
 * For T << E this is the published 2 pi alpha^2 delta_Q^2 / (m_e T^2) (Giunti and Studenikin,
 * RMP 87 (2015) 531; Chen et al., PRD 90 (2014) 011301(R), free-electron approximation).
 * The full T dependence is the vector-coupling (g_A = 0) neutrino-electron formula
 * (G_F^2 m_e/2pi)[(g_V+g_A)^2 + (g_V-g_A)^2 (1-T/E)^2 - (g_V^2-g_A^2) m_e T/E^2] with the contact
 * coupling G_F g_V/sqrt(2) replaced by the photon exchange e^2 delta_Q / (2 Q^2), Q^2 = 2 m_e T
 * (one neutrino helicity: gamma^a P_L = gamma^a (1-gamma5)/2); the same for neutrinos and antineutrinos.
 * The interference with the weak amplitude (relative size ~ 2 g_V / (sqrt(2) pi alpha delta_Q /(G_F m_e T)),
 * ~10 % at delta_Q = 1e-12, T = 300 eV) is not included: this is the pure delta_Q^2 term.
 * Zero outside 0 < T <= T_max(E).
 */
export function dSigmaMillichargeFreeDT(eNuMeV: number, tMeV: number, deltaQ_e: number): number {
  if (!(tMeV > 0) || tMeV > (2 * eNuMeV * eNuMeV) / (M_ELECTRON_MeV + 2 * eNuMeV)) return 0;
  const x = tMeV / eNuMeV;
  const bracket = 1 - x + 0.5 * x * x - (0.5 * M_ELECTRON_MeV * tMeV) / (eNuMeV * eNuMeV);
  return ((MILLICHARGE_PREFACTOR_cm2MeV * deltaQ_e * deltaQ_e) / (tMeV * tMeV)) * bracket;
}

/**
 * Milli-charge atomic ionization of germanium in an equivalent-photon approximation, cm^2/MeV per
 * atom. NOT a published formula: derived here (leading logarithm, transverse photons) because the
 * EPA expression of Chen et al. (PRD 90 (2014) 011301; PRD 91 (2015) 013005) could not be read from
 * the sources available to this project. Treat it as illustrative.
 *
 * Derivation (same conventions as atomicIonizationEPA.ts): for a charge delta_Q e with one helicity,
 * |M|^2 = delta_Q^2 e^4 L^{ab} W_ab / Q^4 with L^{ab} = 2 (k^a k'^b + k'^a k^b - g^{ab} k.k'). The
 * transverse part L.W = (4 |k_perp|^2 + 2 Q^2) R_T, |k_perp|^2 = Q^2 (E E' - Q^2/4)/(Q^2 + T^2), gives
 *   dsigma/dT dQ^2 ~ delta_Q^2 pi alpha^2 (4 E'/E) R_T / (Q^2 (Q^2 + T^2)),
 * whose Q^2 integral is logarithmic at Q^2 -> 0 and is cut at Q^2_min = m_nu^2 T^2 /(E E') by the
 * neutrino mass. With sigma_gamma = 4 pi^2 alpha R_T / T:
 *   dsigma/dT = (alpha delta_Q^2 / pi) (E'/E) (sigma_gamma(T)/T) ln(E E' / m_nu^2),   E' = E - T,
 * i.e. (2 alpha delta_Q^2/pi)(sigma_gamma/T) ln(E/m_nu) for T << E. The longitudinal term with the
 * dipole response held up to Q^2 ~ 4EE' (the assumption criticised for the magnetic moment) would
 * add a comparable ln(4 E E'/T^2); it is left out. In a crystal the photon's effective mass (plasma
 * frequency, ~tens of eV) rather than m_nu may set the cut-off: the logarithm is uncertain by ~2x.
 * neutrinoMassMeV is required (no default). Zero outside 0 < T <= T_max(E); NaN outside the table.
 */
export function dSigmaMillichargeEPADT(
  eNuMeV: number,
  tMeV: number,
  deltaQ_e: number,
  neutrinoMassMeV: number,
  table: PhotoabsorptionTable = DEFAULT_PHOTOABSORPTION_TABLE,
  interpolation: PhotoabsorptionInterpolation = defaultInterpolation(table),
): number {
  if (!(tMeV > 0) || tMeV > (2 * eNuMeV * eNuMeV) / (M_ELECTRON_MeV + 2 * eNuMeV)) return 0;
  const ePrime = eNuMeV - tMeV;
  const log = Math.log((eNuMeV * ePrime) / (neutrinoMassMeV * neutrinoMassMeV));
  return (
    ((ALPHA * deltaQ_e * deltaQ_e) / Math.PI) *
    (ePrime / eNuMeV) *
    (gePhotoabsorption_cm2PerAtom(tMeV, table, interpolation) / tMeV) *
    log
  );
}
