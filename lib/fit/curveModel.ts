/**
 * The interface every background curve implements: a density in counts / (keV x exposure unit)
 * as a function of energy (keV) and a parameter vector.
 */
import type { Limit } from "./limits.js";
import type { BinnedSpectrum } from "./spectrum.js";

/** A parametrised curve on the energy axis. */
export interface CurveModel {
  /** Short name for printing. */
  readonly name: string;
  /** One name per parameter. */
  readonly parameterNames: readonly string[];
  /** Writes the density at each energy (keV) into out. Must not keep params or energyKeV. */
  density(params: ArrayLike<number>, energyKeV: ArrayLike<number>, out: Float64Array): void;
  /** Default limits per parameter. */
  readonly limits?: ReadonlyArray<Limit | null>;
  /** True when the density is linear in the parameters (then a Gaussian chi-square fit is exact linear least squares). */
  readonly linear?: boolean;
  /**
   * True when the curve stands for the bin-averaged density at bin centres (smoothing splines):
   * expected counts are then exposure x width x density(centre) instead of the bin integral.
   */
  readonly midpointBins?: boolean;
  /**
   * Optional analytic derivatives of the density with respect to the parameters at each energy,
   * written row-major (energies x parameters) into out. Used by `fitSpectrumLM` and
   * `BinIntegrator.expectedGradient` when present (finite differences otherwise).
   */
  gradient?(params: ArrayLike<number>, energyKeV: ArrayLike<number>, out: Float64Array): void;
  /** Starting values from the data (mask: 1 for bins used). */
  guess?(spectrum: BinnedSpectrum, mask: Uint8Array): Float64Array;
}
