import { ALPHA, G_F_perMeV2, M_ELECTRON_MeV } from "../constants.js";
import {
  DEFAULT_PHOTOABSORPTION_TABLE,
  type PhotoabsorptionInterpolation,
  type PhotoabsorptionTable,
  defaultInterpolation,
  gePhotoabsorption_cm2PerAtom,
} from "./photoabsorption.js";
import { type BindingEnergySet, DEFAULT_BINDING_ENERGY_SET, germaniumActiveElectrons } from "./shells.js";
import { HBARC2_cm2MeV2 } from "./units.js";
import { DEFAULT_SIN2_THETA_W, WEAK_NUE_PREFACTOR_cm2PerMeV } from "./weak.js";

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
 * This is the pure delta_Q^2 term; the term linear in delta_Q (interference with the weak
 * amplitude) is `dSigmaMillichargeInterferenceFreeDT` below, and their sum with the weak cross
 * section is `dSigmaWeakMillichargeFreeDT`. Zero outside 0 < T <= T_max(E).
 *
 * @example
 * dSigmaMillichargeFreeDT(1, 0.01, 1e-12); // => 2.5177e-45 (cm^2/MeV: 2 pi alpha^2 (hbar c)^2 x 1e-24 / (m_e T^2) = 2.5495e-45, times the bracket 0.98750)
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

/*
 * Interference of the milli-charge photon exchange with the weak amplitude.
 *
 * Derivation (ours; the substitution is the one of Giunti and Studenikin, RMP 87 (2015) 531, Sec. on
 * the neutrino electric charge, and Kouzakov and Studenikin, PRD 95 (2017) 055013, where the charge
 * form factor enters the vector coupling; the equation numbers were not checked against the papers):
 * the weak nu-e amplitude is (G_F/sqrt 2) [nubar gamma^a (1-gamma5) nu][ebar gamma_a (g_V - g_A gamma5) e].
 * Photon exchange between a neutrino of charge delta_Q e (one helicity: nubar gamma^a nu =
 * (1/2) nubar gamma^a (1-gamma5) nu) and an electron is e^2 F_Q(q^2) / q^2 times (1/2)[nubar gamma^a
 * (1-gamma5) nu][ebar gamma_a e], a pure vector coupling to the electron. It adds to g_V:
 *   g_V -> g_V + sqrt(2) e^2 F_Q(q^2) / (2 G_F q^2),   F_Q(q^2) = delta_Q + q^2 <r^2>/6,
 * with q^2 = -2 m_e T. The constant part of F_Q/q^2 is the charge-radius term (positive <r^2> raises
 * g_V, the sign of the sin^2 theta_W shift of chargeRadius.ts; its size there follows the Vogel-Engel
 * convention for <r^2>, which differs by a factor 2 from this F_Q, so only the sign is taken from it);
 * the pole is the milli-charge:
 *   g_V -> g_V - k delta_Q / T,   k = sqrt(2) pi alpha / (G_F m_e) = 5.44e9 MeV.
 * Magnitude check: with g_V shifted by d, the weak formula (below) gains d^2 (G_F^2 m_e/2pi)[1 + (1-T/E)^2
 * - m_e T/E^2], which is exactly dSigmaMillichargeFreeDT: the pole term is fixed by the published
 * 2 pi alpha^2 delta_Q^2/(m_e T^2). Sign: delta_Q is the charge of nu_e; for the reactor antineutrino
 * (charge -delta_Q) photon and Z exchange both change sign, so the same substitution holds with
 * g_A -> -g_A, as for the charge radius (TEXONO, PRD 81 (2010) 072001, uses one sin^2 theta_W shift
 * for anti-nu_e). With g_V = 1/2 + 2 s > 0, a NEGATIVE delta_Q interferes constructively.
 *
 * For anti-nu_e e (g_V - g_A = 2s, g_V + g_A = 1 + 2s, y = 1 - T/E) the weak cross section is
 *   (G_F^2 m_e/2pi)[(g_V-g_A)^2 + (g_V+g_A)^2 y^2 - (g_V^2 - g_A^2) m_e T/E^2]   (GEMMA (1)),
 * and the term linear in d = -k delta_Q/T is
 *   (G_F^2 m_e/2pi) 2 d [(g_V-g_A) + (g_V+g_A) y^2 - g_V m_e T/E^2].
 * Relative to the pure term at T << E: interference/pure = -2 g_V T/(k delta_Q), i.e. -35 % at
 * T = 3 keV and -118 % at 10 keV for delta_Q = +3e-12 e, -11 % at 300 eV for 1e-12 e
 * (test/reference/xsec/millicharge_interference.py).
 */

