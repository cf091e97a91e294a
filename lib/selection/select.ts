/*
 * The GEMMA selection (Beda et al., section 3, steps (1)-(5)) in the paper's order, each cut
 * applied only to what the previous ones kept: bad runs, noble gas, detector noise, audio
 * frequency, Fourier. Before them the test-pulser events leave the physics stream (they serve the
 * threshold fit); after them the anticoincidence with the NaI cup and the muon veto (section 2)
 * makes the spectra anticoincidence spectra. Returns every cut's result, the final mask, the
 * cut-flow, and the noble-gas runs passed through the same event cuts (the template sample of the
 * noble-gas correction, the paper's footnote 2).
 */
import type { EventColumns, RunTable } from "../events/index.js";
import { anticoincidenceMask, rejectCoincidences, type AnticoincidenceOptions } from "./anticoincidence.js";
import { type AudioOptions, rejectAudioFrequency, type AudioResult } from "./audioFrequency.js";
import { rejectBadRuns, type BadRunOptions, type BadRunResult } from "./badRuns.js";
import { calibrateChannels, calibratedChannelKeV, type CalibrationOptions, type ChannelCalibration } from "./channelCalibration.js";
import { countCutFlow, CutFlow } from "./cutFlow.js";
import { fourierWeightsFromNoise, rejectFourier, type FourierOptions, type FourierResult, type NoiseDirection, type NoiseDirectionOptions } from "./fourier.js";
import { rejectNobleGas, type NobleGasOptions, type NobleGasResult } from "./nobleGas.js";
import { rejectNoisySeconds, type NoiseOptions, type NoiseResult } from "./noiseSeconds.js";
import { rejectPulser } from "./pulser.js";
import { applyCut, initialState, type CutResult, type SelectionState } from "./state.js";

/** Names of the steps of `runSelection`, in order. */
export const SELECTION_STEPS = ["pulser", "bad-runs", "noble-gas", "noise", "audio", "fourier", "anticoincidence"] as const;

/**
 * The settings of the GEMMA analysis in this project (what `selectDataset`, `nuem select` and
 * `nuem spectra` use; `runSelection` alone defaults to the plain cuts):
 * - Fourier cut on calibrated channels (gains from high-energy events, noise from the pulser),
 *   chi^2 <= 3^2 (keeps 98.9 % of real pulses), (a, b, c) against the noise gradient;
 * - audio-frequency veto of both events of a vetoed pair (the paper: "we reject those events which
 *   are separated by" such an interval); the later-only reading leaves the first pulse of each
 *   50 Hz pick-up episode (about 20 per 1000 ROI events in the simulation);
 * - noble-gas blocks tested against the period's mean window rate in the anticoincidence spectrum
 *   of the gain-corrected E3 (the block's own side bands give false excesses at a few counts).
 */
export const GEMMA_SELECTION: Readonly<SelectionOptions> = Object.freeze({
  fourier: { calibration: true, weightsFromNoise: true, k: 3 },
  audio: { pairs: "both" },
  nobleGas: { reference: "period", anticoincidence: true },
} as SelectionOptions);

/** `GEMMA_SELECTION` with `options` merged in (one level deep per cut). */
export function gemmaSelectionOptions(options: SelectionOptions = {}): SelectionOptions {
  const g = GEMMA_SELECTION;
  return {
    ...g,
    ...options,
    fourier: { ...g.fourier, ...options.fourier },
    audio: { ...g.audio, ...options.audio },
    nobleGas: options.nobleGas === false ? false : { ...g.nobleGas, ...options.nobleGas },
  };
}

export interface SelectionOptions {
  /** Period name in the cut-flow. Default "period". */
  period?: string;
  /** Runs of the period (1 per run-table row); default every run of the table. */
  runMask?: Uint8Array;
  badRuns?: BadRunOptions;
  /**
   * Noble-gas cut; `anticoincidence: true` counts only events without veto or NaI energy (the
   * anticoincidence spectrum). With a channel calibration and no `channel`, the energy is the
   * gain-corrected E3. `false` leaves the step out (an experiment without a noble-gas problem,
   * e.g. TEXONO): it removes nothing and is not in `cuts`, `states` or the cut-flow.
   */
  nobleGas?: (Omit<NobleGasOptions, "mask"> & { anticoincidence?: boolean }) | false;
  noise?: NoiseOptions;
  audio?: Omit<AudioOptions, "removedSeconds">;
  /**
   * Fourier cut. `calibration`: the channels' gains and noise (`channelCalibration.ts`), or `true`
   * to calibrate them from this period's events (runs not flagged bad); without it the cut uses the
   * uncalibrated distance with `sigmaKeV`. `weightsFromNoise` finds (a, b, c) from the
   * off-diagonal low-energy events kept by cuts 1-4 (`fourierWeightsFromNoise`) instead of `weights`.
   */
  fourier?: Omit<FourierOptions, "calibration"> & { calibration?: ChannelCalibration | boolean | CalibrationOptions; weightsFromNoise?: NoiseDirectionOptions | boolean };
  /** The anticoincidence step (NaI cup, muon veto); `false` leaves it out. Default on. */
  anticoincidence?: AnticoincidenceOptions | false;
  /** Take the pulser events out first. Default true. */
  pulser?: boolean;
  /** Truth origin per event for efficiencies; default `events.truth?.origin` when present. */
  origin?: Uint8Array;
}

