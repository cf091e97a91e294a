import { loadExperiment, type SourcedQuantity } from "../reactor/experiments.js";
import { mergeConfig, validateSimConfig, type ChannelConfig, type DeepPartial, type SimConfig } from "./config.js";
import * as L from "./lines.js";

/** Hours of a sourced live time ("h" or "d"). */
export function hoursOf(q: SourcedQuantity | undefined): number {
  if (q === undefined) return 0;
  return Math.round(q.unit === "d" ? q.value * 24 : q.value);
}

/** `total` split into integer parts in the given proportions (the last part takes the rounding). */
export function splitHours(total: number, fractions: number[]): number[] {
  const parts = fractions.map((f) => Math.round(total * f));
  parts[parts.length - 1] = total - parts.slice(0, -1).reduce((x, y) => x + y, 0);
  return parts;
}

/**
 * GEMMA Phase II as two periods. GEMMA sec. 3: "The gain, energy scale, resolution and noise level
 * were not exactly the same for different long-term ON measurement periods of Phase-II. As a
 * result, the optimal coefficients a, b and c of Eq. (3), as well as the low-energy edge of the
 * ROI, were also changed. The data of these periods must be analyzed separately".
 * ASSUMED, NOT PUBLISHED: the paper gives neither the number of these periods nor their hours,
 * gains, noise or edges. nuem takes two, split at the 2007 outage (a second refuelling in the
 * 20 months of Phase II), with half of the ON and OFF hours each. II-a runs under Phase I's
 * conditions. II-b has a few per mille of gain drift, 15-25 % more electronic noise and more
 * high-frequency pick-up through the long shapers (so the noise gradient, and the (a, b, c) found
 * against it, turn), and its ROI starts at 3.2 keV instead of 3.0.
 */
export interface PhaseIIPeriod {
  name: string;
  startUtc?: string;
  endUtc?: string;
  /** Shares of Phase II's ON and OFF hours. */
  onShare: number;
  offShare: number;
  channels?: ChannelConfig[];
  artefactDirection?: [number, number, number];
  roiKeV?: [number, number][];
}
export const PHASE_II_PERIODS: readonly PhaseIIPeriod[] = Object.freeze([
  { name: "Phase II-a (09.2006-09.2007)", endUtc: "2007-09-20T00:00:00Z", onShare: 0.5, offShare: 0.5 },
  {
    name: "Phase II-b (10.2007-05.2008)",
    startUtc: "2007-10-01T00:00:00Z",
    onShare: 0.5,
    offShare: 0.5,
    channels: [
      { name: "E1", shapingUs: 2, gain: 1.0, sigma0KeV: 0.36 },
      { name: "E2", shapingUs: 4, gain: 1.007, sigma0KeV: 0.26 },
      { name: "E3", shapingUs: 12, gain: 0.993, sigma0KeV: 0.29 },
    ],
    artefactDirection: [1, 0.7, 0.4],
    roiKeV: [
      [3.2, 9.4],
      [11.2, 55.0],
    ],
  },
]);

/**
 * The simulated GEMMA spectrometer (Beda et al., arXiv:1005.2736 = GEMMA; seed 003) at the
 * Kalinin NPP, Phases I and II. Numbers read from `data/experiments/gemma.json` (mass, power, power
 * accuracy, good ON/OFF hours, trigger threshold, ROI) are taken from there; every other magnitude
 * is a choice, explained next to it and in lib/sim/README.md. `overrides` replace any field.
 *
 * @example
 * const c = gemmaConfig({ noise: { bursts: { ratePerHour: 0 } } });
 * c.detectorMassKg; // => 1.5 (kg, GEMMA Sec. 2)
 * c.noise.bursts.ratePerHour; // => 0
 */
