/*
 * GEMMA cut 5, Fourier (shaping-channel) rejection (Beda et al., section 3, step (5) and eq. (3)):
 * a real pulse gives E1 ~ E2 ~ E3 (2, 4, 12 us shaping) within resolution; artefacts do not. Events
 * near the diagonal are kept, and the energy is E~ = a E1 + b E2 + c E3, GEMMA (3), with (a, b, c)
 * "antiparallel to the noise gradient".
 *
 * Distance from the diagonal: d = |E - (E.u) u|, u = (1,1,1)/sqrt(3), i.e.
 * d^2 = sum_i (E_i - mean)^2. With independent Gaussian noise of sigma per channel (the common
 * charge-statistics part moves along the diagonal and drops out), d^2/sigma^2 is chi^2 with 2
 * degrees of freedom, so the cut d <= k sigma keeps 1 - exp(-k^2/2) of real events: 98.89 % for
 * k = 3. This is an efficiency, not a live-time loss: the cut removes no live time.
 *
 * The weights (our construction for "against the noise gradient", `fourierWeightsFromNoise`): take
 * the off-diagonal (d > k sigma) low-energy events, which are noise-dominated; the principal
 * direction n of their (E1, E2, E3) vectors (largest eigenvector of the uncentred second-moment
 * matrix sum E E^T: pure noise has no true energy, so the origin is its centre) is the noise
 * gradient. The weights are the projection of (1,1,1) orthogonal to n, normalised to a + b + c = 1:
 * w = P 1 / (1^T P 1), P = I - n n^T. Then w . n = 0 (noise along n does not enter E~) and w is
 * the point of the line {a + b + c = 1, w . n = 0} nearest to the equal weights (1/3, 1/3, 1/3).
 * A noise direction lying in the plane perpendicular to the diagonal gives (1/3, 1/3, 1/3) back.
 */
import type { EventColumns, RunTable } from "../events/index.js";
import { diagonalChi2, type ChannelCalibration } from "./channelCalibration.js";
import { countRemoved, initialState, type CutResult, type SelectionState } from "./state.js";
import { symmetricEigen } from "../math/symmetricEigen.js";

/**
 * Default independent (electronic) noise per channel, sigma in keV. Not from the paper (GEMMA gives
 * no resolution figure): an assumption of ~0.7 keV FWHM electronic noise, typical of a 1.5 kg coaxial
 * HPGe with a 1.5 keV trigger threshold. Pass the detector's own `sigmaKeV`.
 */
export const DEFAULT_CHANNEL_NOISE_SIGMA_KeV = 0.3;

/** Equal weights (1/3, 1/3, 1/3). */
export const EQUAL_WEIGHTS: readonly [number, number, number] = [1 / 3, 1 / 3, 1 / 3];

export interface FourierOptions {
  /** Keep events with d <= k sigma. Default 3. */
  k?: number;
  /** Per-channel independent noise sigma (keV) as a function of energy (keV). Default constant 0.3 keV. */
  sigmaKeV?: (energyKeV: number) => number;
  /** (a, b, c) of GEMMA (3); normalised to a + b + c = 1 on use. Default equal weights. */
  weights?: readonly [number, number, number];
  /**
   * Calibrated channels (`channelCalibration.ts`): when given, the cut is chi^2 <= k^2 with each
   * channel's gain and noise (`sigmaKeV` is then not used) and E~ combines the gain-corrected channels.
   */
  calibration?: ChannelCalibration;
}

export interface FourierResult extends CutResult {
  /** E~ = a E1 + b E2 + c E3 per event, keV. */
  readonly combinedKeV: Float64Array;
  /** Distance from the diagonal per event, keV (uncalibrated channels). */
  readonly distanceKeV: Float64Array;
  /** The cut's statistic per event: chi^2 with calibrated channels, else (d / sigma(E~))^2; kept when <= k^2. */
  readonly chi2: Float64Array;
  /** The weights used (normalised). */
  readonly weights: readonly [number, number, number];
}

/**
 * Weights normalised to a + b + c = 1.
 *
 * @example
 * normaliseWeights([1, 1, 2]); // => [0.25, 0.25, 0.5]
 */
export function normaliseWeights(w: readonly [number, number, number]): [number, number, number] {
  const s = w[0] + w[1] + w[2];
  if (!(Math.abs(s) > 1e-12)) throw new Error(`Fourier cut: the E~ weights (${w.join(", ")}) sum to zero and cannot be normalised to a + b + c = 1`);
  return [w[0] / s, w[1] / s, w[2] / s];
}

/** E~ = a E1 + b E2 + c E3, GEMMA (3), keV. */
export function combinedEnergyKeV(events: EventColumns, weights: readonly [number, number, number] = EQUAL_WEIGHTS): Float64Array {
  const [a, b, c] = normaliseWeights(weights);
  const out = new Float64Array(events.length);
  for (let i = 0; i < events.length; i++) out[i] = a * events.e1_kev[i] + b * events.e2_kev[i] + c * events.e3_kev[i];
  return out;
}

/** Distance of each (E1, E2, E3) from the diagonal E1 = E2 = E3, keV. */
export function diagonalDistanceKeV(events: EventColumns): Float64Array {
  const out = new Float64Array(events.length);
  for (let i = 0; i < events.length; i++) {
    const e1 = events.e1_kev[i];
    const e2 = events.e2_kev[i];
    const e3 = events.e3_kev[i];
    const m = (e1 + e2 + e3) / 3;
    out[i] = Math.sqrt((e1 - m) ** 2 + (e2 - m) ** 2 + (e3 - m) ** 2);
  }
  return out;
}

