import { dSigmaMagneticFreeDT } from "./magneticMoment.js";
import { dSigmaMillichargeFreeDT } from "./millicharge.js";
import { type BindingEnergySet, DEFAULT_BINDING_ENERGY_SET, germaniumActiveElectrons } from "./shells.js";
import { DEFAULT_SIN2_THETA_W, dSigmaWeakDT } from "./weak.js";

/*
 * Stepping approximation (Voloshin, PRL 105 (2010) 201801; Kouzakov, Studenikin and Voloshin,
 * JETP Lett. 93 (2011) 623 and PRD 83 (2011) 113001): per atom,
 *   dsigma/dT = dsigma_FE/dT x sum_i n_i theta(T - B_i),
 * the free-electron cross section times the number of electrons whose binding energy B_i is below
 * the energy transfer. Exact in the semiclassical limit, a few % for the lowest Coulomb states; it
 * says the EPA enhancement is absent.
 */

/**
 * Magnetic moment, stepping approximation, Ge, cm^2/MeV per atom.
 *
 * @example
 * // Above every binding energy all 32 electrons of a Ge atom count as free.
 * dSigmaMagneticSteppingDT(1, 0.1, 1e-10) / dSigmaMagneticFreeDT(1, 0.1, 1e-10); // => 32
 */
export function dSigmaMagneticSteppingDT(
  eNuMeV: number,
  tMeV: number,
  muNu_muB: number,
  set: BindingEnergySet = DEFAULT_BINDING_ENERGY_SET,
): number {
  const fe = dSigmaMagneticFreeDT(eNuMeV, tMeV, muNu_muB);
  return fe === 0 ? 0 : fe * germaniumActiveElectrons(tMeV, set);
}

/** Weak (GEMMA (1)), stepping approximation, Ge, cm^2/MeV per atom. */
export function dSigmaWeakSteppingDT(
  eNuMeV: number,
  tMeV: number,
  sin2ThetaW: number = DEFAULT_SIN2_THETA_W,
  set: BindingEnergySet = DEFAULT_BINDING_ENERGY_SET,
): number {
  const fe = dSigmaWeakDT(eNuMeV, tMeV, sin2ThetaW);
  return fe === 0 ? 0 : fe * germaniumActiveElectrons(tMeV, set);
}

/**
 * Milli-charge, stepping approximation, Ge, cm^2/MeV per atom (free-electron milli-charge cross
 * section per electron times the active electrons).
 */
export function dSigmaMillichargeSteppingDT(
  eNuMeV: number,
  tMeV: number,
  deltaQ_e: number,
  set: BindingEnergySet = DEFAULT_BINDING_ENERGY_SET,
): number {
  const fe = dSigmaMillichargeFreeDT(eNuMeV, tMeV, deltaQ_e);
  return fe === 0 ? 0 : fe * germaniumActiveElectrons(tMeV, set);
}