export function gemmaConfig(overrides?: DeepPartial<SimConfig>): SimConfig {
  const e = loadExperiment("gemma");
  const [p1, p2] = e.exposure!.periods!;
  const trigger = e.detector.triggerThreshold!.value as number;
  const on1 = splitHours(hoursOf(p1.on), [0.25, 0.25, 0.25, 0.25]);
  // Phase II as two periods (II-a, II-b) of different detector conditions: see PHASE_II_PERIODS.
  const [on2a, on2b] = splitHours(hoursOf(p2.on), PHASE_II_PERIODS.map((q) => q.onShare));
  const [off2a, off2b] = splitHours(hoursOf(p2.off), PHASE_II_PERIODS.map((q) => q.offShare));
  const onA = splitHours(on2a, [1 / 3, 1 / 3, 1 / 3]);
  const onB = splitHours(on2b, [0.25, 0.25, 0.25, 0.25]);
  const [qa, qb] = PHASE_II_PERIODS;
  const base: SimConfig = {
    experiment: "GEMMA",
    detector: "1.5 kg HPGe in a NaI(Tl) anti-Compton cup, Cu/Pb shield, plastic muon veto; 13.9 m below the core of KNPP unit 2",
    description: "nuem simulation of GEMMA Phases I and II (Phase II as two periods of different detector conditions): one-hour runs, three shaping channels, reactor power log, with the artefacts of GEMMA section 3",
    detectorMassKg: e.detector.mass.value,
    runDurationS: 3600,
    roiKeV: (e.detector.roi!.value as [number, number][]).map((r) => [r[0], r[1]] as [number, number]),
    power: {
      nominalGW: e.reactor.thermalPower.value,
      // GEMMA sec. 3: thermal power "measured with an accuracy of 0.7 %": a calibration offset per phase.
      logAccuracyFraction: e.reactor.thermalPowerAccuracy!.value / 100,
      // A base-load VVER-1000 holds its power within about +-1 %: 0.5 % rms, correlated over a day.
      fluctuationFraction: 0.005,
      correlationHours: 24,
      // Shut-down takes a few hours; the return to full power after an outage about a day.
      rampDownHours: 6,
      rampUpHours: 24,
      // Occasional grid-requested load reductions, a few per year.
      loadReductionsPerMonth: 0.3,
      loadReductionLevel: [0.5, 0.9],
      loadReductionHours: [6, 48],
    },
    // GEMMA sec. 3: Phase I 08.2005-09.2006 with 5184 ON / 1853 OFF hours, Phase II 09.2006-05.2008
    // with 6798 / 1021 ("several interruptions in the measurement"). One reactor outage per phase
    // (per Phase II period) in the middle of the ON running; interruptions (gapShare) between ON
    // stretches fill the rest of the calendar, so that the runs span the phase's dates.
    phases: [
      {
        id: 1,
        name: p1.name,
        startUtc: "2005-08-01T00:00:00Z",
        endUtc: "2006-09-10T00:00:00Z",
        segments: [
          { state: "ON", goodHours: on1[0] },
          { gapShare: 0.5 },
          { state: "ON", goodHours: on1[1] },
          { state: "OFF", goodHours: hoursOf(p1.off) },
          { state: "ON", goodHours: on1[2] },
          { gapShare: 0.5 },
          { state: "ON", goodHours: on1[3] },
        ],
      },
      {
        id: 2,
        name: qa.name,
        startUtc: "2006-09-15T00:00:00Z",
        endUtc: qa.endUtc!,
        segments: [
          { state: "ON", goodHours: onA[0] },
          { gapShare: 0.5 },
          { state: "ON", goodHours: onA[1] },
          { state: "OFF", goodHours: off2a },
          { state: "ON", goodHours: onA[2] },
          { gapShare: 0.5 },
        ],
      },
      {
        id: 3,
        name: qb.name,
        startUtc: qb.startUtc!,
        endUtc: "2008-05-31T00:00:00Z",
        segments: [
          { state: "ON", goodHours: onB[0] },
          { gapShare: 0.4 },
          { state: "ON", goodHours: onB[1] },
          { state: "OFF", goodHours: off2b },
          { state: "ON", goodHours: onB[2] },
          { gapShare: 0.6 },
          { state: "ON", goodHours: onB[3] },
        ],
        channels: structuredClone(qb.channels),
        artefactDirection: structuredClone(qb.artefactDirection),
        roiKeV: structuredClone(qb.roiKeV),
      },
    ],
    // GEMMA sec. 2: three parallel channels with 2, 4 and 12 us shaping. Electronic noise of a
    // ~1.5 kg coaxial HPGe with a resistive-feedback preamplifier: sigma0 ~ 0.2-0.3 keV, larger at
    // short shaping (series noise ~ 1/sqrt(tau)) and a little larger again at 12 us (parallel
    // noise), smallest near 4 us. Gains differ by a few per mille (separate amplifiers and ADCs).
    channels: [
      { name: "E1", shapingUs: 2, gain: 1.0, sigma0KeV: 0.3 },
      { name: "E2", shapingUs: 4, gain: 1.003, sigma0KeV: 0.22 },
      { name: "E3", shapingUs: 12, gain: 0.997, sigma0KeV: 0.25 },
    ],
    // sigma^2 = sigma0^2 + F w E + (c E)^2: Fano F = 0.1, w = 2.96 eV (Knoll
    // ch. 12) and a charge-collection term c = 3e-4, giving FWHM ~ 1.9 keV at 1332 keV (typical coax).
    resolution: { fano: 0.1, pairEnergyKeV: 2.96e-3, trappingFraction: 3e-4 },
    // GEMMA (4) with E0 = the 1.5 keV hard trigger threshold (sec. 2) and sigma = 0.55 keV, chosen so
    // that 1 - eta = 0.9 % at 2.8 keV: "significant at energies below 2.8 keV" (sec. 3).
    trigger: { e0KeV: trigger, sigmaKeV: 0.55 },
    daq: {
      // A conventional peak-sensing ADC conversion plus readout: ~100 us per event.
      deadTimePerEventS: 100e-6,
      adcMaxKeV: 3000,
      naiAdcMaxKeV: 10000,
      naiThresholdKeV: 20,
      // The plastic plates see ~20 muons/s with "relatively long" (~100 us) veto gates: 0.2 %.
      randomVetoProbability: 0.002,
      // The NaI cup counts a few hundred per second; a ~1 us coincidence window: ~5e-4.
      randomNaiProbability: 5e-4,
      randomNaiMeanKeV: 150,
    },
    // ~2 counts/(keV kg day) in the ROI after the shields and cuts (GEMMA sec. 2): a 1.8 plateau plus a
    // rise towards threshold (3.5 exp(-E/3.5 keV): +1.5 at 3 keV, +0.2 at 10 keV), the noble-gas
    // baseline (~1.3 %), untagged neutrons (~1 %), line tails: 1.95 in the ROI on average.
    // Above 200 keV the Compton continuum falls as 1/E to 2.7 MeV. The NaI cup removes 3/4 of the
    // Compton events (suppression factor 4); those are written with their NaI energy.
    continuum: {
      flatPerKeVKgDay: 1.8,
      kneeKeV: 200,
      slopeAboveKnee: 1.0,
      endKeV: 2700,
      lowExpPerKeVKgDay: 3.5,
      lowExpScaleKeV: 3.5,
      minKeV: 0.3,
      naiTaggedRatio: 3,
      naiMeanKeV: 300,
    },
    // Cosmogenic X-ray lines (EC in the crystal) make the ROI gap 9.4-11.2 keV: Ga K of 68Ge (decaying,
    // 8/(kg d) at the start of Phase I, a clear peak over the continuum) and 71Ge (2/(kg d), kept
    // constant by activation), Ga L1 at 12 % of K (L/K capture ratio ~0.12), Zn K of the 11 % EC
    // branch of 68Ga, weak Cu K of 65Zn. Background gamma lines for the active-time estimate: rates
    // chosen so that the line counts give T_ON to ~0.9 % in 11982 h and T_OFF to ~1.9 % in 2874 h
    // (GEMMA sec. 3), i.e. about one effective peak count per hour (`lineTimePrecision`, README).
    lines: [
      { name: "Ga K (68Ge)", energyKeV: L.GA_K_keV, ratePerKgDay: 8, halfLifeDays: L.GE68_HALF_LIFE_d, naiFraction: 0 },
      { name: "Ga K (71Ge)", energyKeV: L.GA_K_keV, ratePerKgDay: 2, halfLifeDays: 0, naiFraction: 0 },
      { name: "Ga L1 (68Ge)", energyKeV: L.GA_L1_keV, ratePerKgDay: 0.96, halfLifeDays: L.GE68_HALF_LIFE_d, naiFraction: 0 },
      { name: "Ga L1 (71Ge)", energyKeV: L.GA_L1_keV, ratePerKgDay: 0.24, halfLifeDays: 0, naiFraction: 0 },
      { name: "Zn K (68Ga)", energyKeV: L.ZN_K_keV, ratePerKgDay: 0.89, halfLifeDays: L.GE68_HALF_LIFE_d, naiFraction: 0 },
      { name: "Cu K (65Zn)", energyKeV: L.CU_K_keV, ratePerKgDay: 0.5, halfLifeDays: L.ZN65_HALF_LIFE_d, naiFraction: 0.3 },
      { name: "212Pb", energyKeV: L.PB212_keV, ratePerKgDay: 7.2, halfLifeDays: 0, naiFraction: 0.05 },
      { name: "214Bi", energyKeV: L.BI214_keV, ratePerKgDay: 3, halfLifeDays: 0, naiFraction: 0.3 },
      { name: "60Co 1173", energyKeV: L.CO60_1173_keV, ratePerKgDay: 4.8, halfLifeDays: 1925.3, naiFraction: 0.35 },
      { name: "60Co 1332", energyKeV: L.CO60_1332_keV, ratePerKgDay: 4.8, halfLifeDays: 1925.3, naiFraction: 0.35 },
      { name: "40K", energyKeV: L.K40_keV, ratePerKgDay: 6.4, halfLifeDays: 0, naiFraction: 0.02 },
      { name: "208Tl", energyKeV: L.TL208_keV, ratePerKgDay: 1.5, halfLifeDays: 0, naiFraction: 0.5 },
    ],
    linesReferenceUtc: "2005-08-01T00:00:00Z",
    // ~70 m w.e. (GEMMA sec. 2) reduces the muon flux ~10x: ~1e-3 /(cm^2 s) through ~50 cm^2 of Ge.
    // dE/dx of a minimum-ionising muon in Ge: 1.37 MeV cm^2/g x 5.32 g/cm^3 = 7.3 MeV/cm (PDG).
    muons: { ratePerHour: 180, vetoEfficiency: 0.98, dEdxKeVPerCm: 7300, maxPathCm: 8, naiMeanKeV: 30000 },
    // Neutrons from muon captures in the shield (GEMMA sec. 2): quenched recoils, exp(-E/5 keV); the
    // long veto signal covers 90 %, so the untagged 10 % add ~1 % to the ROI background.
    neutrons: { perKeVKgDayAtZero: 3, scaleKeV: 5, vetoEfficiency: 0.9, minKeV: 0.3, maxKeV: 100 },
    // GEMMA sec. 3, cut 2 and correction 1: 133Xe, 135Xe, 41Ar in the room. A baseline ("as usual")
    // concentration and episodes of a few hours, a few per month, in ON and OFF alike. Strong
    // episode runs (> 1 line count/h: visible in a few hours against ~0.3 counts/h of continuum
    // under the line) are removed by cut 2; the baseline and the weak tails stay in the data and
    // make ~1.3-1.5 % of the ROI background ("does not exceed 1-2 %").
    nobleGas: {
      species: [
        {
          name: "133Xe",
          lineKeV: L.XE133_keV,
          // Cs K X-rays of the converted 81 keV transition, strongly absorbed by the cryostat and dead layer.
          xrays: [
            { energyKeV: L.CS_KA1_keV, perLine: 0.1 },
            { energyKeV: L.CS_KA2_keV, perLine: 0.055 },
            { energyKeV: L.CS_KB1_keV, perLine: 0.035 },
          ],
          // At 81 keV photo-absorption dominates in Ge: few Compton-only deposits (edge 19.5 keV).
          comptonPerLine: 0.15,
          comptonNaiFraction: 0.5,
          baselineOnPerHour: 0.15,
          baselineOffPerHour: 0.15,
          episodeWeight: [0, 1],
        },
        { name: "135Xe", lineKeV: L.XE135_keV, xrays: [], comptonPerLine: 1.2, comptonNaiFraction: 0.5, baselineOnPerHour: 0.1, baselineOffPerHour: 0.1, episodeWeight: [0, 0.6] },
        { name: "41Ar", lineKeV: L.AR41_keV, xrays: [], comptonPerLine: 4, comptonNaiFraction: 0.6, baselineOnPerHour: 0.3, baselineOffPerHour: 0.3, episodeWeight: [0, 1] },
      ],
      episodesPerMonth: 3,
      peakLinesPerHour: [0.3, 40],
      decayHours: [1, 3],
      visibleLinesPerHour: 1,
    },
    noise: {
      // High-frequency spurious pulses: large through the 2 us shaper, suppressed by 4 and 12 us.
      artefacts: { ratePerHour: 60, direction: [1, 0.55, 0.25], directionSpread: 0.08, amplitudeMinKeV: 0.5, amplitudeMeanKeV: 1.5 },
      // "Our Ge detector happened to become noisy from time to time" (cut 3): whole noisy seconds
      // with ~40 events (22 above 2 keV: far above the cut's 5), more often in a few noisy runs.
      bursts: { ratePerHour: 1.5, meanExtraSeconds: 1.5, eventsPerSecond: 40, amplitudeMinKeV: 0.8, amplitudeMeanKeV: 2, noisyRunFraction: 0.04, noisyRunFactor: 15 },
      // Microphonics: trains with gaps of 3-75 ms (< 80 ms, cut 4), low-frequency: long shaping enhanced.
      ringing: { trainsPerHour: 2, meanExtraEvents: 6, minGapMs: 3, maxGapMs: 75, firstAmplitudeMeanKeV: 4, amplitudeMinKeV: 0.8, decay: 0.8, direction: [0.35, 0.65, 1], directionSpread: 0.1 },
      // 50 Hz pick-up: events on the mains phase, 20.000 ms period, 0.02 ms jitter (cut window 0.1 ms).
      pickup: { episodesPerHour: 0.5, durationS: [2, 20], cycleProbability: 0.15, periodMs: 20, jitterMs: 0.02, amplitudeMinKeV: 0.8, amplitudeMeanKeV: 1.5, direction: [0.7, 0.85, 1], directionSpread: 0.08 },
    },
    // GEMMA cut 1: LN2 filling (dewar refilled every ~3 days, one run) and work at the site.
    runFlags: {
      ln2EveryHours: 72,
      ln2Noise: { artefacts: 2, bursts: 5, ringing: 40, pickup: 1 },
      siteWorkPerMonth: 2,
      siteWorkHours: [2, 8],
      siteWorkNoise: { artefacts: 5, bursts: 10, ringing: 10, pickup: 20 },
    },
    // Weekly pulser run: 5 Hz, 13 amplitudes from 1 to 4 keV (18000 pulses, ~1400 per amplitude).
    pulser: { everyHours: 168, rateHz: 5, amplitudesKeV: [1, 1.25, 1.5, 1.75, 2, 2.25, 2.5, 2.75, 3, 3.25, 3.5, 3.75, 4] },
  };
  return validateSimConfig(mergeConfig<SimConfig>(base, overrides));
}
