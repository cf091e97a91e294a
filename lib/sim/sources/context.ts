/*
 * What every source of a run's events gets: the run's random stream, its row of the run plan,
 * the detector model and configuration, the conditions of the run's phase (its own channels and
 * noise direction where it has them: GEMMA sec. 3, Phase II periods), the bad-run noise factors
 * and the detector response that writes into the run's raw events.
 */
import type { NoiseFactors, PhaseConfig, SimConfig } from "../config.js";
import { RunState } from "../../events/runState.js";
import type { DetectorModel } from "../model.js";
import type { RawEvents } from "../rawEvents.js";
import { RngStream, SimRng } from "../rng.js";
import type { RunPlan } from "../schedule.js";
import { DetectorResponse } from "./response.js";

const SECONDS_PER_DAY = 86400;

export interface SourceContext {
  /** The run's own random stream (seed, run id): every source draws from it, in turn. */
  readonly rng: SimRng;
  readonly model: DetectorModel;
  readonly config: SimConfig;
  readonly plan: RunPlan;
  /** The run's row of the plan. */
  readonly row: number;
  readonly durationS: number;
  readonly days: number;
  readonly hours: number;
  readonly massKg: number;
  /** Signal scale: true power / nominal (0 when OFF). */
  readonly powerScale: number;
  /** Bad-run noise factors (LN2 filling, site work). */
  readonly noiseFactors: NoiseFactors;
  /** One of the detector's noisy runs (more noisy seconds). */
  readonly noisyRun: boolean;
  /** Direction (E1, E2, E3) of the off-diagonal artefacts in the run's phase. */
  readonly artefactDirection: readonly number[];
  readonly response: DetectorResponse;
}

const ONE: NoiseFactors = { artefacts: 1, bursts: 1, ringing: 1, pickup: 1 };

/**
 * The context of run `row` of the plan. Opens the run's random stream and makes its first draw:
 * whether the run is one of the detector's noisy runs.
 */
export function sourceContext(model: DetectorModel, plan: RunPlan, row: number, seed: number, phase: PhaseConfig | undefined, sink: RawEvents): SourceContext {
  const c = model.config;
  const D = plan.duration_s[row];
  const rng = new SimRng(seed, RngStream.RUN, plan.run[row]);
  const response = new DetectorResponse(rng, sink, model, c, phase?.channels ?? c.channels);
  const noiseFactors = { ...ONE };
  for (const [flag, fac] of [
    [plan.ln2_fill[row], c.runFlags.ln2Noise],
    [plan.site_work[row], c.runFlags.siteWorkNoise],
  ] as const) {
    if (flag) for (const k of Object.keys(noiseFactors) as (keyof NoiseFactors)[]) noiseFactors[k] *= fac[k];
  }
  const noisyRun = rng.chance(c.noise.bursts.noisyRunFraction);
  return {
    rng,
    model,
    config: c,
    plan,
    row,
    durationS: D,
    days: D / SECONDS_PER_DAY,
    hours: D / 3600,
    massKg: c.detectorMassKg,
    powerScale: plan.state[row] === RunState.OFF ? 0 : plan.truePowerGW[row] / c.power.nominalGW,
    noiseFactors,
    noisyRun,
    artefactDirection: phase?.artefactDirection ?? c.noise.artefacts.direction,
    response,
  };
}