/** sqrt(2) pi alpha / (G_F m_e), MeV: the milli-charge shifts g_V by -this x delta_Q / T. */
export const MILLICHARGE_GV_SHIFT_MeV = (Math.SQRT2 * Math.PI * ALPHA) / (G_F_perMeV2 * M_ELECTRON_MeV);

/** The shift of the electron's vector coupling g_V by a nu_e charge deltaQ_e (units of e) at energy transfer T (MeV). */
export function millichargeVectorShift(tMeV: number, deltaQ_e: number): number {
  return (-MILLICHARGE_GV_SHIFT_MeV * deltaQ_e) / tMeV;
}

/**
 * The milli-charge-weak interference term of anti-nu_e scattering on a free electron at rest,
 * cm^2/MeV per electron: linear in deltaQ_e (charge of nu_e, units of e), negative for
 * deltaQ_e > 0 (derivation above). Zero outside 0 < T <= T_max(E).
 */
export function dSigmaMillichargeInterferenceFreeDT(eNuMeV: number, tMeV: number, deltaQ_e: number, sin2ThetaW: number = DEFAULT_SIN2_THETA_W): number {
  if (!(tMeV > 0) || tMeV > (2 * eNuMeV * eNuMeV) / (M_ELECTRON_MeV + 2 * eNuMeV)) return 0;
  const s = sin2ThetaW;
  const gV = 0.5 + 2 * s;
  const y = 1 - tMeV / eNuMeV;
  const d = millichargeVectorShift(tMeV, deltaQ_e);
  return WEAK_NUE_PREFACTOR_cm2PerMeV * 2 * d * (2 * s + (1 + 2 * s) * y * y - (gV * M_ELECTRON_MeV * tMeV) / (eNuMeV * eNuMeV));
}

/**
 * Interference term in the stepping approximation (Voloshin, PRL 105 (2010) 201801), Ge,
 * cm^2/MeV per atom: the free-electron term times the electrons with binding energy below T, as
 * for the weak and pure milli-charge terms (stepping.ts).
 */
export function dSigmaMillichargeInterferenceSteppingDT(
  eNuMeV: number,
  tMeV: number,
  deltaQ_e: number,
  sin2ThetaW: number = DEFAULT_SIN2_THETA_W,
  set: BindingEnergySet = DEFAULT_BINDING_ENERGY_SET,
): number {
  const fe = dSigmaMillichargeInterferenceFreeDT(eNuMeV, tMeV, deltaQ_e, sin2ThetaW);
  return fe === 0 ? 0 : fe * germaniumActiveElectrons(tMeV, set);
}

/** Weak + interference + pure milli-charge, anti-nu_e on a free electron, cm^2/MeV per electron: GEMMA (1) with g_V shifted. */
export function dSigmaWeakMillichargeFreeDT(eNuMeV: number, tMeV: number, deltaQ_e: number, sin2ThetaW: number = DEFAULT_SIN2_THETA_W): number {
  if (!(tMeV > 0) || tMeV > (2 * eNuMeV * eNuMeV) / (M_ELECTRON_MeV + 2 * eNuMeV)) return 0;
  const s = sin2ThetaW;
  const gV = 0.5 + 2 * s + millichargeVectorShift(tMeV, deltaQ_e);
  const gA = 0.5;
  const y = 1 - tMeV / eNuMeV;
  return WEAK_NUE_PREFACTOR_cm2PerMeV * ((gV - gA) ** 2 + (gV + gA) ** 2 * y * y - (gV * gV - gA * gA) * (M_ELECTRON_MeV * tMeV) / (eNuMeV * eNuMeV));
}
