/**
 * Configuration of the event simulator: every magnitude of the simulated detector, its
 * backgrounds and artefacts, and the run schedule. `gemmaConfig()` and `texonoConfig()` fill it
 * from `data/experiments/*.json` and the choices documented in lib/sim/README.md; everything can be
 * overridden (`gemmaConfig({ noise: { bursts: { ratePerHour: 0 } } })`). Units are in the names:
 * keV at the edges of the detector model (as in the event files), hours and days for schedules.
 */

/** Reactor state of a schedule segment. */
export type SegmentState = "ON" | "OFF";

/** A stretch of the schedule: `goodHours` good one-hour runs in a reactor state, or a DAQ interruption. */
export type SegmentConfig =
  | { state: SegmentState; goodHours: number }
  /** A measurement interruption (no runs) taking this share of the phase's spare calendar time. */
  | { gapShare: number };

/** A measurement phase (GEMMA Phase I, II). */
export interface PhaseConfig {
  /** Phase code in the run table (1, 2, ...). */
  id: number;
  name: string;
  /** Start of the first run, ISO-8601 with zone (e.g. "2005-08-01T00:00:00Z"). */
  startUtc: string;
  /** End of the phase; the interruptions (`gapShare`) fill the calendar time left. Omit for no interruptions. */
  endUtc?: string;
  segments: SegmentConfig[];
  /**
   * The three channels in this phase, when they differ from the configuration's `channels`. GEMMA
   * sec. 3: "The gain, energy scale, resolution and noise level were not exactly the same for
   * different long-term ON measurement periods of Phase-II".
   */
  channels?: ChannelConfig[];
  /** Direction (E1, E2, E3 ratios) of the off-diagonal noise pulses in this phase, when it differs from `noise.artefacts.direction`. */
  artefactDirection?: [number, number, number];
  /** The analysis ROI of this phase, keV, when it differs from `roiKeV` (GEMMA sec. 3: "the low-energy edge of the ROI" changed between Phase II periods). */
  roiKeV?: [number, number][];
}

/** Reactor power and its log. */
export interface PowerConfig {
  /** Nominal thermal power, GW: the signal spectrum is given at this power. */
  nominalGW: number;
  /** Relative accuracy of the logged power (one calibration offset per phase, drawn N(0, this)). */
  logAccuracyFraction: number;
  /** Relative size (standard deviation) of the slow power fluctuations at full power. */
  fluctuationFraction: number;
  /** Correlation time of the fluctuations, hours (AR(1) process). */
  correlationHours: number;
  /** Runs of falling power before an OFF segment (state TRANSITION). */
  rampDownHours: number;
  /** Runs of rising power after an OFF segment (state TRANSITION). */
  rampUpHours: number;
  /** Load reductions (power held at a lower level for a while) per 30 days of ON running. */
  loadReductionsPerMonth: number;
  /** Power during a load reduction, fraction of nominal: uniform in [lo, hi]. */
  loadReductionLevel: [number, number];
  /** Length of the reduced-power plateau, hours, uniform in [lo, hi]; one TRANSITION run before and after. */
  loadReductionHours: [number, number];
}

/** One shaping channel of the HPGe signal (GEMMA: 2, 4, 12 us -> E1, E2, E3). */
export interface ChannelConfig {
  name: string;
  shapingUs: number;
  /** Gain relative to the true energy (small channel-to-channel differences). */
  gain: number;
  /** Electronic-noise resolution (Gaussian sigma), keV: independent between channels. */
  sigma0KeV: number;
}

/** The statistical part of the resolution, common to the three channels (same charge). */
export interface ResolutionConfig {
  /** Fano factor of Ge. */
  fano: number;
  /** Energy per electron-hole pair, keV. */
  pairEnergyKeV: number;
  /** Incomplete charge collection: sigma_c = trappingFraction * E. */
  trappingFraction: number;
}

/** The trigger efficiency, GEMMA (4): eta(E) = Phi((E - e0)/sigma). */
export interface TriggerConfig {
  e0KeV: number;
  sigmaKeV: number;
}

