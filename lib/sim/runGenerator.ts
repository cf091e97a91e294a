import type { PhaseConfig } from "./config.js";
import type { DetectorModel } from "./model.js";
import { addRandomCoincidences } from "./randomCoincidences.js";
import { RawEvents } from "./rawEvents.js";
import type { RunEvents } from "./runEvents.js";
import { RunRecorder } from "./runRecorder.js";
import type { RunPlan } from "./schedule.js";
import { artefactEvents } from "./sources/artefacts.js";
import { sourceContext } from "./sources/context.js";
import { continuumEvents } from "./sources/continuum.js";
import { lineEvents } from "./sources/lines.js";
import { microphonicEvents } from "./sources/microphonics.js";
import { muonEvents } from "./sources/muons.js";
import { neutronEvents } from "./sources/neutrons.js";
import { nobleGasEvents } from "./sources/nobleGases.js";
import { noisySecondEvents } from "./sources/noisySeconds.js";
import { pickupEvents } from "./sources/pickup.js";
import { pulserEvents } from "./sources/pulser.js";
import { signalEvents } from "./sources/signal.js";

const SECONDS_PER_DAY = 86400;

/** What a run's generation produced besides its events (for the run table and the summary). */
export interface RunResult {
  deadTimeS: number;
  /** Pulses sent per pulser amplitude (null when not a pulser run). */
  pulsesSent: Float64Array | null;
  /** Expected signal counts in the live time, per signal component: all energies, and in the ROI (true energy). */
  signalExpected: Float64Array;
  signalExpectedRoi: Float64Array;
}

/**
 * Generates the events of run i of the plan, from its own random stream (seed, run id): physics
 * (signal, continuum, lines, noble gases, muons, neutrons), detector artefacts (off-diagonal pulses,
 * noisy seconds, microphonic trains, 50 Hz pick-up), test pulses (one file each in `sources/`,
 * called in that order: the order of the random draws, so that every seeded dataset keeps its
 * bytes); the trigger efficiency; random veto/NaI coincidences; sorting by time; the
 * non-paralysable dead time; ADC overflow. Writes the recorded events into `out` and returns the
 * dead time. Same (seed, plan, i) -> same events.
 */
export class RunGenerator {
  private readonly raw = new RawEvents();
  private readonly recorder = new RunRecorder();
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
    const raw = this.raw;
    raw.reset();
    const ctx = sourceContext(m, this.plan, i, this.seed, this.phases.get(this.plan.phase[i]), raw);
    // The sources, in the order of their random draws (do not reorder).
    signalEvents(ctx);
    continuumEvents(ctx);
    lineEvents(ctx);
    nobleGasEvents(ctx);
    muonEvents(ctx);
    neutronEvents(ctx);
    artefactEvents(ctx);
    noisySecondEvents(ctx);
    microphonicEvents(ctx);
    pickupEvents(ctx);
    const pulsesSent = pulserEvents(ctx);
    addRandomCoincidences(ctx, raw);
    const dead = this.recorder.record(raw, out, this.plan.run[i], ctx.durationS, m.config.daq);

    const live = ctx.durationS - dead;
    const mass = ctx.massKg;
    const signalExpected = new Float64Array(m.signals.length);
    const signalExpectedRoi = new Float64Array(m.signals.length);
    for (let k = 0; k < m.signals.length; k++) {
      signalExpected[k] = this.sigTotals[k] * mass * (live / SECONDS_PER_DAY) * ctx.powerScale;
      signalExpectedRoi[k] = this.sigRoi[k] * mass * (live / SECONDS_PER_DAY) * ctx.powerScale;
    }
    return { deadTimeS: dead, pulsesSent, signalExpected, signalExpectedRoi };
  }
}
