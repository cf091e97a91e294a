import normalCdf from "@stdlib/stats-base-dists-normal-cdf";

/**
 * Trigger-threshold efficiency, GEMMA (4): eta(E) = integral_{-inf}^{E} N(x; E0, sigma) dx, the
 * normal CDF with edge E0 (50 % point) and width sigma (GEMMA: the detector energy resolution).
 * All energies in MeV.
 *
 * @example
 * thresholdEfficiency(0.003, 0.003, 0.001); // => 0.5 (at the edge E0, GEMMA (4))
 * thresholdEfficiency(0.004, 0.003, 0.001); // => 0.841345 (one sigma above: Phi(1))
 */
export function thresholdEfficiency(energyMeV: number, edgeMeV: number, sigmaMeV: number): number {
  return normalCdf(energyMeV, edgeMeV, sigmaMeV);
}

/** GEMMA (4) as a function of E (MeV), for the folding routines. */
export function thresholdEfficiencyFunction(edgeMeV: number, sigmaMeV: number): (energyMeV: number) => number {
  return normalCdf.factory(edgeMeV, sigmaMeV);
}
