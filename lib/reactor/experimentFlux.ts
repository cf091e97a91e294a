import { experimentCore, loadExperiment, type ExperimentName } from "./experiments.js";
import { reactorSpectrum, type ReactorCoreConfig } from "./reactorSpectrum.js";

/** An experiment's antineutrino flux as computed here, beside the one its paper states. */
export interface ExperimentFlux {
  experiment: string;
  thermal_power_gw: number;
  distance_m: number;
  /** Total flux (fissions + 238U capture), per cm^2 per s. */
  flux_per_cm2_s: number;
  /** Fission antineutrinos only, per cm^2 per s. */
  fission_flux_per_cm2_s: number;
  /** 238U-capture antineutrinos (239U, 239Np), per cm^2 per s. */
  capture_flux_per_cm2_s: number;
  published_flux_per_cm2_s: number;
  /** flux / published. */
  ratio_to_published: number;
  antineutrinos_per_fission: number;
  mean_energy_mev: number;
  published_flux_source: string;
}

/**
 * The flux at an experiment's detector from its stated power and distance
 * (Phi = P / (Q_f 4 pi L^2) n_nu: fissions per second from the thermal power, emitted isotropically), with the published value beside it.
 * `overrides` change the core model (spectrum model, capture, fractions, ...).
 *
 * @example
 * experimentFlux("gemma").published_flux_per_cm2_s; // => 2.7e13 (GEMMA Sec. 2)
 * experimentFlux("gemma").flux_per_cm2_s; // => 2.72e13 (computed)
 */
export function experimentFlux(name: ExperimentName, overrides: Partial<ReactorCoreConfig> = {}): ExperimentFlux {
  const exp = loadExperiment(name);
  const s = reactorSpectrum(experimentCore(exp, overrides));
  const published = exp.reactor.publishedFlux.value;
  return {
    experiment: exp.name,
    thermal_power_gw: s.config.thermalPowerGW,
    distance_m: s.config.distanceM,
    flux_per_cm2_s: s.fluxPerCm2s.total,
    fission_flux_per_cm2_s: s.fluxPerCm2s.fission,
    capture_flux_per_cm2_s: s.fluxPerCm2s.capture,
    published_flux_per_cm2_s: published,
    ratio_to_published: s.fluxPerCm2s.total / published,
    antineutrinos_per_fission: s.antineutrinosPerFission.total,
    mean_energy_mev: s.meanEnergyMeV.total,
    published_flux_source: exp.reactor.publishedFlux.source,
  };
}
