/*
 * Energy resolution of a germanium detector: electronic noise sigma_0 added in quadrature to the
 * statistical spread of the charge carriers, sigma^2 = sigma_0^2 + F w E
 * (G.F. Knoll, Radiation Detection and Measurement, 4th ed. (2010), ch. 12: w = 2.96 eV per
 * electron-hole pair in Ge at 77 K; Fano factor F of order 0.1 for Ge).
 */

/** Mean energy per electron-hole pair in germanium at 77 K, MeV (Knoll: 2.96 eV). */
export const GE_PAIR_ENERGY_MeV = 2.96e-6;

/** Fano factor used for germanium (F ~ 0.1: measured values for Ge lie near 0.1; Knoll, ch. 12). */
export const GE_FANO_FACTOR = 0.1;

/**
 * Gaussian energy resolution sigma(E) = sqrt(sigma0^2 + F w E), all energies in MeV.
 *
 * @example
 * resolutionSigmaMeV(1, 0); // => 5.4406e-4 (MeV: sqrt(F w E) = sqrt(0.1 x 2.96e-6 x 1))
 */
export function resolutionSigmaMeV(
  energyMeV: number,
  sigma0MeV: number,
  fano: number = GE_FANO_FACTOR,
  pairEnergyMeV: number = GE_PAIR_ENERGY_MeV,
): number {
  return Math.sqrt(sigma0MeV * sigma0MeV + fano * pairEnergyMeV * Math.max(energyMeV, 0));
}

/** sigma(E) as a function, for the folding routines: E (MeV) -> sigma (MeV). */
export function germaniumResolution(
  sigma0MeV: number,
  fano: number = GE_FANO_FACTOR,
  pairEnergyMeV: number = GE_PAIR_ENERGY_MeV,
): (energyMeV: number) => number {
  const s2 = sigma0MeV * sigma0MeV;
  const fw = fano * pairEnergyMeV;
  return (energyMeV) => Math.sqrt(s2 + fw * Math.max(energyMeV, 0));
}

/**
 * FWHM of a Gaussian from its sigma: 2 sqrt(2 ln 2) sigma = 2.3548 sigma.
 *
 * @example
 * fwhmFromSigma(1); // => 2.35482 (2 sqrt(2 ln 2))
 */
export function fwhmFromSigma(sigma: number): number {
  return 2 * Math.sqrt(2 * Math.LN2) * sigma;
}
