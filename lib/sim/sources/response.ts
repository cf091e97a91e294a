/*
 * The detector's response to what a source makes, as the run generator has always applied it
 * (lib/sim/README.md, "The detector"): the trigger, GEMMA (4), on the true energy or the noise
 * amplitude; for a deposit, the common statistical spread sqrt(F w E + (c E)^2) then each
 * channel's gain and electronic noise; for a noise pulse, its direction (E1 : E2 : E3) with a
 * relative spread; for a test pulse, the electronic noise alone; the NaI energy above its
 * threshold. Each call draws from the run's stream in a fixed order (trigger, spread, E1, E2, E3).
 */
import { Origin } from "../../events/origin.js";
import type { ChannelConfig, SimConfig } from "../config.js";
import type { DetectorModel } from "../model.js";
import type { RawEvents } from "../rawEvents.js";
import type { SimRng } from "../rng.js";

/** The response of one run's detector (its phase's channels), writing into the run's raw events. */
export class DetectorResponse {
  private readonly g1: number;
  private readonly g2: number;
  private readonly g3: number;
  private readonly s01: number;
  private readonly s02: number;
  private readonly s03: number;
  /** F w (keV) and c of the statistical spread. */
  private readonly fw: number;
  private readonly tr: number;
  private readonly trig: (eKeV: number) => number;
  private readonly trigCertain: number;
  private readonly naiThresholdKeV: number;
  /** The E1 : E2 : E3 direction of real pulses: the channel gains. */
  readonly diagonal: readonly number[];

  constructor(
    private readonly rng: SimRng,
    private readonly sink: RawEvents,
    model: DetectorModel,
    config: SimConfig,
    channels: readonly ChannelConfig[],
  ) {
    this.g1 = channels[0].gain;
    this.g2 = channels[1].gain;
    this.g3 = channels[2].gain;
    this.s01 = channels[0].sigma0KeV;
    this.s02 = channels[1].sigma0KeV;
    this.s03 = channels[2].sigma0KeV;
    this.fw = config.resolution.fano * config.resolution.pairEnergyKeV;
    this.tr = config.resolution.trappingFraction;
    this.trig = model.trigger;
    this.trigCertain = model.triggerCertainKeV;
    this.naiThresholdKeV = config.daq.naiThresholdKeV;
    this.diagonal = [this.g1, this.g2, this.g3];
  }

  /** A physical deposit e (keV) at time t (s): common statistical spread, then each channel's gain and noise. */
  deposit(t: number, e: number, nai: number, veto: number, origin: number): void {
    const rng = this.rng;
    if (e < this.trigCertain && !(rng.uniform() < this.trig(e))) return;
    const sStat = Math.sqrt(this.fw * e + this.tr * this.tr * e * e);
    const es = sStat > 0 ? e + rng.gauss(0, sStat) : e;
    this.sink.push(t, this.g1 * es + rng.gauss(0, this.s01), this.g2 * es + rng.gauss(0, this.s02), this.g3 * es + rng.gauss(0, this.s03), nai, veto, 0, origin, e);
  }

  /** A noise pulse of amplitude a (largest channel) along direction d (E1, E2, E3 ratios); false when it does not trigger. */
  noisePulse(t: number, a: number, d: readonly number[], spread: number, origin: number): boolean {
    const rng = this.rng;
    if (a < this.trigCertain && !(rng.uniform() < this.trig(a))) return false;
    const dmax = Math.max(d[0], d[1], d[2]);
    const k = a / dmax;
    const e1 = k * d[0] * (1 + rng.gauss(0, spread)) + rng.gauss(0, this.s01);
    const e2 = k * d[1] * (1 + rng.gauss(0, spread)) + rng.gauss(0, this.s02);
    const e3 = k * d[2] * (1 + rng.gauss(0, spread)) + rng.gauss(0, this.s03);
    this.sink.push(t, e1, e2, e3, 0, 0, 0, origin, 0);
    return true;
  }

  /** A test pulse of amplitude a (keV): the trigger, then the channels' gains and electronic noise only. */
  testPulse(t: number, a: number): void {
    const rng = this.rng;
    if (a < this.trigCertain && !(rng.uniform() < this.trig(a))) return;
    this.sink.push(t, this.g1 * a + rng.gauss(0, this.s01), this.g2 * a + rng.gauss(0, this.s02), this.g3 * a + rng.gauss(0, this.s03), 0, 0, 1, Origin.PULSER, a);
  }

  /** An energy in the NaI cup: its threshold plus an exponential of mean `meanKeV`. */
  naiEnergy(meanKeV: number): number {
    return this.naiThresholdKeV + this.rng.exponential(meanKeV);
  }
}
