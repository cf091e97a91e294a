import { Origin } from "../events/origin.js";
import { RunState } from "../events/runState.js";
import type { NoiseFactors, PhaseConfig } from "./config.js";
import type { DetectorModel } from "./model.js";
import { RngStream, SimRng } from "./rng.js";
import type { RunPlan } from "./schedule.js";

const SECONDS_PER_DAY = 86400;

/** Events of one run as generated (unsorted), float64 while being built. */
class RawEvents {
  n = 0;
  cap = 0;
  time = new Float64Array(0);
  e1 = new Float64Array(0);
  e2 = new Float64Array(0);
  e3 = new Float64Array(0);
  nai = new Float64Array(0);
  etrue = new Float64Array(0);
  veto = new Uint8Array(0);
  pulser = new Uint8Array(0);
  origin = new Uint8Array(0);

  reset(): void {
    this.n = 0;
  }

  push(t: number, e1: number, e2: number, e3: number, nai: number, veto: number, pulser: number, origin: number, etrue: number): void {
    if (this.n === this.cap) this.grow();
    const i = this.n++;
    this.time[i] = t;
    this.e1[i] = e1;
    this.e2[i] = e2;
    this.e3[i] = e3;
    this.nai[i] = nai;
    this.veto[i] = veto;
    this.pulser[i] = pulser;
    this.origin[i] = origin;
    this.etrue[i] = etrue;
  }

  private grow(): void {
    const cap = Math.max(1024, this.cap * 2);
    const f = (a: Float64Array) => {
      const b = new Float64Array(cap);
      b.set(a);
      return b;
    };
    const u = (a: Uint8Array) => {
      const b = new Uint8Array(cap);
      b.set(a);
      return b;
    };
    this.time = f(this.time);
    this.e1 = f(this.e1);
    this.e2 = f(this.e2);
    this.e3 = f(this.e3);
    this.nai = f(this.nai);
    this.etrue = f(this.etrue);
    this.veto = u(this.veto);
    this.pulser = u(this.pulser);
    this.origin = u(this.origin);
    this.cap = cap;
  }
}

/** The recorded events of one run, sorted by time, in the column types of the event files. */
export class RunEvents {
  length = 0;
  private cap = 0;
  time_s = new Float64Array(0);
  run = new Int32Array(0);
  e1_kev = new Float32Array(0);
  e2_kev = new Float32Array(0);
  e3_kev = new Float32Array(0);
  nai_kev = new Float32Array(0);
  veto = new Uint8Array(0);
  pulser = new Uint8Array(0);
  origin = new Uint8Array(0);
  e_true_kev = new Float32Array(0);

  ensure(n: number): void {
    if (n <= this.cap) return;
    const cap = Math.max(n, this.cap * 2, 1024);
    this.time_s = new Float64Array(cap);
    this.run = new Int32Array(cap);
    this.e1_kev = new Float32Array(cap);
    this.e2_kev = new Float32Array(cap);
    this.e3_kev = new Float32Array(cap);
    this.nai_kev = new Float32Array(cap);
    this.veto = new Uint8Array(cap);
    this.pulser = new Uint8Array(cap);
    this.origin = new Uint8Array(cap);
    this.e_true_kev = new Float32Array(cap);
    this.cap = cap;
  }

  /** The first `length` rows as event columns with truth, for `EventWriter.write`. */
  columns() {
    const n = this.length;
    return {
      time_s: this.time_s.subarray(0, n),
      run: this.run.subarray(0, n),
      e1_kev: this.e1_kev.subarray(0, n),
      e2_kev: this.e2_kev.subarray(0, n),
      e3_kev: this.e3_kev.subarray(0, n),
      nai_kev: this.nai_kev.subarray(0, n),
      veto: this.veto.subarray(0, n),
      pulser: this.pulser.subarray(0, n),
      truth: { origin: this.origin.subarray(0, n), e_true_kev: this.e_true_kev.subarray(0, n) },
    };
  }
}

