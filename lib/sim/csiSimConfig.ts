/*
 * The fields of the event-level simulation of the TEXONO CsI(Tl) measurement (Deniz et al., PRD 81
 * (2010) 072001). Their defaults and checks are in csi.ts; the event sources built from them in
 * csiModel.ts. Energies in keV (the event format's unit), exposures in kg day.
 */

/** Shares of the four background sources in the measured 3-8 MeV window (veto-free events); they sum to 1. */
export interface CsiBackgroundShares {
  /** Ambient gammas of the U/Th chains above 2.6 MeV: 214Bi (Q_beta 3270 keV), falling steeply. */
  ambientGamma: number;
  /** 208Tl: its 2614.5 keV line and the summing tail up to its Q_beta (4999 keV). */
  tl208: number;
  /** Cosmic-ray induced events that the veto misses: a slowly falling continuum beyond 8 MeV. */
  cosmic: number;
  /** (n, gamma): capture gammas on 133Cs and 127I, summed in the crystal, up to S_n ~ 6.89 MeV. */
  neutronCapture: number;
}

/** Everything `simulateCsi` needs. */
export interface CsiSimConfig {
  experiment: string;
  detector: string;
  description: string;
  /** Fiducial mass of the array, kg. */
  massKg: number;
  /** Reactor thermal power when ON, GW (the signal is computed at this power). */
  nominalPowerGW: number;
  /** Exposures, kg day of live time (ON, OFF). */
  onKgDays: number;
  offKgDays: number;
  /** ON/OFF cycles: each is ON for onKgDays/cycles, then OFF for offKgDays/cycles. */
  cycles: number;
  /** Start of the first run, ISO-8601 with zone. */
  startUtc: string;
  /** Length of a run, s (the last run of a stretch is shorter, so the exposure is exact). */
  runDurationS: number;
  /** Analysis window of the measured energy E3, keV. */
  windowKeV: [number, number];
  /** Events are written when their E3 lies in this range, keV (data reduction). */
  recordKeV: [number, number];
  /** True energies are generated in this range, keV (the spectra are tabulated there). */
  trueRangeKeV: [number, number];
  /** Relative FWHM at 662 keV of the combined energy E3, scaling as 1/sqrt(E). */
  fwhmFractionAt662: number;
  /** Crystal length, cm, and the effective light-attenuation length, cm (end-signal asymmetry). */
  crystalLengthCm: number;
  attenuationLengthCm: number;
  /** Injected signal: sin^2 theta_W and the neutrino charge radius squared (cm^2). */
  sin2ThetaW: number;
  chargeRadius2_cm2: number;
  /** Veto-free background in the measured window, counts per kg day (the whole window). */
  backgroundPerKgDay: number;
  /** Where the background level comes from. */
  backgroundSource: string;
  shares: CsiBackgroundShares;
  /** 208Tl: events in the 2614.5 keV line per event of the summing tail (true energies). */
  tl208PeakToTail: number;
  /** Share of the cosmic-induced events tagged by the cosmic veto (written with veto = 1). */
  vetoEfficiency: number;
}
