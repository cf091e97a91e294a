/*
 * Calibration of the three shaping channels for the Fourier cut (Beda et al., section 3, step (5)):
 * "the real signal falls into diagonals (E1 ~ E2 ~ E3) within the energy resolution". For that the
 * channels must share one energy scale, and "within the resolution" needs each channel's own noise.
 *
 * Model of a real pulse of energy E: E_i = g_i (E + delta) + n_i, with delta the charge-statistics
 * spread common to the three channels (same charge) and n_i the independent electronic noise of
 * channel i (sigma s_i). Dividing by the relative gain, x_i = E_i / g_i = E + delta + n_i / g_i, so
 * the differences x_i - x_j carry only the electronic noise: var(x_i - x_j) = s_i^2 + s_j^2 (s_i
 * here after the division by g_i).
 *
 * - Relative gains (mean 1) from physical events well above the noise (default 50-2900 keV, below
 *   the ADC overflow): the median over events of E_i / mean(E1, E2, E3).
 * - Noise: from the test-pulser events when there are enough of them (a pulser pulse has no charge
 *   statistics, only electronic noise, and lies on the diagonal), else from the diagonal core of
 *   low-energy events (robust MAD of the differences, which tolerates the off-diagonal artefacts);
 *   s_1^2 = (v12 + v13 - v23)/2 and the other two alike.
 * - The Fourier distance of an event is then chi^2 = sum_i (x_i - E^)^2 / sigma_i^2 with
 *   E^ the weighted mean and sigma_i^2 = s_i^2 + (f x)^2 (f: optional residual gain tolerance).
 *   For real pulses chi^2 has 2 degrees of freedom, so chi^2 <= k^2 keeps 1 - exp(-k^2/2).
 */
import type { EventColumns } from "../events/index.js";

/** A growable Float64Array buffer with a cap. */
class Samples {
  data = new Float64Array(1024);
  n = 0;
  constructor(readonly cap: number) {}
  push(x: number): void {
    if (this.n >= this.cap) return;
    if (this.n === this.data.length) {
      const d = new Float64Array(Math.min(this.cap, this.data.length * 2));
      d.set(this.data);
      this.data = d;
    }
    this.data[this.n++] = x;
  }
  get full(): boolean {
    return this.n >= this.cap;
  }
  values(): Float64Array {
    return this.data.subarray(0, this.n);
  }
}

/** Median of a Float64Array by quickselect (O(n); reorders a copy). */
export function fastMedian(values: Float64Array): number {
  const n = values.length;
  if (n === 0) return NaN;
  const a = Float64Array.from(values);
  const kth = (k: number): number => {
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const pivot = a[(lo + hi) >> 1];
      let i = lo;
      let j = hi;
      while (i <= j) {
        while (a[i] < pivot) i++;
        while (a[j] > pivot) j--;
        if (i <= j) {
          const t = a[i];
          a[i] = a[j];
          a[j] = t;
          i++;
          j--;
        }
      }
      if (k <= j) hi = j;
      else if (k >= i) lo = i;
      else return a[k];
    }
    return a[k];
  };
  if (n % 2) return kth(n >> 1);
  const hiv = kth(n >> 1);
  let lov = -Infinity;
  // The largest value below position n/2 after the partial ordering.
  for (let i = 0; i < n >> 1; i++) if (a[i] > lov) lov = a[i];
  return (lov + hiv) / 2;
}

/** What the Fourier cut needs to know about the three shaping channels. */
export interface ChannelCalibration {
  /** Relative gains of E1, E2, E3 (mean 1): E_i = g_i E for a real pulse. */
  readonly gains: readonly [number, number, number];
  /** Independent electronic noise of each channel after the gain division, keV. */
  readonly noiseSigmaKeV: readonly [number, number, number];
  /** Residual relative gain tolerance f, added as (f E)^2 to each channel's variance. Default 0. */
  readonly gainToleranceFraction: number;
  /** Where the noise came from. */
  readonly noiseSource: "pulser" | "diagonal-core" | "given";
  /** Events used for the gains and for the noise. */
  readonly gainEvents: number;
  readonly noiseEvents: number;
}

export interface CalibrationOptions {
  /** Only rows with mask 1 (e.g. not in bad runs). Pulser rows are used for the noise only. */
  mask?: Uint8Array;
  /** Energy window of the gain events (mean of the three channels), keV. Default [50, 2900]. */
  gainWindowKeV?: [number, number];
  /** Energy window of the diagonal-core noise events when there is no pulser, keV. Default [3, 30]. */
  noiseWindowKeV?: [number, number];
  /** Pulser events needed to use the pulser for the noise. Default 200. */
  minPulserEvents?: number;
  /** Fallback noise per channel, keV, when neither source has enough events. */
  fallbackNoiseSigmaKeV?: readonly [number, number, number];
  gainToleranceFraction?: number;
}

