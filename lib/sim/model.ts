import normalCdf from "@stdlib/stats-base-dists-normal-cdf";
import { Origin, originName } from "../events/origin.js";
import { parseUtc, type SimConfig } from "./config.js";
import { comptonContinuum } from "./kleinNishina.js";
import type { SignalComponent, SignalInput } from "./signal.js";
import { grid, TabulatedSpectrum } from "./spectrum.js";

/** A truncated exponential a exp(-E/scale) on [lo, hi]: its integral and an inverse-CDF sampler. */
export class TruncatedExponential {
  readonly total: number;
  private readonly eLo: number;
  private readonly span: number;
  constructor(readonly amplitude: number, readonly scale: number, readonly lo: number, readonly hi: number) {
    this.eLo = Math.exp(-lo / scale);
    this.span = this.eLo - Math.exp(-hi / scale);
    this.total = amplitude * scale * this.span;
  }
  /** Integral over [a, b] (clamped to [lo, hi]). */
  integral(a: number, b: number): number {
    const x = Math.max(a, this.lo);
    const y = Math.min(b, this.hi);
    return y > x ? this.amplitude * this.scale * (Math.exp(-x / this.scale) - Math.exp(-y / this.scale)) : 0;
  }
  sample(u: number): number {
    return -this.scale * Math.log(this.eLo - u * this.span);
  }
}

/** A signal component ready to sample. */
export interface SampledSignal {
  spectrum: TabulatedSpectrum;
  origin: number;
  label: string;
}

/** The parts of the detector model that are computed once per simulation (spectra, trigger). */
export class DetectorModel {
  readonly signals: SampledSignal[];
  /** Untagged Compton plateau of the continuum, counts/(keV kg day) (its `total`: per kg day). */
  readonly compton: TabulatedSpectrum;
  /** Rise towards threshold of the continuum. */
  readonly lowExp: TruncatedExponential;
  readonly neutrons: TruncatedExponential;
  /** Klein-Nishina continua of the noble-gas lines, one per species. */
  readonly nobleCompton: TabulatedSpectrum[];
  /** Reference time (POSIX s) of decaying line rates. */
  readonly linesReferenceS: number;
  /** GEMMA (4) trigger efficiency. */
  readonly trigger: (eKeV: number) => number;
  /** Above this energy the trigger efficiency is 1 to double precision (no random draw). */
  readonly triggerCertainKeV: number;

  constructor(readonly config: SimConfig, signal: SignalInput) {
    const c = config.continuum;
    const x = new Float64Array([...grid(c.minKeV, c.kneeKeV, 300), ...grid(c.kneeKeV, c.endKeV, 600).subarray(1)]);
    const d = new Float64Array(x.length);
    for (let i = 0; i < x.length; i++) d[i] = x[i] <= c.kneeKeV ? c.flatPerKeVKgDay : c.flatPerKeVKgDay * Math.pow(c.kneeKeV / x[i], c.slopeAboveKnee);
    this.compton = new TabulatedSpectrum(x, d);
    this.lowExp = new TruncatedExponential(c.lowExpPerKeVKgDay, c.lowExpScaleKeV, c.minKeV, c.minKeV + 40 * c.lowExpScaleKeV);
    const n = config.neutrons;
    this.neutrons = new TruncatedExponential(n.perKeVKgDayAtZero, n.scaleKeV, n.minKeV, n.maxKeV);
    this.nobleCompton = config.nobleGas.species.map((s) => comptonContinuum(s.lineKeV));
    this.linesReferenceS = parseUtc(config.linesReferenceUtc, "linesReferenceUtc");
    const t = config.trigger;
    this.trigger = normalCdf.factory(t.e0KeV, t.sigmaKeV);
    this.triggerCertainKeV = t.e0KeV + 9 * t.sigmaKeV;
    const list = (Array.isArray(signal) ? signal : [signal]) as readonly SignalComponent[];
    this.signals = list.map((s, i) => {
      if (!(s.energiesKeV instanceof Float64Array) || !(s.ratePerKeVKgDay instanceof Float64Array)) {
        throw new Error(`signal[${i}]: energiesKeV and ratePerKeVKgDay must be Float64Arrays`);
      }
      const origin = s.origin ?? Origin.SIGNAL_EM;
      return { spectrum: new TabulatedSpectrum(s.energiesKeV, s.ratePerKeVKgDay), origin, label: s.label ?? originName(origin) };
    });
  }

  /** Rate of line k at time tS (POSIX s), counts/(kg day). */
  lineRatePerKgDay(k: number, tS: number): number {
    const l = this.config.lines[k];
    if (l.halfLifeDays <= 0) return l.ratePerKgDay;
    return l.ratePerKgDay * Math.pow(2, -(tS - this.linesReferenceS) / 86400 / l.halfLifeDays);
  }

  /** Smooth continuum without NaI energy (plateau + rise), counts/(keV kg day), at e keV. */
  continuumPerKeVKgDay(eKeV: number): number {
    const c = this.config.continuum;
    if (eKeV < c.minKeV || eKeV > c.endKeV) return 0;
    return this.compton.at(eKeV) + c.lowExpPerKeVKgDay * Math.exp(-eKeV / c.lowExpScaleKeV);
  }

  /** Resolution of channel ch (0..2) for a deposit of e keV: sqrt(sigma0^2 + F w E + (c E)^2), keV. */
  sigmaKeV(ch: number, eKeV: number): number {
    const r = this.config.resolution;
    const s0 = this.config.channels[ch].sigma0KeV;
    return Math.sqrt(s0 * s0 + r.fano * r.pairEnergyKeV * eKeV + (r.trappingFraction * eKeV) ** 2);
  }
}
