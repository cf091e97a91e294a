// The event sources of lib/sim/sources/ one at a time, on a one-run plan, against closed forms:
// a noiseless detector reproduces the gains and noise directions exactly; the pulser sends
// D x rate pulses cycled over its amplitudes; an OFF run has no signal.
import { describe, expect, it } from "vitest";
import { Origin } from "../../lib/events/origin.js";
import { RunState } from "../../lib/events/runState.js";
import { DetectorModel, freeElectronClosedFormSignal, gemmaConfig, type RunPlan, type SimConfig } from "../../lib/sim/index.js";
import { RawEvents } from "../../lib/sim/rawEvents.js";
import { sourceContext } from "../../lib/sim/sources/context.js";
import { pulserEvents } from "../../lib/sim/sources/pulser.js";
import { signalEvents } from "../../lib/sim/sources/signal.js";

const GAINS = [1.05, 1.0, 0.95];

/** GEMMA with no electronic noise and no statistical spread. */
function noiseless(): SimConfig {
  const c = gemmaConfig({ resolution: { fano: 0, trappingFraction: 0 } });
  return { ...c, channels: c.channels.map((ch, i) => ({ ...ch, gain: GAINS[i], sigma0KeV: 0 })) };
}

/** A plan of one run of `durationS` seconds. */
function onePlan(state: number, pulser: number, durationS = 3600): RunPlan {
  return {
    length: 1,
    run: Int32Array.of(1),
    start_utc: Float64Array.of(1.1e9),
    duration_s: Float64Array.of(durationS),
    truePowerGW: Float64Array.of(state === RunState.ON ? 3 : 0),
    loggedPowerGW: Float64Array.of(state === RunState.ON ? 3 : 0),
    state: Uint8Array.of(state),
    phase: Int32Array.of(1),
    ln2_fill: Uint8Array.of(0),
    site_work: Uint8Array.of(0),
    pulser: Uint8Array.of(pulser),
    nobleStrong: Uint8Array.of(0),
    nobleLinesPerHour: new Float64Array(3),
    species: [],
    episodes: [],
    phases: [],
  };
}

describe("the detector response of the sources", () => {
  const config = noiseless();
  const model = new DetectorModel(config, freeElectronClosedFormSignal(0));
  const raw = new RawEvents();
  const ctx = sourceContext(model, onePlan(RunState.ON, 0), 0, 3, undefined, raw);

  it("a deposit above the trigger reads gain x E in each channel, with its true energy", () => {
    ctx.response.deposit(5, 100, 0, 0, Origin.CONTINUUM);
    expect([raw.e1[0], raw.e2[0], raw.e3[0]]).toEqual([105, 100, 95]);
    expect([raw.time[0], raw.etrue[0], raw.pulser[0], raw.origin[0]]).toEqual([5, 100, 0, Origin.CONTINUUM]);
  });

  it("a noise pulse of amplitude A along (1, 0.55, 0.25) without spread reads (A, 0.55 A, 0.25 A), no true energy", () => {
    expect(ctx.response.noisePulse(7, 20, [1, 0.55, 0.25], 0, Origin.ARTEFACT)).toBe(true);
    expect([raw.e1[1], raw.e2[1], raw.e3[1], raw.etrue[1]]).toEqual([20, 0.55 * 20, 0.25 * 20, 0]);
  });

  it("a test pulse reads gain x amplitude, flagged as pulser", () => {
    ctx.response.testPulse(9, 50);
    expect([raw.e1[2], raw.e2[2], raw.e3[2], raw.pulser[2], raw.origin[2]]).toEqual([52.5, 50, 47.5, 1, Origin.PULSER]);
  });

  it("the diagonal is the channel gains", () => {
    expect(ctx.response.diagonal).toEqual(GAINS);
  });
});

describe("sources on a one-run plan", () => {
  const config = gemmaConfig();
  const model = new DetectorModel(config, freeElectronClosedFormSignal(1e-9));

  it("pulser: 3600 s x 5 Hz = 18000 pulses, cycled over the 13 amplitudes (1385 or 1384 each)", () => {
    const raw = new RawEvents();
    const sent = pulserEvents(sourceContext(model, onePlan(RunState.ON, 1), 0, 3, undefined, raw))!;
    const K = config.pulser.amplitudesKeV.length;
    expect(K).toBe(13);
    expect(Array.from(sent)).toEqual(Array.from({ length: K }, (_, k) => (k < 18000 % K ? Math.ceil(18000 / K) : Math.floor(18000 / K))));
    expect(raw.n).toBeGreaterThan(0);
    expect(raw.origin.subarray(0, raw.n).every((o) => o === Origin.PULSER)).toBe(true);
  });

  it("pulser: none in a run that is not a pulser run, and no draw", () => {
    const raw = new RawEvents();
    const ctx = sourceContext(model, onePlan(RunState.ON, 0), 0, 3, undefined, raw);
    expect(pulserEvents(ctx)).toBeNull();
    expect(raw.n).toBe(0);
  });

  it("signal: none in an OFF run; an ON run at mu = 1e-9 has some", () => {
    const off = new RawEvents();
    signalEvents(sourceContext(model, onePlan(RunState.OFF, 0), 0, 3, undefined, off));
    expect(off.n).toBe(0);
    const on = new RawEvents();
    signalEvents(sourceContext(model, onePlan(RunState.ON, 0, 86400), 0, 3, undefined, on));
    expect(on.n).toBeGreaterThan(0);
    for (let j = 0; j < on.n; j++) expect([Origin.SIGNAL_EM, Origin.SIGNAL_WEAK]).toContain(on.origin[j]);
  });
});
