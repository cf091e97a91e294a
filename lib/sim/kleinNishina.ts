import { M_ELECTRON_MeV, MeV_PER_keV } from "../constants.js";
import { grid, TabulatedSpectrum } from "./spectrum.js";

/**
 * Compton edge, keV: T_max = E 2 eps / (1 + 2 eps), eps = E / m_e c^2 (Knoll, Radiation Detection and Measurement, 4th ed., eq. 10.4).
 *
 * @example
 * comptonEdgeKeV(661.657); // => 477.33 (keV: the Compton edge of the 137Cs line, Knoll eq. 10.4)
 */
export function comptonEdgeKeV(energyKeV: number): number {
  const eps = (energyKeV * MeV_PER_keV) / M_ELECTRON_MeV;
  return (energyKeV * 2 * eps) / (1 + 2 * eps);
}

/**
 * Klein-Nishina recoil-electron spectrum of a single Compton scatter, up to a constant:
 * dsigma/dT ~ 2 + s^2 / (eps^2 (1 - s)^2) + s/(1 - s) (s - 2/eps), s = T/E, eps = E / m_e c^2
 * (Klein-Nishina; e.g. Knoll 4th ed. section 10.I.B, Evans "The Atomic Nucleus" ch. 23).
 */
export function kleinNishinaShape(tKeV: number, energyKeV: number): number {
  const eps = (energyKeV * MeV_PER_keV) / M_ELECTRON_MeV;
  const s = tKeV / energyKeV;
  if (s < 0 || tKeV > comptonEdgeKeV(energyKeV)) return 0;
  return 2 + (s * s) / (eps * eps * (1 - s) * (1 - s)) + (s / (1 - s)) * (s - 2 / eps);
}

/** The single-scatter Compton continuum of a gamma line as a tabulated (sampling) spectrum in keV, unnormalised. */
export function comptonContinuum(energyKeV: number, points = 400): TabulatedSpectrum {
  const edge = comptonEdgeKeV(energyKeV);
  const x = grid(0, edge, points, false);
  const d = new Float64Array(points);
  for (let i = 0; i < points; i++) d[i] = Math.max(0, kleinNishinaShape(Math.min(x[i], edge), energyKeV));
  return new TabulatedSpectrum(x, d);
}
