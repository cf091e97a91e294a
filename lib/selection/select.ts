/*
 * The GEMMA selection (Beda et al., section 3, steps (1)-(5)) in the paper's order, each cut
 * applied only to what the previous ones kept: bad runs, noble gas, detector noise, audio
 * frequency, Fourier. Returns every cut's result, the final mask and the cut-flow.
 */
import type { EventColumns, RunTable } from "../events/index.js";
import { type AudioOptions, rejectAudioFrequency, type AudioResult } from "./audioFrequency.js";
import { rejectBadRuns, type BadRunOptions, type BadRunResult } from "./badRuns.js";
import { countCutFlow, CutFlow } from "./cutFlow.js";
import { fourierWeightsFromNoise, rejectFourier, type FourierOptions, type FourierResult, type NoiseDirection, type NoiseDirectionOptions } from "./fourier.js";
import { rejectNobleGas, type NobleGasOptions, type NobleGasResult } from "./nobleGas.js";
import { rejectNoisySeconds, type NoiseOptions, type NoiseResult } from "./noiseSeconds.js";
import { applyCut, initialState, type SelectionState } from "./state.js";

export interface SelectionOptions {
  /** Period name in the cut-flow. Default "period". */
  period?: string;
  /** Runs of the period (1 per run-table row); default every run of the table. */
  runMask?: Uint8Array;
  badRuns?: BadRunOptions;
  nobleGas?: NobleGasOptions;
  noise?: NoiseOptions;
  audio?: Omit<AudioOptions, "removedSeconds">;
  /**
   * Fourier cut; `weightsFromNoise` finds (a, b, c) from the off-diagonal low-energy events kept by
   * cuts 1-4 (`fourierWeightsFromNoise`) instead of `weights`.
   */
  fourier?: FourierOptions & { weightsFromNoise?: NoiseDirectionOptions | boolean };
  /** Truth origin per event for efficiencies; default `events.truth?.origin` when present. */
  origin?: Uint8Array;
}

export interface SelectionResult {
  readonly badRuns: BadRunResult;
  readonly nobleGas: NobleGasResult;
  readonly noise: NoiseResult;
  readonly audio: AudioResult;
  readonly fourier: FourierResult;
  /** The noise direction when the weights were found from the data. */
  readonly noiseDirection?: NoiseDirection;
  /** State before any cut, then after each cut (6 entries). */
  readonly states: readonly SelectionState[];
  /** 1 = event passes the whole selection. */
  readonly keep: Uint8Array;
  /** E~ of GEMMA (3) for every event, keV. */
  readonly combinedKeV: Float64Array;
  readonly cutFlow: CutFlow;
}

/** Applies the five GEMMA cuts in order to the events of one period. */
export function runSelection(events: EventColumns, runs: RunTable, options: SelectionOptions = {}): SelectionResult {
  const s0 = initialState(events, runs, options.runMask);
  const badRuns = rejectBadRuns(events, runs, options.badRuns, s0);
  const s1 = applyCut(s0, badRuns);
  const nobleGas = rejectNobleGas(events, runs, options.nobleGas, s1);
  const s2 = applyCut(s1, nobleGas);
  const noise = rejectNoisySeconds(events, runs, options.noise, s2);
  const s3 = applyCut(s2, noise);
  const audio = rejectAudioFrequency(events, runs, { ...options.audio, removedSeconds: noise.removedSeconds }, s3);
  const s4 = applyCut(s3, audio);
  const fo = options.fourier ?? {};
  let noiseDirection: NoiseDirection | undefined;
  let weights = fo.weights;
  if (fo.weightsFromNoise) {
    const dirOpts = fo.weightsFromNoise === true ? {} : fo.weightsFromNoise;
    noiseDirection = fourierWeightsFromNoise(events, { k: fo.k, sigmaKeV: fo.sigmaKeV, ...dirOpts, mask: s4.active });
    weights = noiseDirection.weights;
  }
  const fourier = rejectFourier(events, runs, { ...fo, weights }, s4);
  const s5 = applyCut(s4, fourier);
  const states = [s0, s1, s2, s3, s4, s5];
  const origin = options.origin ?? events.truth?.origin;
  const flow = countCutFlow(options.period ?? "period", events, runs, states, [badRuns, nobleGas, noise, audio, fourier], origin);
  return { badRuns, nobleGas, noise, audio, fourier, noiseDirection, states, keep: s5.active, combinedKeV: fourier.combinedKeV, cutFlow: new CutFlow([flow]) };
}
