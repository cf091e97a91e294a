/*
 * The TEXONO selection (Kuo-Sheng HPGe, H.T. Wong et al., PRD 75 (2007) 012001; H.B. Li et al.,
 * PRL 90 (2003) 131802) as a preset of the cuts of this stage. TEXONO's published selection of the
 * Ge events is "single-event after cosmic-veto, anti-Comp., PSD" (TEXONO overview talk, shared seed
 * 000, slide "Magnetic Moment Searches @ KSNL"): the HPGe sits in NaI(Tl)/CsI(Tl) anti-Compton
 * detectors (ACV) under a cosmic-ray veto (CRV), and pulse-shape discrimination (PSD) removes
 * electronic noise (data/experiments/texono.json, detector type). The papers' full text (the PSD
 * variables and cut values) was not available to the project; only these three are taken from
 * TEXONO, the rest are project choices for the artefacts of the simulated detector (lib/sim README):
 *
 * | step | TEXONO | here |
 * |---|---|---|
 * | pulser | test pulses are not physics events | the pulser rows leave the stream (threshold fit) |
 * | bad-runs | (data-quality; not itemised in the sources) | LN2 filling and site-work runs, as GEMMA cut 1 |
 * | noise | (electronic noise, the PSD's target) | seconds with > 5 events above the 5 keV DAQ threshold: the simulated noise bursts lie on the E1 = E2 = E3 diagonal, so no shape cut can see them |
 * | audio | (microphonics, the PSD's target) | intervals < 80 ms and n x 16.667 +- 0.1 ms (60 Hz mains in Taiwan), both events of a pair: the simulated ringing trains and mains pick-up |
 * | fourier = PSD | pulse-shape discrimination | the shaping-channel consistency cut: in the simulator the pulse shape is carried only by the three shaping channels E1, E2, E3 (2, 4, 12 us), and a real pulse has E1 = E2 = E3 within the electronic noise; chi^2 <= 3^2 on calibrated channels (keeps 1 - exp(-9/2) = 98.89 %), E~ with weights against the noise gradient (GEMMA (3)) |
 * | anticoincidence | ACV (NaI/CsI) and CRV | events with NaI energy or a veto signal are removed |
 *
 * No noble-gas cut: no radioactive noble-gas problem is reported at KSNL and the simulated TEXONO
 * detector has none (lib/sim/texono.ts); the step is switched off (`nobleGas: false`), so no block
 * test can remove good runs by a false excess (with GEMMA's test on in the simulated TEXONO data,
 * 3 of 1250 hours went that way).
 *
 * Taiwan's grid runs at 60 Hz: the pick-up period is 16.667 ms (lib/sim/texono.ts simulates it so),
 * against GEMMA's 20.000 ms (50 Hz).
 *
 * The truth tally of the preset measures the signal efficiency above the 12 keV analysis threshold
 * and the rejections in the 12-60 keV window (seed talk: "analysis threshold 12 keV"; the window of
 * the TEXONO fit, lib/analysis TEXONO_ROI_KEV).
 */
import { loadExperiment } from "../reactor/experiments.js";
import { GEMMA_SELECTION, gemmaSelectionOptions, type SelectionOptions } from "./select.js";
import type { TruthTallyOptions } from "./truthTally.js";

/** The selection presets of `selectDataset`, `nuem select` and `nuem spectra`. */
export type SelectionSettings = "gemma" | "texono" | "plain";
export const SELECTION_SETTINGS: readonly SelectionSettings[] = ["gemma", "texono", "plain"];

/** Upper end of the TEXONO analysis window, keV (TEXONO PRL 90 (2003) 131802, abstract: background "at 12-60 keV"). */
export const TEXONO_WINDOW_HIGH_KeV = 60;

/**
 * TEXONO's DAQ and analysis thresholds, keV (data/experiments/texono.json: seed talk, 5 and 12 keV).
 *
 * @example
 * texonoThresholdsKeV().analysisKeV; // => 12 (keV, TEXONO PRD 75 (2007) 012001)
 */