/** The noble-gas runs through cuts 3-6 (noise, audio, Fourier, anticoincidence): the template sample. */
export interface TemplateSelection {
  /** 1 = event of a noble-gas run kept by the event cuts. */
  readonly keep: Uint8Array;
  /** Live time left in each run-table row (0 outside the noble-gas runs), s. */
  readonly liveTimeS: Float64Array;
}

export interface SelectionResult {
  readonly pulser: CutResult;
  readonly badRuns: BadRunResult;
  readonly nobleGas: NobleGasResult;
  readonly noise: NoiseResult;
  readonly audio: AudioResult;
  readonly fourier: FourierResult;
  readonly anticoincidence: CutResult;
  /** The cut results in order (`SELECTION_STEPS` without the steps switched off). */
  readonly cuts: readonly CutResult[];
  /** The channel calibration used by the Fourier cut (when calibrated). */
  readonly calibration?: ChannelCalibration;
  /** The noise direction when the weights were found from the data. */
  readonly noiseDirection?: NoiseDirection;
  /** State before any cut, then after each cut. */
  readonly states: readonly SelectionState[];
  /** 1 = event passes the whole selection. */
  readonly keep: Uint8Array;
  /** E~ of GEMMA (3) for every event, keV. */
  readonly combinedKeV: Float64Array;
  /** The noble-gas template sample. */
  readonly template: TemplateSelection;
  readonly cutFlow: CutFlow;
}

const passAll = (name: string, events: EventColumns, runs: RunTable): CutResult => ({
  name,
  keep: new Uint8Array(events.length).fill(1),
  runKeep: new Uint8Array(runs.length).fill(1),
  eventsRemoved: 0,
  liveTimeRemovedS: 0,
  liveTimeRemovedByRunS: new Float64Array(runs.length),
});