/** What a run's generation produced besides its events (for the run table and the summary). */
export interface RunResult {
  deadTimeS: number;
  /** Pulses sent per pulser amplitude (null when not a pulser run). */
  pulsesSent: Float64Array | null;
  /** Expected signal counts in the live time, per signal component: all energies, and in the ROI (true energy). */
  signalExpected: Float64Array;
  signalExpectedRoi: Float64Array;
}

const ONE: NoiseFactors = { artefacts: 1, bursts: 1, ringing: 1, pickup: 1 };

/**
 * Generates the events of run i of the plan, from its own random stream (seed, run id): physics
 * (signal, continuum, lines, noble gases, muons, neutrons), detector artefacts (off-diagonal pulses,
 * noisy seconds, microphonic trains, 50 Hz pick-up), test pulses; the trigger efficiency; random
 * veto/NaI coincidences; sorting by time; the non-paralysable dead time; ADC overflow. Writes the
 * recorded events into `out` and returns the dead time. Same (seed, plan, i) -> same events.
 */
export class RunGenerator {
  private readonly raw = new RawEvents();
  private order = new Uint32Array(0);
  private readonly sigTotals: Float64Array;
  private readonly sigRoi: Float64Array;
  private readonly phases: Map<number, PhaseConfig>;

  constructor(readonly model: DetectorModel, readonly plan: RunPlan, readonly seed: number) {
    this.phases = new Map(model.config.phases.map((p) => [p.id, p]));
    this.sigTotals = Float64Array.from(model.signals.map((s) => s.spectrum.total));
    this.sigRoi = Float64Array.from(model.signals.map((s) => model.config.roiKeV.reduce((acc, [a, b]) => acc + s.spectrum.integral(a, b), 0)));
  }