export function texonoThresholdsKeV(): { daqKeV: number; analysisKeV: number } {
  const d = loadExperiment("texono").detector;
  const num = (q: typeof d.triggerThreshold, what: string): number => {
    if (!q || typeof q.value !== "number") throw new Error(`texono.json: no single ${what} threshold`);
    return q.value;
  };
  return { daqKeV: num(d.triggerThreshold, "trigger"), analysisKeV: num(d.analysisThreshold, "analysis") };
}

/** The TEXONO analysis window [[12, 60]] keV (thresholds from data/experiments/texono.json). */
export function texonoWindowKeV(): [number, number][] {
  return [[texonoThresholdsKeV().analysisKeV, TEXONO_WINDOW_HIGH_KeV]];
}

/**
 * The project's TEXONO settings (see the file header): no noble-gas step, noisy seconds counted
 * above the 5 keV DAQ threshold (> 5 per second, GEMMA's count), the audio veto of both events of a
 * pair, the PSD as the calibrated shaping-channel cut (k = 3, weights against the noise gradient),
 * ACV and CRV.
 */
export function texonoSelectionDefaults(): SelectionOptions {
  return {
    nobleGas: false,
    noise: { thresholdKeV: texonoThresholdsKeV().daqKeV, maxEventsPerSecond: 5 },
    audio: { ...GEMMA_SELECTION.audio, periodS: 1 / 60, pairs: "both" },
    fourier: { calibration: true, weightsFromNoise: true, k: 3 },
    anticoincidence: { veto: true, nai: true, naiThresholdKeV: 0 },
  };
}

/** `texonoSelectionDefaults()` with `options` merged in (one level deep per cut; `nobleGas` stays off unless given). */
export function texonoSelectionOptions(options: SelectionOptions = {}): SelectionOptions {
  const t = texonoSelectionDefaults();
  return {
    ...t,
    ...options,
    nobleGas: options.nobleGas === undefined ? false : options.nobleGas,
    noise: { ...t.noise, ...options.noise },
    audio: { ...t.audio, ...options.audio },
    fourier: { ...t.fourier, ...options.fourier },
    anticoincidence: options.anticoincidence === false ? false : { ...t.anticoincidence, ...options.anticoincidence },
  };
}

/** The truth tally of the TEXONO preset: signal above 12 keV, rejections in 12-60 keV. */
export function texonoTruthTally(): TruthTallyOptions {
  return { minTrueKeV: texonoThresholdsKeV().analysisKeV, roiKeV: texonoWindowKeV() };
}

/** The preset for a dataset's experiment (manifest `experiment`): "texono" for TEXONO, else "gemma". */
export function selectionSettingsFor(experiment: string): "gemma" | "texono" {
  const e = experiment.trim().toLowerCase();
  if (e === "texono") return "texono";
  if (e === "gemma" || e === "gemma-ii" || e === "gemma2") return "gemma";
  // No silent default: another experiment's data need a preset chosen on purpose.
  throw new Error(`experiment "${experiment}" has no selection preset of its own: choose one with --settings gemma|texono|plain (selectDataset option "settings")`);
}

/** The selection options of a preset with `options` merged in ("plain": the options alone). */
export function selectionOptionsFor(settings: SelectionSettings, options: SelectionOptions = {}): SelectionOptions {
  if (settings === "gemma") return gemmaSelectionOptions(options);
  if (settings === "texono") return texonoSelectionOptions(options);
  if (settings === "plain") return options;
  throw new Error(`selection settings: expected one of ${SELECTION_SETTINGS.join(", ")}, got ${JSON.stringify(settings)}`);
}

/** A short label of a preset (provenance strings). */
export function selectionSettingsLabel(settings: SelectionSettings): string {
  return settings === "gemma" ? "GEMMA settings (lib/selection GEMMA_SELECTION)" : settings === "texono" ? "TEXONO settings (lib/selection texonoSelection.ts: ACV, CRV, PSD as the shaping-channel cut)" : "plain cuts (lib/selection defaults)";
}
