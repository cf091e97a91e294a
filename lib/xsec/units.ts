import { HBARC_MeVcm } from "../constants.js";

/**
 * (hbar c)^2 in cm^2 MeV^2: converts a cross section in natural units (MeV^-2) to cm^2, and
 * dsigma/dT from MeV^-3 to cm^2/MeV. Derived from HBARC_MeVcm (PDG).
 */
export const HBARC2_cm2MeV2 = HBARC_MeVcm * HBARC_MeVcm;

/** One barn in cm^2 (definition). */
export const BARN_cm2 = 1e-24;

/** hbar c in MeV fm (PDG 197.3269804 MeV fm), for nuclear radii given in fm. */
export const HBARC_MeVfm = HBARC_MeVcm * 1e13;
