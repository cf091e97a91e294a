/**
 * Physical constants. The library computes in MeV for energies and cm for lengths and
 * areas; keV appears only at the edges (inputs and outputs that physicists read).
 * Values: CODATA 2018 / PDG 2022 (Review of Particle Physics, "Physical constants" table).
 */

/** Fermi constant G_F/(hbar c)^3, MeV^-2 (PDG). */
export const G_F_perMeV2 = 1.1663787e-11;
/** Electron mass, MeV (PDG). */
export const M_ELECTRON_MeV = 0.51099895;
/** Fine-structure constant (CODATA 2018). */
export const ALPHA = 1 / 137.035999084;
/** hbar c, MeV cm (PDG). */
export const HBARC_MeVcm = 1.973269804e-11;
/** Classical electron radius r0 = alpha hbar c / m_e, cm (CODATA 2018: 2.8179403262e-13). */
export const R0_ELECTRON_cm = 2.8179403262e-13;
/** Atomic mass unit, MeV (CODATA 2018). */
export const AMU_MeV = 931.49410242;
/** Avogadro constant, 1/mol (exact, SI 2019). */
export const AVOGADRO_perMol = 6.02214076e23;
/** Seconds in a day. */
export const SECONDS_PER_DAY = 86400;
/** Joules per MeV (exact, SI 2019: 1 eV = 1.602176634e-19 J). */
export const JOULE_PER_MeV = 1.602176634e-13;
/** Bohr magneton unit for neutrino magnetic moments is dimensionless here: mu is given in mu_B. */

/** Weak mixing angle, MS-bar at M_Z (PDG 2022: 0.23121). */
export const SIN2_THETA_W_MZ = 0.23121;
/**
 * Effective low-energy weak mixing angle for nu-e scattering at Q^2 ~ 0 (PDG 2022 "Electroweak
 * model", sin^2 theta_W(0) = 0.23867 in MS-bar running). Results move at the % level with this choice.
 */
export const SIN2_THETA_W_LOW_ENERGY = 0.23867;

/** keV -> MeV. */
export const MeV_PER_keV = 1e-3;