/** Applies the GEMMA selection to the events of one period. */
export function runSelection(events: EventColumns, runs: RunTable, options: SelectionOptions = {}): SelectionResult {
  const s0 = initialState(events, runs, options.runMask);
  const pulser = options.pulser === false ? passAll("pulser", events, runs) : rejectPulser(events, runs, s0);
  const sP = applyCut(s0, pulser);
  const badRuns = rejectBadRuns(events, runs, options.badRuns, sP);
  const s1 = applyCut(sP, badRuns);
  const { calibration: calOpt, weightsFromNoise, ...fo } = options.fourier ?? {};
  let calibration: ChannelCalibration | undefined;
  if (calOpt === true || (typeof calOpt === "object" && !("gains" in calOpt))) {
    // Runs not flagged bad, with the pulser rows (the noise source).
    const mask = new Uint8Array(events.length);
    for (let i = 0; i < mask.length; i++) mask[i] = s0.active[i] & badRuns.keep[i];
    calibration = calibrateChannels(events, { ...(calOpt === true ? {} : calOpt), mask });
  } else if (typeof calOpt === "object") calibration = calOpt;
  const ngOn = options.nobleGas !== false;
  const { anticoincidence: ngAnti, ...ngOptions } = options.nobleGas || {};
  const ngChannel = ngOptions.channel ?? (calibration && ngOn ? calibratedChannelKeV(events, calibration, 2) : undefined);
  // Step switched off: no lines to test, so no block is flagged and nothing is removed.
  const nobleGas = ngOn
    ? rejectNobleGas(events, runs, { ...ngOptions, channel: ngChannel, mask: ngAnti ? anticoincidenceMask(events, options.anticoincidence || {}) : undefined }, s1)
    : rejectNobleGas(events, runs, { lines: [] }, s1);
  const s2 = applyCut(s1, nobleGas);
  const noise = rejectNoisySeconds(events, runs, options.noise, s2);
  const s3 = applyCut(s2, noise);
  const audio = rejectAudioFrequency(events, runs, { ...options.audio, removedSeconds: noise.removedSeconds }, s3);
  const s4 = applyCut(s3, audio);
  let noiseDirection: NoiseDirection | undefined;
  let weights = fo.weights;
  if (weightsFromNoise) {
    const dirOpts = weightsFromNoise === true ? {} : weightsFromNoise;
    noiseDirection = fourierWeightsFromNoise(events, { k: fo.k, sigmaKeV: fo.sigmaKeV, calibration, ...dirOpts, mask: s4.active });
    weights = noiseDirection.weights;
  }
  const fourierOptions: FourierOptions = { ...fo, weights, calibration };
  const fourier = rejectFourier(events, runs, fourierOptions, s4);
  const s5 = applyCut(s4, fourier);
  const anticoincidence = options.anticoincidence === false ? passAll("anticoincidence", events, runs) : rejectCoincidences(events, runs, options.anticoincidence, s5);
  const s6 = applyCut(s5, anticoincidence);

  const cuts: CutResult[] = [];
  const states: SelectionState[] = [s0];
  const chain: [CutResult, SelectionState, boolean][] = [
    [pulser, sP, options.pulser !== false],
    [badRuns, s1, true],
    [nobleGas, s2, ngOn],
    [noise, s3, true],
    [audio, s4, true],
    [fourier, s5, true],
    [anticoincidence, s6, options.anticoincidence !== false],
  ];
  for (const [c, s, on] of chain) {
    if (!on) continue;
    cuts.push(c);
    states.push(s);
  }
  const template = templateSelection(events, runs, { s1, nobleGas, options, fourierOptions });
  const origin = options.origin ?? events.truth?.origin;
  const flow = countCutFlow(options.period ?? "period", events, runs, states, cuts, origin);
  return {
    pulser,
    badRuns,
    nobleGas,
    noise,
    audio,
    fourier,
    anticoincidence,
    cuts,
    calibration,
    noiseDirection,
    states,
    keep: s6.active,
    combinedKeV: fourier.combinedKeV,
    template,
    cutFlow: new CutFlow([flow]),
  };
}

/** The runs removed by the noble-gas cut, through the event cuts with the same settings. */
function templateSelection(
  events: EventColumns,
  runs: RunTable,
  ctx: { s1: SelectionState; nobleGas: NobleGasResult; options: SelectionOptions; fourierOptions: FourierOptions },
): TemplateSelection {
  const { s1, nobleGas, options, fourierOptions } = ctx;
  const runActive = new Uint8Array(runs.length);
  const liveTimeS = new Float64Array(runs.length);
  let any = false;
  for (let r = 0; r < runs.length; r++) {
    if (s1.runActive[r] && !nobleGas.runKeep[r]) {
      runActive[r] = 1;
      liveTimeS[r] = s1.liveTimeS[r];
      any = true;
    }
  }
  const active = new Uint8Array(events.length);
  if (!any) return { keep: active, liveTimeS };
  for (let i = 0; i < events.length; i++) active[i] = s1.active[i] && !nobleGas.keep[i] ? 1 : 0;
  let s: SelectionState = { active, runActive, liveTimeS };
  const noise = rejectNoisySeconds(events, runs, options.noise, s);
  s = applyCut(s, noise);
  s = applyCut(s, rejectAudioFrequency(events, runs, { ...options.audio, removedSeconds: noise.removedSeconds }, s));
  s = applyCut(s, rejectFourier(events, runs, fourierOptions, s));
  if (options.anticoincidence !== false) s = applyCut(s, rejectCoincidences(events, runs, options.anticoincidence, s));
  return { keep: s.active, liveTimeS: s.liveTimeS };
}

/** The selection state before the step `name` (e.g. "audio": what the audio cut saw). */
export function stateBefore(sel: SelectionResult, name: string): SelectionState {
  const j = sel.cuts.findIndex((c) => c.name === name);
  if (j < 0) throw new Error(`no selection step "${name}" (have ${sel.cuts.map((c) => c.name).join(", ")})`);
  return sel.states[j];
}

/** The event mask before the step `name` of a selection. */
export function activeBefore(sel: SelectionResult, name: string): Uint8Array {
  return stateBefore(sel, name).active;
}

/** The event mask after the step `name` of a selection. */
export function activeAfter(sel: SelectionResult, name: string): Uint8Array {
  const j = sel.cuts.findIndex((c) => c.name === name);
  if (j < 0) throw new Error(`no selection step "${name}" (have ${sel.cuts.map((c) => c.name).join(", ")})`);
  return sel.states[j + 1].active;
}