/** DAQ and coincidence parameters. */
export interface DaqConfig {
  /** Dead time after each recorded event, s (non-paralysable). */
  deadTimePerEventS: number;
  /** Largest energy the Ge ADC records, keV; above it the channel reads this value (overflow). */
  adcMaxKeV: number;
  /** Largest NaI energy recorded, keV. */
  naiAdcMaxKeV: number;
  /** NaI energy threshold, keV: smaller NaI deposits read 0. */
  naiThresholdKeV: number;
  /** Probability that any event has a random veto coincidence. */
  randomVetoProbability: number;
  /** Probability that an event without NaI energy has a random NaI coincidence. */
  randomNaiProbability: number;
  /** Mean NaI energy of random coincidences, keV (exponential above the NaI threshold). */
  randomNaiMeanKeV: number;
}

/** The smooth background continuum (origin `continuum`). */
export interface ContinuumConfig {
  /** Compton plateau level with no NaI energy, counts/(keV kg day). */
  flatPerKeVKgDay: number;
  /** Above `kneeKeV` the plateau falls as (knee/E)^slopeAboveKnee ... */
  kneeKeV: number;
  slopeAboveKnee: number;
  /** ... up to `endKeV`, where the continuum stops (2614 keV Compton edge region). */
  endKeV: number;
  /** Rise towards threshold: lowExp * exp(-E/lowExpScale), counts/(keV kg day); never NaI-tagged. */
  lowExpPerKeVKgDay: number;
  lowExpScaleKeV: number;
  /** Lower end of the generated continuum, keV (below the trigger threshold). */
  minKeV: number;
  /** NaI-tagged Compton events per untagged one (anti-Compton suppression factor minus one). */
  naiTaggedRatio: number;
  /** Mean NaI energy of tagged events, keV. */
  naiMeanKeV: number;
}

/** A gamma or X-ray line (origin `line`). */
export interface LineConfig {
  name: string;
  energyKeV: number;
  /** Full-energy counts per kg per day (at `referenceUtc` for decaying lines). */
  ratePerKgDay: number;
  /** Half-life, days; 0 = constant rate. */
  halfLifeDays: number;
  /** Fraction of the peak events with energy in the NaI (cascade partner, Compton of a coincident gamma). */
  naiFraction: number;
}

/** Muons crossing the Ge (origin `muon`). */
export interface MuonConfig {
  ratePerHour: number;
  /** Probability that the plastic veto fires. */
  vetoEfficiency: number;
  /** Energy loss in Ge per cm of path, keV/cm. */
  dEdxKeVPerCm: number;
  /** Path length in the crystal uniform in [0.2, maxPathCm], cm. */
  maxPathCm: number;
  /** Mean NaI energy, keV (capped by the NaI ADC). */
  naiMeanKeV: number;
}

/** Neutrons from muon captures in the shield, elastic scattering in Ge (origin `neutron`). */
export interface NeutronConfig {
  /** Quenched recoil spectrum amplitude at 0 keV, counts/(keV kg day): a * exp(-E/scale). */
  perKeVKgDayAtZero: number;
  scaleKeV: number;
  /** Probability that the (long) veto signal covers the event. */
  vetoEfficiency: number;
  minKeV: number;
  maxKeV: number;
}

/** One radioactive noble gas (origin `noble-gas`). */
export interface NobleGasSpecies {
  name: string;
  lineKeV: number;
  /** X-ray lines with their counts per full-energy line count. */
  xrays: { energyKeV: number; perLine: number }[];
  /** Compton-continuum events (Klein-Nishina single scatter of the line gamma) per line count. */
  comptonPerLine: number;
  /** Fraction of the Compton events whose scattered photon is seen in the NaI. */
  comptonNaiFraction: number;
  /** Line counts per hour always present (room concentration "as usual"), reactor ON and OFF. */
  baselineOnPerHour: number;
  baselineOffPerHour: number;
  /** Share of this gas in an episode: weight in [lo, hi] before normalising over the gases. */
  episodeWeight: [number, number];
}

/** Noble-gas episodes (higher room concentration for a few hours) and the baseline. */
export interface NobleGasConfig {
  species: NobleGasSpecies[];
  /** Episodes per 30 days of runs. */
  episodesPerMonth: number;
  /** Total line counts per hour at the episode's start: log-uniform in [lo, hi]. */
  peakLinesPerHour: [number, number];
  /** Exponential decay time of the concentration (ventilation), hours, uniform in [lo, hi]. */
  decayHours: [number, number];
  /** A run whose mean episode line rate (all gases) exceeds this is "strong": GEMMA cut 2 removes it (truth). */
  visibleLinesPerHour: number;
}

