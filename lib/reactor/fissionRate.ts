import { JOULE_PER_MeV } from "../constants.js";
import { fissionData } from "./fissionData.js";
import { FISSION_ISOTOPES, type PerIsotope, checkPerIsotope } from "./isotopes.js";

/** Watts per gigawatt. */
export const W_PER_GW = 1e9;
/** Centimetres per metre. */
export const CM_PER_M = 100;

/**
 * Checks fission fractions: the four isotopes, non-negative, summing to 1 within 1e-3
 * (fractions of fissions, not of power). Returns a copy; defaults to the Daya Bay mix.
 */
export function checkFissionFractions(fractions?: Partial<PerIsotope>): PerIsotope {
  const f = checkPerIsotope(fractions ?? fissionData().typicalFissionFractions, "fission fractions");
  const sum = FISSION_ISOTOPES.reduce((s, i) => s + f[i], 0);
  if (Math.abs(sum - 1) > 1e-3) throw new Error(`fission fractions must sum to 1, got ${sum.toFixed(6)} (${JSON.stringify(f)})`);
  return f;
}

/**
 * Mean energy released per fission, MeV: sum_i f_i Q_i (weighted by the isotope mix).
 * Defaults: Daya Bay fractions and Ma et al. PRC 88 014605 (2013) energies, both from data/reactor.
 *
 * @example
 * meanEnergyPerFissionMeV({ U235: 1, U238: 0, Pu239: 0, Pu241: 0 }); // => 202.36 (MeV per 235U fission, Ma et al., PRC 88 (2013) 014605)
 */
export function meanEnergyPerFissionMeV(fractions?: Partial<PerIsotope>, energyPerFissionMeV?: Partial<PerIsotope>): number {
  const f = checkFissionFractions(fractions);
  const q = checkPerIsotope(energyPerFissionMeV ?? fissionData().energyPerFissionMeV, "energy per fission (MeV)");
  return FISSION_ISOTOPES.reduce((s, i) => s + f[i] * q[i], 0);
}

/**
 * Fissions per second of a core of thermal power P: R_f = P / (sum_i f_i Q_i)
 * (P in W converted with 1 MeV = 1.602176634e-13 J, CODATA 2018).
 * Example: 3 GW / 205 MeV = 9.13e19 fissions/s.
 *
 * @example
 * fissionRatePerS(3.0); // => 9.09e19 (per s: 3 GW / ~206 MeV per fission)
 */
export function fissionRatePerS(thermalPowerGW: number, fractions?: Partial<PerIsotope>, energyPerFissionMeV?: Partial<PerIsotope>): number {
  if (!(thermalPowerGW >= 0 && Number.isFinite(thermalPowerGW))) throw new Error(`thermal power must be a finite non-negative number of GW, got ${thermalPowerGW}`);
  return (thermalPowerGW * W_PER_GW) / (meanEnergyPerFissionMeV(fractions, energyPerFissionMeV) * JOULE_PER_MeV);
}

/**
 * Isotropic flux at distance L from a point source emitting `ratePerS` particles per second:
 * Phi = rate / (4 pi L^2), per cm^2 per s. L in cm.
 *
 * @example
 * isotropicFluxPerCm2s(1e20, 1000); // => 7.958e12 (per cm^2 s: 1e20 / (4 pi 1000^2))
 */
export function isotropicFluxPerCm2s(ratePerS: number, distanceCm: number): number {
  if (!(distanceCm > 0)) throw new Error(`distance must be > 0 cm, got ${distanceCm}`);
  return ratePerS / (4 * Math.PI * distanceCm * distanceCm);
}