  generate(i: number, out: RunEvents): RunResult {
    const m = this.model;
    const c = m.config;
    const plan = this.plan;
    const runId = plan.run[i];
    const D = plan.duration_s[i];
    const rng = new SimRng(this.seed, RngStream.RUN, runId);
    const raw = this.raw;
    raw.reset();
    const mass = c.detectorMassKg;
    const days = D / SECONDS_PER_DAY;
    const hours = D / 3600;
    // The phase's own channel conditions and noise direction, where it has them (GEMMA sec. 3, Phase II periods).
    const phase = this.phases.get(plan.phase[i]);
    const channels = phase?.channels ?? c.channels;
    const artefactDirection = phase?.artefactDirection ?? c.noise.artefacts.direction;
    const g1 = channels[0].gain;
    const g2 = channels[1].gain;
    const g3 = channels[2].gain;
    const s01 = channels[0].sigma0KeV;
    const s02 = channels[1].sigma0KeV;
    const s03 = channels[2].sigma0KeV;
    const fw = c.resolution.fano * c.resolution.pairEnergyKeV;
    const tr = c.resolution.trappingFraction;
    const trig = m.trigger;
    const trigCertain = m.triggerCertainKeV;

    /** A physical deposit e (keV): common statistical spread, then each channel's gain and noise. */
    const physics = (t: number, e: number, nai: number, veto: number, origin: number): void => {
      if (e < trigCertain && !(rng.uniform() < trig(e))) return;
      const sStat = Math.sqrt(fw * e + tr * tr * e * e);
      const es = sStat > 0 ? e + rng.gauss(0, sStat) : e;
      raw.push(t, g1 * es + rng.gauss(0, s01), g2 * es + rng.gauss(0, s02), g3 * es + rng.gauss(0, s03), nai, veto, 0, origin, e);
    };
    /** A noise pulse of amplitude a (largest channel) along direction d (E1, E2, E3 ratios). */
    const noise = (t: number, a: number, d: readonly number[], spread: number, origin: number): boolean => {
      if (a < trigCertain && !(rng.uniform() < trig(a))) return false;
      const dmax = Math.max(d[0], d[1], d[2]);
      const k = a / dmax;
      const e1 = k * d[0] * (1 + rng.gauss(0, spread)) + rng.gauss(0, s01);
      const e2 = k * d[1] * (1 + rng.gauss(0, spread)) + rng.gauss(0, s02);
      const e3 = k * d[2] * (1 + rng.gauss(0, spread)) + rng.gauss(0, s03);
      raw.push(t, e1, e2, e3, 0, 0, 0, origin, 0);
      return true;
    };
    const naiEnergy = (mean: number) => c.daq.naiThresholdKeV + rng.exponential(mean);

    // Bad-run noise factors and the detector's noisy runs.
    const f = { ...ONE };
    for (const [flag, fac] of [
      [plan.ln2_fill[i], c.runFlags.ln2Noise],
      [plan.site_work[i], c.runFlags.siteWorkNoise],
    ] as const) {
      if (flag) for (const k of Object.keys(f) as (keyof NoiseFactors)[]) f[k] *= fac[k];
    }
    const noisy = rng.chance(c.noise.bursts.noisyRunFraction);
    // Noisy seconds look like real pulses: on the diagonal (through the channel gains).
    const diagonal = [g1, g2, g3];

    // 1. Injected signal, scaled by the true power (0 when OFF).
    const powerScale = plan.state[i] === RunState.OFF ? 0 : plan.truePowerGW[i] / c.power.nominalGW;
    m.signals.forEach((s) => {
      const mu = s.spectrum.total * mass * days * powerScale;
      const n = rng.count(mu);
      for (let j = 0; j < n; j++) physics(rng.uniform() * D, s.spectrum.sample(rng.uniform()), 0, 0, s.origin);
    });

    // 2. Continuum: Compton plateau (a share tagged by the NaI) and the rise towards threshold.
    {
      const ratio = c.continuum.naiTaggedRatio;
      const n = rng.count(m.compton.total * (1 + ratio) * mass * days);
      const pTag = ratio / (1 + ratio);
      for (let j = 0; j < n; j++) {
        const e = m.compton.sample(rng.uniform());
        const nai = rng.uniform() < pTag ? naiEnergy(c.continuum.naiMeanKeV) : 0;
        physics(rng.uniform() * D, e, nai, 0, Origin.CONTINUUM);
      }
      const nl = rng.count(m.lowExp.total * mass * days);
      for (let j = 0; j < nl; j++) physics(rng.uniform() * D, m.lowExp.sample(rng.uniform()), 0, 0, Origin.CONTINUUM);
    }

    // 3. Lines (cosmogenic decaying at the run's mid-time; background gammas).
    const tMid = plan.start_utc[i] + D / 2;
    c.lines.forEach((l, k) => {
      const n = rng.count(m.lineRatePerKgDay(k, tMid) * mass * days);
      for (let j = 0; j < n; j++) {
        const nai = l.naiFraction > 0 && rng.uniform() < l.naiFraction ? naiEnergy(c.continuum.naiMeanKeV) : 0;
        physics(rng.uniform() * D, l.energyKeV, nai, 0, Origin.LINE);
      }
    });

    // 4. Noble gases: line, X-rays, Klein-Nishina Compton continuum (partly NaI-tagged).
    const S = c.nobleGas.species.length;
    c.nobleGas.species.forEach((s, g) => {
      const lines = plan.nobleLinesPerHour[i * S + g] * hours;
      if (!(lines > 0)) return;
      const nLine = rng.count(lines);
      for (let j = 0; j < nLine; j++) physics(rng.uniform() * D, s.lineKeV, 0, 0, Origin.NOBLE_GAS);
      for (const x of s.xrays) {
        const nx = rng.count(lines * x.perLine);
        for (let j = 0; j < nx; j++) physics(rng.uniform() * D, x.energyKeV, 0, 0, Origin.NOBLE_GAS);
      }
      const nc = rng.count(lines * s.comptonPerLine);
      for (let j = 0; j < nc; j++) {
        const e = m.nobleCompton[g].sample(rng.uniform());
        const nai = rng.uniform() < s.comptonNaiFraction ? naiEnergy(c.continuum.naiMeanKeV) : 0;
        physics(rng.uniform() * D, e, nai, 0, Origin.NOBLE_GAS);
      }
    });

    // 5. Muons through the crystal and the NaI; 6. muon-induced neutrons (quenched recoils).
    {
      const mu = c.muons;
      const n = rng.count(mu.ratePerHour * hours);
      for (let j = 0; j < n; j++) {
        const e = mu.dEdxKeVPerCm * rng.between(0.2, mu.maxPathCm);
        const veto = rng.uniform() < mu.vetoEfficiency ? 1 : 0;
        physics(rng.uniform() * D, e, naiEnergy(mu.naiMeanKeV), veto, Origin.MUON);
      }
      const nn = rng.count(m.neutrons.total * mass * days);
      for (let j = 0; j < nn; j++) {
        const e = m.neutrons.sample(rng.uniform());
        const veto = rng.uniform() < c.neutrons.vetoEfficiency ? 1 : 0;
        physics(rng.uniform() * D, e, 0, veto, Origin.NEUTRON);
      }
    }

    // 7. Off-diagonal artefacts (GEMMA cut 5).
    {
      const a = c.noise.artefacts;
      const n = rng.count(a.ratePerHour * f.artefacts * hours);
      for (let j = 0; j < n; j++) noise(rng.uniform() * D, a.amplitudeMinKeV + rng.exponential(a.amplitudeMeanKeV), artefactDirection, a.directionSpread, Origin.ARTEFACT);
    }
    // 8. Noisy seconds (GEMMA cut 3): whole seconds of the run, on the diagonal.
    {
      const b = c.noise.bursts;
      const n = rng.count(b.ratePerHour * f.bursts * (noisy ? b.noisyRunFactor : 1) * hours);
      const whole = Math.floor(D);
      for (let j = 0; j < n; j++) {
        const s0 = rng.index(whole);
        const len = 1 + rng.geometric(1 / (1 + b.meanExtraSeconds));
        for (let s = s0; s < Math.min(s0 + len, whole); s++) {
          const k = rng.count(b.eventsPerSecond);
          for (let q = 0; q < k; q++) noise(s + rng.uniform(), b.amplitudeMinKeV + rng.exponential(b.amplitudeMeanKeV), diagonal, 0.02, Origin.NOISE_BURST);
        }
      }
    }
    // 9. Microphonic trains (GEMMA cut 4): gaps below 80 ms; a train ends when its (decaying)
    //    oscillation no longer triggers.
    {
      const r = c.noise.ringing;
      const n = rng.count(r.trainsPerHour * f.ringing * hours);
      for (let j = 0; j < n; j++) {
        let t = rng.uniform() * D;
        let amp = r.amplitudeMinKeV + rng.exponential(r.firstAmplitudeMeanKeV);
        const len = 2 + rng.geometric(1 / (1 + r.meanExtraEvents));
        for (let q = 0; q < len && t < D; q++) {
          if (!noise(t, amp, r.direction, r.directionSpread, Origin.RINGING)) break;
          t += rng.between(r.minGapMs, r.maxGapMs) / 1000;
          amp = Math.max(r.amplitudeMinKeV, amp * r.decay);
        }
      }
    }
    // 10. 50 Hz pick-up (GEMMA cut 4): events on the mains cycle, at n x 20.0 ms from each other.
    {
      const p = c.noise.pickup;
      const n = rng.count(p.episodesPerHour * f.pickup * hours);
      const period = p.periodMs / 1000;
      const jitter = p.jitterMs / 1000;
      for (let j = 0; j < n; j++) {
        const t0 = rng.uniform() * D;
        const cycles = Math.floor(rng.between(p.durationS[0], p.durationS[1]) / period);
        for (let q = 0; q < cycles; q++) {
          if (!(rng.uniform() < p.cycleProbability)) continue;
          const t = t0 + q * period + rng.gauss(0, jitter);
          const amp = p.amplitudeMinKeV + rng.exponential(p.amplitudeMeanKeV);
          if (t >= 0 && t < D) noise(t, amp, p.direction, p.directionSpread, Origin.PICKUP);
        }
      }
    }
    // 11. Test pulser: periodic pulses, amplitudes in turn; electronic noise only; trigger GEMMA (4).
    let pulsesSent: Float64Array | null = null;
    if (plan.pulser[i] && c.pulser.rateHz > 0 && c.pulser.amplitudesKeV.length > 0) {
      const amps = c.pulser.amplitudesKeV;
      pulsesSent = new Float64Array(amps.length);
      const dt = 1 / c.pulser.rateHz;
      const t0 = rng.uniform() * dt;
      for (let q = 0; t0 + q * dt < D; q++) {
        const k = q % amps.length;
        const a = amps[k];
        pulsesSent[k]++;
        if (a < trigCertain && !(rng.uniform() < trig(a))) continue;
        raw.push(t0 + q * dt, g1 * a + rng.gauss(0, s01), g2 * a + rng.gauss(0, s02), g3 * a + rng.gauss(0, s03), 0, 0, 1, Origin.PULSER, a);
      }
    }

    // Random coincidences with the veto and the NaI.
    const pv = c.daq.randomVetoProbability;
    const pn = c.daq.randomNaiProbability;
    for (let j = 0; j < raw.n; j++) {
      if (rng.uniform() < pv) raw.veto[j] = 1;
      if (raw.nai[j] === 0 && rng.uniform() < pn) raw.nai[j] = naiEnergy(c.daq.randomNaiMeanKeV);
    }

    // Sort by time (stable on ties), apply the non-paralysable dead time, clip to the ADC ranges.
    const n = raw.n;
    if (this.order.length < n) this.order = new Uint32Array(Math.max(n, this.order.length * 2));
    const order = this.order.subarray(0, n);
    for (let j = 0; j < n; j++) order[j] = j;
    const time = raw.time;
    order.sort((a, b) => time[a] - time[b] || a - b);
    out.ensure(n);
    const tau = c.daq.deadTimePerEventS;
    const adc = c.daq.adcMaxKeV;
    const naiMax = c.daq.naiAdcMaxKeV;
    let kept = 0;
    let busyUntil = -Infinity;
    let dead = 0;
    for (let j = 0; j < n; j++) {
      const k = order[j];
      const t = time[k];
      if (t < busyUntil) continue;
      busyUntil = t + tau;
      dead += Math.min(tau, D - t);
      out.time_s[kept] = t;
      out.run[kept] = runId;
      out.e1_kev[kept] = Math.min(raw.e1[k], adc);
      out.e2_kev[kept] = Math.min(raw.e2[k], adc);
      out.e3_kev[kept] = Math.min(raw.e3[k], adc);
      out.nai_kev[kept] = Math.min(raw.nai[k], naiMax);
      out.veto[kept] = raw.veto[k];
      out.pulser[kept] = raw.pulser[k];
      out.origin[kept] = raw.origin[k];
      out.e_true_kev[kept] = raw.etrue[k];
      kept++;
    }
    out.length = kept;
    const live = D - dead;
    const signalExpected = new Float64Array(m.signals.length);
    const signalExpectedRoi = new Float64Array(m.signals.length);
    for (let k = 0; k < m.signals.length; k++) {
      signalExpected[k] = this.sigTotals[k] * mass * (live / SECONDS_PER_DAY) * powerScale;
      signalExpectedRoi[k] = this.sigRoi[k] * mass * (live / SECONDS_PER_DAY) * powerScale;
    }
    return { deadTimeS: dead, pulsesSent, signalExpected, signalExpectedRoi };
  }
}