/** Artefact classes of the Ge signal. Directions are (E1, E2, E3) ratios; amplitude = largest channel. */
export interface NoiseConfig {
  /** Isolated non-physical pulses off the diagonal (origin `artefact`, GEMMA cut 5). */
  artefacts: { ratePerHour: number; direction: [number, number, number]; directionSpread: number; amplitudeMinKeV: number; amplitudeMeanKeV: number };
  /** Noisy seconds (origin `noise-burst`, GEMMA cut 3): whole seconds with `eventsPerSecond` on average. */
  bursts: {
    ratePerHour: number;
    /** Burst length in whole seconds: 1 + geometric with this mean excess. */
    meanExtraSeconds: number;
    eventsPerSecond: number;
    amplitudeMinKeV: number;
    amplitudeMeanKeV: number;
    /** Fraction of runs in which the detector is noisy, and the burst-rate factor in them. */
    noisyRunFraction: number;
    noisyRunFactor: number;
  };
  /** Microphonic trains (origin `ringing`, GEMMA cut 4): events closer than `maxGapMs`. */
  ringing: {
    trainsPerHour: number;
    /** Events per train: 2 + geometric with this mean excess. */
    meanExtraEvents: number;
    minGapMs: number;
    maxGapMs: number;
    firstAmplitudeMeanKeV: number;
    amplitudeMinKeV: number;
    /** Amplitude factor from one event of the train to the next. */
    decay: number;
    direction: [number, number, number];
    directionSpread: number;
  };
  /** 50 Hz pick-up (origin `pickup`, GEMMA cut 4): events at n x periodMs. */
  pickup: {
    episodesPerHour: number;
    durationS: [number, number];
    /** Probability that a mains cycle produces an event. */
    cycleProbability: number;
    periodMs: number;
    /** Gaussian jitter of the event time, ms (the cut's window is +-0.1 ms). */
    jitterMs: number;
    amplitudeMinKeV: number;
    amplitudeMeanKeV: number;
    direction: [number, number, number];
    directionSpread: number;
  };
}

/** Rate factors of the noise classes in bad runs. */
export interface NoiseFactors {
  artefacts: number;
  bursts: number;
  ringing: number;
  pickup: number;
}

/** Bad runs that GEMMA cut 1 removes. */
export interface RunFlagsConfig {
  /** A liquid-nitrogen filling run every this many run-hours (jitter +-25 %). 0 = none. */
  ln2EveryHours: number;
  ln2Noise: NoiseFactors;
  /** Site-work episodes per 30 days of runs, lasting [lo, hi] hours. */
  siteWorkPerMonth: number;
  siteWorkHours: [number, number];
  siteWorkNoise: NoiseFactors;
}

/** Test-pulser runs (threshold efficiency, GEMMA (4)). */
export interface PulserConfig {
  /** One pulser run every this many run-hours (0 = none); the run is an ordinary good run. */
  everyHours: number;
  /** Pulses per second, amplitudes cycled in order. */
  rateHz: number;
  amplitudesKeV: number[];
}

/** The complete simulator configuration. */
export interface SimConfig {
  /** "GEMMA", "TEXONO". */
  experiment: string;
  detector: string;
  description: string;
  /** Fiducial mass m_d, kg. */
  detectorMassKg: number;
  /** Length of a run, s (one hour). */
  runDurationS: number;
  /** Analysis region of interest, keV ranges (for the summary's expected signal). */
  roiKeV: [number, number][];
  power: PowerConfig;
  phases: PhaseConfig[];
  channels: ChannelConfig[];
  resolution: ResolutionConfig;
  trigger: TriggerConfig;
  daq: DaqConfig;
  continuum: ContinuumConfig;
  lines: LineConfig[];
  /** Reference time of decaying line rates, ISO-8601. */
  linesReferenceUtc: string;
  muons: MuonConfig;
  neutrons: NeutronConfig;
  nobleGas: NobleGasConfig;
  noise: NoiseConfig;
  runFlags: RunFlagsConfig;
  pulser: PulserConfig;
}

/** Deep partial of a configuration, for overrides (arrays are replaced whole). */
export type DeepPartial<T> = T extends readonly unknown[] ? T : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x) && !ArrayBuffer.isView(x);
}