export interface NoiseDirectionOptions {
  /** Events used: mean energy (E1+E2+E3)/3 in [lowKeV, highKeV). Default [-inf, 5). */
  lowKeV?: number;
  highKeV?: number;
  /** Off-diagonal: d > k sigma. Default 3. */
  k?: number;
  sigmaKeV?: (energyKeV: number) => number;
  /** Only events with mask 1 (e.g. those kept by the earlier cuts). */
  mask?: Uint8Array;
  /** Calibrated channels: off-diagonal then means chi^2 > k^2 and the moments use gain-corrected energies. */
  calibration?: ChannelCalibration;
}

export interface NoiseDirection {
  /** Unit principal direction of the noise in (E1, E2, E3), sign chosen with a non-negative sum. */
  readonly direction: [number, number, number];
  /** Eigenvalues of the mean second-moment matrix, keV^2, descending. */
  readonly eigenvaluesKeV2: Float64Array;
  /** (a, b, c) orthogonal to the direction, a + b + c = 1. */
  readonly weights: [number, number, number];
  /** Events used. */
  readonly events: number;
}

/** (a, b, c) with a + b + c = 1 orthogonal to a noise direction n: P 1 / (1^T P 1), P = I - n n^T. */
export function weightsOrthogonalTo(n: readonly [number, number, number]): [number, number, number] {
  const norm = Math.hypot(n[0], n[1], n[2]);
  const u = [n[0] / norm, n[1] / norm, n[2] / norm];
  const s = u[0] + u[1] + u[2];
  const p: [number, number, number] = [1 - s * u[0], 1 - s * u[1], 1 - s * u[2]];
  const total = p[0] + p[1] + p[2]; // = 3 - s^2
  if (!(total > 1e-9)) throw new Error("Fourier cut: the noise direction lies along the diagonal E1 = E2 = E3; no weights with a + b + c = 1 are orthogonal to it");
  return [p[0] / total, p[1] / total, p[2] / total];
}

/** The noise gradient from off-diagonal low-energy events and the weights against it (see the file header). */
export function fourierWeightsFromNoise(events: EventColumns, options: NoiseDirectionOptions = {}): NoiseDirection {
  const { lowKeV = -Infinity, highKeV = 5, k = 3, sigmaKeV = () => DEFAULT_CHANNEL_NOISE_SIGMA_KeV, mask, calibration } = options;
  const m = new Float64Array(9);
  let n = 0;
  const chi2 = calibration ? diagonalChi2(events, calibration, EQUAL_WEIGHTS).chi2 : null;
  const [g1, g2, g3] = calibration ? calibration.gains : [1, 1, 1];
  for (let i = 0; i < events.length; i++) {
    if (mask && !mask[i]) continue;
    const e1 = events.e1_kev[i] / g1;
    const e2 = events.e2_kev[i] / g2;
    const e3 = events.e3_kev[i] / g3;
    const mean = (e1 + e2 + e3) / 3;
    if (!(mean >= lowKeV && mean < highKeV)) continue;
    if (chi2) {
      if (!(chi2[i] > k * k)) continue;
    } else {
      const d = Math.sqrt((e1 - mean) ** 2 + (e2 - mean) ** 2 + (e3 - mean) ** 2);
      if (!(d > k * sigmaKeV(Math.max(mean, 0)))) continue;
    }
    const x = [e1, e2, e3];
    for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) m[3 * r + c] += x[r] * x[c];
    n++;
  }
  if (n < 3) throw new Error(`Fourier cut: the E~ weights from the noise direction need at least 3 off-diagonal events in the noise window, found ${n}`);
  for (let j = 0; j < 9; j++) m[j] /= n;
  // Principal direction of the noise: the eigenvector of the largest eigenvalue (eigenvalues reported descending).
  const eig = symmetricEigen(m, 3);
  const values = Float64Array.from(eig.values).reverse();
  const v = [eig.vectors[2], eig.vectors[5], eig.vectors[8]];
  const sign = v[0] + v[1] + v[2] < 0 ? -1 : 1;
  const direction: [number, number, number] = [sign * v[0], sign * v[1], sign * v[2]];
  return { direction, eigenvaluesKeV2: values, weights: weightsOrthogonalTo(direction), events: n };
}

/** Cut 5: keeps events within k sigma of the diagonal; gives E~ of GEMMA (3). */
export function rejectFourier(events: EventColumns, runs: RunTable, options: FourierOptions = {}, state: SelectionState = initialState(events, runs)): FourierResult {
  const { k = 3, sigmaKeV = () => DEFAULT_CHANNEL_NOISE_SIGMA_KeV, calibration } = options;
  const weights = normaliseWeights(options.weights ?? EQUAL_WEIGHTS);
  const distanceKeV = diagonalDistanceKeV(events);
  let combinedKeV: Float64Array;
  let chi2: Float64Array;
  if (calibration) {
    ({ chi2, combinedKeV } = diagonalChi2(events, calibration, weights));
  } else {
    combinedKeV = combinedEnergyKeV(events, weights);
    chi2 = new Float64Array(events.length);
    for (let i = 0; i < events.length; i++) chi2[i] = (distanceKeV[i] / sigmaKeV(Math.max(combinedKeV[i], 0))) ** 2;
  }
  const k2 = k * k;
  const keep = new Uint8Array(events.length);
  for (let i = 0; i < events.length; i++) keep[i] = !state.active[i] || chi2[i] <= k2 ? 1 : 0;
  return {
    name: "fourier",
    keep,
    runKeep: new Uint8Array(runs.length).fill(1),
    eventsRemoved: countRemoved(state.active, keep),
    liveTimeRemovedS: 0,
    liveTimeRemovedByRunS: new Float64Array(runs.length),
    combinedKeV,
    distanceKeV,
    chi2,
    weights,
  };
}