/** Default fallback electronic noise per channel, keV (as `DEFAULT_CHANNEL_NOISE_SIGMA_KeV` of fourier.ts). */
const FALLBACK_NOISE_KeV: readonly [number, number, number] = [0.3, 0.3, 0.3];

/** Accumulates what a calibration needs, over several batches or periods, then `result()`. */
export class ChannelCalibrator {
  private static readonly MAX_SAMPLES = 50_000;
  private readonly ratios: [Samples, Samples, Samples];
  private readonly pulserDiff: [Samples, Samples, Samples];
  private readonly coreDiff: [Samples, Samples, Samples];
  private readonly gainWindow: [number, number];
  private readonly noiseWindow: [number, number];

  constructor(private readonly options: CalibrationOptions = {}) {
    this.gainWindow = options.gainWindowKeV ?? [50, 2900];
    this.noiseWindow = options.noiseWindowKeV ?? [3, 30];
    const cap = ChannelCalibrator.MAX_SAMPLES;
    const three = (): [Samples, Samples, Samples] => [new Samples(cap), new Samples(cap), new Samples(cap)];
    this.ratios = three();
    this.pulserDiff = three();
    this.coreDiff = three();
  }

  /** Adds the events of one batch (mask: rows to use; pulser rows always feed the pulser noise). */
  add(events: EventColumns, mask?: Uint8Array): void {
    const [glo, ghi] = this.gainWindow;
    const [nlo, nhi] = this.noiseWindow;
    const e1a = events.e1_kev;
    const e2a = events.e2_kev;
    const e3a = events.e3_kev;
    for (let i = 0; i < events.length; i++) {
      if (mask && !mask[i]) continue;
      const e1 = e1a[i];
      const e2 = e2a[i];
      const e3 = e3a[i];
      const m = (e1 + e2 + e3) / 3;
      if (events.pulser[i]) {
        if (!this.pulserDiff[0].full) {
          this.pulserDiff[0].push(e1 - e2);
          this.pulserDiff[1].push(e1 - e3);
          this.pulserDiff[2].push(e2 - e3);
        }
        continue;
      }
      if (events.veto[i]) continue;
      if (m >= glo && m <= ghi && !this.ratios[0].full) {
        this.ratios[0].push(e1 / m);
        this.ratios[1].push(e2 / m);
        this.ratios[2].push(e3 / m);
      }
      if (m >= nlo && m <= nhi && events.nai_kev[i] === 0 && !this.coreDiff[0].full) {
        this.coreDiff[0].push(e1 - e2);
        this.coreDiff[1].push(e1 - e3);
        this.coreDiff[2].push(e2 - e3);
      }
    }
  }

  /** The calibration from what was added. */
  result(): ChannelCalibration {
    const o = this.options;
    let gains: [number, number, number] = [1, 1, 1];
    const nGain = this.ratios[0].n;
    if (nGain >= 20) {
      const g = this.ratios.map((r) => fastMedian(r.values())) as [number, number, number];
      const mean = (g[0] + g[1] + g[2]) / 3;
      gains = [g[0] / mean, g[1] / mean, g[2] / mean];
    }
    const minPulser = o.minPulserEvents ?? 200;
    let noise: [number, number, number] = [...(o.fallbackNoiseSigmaKeV ?? FALLBACK_NOISE_KeV)] as [number, number, number];
    let source: ChannelCalibration["noiseSource"] = "given";
    let nNoise = 0;
    // Differences in calibrated units: x_i - x_j = E_i/g_i - E_j/g_j; for the pulser (small
    // amplitudes) and the low-energy core the gain correction of the difference is below 0.01 keV.
    if (this.pulserDiff[0].n >= minPulser) {
      noise = solveNoise(this.pulserDiff.map((d) => robustVariance(d.values(), 5)) as [number, number, number]);
      source = "pulser";
      nNoise = this.pulserDiff[0].n;
    } else if (this.coreDiff[0].n >= 200) {
      noise = solveNoise(this.coreDiff.map((d) => madVariance(d.values())) as [number, number, number]);
      source = "diagonal-core";
      nNoise = this.coreDiff[0].n;
    }
    // A channel whose noise solves to ~0 would get an infinite weight: floor at 10 eV.
    noise = noise.map((x) => Math.max(x, 0.01)) as [number, number, number];
    return { gains, noiseSigmaKeV: noise, gainToleranceFraction: o.gainToleranceFraction ?? 0, noiseSource: source, gainEvents: nGain, noiseEvents: nNoise };
  }
}