/** A copy of `base` with `overrides` merged in (objects recursively, arrays and values replaced). */
export function mergeConfig<T>(base: T, overrides: DeepPartial<T> | undefined): T {
  if (overrides === undefined) return structuredClone(base);
  if (!isPlainObject(base) || !isPlainObject(overrides)) return structuredClone(overrides as T);
  const out: Record<string, unknown> = structuredClone(base) as Record<string, unknown>;
  for (const [k, v] of Object.entries(overrides)) {
    if (v === undefined) continue;
    if (!(k in out)) throw new Error(`unknown configuration key "${k}" (known: ${Object.keys(out).join(", ")})`);
    out[k] = isPlainObject(out[k]) && isPlainObject(v) ? mergeConfig(out[k], v as DeepPartial<unknown>) : structuredClone(v);
  }
  return out as T;
}

/** POSIX seconds of an ISO-8601 date-time with zone; throws on a bad string. */
export function parseUtc(iso: string, what: string): number {
  if (!/(Z|[+-]\d\d:?\d\d)$/.test(iso)) throw new Error(`${what}: ${JSON.stringify(iso)} needs an explicit zone (e.g. "2005-08-01T00:00:00Z")`);
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) throw new Error(`${what}: ${JSON.stringify(iso)} is not an ISO-8601 date-time`);
  return ms / 1000;
}

