import { SECONDS_PER_DAY, SIN2_THETA_W_MZ } from "../constants.js";
import { GERMANIUM_TARGET } from "../detector/targets.js";
import { PI_R0_SQUARED_cm2 } from "../xsec/magneticMoment.js";
import { WEAK_NUE_PREFACTOR_cm2PerMeV } from "../xsec/weak.js";
import { Origin } from "../events/origin.js";
import { loadExperiment } from "../reactor/experiments.js";
import { grid } from "./spectrum.js";

/**
 * An injected neutrino spectrum: the rate of true deposited energies (before resolution) at the
 * experiment's nominal reactor power, counts/(keV kg day), on a grid of energies in keV (linear
 * between the points). The simulator scales it per run by thermal power / nominal (0 when OFF).
 */
export interface SignalComponent {
  energiesKeV: Float64Array;
  ratePerKeVKgDay: Float64Array;
  /** Truth label of its events (default `Origin.SIGNAL_EM`). */
  origin?: number;
  /** Name in the summary (default from the origin). */
  label?: string;
}

/** One spectrum or several (e.g. the magnetic and the weak term, labelled separately). */
export type SignalInput = SignalComponent | readonly SignalComponent[];

/** Electrons per kg of natural germanium, 2.6533e26 (the detector stage's target: Z N_A / A). */
export const GE_ELECTRONS_PER_KG = GERMANIUM_TARGET.electronsPerKg;

/**
 * Free-electron magnetic-moment rate coefficient, counts/(keV kg day) x keV, for mu = 1 mu_B:
 * rate(T) = coefficient * mu^2 / T[keV]. From GEMMA (2) in the limit T << E_nu,
 * dsigma/dT = pi r0^2 mu^2 / T, times flux and electrons per kg (GEMMA (2) at T << E:
 * 1.544/T[keV] cpd for mu = 1e-10 mu_B at the GEMMA flux 2.7e13 /cm^2/s).
 */
export function magneticRateCoefficient(fluxPerCm2s: number): number {
  // Phi [1/(cm^2 s)] * N_e [1/kg] * pi r0^2 [cm^2] / T[MeV] [1/MeV] * 1e-3 [MeV/keV] * 86400 [s/day]:
  // with T[MeV] = 1e-3 T[keV] the two factors 1e-3 cancel.
  return fluxPerCm2s * GE_ELECTRONS_PER_KG * PI_R0_SQUARED_cm2 * SECONDS_PER_DAY;
}

/**
 * Flat weak (standard-model) rate, counts/(keV kg day), GEMMA (1) for T << E_nu:
 * dsigma/dT = (G_F^2 m_e / 2 pi) [(1 + 2s)^2 + 4 s^2] (the m_e T/E^2 term dropped), times flux and
 * electrons per kg (GEMMA (1) at T << E: ~6.3e-3 cpd at the GEMMA flux, s = 0.2312).
 */
export function weakFlatRate(fluxPerCm2s: number, sin2ThetaW = SIN2_THETA_W_MZ): number {
  const s = sin2ThetaW;
  const dsdt_cm2PerMeV = WEAK_NUE_PREFACTOR_cm2PerMeV * ((1 + 2 * s) ** 2 + 4 * s * s);
  return fluxPerCm2s * GE_ELECTRONS_PER_KG * dsdt_cm2PerMeV * 1e-3 * SECONDS_PER_DAY;
}

/** Options of `freeElectronClosedFormSignal`. */
export interface ClosedFormSignalOptions {
  /** Antineutrino flux at nominal power, /(cm^2 s) (default: GEMMA's published 2.7e13). */
  fluxPerCm2s?: number;
  /** Energy grid, keV (default 400 log-spaced points from 0.3 to 100 keV). */
  energiesKeV?: Float64Array;
  /** Weak mixing angle of the weak term (default sin^2 theta_W(M_Z) = 0.23121). */
  sin2ThetaW?: number;
}

/**
 * A closed-form injected signal for tests and as a fallback until the physics stage provides the
 * folded spectra: the free-electron magnetic term rate = C mu^2 / T (C from
 * `magneticRateCoefficient`: 1.544e20 / T[keV] cpd x mu^2, i.e. 0.01544 X / T with
 * X = (mu / 1e-11 mu_B)^2) and the flat weak term, both in the T << E_nu approximation (the
 * -1/E_nu term of GEMMA (2) and the T/E_nu terms of (1) dropped: good to ~1 % below ~50 keV).
 * Two components, labelled `signal-em` and `signal-weak`.
 *
 * @param muB neutrino magnetic moment in Bohr magnetons (e.g. 3.2e-11); 0 gives the weak term alone.
 *
 * @example
 * freeElectronClosedFormSignal(3e-11).map((c) => c.label); // => ["signal-em", "signal-weak"]
 */
export function freeElectronClosedFormSignal(muB: number, options: ClosedFormSignalOptions = {}): SignalComponent[] {
  if (!Number.isFinite(muB) || muB < 0) throw new Error(`muB must be a finite number >= 0, got ${muB}`);
  const flux = options.fluxPerCm2s ?? loadExperiment("gemma").reactor.publishedFlux.value;
  const x = options.energiesKeV ?? grid(0.3, 100, 400);
  const c = magneticRateCoefficient(flux) * muB * muB;
  const w = weakFlatRate(flux, options.sin2ThetaW);
  const em = new Float64Array(x.length);
  const weak = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    em[i] = c / x[i];
    weak[i] = w;
  }
  return [
    { energiesKeV: Float64Array.from(x), ratePerKeVKgDay: em, origin: Origin.SIGNAL_EM, label: "signal-em" },
    { energiesKeV: Float64Array.from(x), ratePerKeVKgDay: weak, origin: Origin.SIGNAL_WEAK, label: "signal-weak" },
  ];
}