/** Calibration from one set of events (see the file header). */
export function calibrateChannels(events: EventColumns, options: CalibrationOptions = {}): ChannelCalibration {
  const c = new ChannelCalibrator(options);
  c.add(events, options.mask);
  return c.result();
}

/** A calibration with given gains and noise (e.g. a detector's known values). */
export function givenCalibration(gains: readonly [number, number, number], noiseSigmaKeV: readonly [number, number, number], gainToleranceFraction = 0): ChannelCalibration {
  return { gains, noiseSigmaKeV, gainToleranceFraction, noiseSource: "given", gainEvents: 0, noiseEvents: 0 };
}

/** s_i from the pairwise difference variances v12, v13, v23 (clipped at 0). */
export function solveNoise(v: readonly [number, number, number]): [number, number, number] {
  const [v12, v13, v23] = v;
  const s1 = (v12 + v13 - v23) / 2;
  const s2 = (v12 + v23 - v13) / 2;
  const s3 = (v13 + v23 - v12) / 2;
  return [Math.sqrt(Math.max(0, s1)), Math.sqrt(Math.max(0, s2)), Math.sqrt(Math.max(0, s3))];
}

/** Variance after dropping values more than `cut` robust sigmas from the median (pile-up, outliers). */
function robustVariance(x: Float64Array, cut: number): number {
  const med = fastMedian(x);
  const sig = Math.sqrt(madVariance(x));
  let s = 0;
  let s2 = 0;
  let n = 0;
  for (const v of x) {
    if (Math.abs(v - med) > cut * sig) continue;
    s += v;
    s2 += v * v;
    n++;
  }
  const mean = s / n;
  return n > 1 ? (s2 - n * mean * mean) / (n - 1) : 0;
}

/** (1.4826 MAD)^2: the variance of a Gaussian core, insensitive to a minority of outliers. */
function madVariance(x: Float64Array): number {
  const med = fastMedian(x);
  const dev = x.map((v) => Math.abs(v - med));
  const mad = 1.4826 * fastMedian(dev);
  return mad * mad;
}

/** Gain-corrected energy of one channel (0: E1, 1: E2, 2: E3), keV. */
export function calibratedChannelKeV(events: EventColumns, cal: ChannelCalibration, channel: 0 | 1 | 2): Float64Array {
  const e = channel === 0 ? events.e1_kev : channel === 1 ? events.e2_kev : events.e3_kev;
  const g = 1 / cal.gains[channel];
  const out = new Float64Array(events.length);
  for (let i = 0; i < out.length; i++) out[i] = e[i] * g;
  return out;
}

/**
 * chi^2 of each event against the diagonal, with calibrated channels (see the file header), and
 * the calibrated channel energies x_i = E_i / g_i combined with `weights` (E~ of GEMMA (3)).
 */
export function diagonalChi2(events: EventColumns, cal: ChannelCalibration, weights: readonly [number, number, number]): { chi2: Float64Array; combinedKeV: Float64Array } {
  const n = events.length;
  const chi2 = new Float64Array(n);
  const combinedKeV = new Float64Array(n);
  const [g1, g2, g3] = cal.gains;
  const [s1, s2, s3] = cal.noiseSigmaKeV;
  const v1 = s1 * s1;
  const v2 = s2 * s2;
  const v3 = s3 * s3;
  const f2 = cal.gainToleranceFraction * cal.gainToleranceFraction;
  const [a, b, c] = weights;
  const ig1 = 1 / g1;
  const ig2 = 1 / g2;
  const ig3 = 1 / g3;
  const e1 = events.e1_kev;
  const e2 = events.e2_kev;
  const e3 = events.e3_kev;
  for (let i = 0; i < n; i++) {
    const x1 = e1[i] * ig1;
    const x2 = e2[i] * ig2;
    const x3 = e3[i] * ig3;
    combinedKeV[i] = a * x1 + b * x2 + c * x3;
    let w1 = 1 / v1;
    let w2 = 1 / v2;
    let w3 = 1 / v3;
    if (f2 > 0) {
      const m = (x1 + x2 + x3) / 3;
      const t = f2 * m * m;
      w1 = 1 / (v1 + t);
      w2 = 1 / (v2 + t);
      w3 = 1 / (v3 + t);
    }
    const est = (w1 * x1 + w2 * x2 + w3 * x3) / (w1 + w2 + w3);
    const d1 = x1 - est;
    const d2 = x2 - est;
    const d3 = x3 - est;
    chi2[i] = w1 * d1 * d1 + w2 * d2 * d2 + w3 * d3 * d3;
  }
  return { chi2, combinedKeV };
}