/** Checks a configuration; throws an Error naming the first bad field. */
export function validateSimConfig(c: SimConfig): SimConfig {
  const bad = (path: string, msg: string): never => {
    throw new Error(`simulation config: ${path}: ${msg}`);
  };
  const positive = (x: number, path: string) => (Number.isFinite(x) && x > 0 ? x : bad(path, `must be > 0, got ${x}`));
  const nonneg = (x: number, path: string) => (Number.isFinite(x) && x >= 0 ? x : bad(path, `must be >= 0, got ${x}`));
  const prob = (x: number, path: string) => (Number.isFinite(x) && x >= 0 && x <= 1 ? x : bad(path, `must be a probability in [0, 1], got ${x}`));
  const range = (r: [number, number], path: string) => (Array.isArray(r) && r.length === 2 && r[0] <= r[1] ? r : bad(path, `must be [lo, hi] with lo <= hi, got ${JSON.stringify(r)}`));
  const checkChannels = (chs: ChannelConfig[], path: string) => {
    if (!Array.isArray(chs) || chs.length !== 3) bad(path, `need exactly three shaping channels (E1, E2, E3), got ${Array.isArray(chs) ? chs.length : JSON.stringify(chs)}`);
    chs.forEach((ch, i) => {
      positive(ch.gain, `${path}[${i}].gain`);
      nonneg(ch.sigma0KeV, `${path}[${i}].sigma0KeV`);
    });
  };
  const checkDirection = (d: number[], path: string) => {
    if (!Array.isArray(d) || d.length !== 3 || !d.every((x) => Number.isFinite(x) && x >= 0) || !(Math.max(...d) > 0)) bad(path, `must be three ratios >= 0, not all zero, got ${JSON.stringify(d)}`);
  };
  const checkRoi = (roi: [number, number][], path: string) => {
    if (!Array.isArray(roi) || roi.length === 0) bad(path, `must be a non-empty list of [lo, hi] keV intervals, got ${JSON.stringify(roi)}`);
    roi.forEach((r, i) => {
      if (!Array.isArray(r) || r.length !== 2 || !(Number.isFinite(r[0]) && r[0] >= 0 && r[1] > r[0])) bad(`${path}[${i}]`, `must be [lo, hi] with 0 <= lo < hi, got ${JSON.stringify(r)}`);
      if (i > 0 && r[0] < roi[i - 1][1]) bad(`${path}[${i}]`, "intervals must ascend without overlap");
    });
  };
  positive(c.detectorMassKg, "detectorMassKg");
  positive(c.runDurationS, "runDurationS");
  positive(c.power.nominalGW, "power.nominalGW");
  nonneg(c.power.logAccuracyFraction, "power.logAccuracyFraction");
  nonneg(c.power.fluctuationFraction, "power.fluctuationFraction");
  positive(c.power.correlationHours, "power.correlationHours");
  for (const k of ["rampDownHours", "rampUpHours"] as const) if (!Number.isInteger(c.power[k]) || c.power[k] < 0) bad(`power.${k}`, "must be an integer >= 0");
  range(c.power.loadReductionLevel, "power.loadReductionLevel");
  range(c.power.loadReductionHours, "power.loadReductionHours");
  checkRoi(c.roiKeV, "roiKeV");
  if (!Array.isArray(c.phases) || c.phases.length === 0) bad("phases", "need at least one phase");
  c.phases.forEach((p, i) => {
    const path = `phases[${i}]`;
    if (!Number.isInteger(p.id)) bad(`${path}.id`, "must be an integer");
    parseUtc(p.startUtc, `${path}.startUtc`);
    if (p.endUtc !== undefined && parseUtc(p.endUtc, `${path}.endUtc`) <= parseUtc(p.startUtc, `${path}.startUtc`)) bad(`${path}.endUtc`, "must be after startUtc");
    p.segments.forEach((s, j) => {
      if ("state" in s) {
        if (s.state !== "ON" && s.state !== "OFF") bad(`${path}.segments[${j}].state`, `must be "ON" or "OFF", got ${JSON.stringify(s.state)}`);
        if (!Number.isInteger(s.goodHours) || s.goodHours < 0) bad(`${path}.segments[${j}].goodHours`, `must be an integer >= 0, got ${s.goodHours}`);
      } else nonneg(s.gapShare, `${path}.segments[${j}].gapShare`);
    });
    if (i > 0 && parseUtc(p.startUtc, path) < parseUtc(c.phases[i - 1].startUtc, path)) bad(`${path}.startUtc`, "phases must be in time order");
    if (c.phases.some((q, k) => k < i && q.id === p.id)) bad(`${path}.id`, `phase id ${p.id} is used twice`);
    if (p.channels !== undefined) checkChannels(p.channels, `${path}.channels`);
    if (p.artefactDirection !== undefined) checkDirection(p.artefactDirection, `${path}.artefactDirection`);
    if (p.roiKeV !== undefined) checkRoi(p.roiKeV, `${path}.roiKeV`);
  });
  checkChannels(c.channels, "channels");
  nonneg(c.resolution.fano, "resolution.fano");
  positive(c.resolution.pairEnergyKeV, "resolution.pairEnergyKeV");
  nonneg(c.resolution.trappingFraction, "resolution.trappingFraction");
  positive(c.trigger.sigmaKeV, "trigger.sigmaKeV");
  nonneg(c.daq.deadTimePerEventS, "daq.deadTimePerEventS");
  positive(c.daq.adcMaxKeV, "daq.adcMaxKeV");
  for (const k of ["randomVetoProbability", "randomNaiProbability"] as const) prob(c.daq[k], `daq.${k}`);
  positive(c.continuum.minKeV, "continuum.minKeV");
  if (!(c.continuum.endKeV > c.continuum.kneeKeV && c.continuum.kneeKeV > c.continuum.minKeV)) bad("continuum", "need minKeV < kneeKeV < endKeV");
  c.lines.forEach((l, i) => {
    positive(l.energyKeV, `lines[${i}].energyKeV`);
    nonneg(l.ratePerKgDay, `lines[${i}].ratePerKgDay`);
    nonneg(l.halfLifeDays, `lines[${i}].halfLifeDays`);
    prob(l.naiFraction, `lines[${i}].naiFraction`);
  });
  parseUtc(c.linesReferenceUtc, "linesReferenceUtc");
  prob(c.muons.vetoEfficiency, "muons.vetoEfficiency");
  prob(c.neutrons.vetoEfficiency, "neutrons.vetoEfficiency");
  range(c.nobleGas.peakLinesPerHour, "nobleGas.peakLinesPerHour");
  range(c.nobleGas.decayHours, "nobleGas.decayHours");
  if (c.nobleGas.peakLinesPerHour[0] <= 0) bad("nobleGas.peakLinesPerHour", "must be > 0");
  prob(c.noise.pickup.cycleProbability, "noise.pickup.cycleProbability");
  if (c.noise.ringing.maxGapMs <= c.noise.ringing.minGapMs) bad("noise.ringing", "need minGapMs < maxGapMs");
  if (c.pulser.amplitudesKeV.length === 0 && c.pulser.everyHours > 0) bad("pulser.amplitudesKeV", "need at least one amplitude");
  return c;
}
