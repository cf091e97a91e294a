import { ALPHA, G_F_perMeV2 } from "../constants.js";
import { HBARC2_cm2MeV2 } from "./units.js";
import { DEFAULT_SIN2_THETA_W, dSigmaWeakDT } from "./weak.js";

/**
 * Shift of sin^2 theta_W per unit neutrino charge radius squared, cm^-2:
 *   s -> s + (sqrt(2) pi alpha / (3 G_F)) <r^2>   (Vogel and Engel, PRD 39 (1989) 3378;
 *   TEXONO, PRD 81 (2010) 072001).
 * In natural units alpha/G_F is an energy squared and <r^2> an inverse energy squared; with <r^2>
 * in cm^2, <r^2>[MeV^-2] = <r^2>[cm^2] / (hbar c)^2, so the coefficient is
 * sqrt(2) pi alpha / (3 G_F (hbar c)^2) = 2.380e30 cm^-2.
 */
export const CHARGE_RADIUS_SHIFT_perCm2 = (Math.SQRT2 * Math.PI * ALPHA) / (3 * G_F_perMeV2 * HBARC2_cm2MeV2);

/**
 * sin^2 theta_W seen by the weak formula for a neutrino charge radius squared <r^2> (cm^2).
 *
 * @example
 * sin2ThetaWWithChargeRadius(1e-32, 0.2312); // => 0.25500 (0.2312 + sqrt(2) pi alpha / (3 G_F) x 1e-32 cm^2 = 0.2312 + 2.380e30 cm^-2 x 1e-32 cm^2)
 */
export function sin2ThetaWWithChargeRadius(chargeRadius2_cm2: number, sin2ThetaW: number = DEFAULT_SIN2_THETA_W): number {
  return sin2ThetaW + CHARGE_RADIUS_SHIFT_perCm2 * chargeRadius2_cm2;
}

/** GEMMA (1) with the charge-radius shift of s, cm^2/MeV per electron. */
export function dSigmaWeakChargeRadiusDT(
  eNuMeV: number,
  tMeV: number,
  chargeRadius2_cm2: number,
  sin2ThetaW: number = DEFAULT_SIN2_THETA_W,
): number {
  return dSigmaWeakDT(eNuMeV, tMeV, sin2ThetaW + CHARGE_RADIUS_SHIFT_perCm2 * chargeRadius2_cm2);
}
