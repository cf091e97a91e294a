import { describe, expect, it } from "vitest";
import { BYTES_PER_EVENT, checkSimulationSize, estimateSimulationSize, MAX_SIMULATED_EVENTS } from "../../lib/sim/size.js";
import { gemmaConfig } from "../../lib/sim/index.js";
import type { SignalComponent } from "../../lib/sim/signal.js";

describe("simulation size estimate", () => {
  const config = gemmaConfig();
  it("the published GEMMA exposure comes out near the documented ~14 M events, ~0.5 GB", () => {
    const e = estimateSimulationSize(config, [], { full: true });
    expect(e.events).toBeGreaterThan(10e6);
    expect(e.events).toBeLessThan(20e6);
    expect(e.bytes).toBe(e.events * BYTES_PER_EVENT);
  });
  it("does not depend on the simulation's seed: the full GEMMA exposure of seed 19 (once refused at 7.3e7) is estimated as any other", () => {
    const e = estimateSimulationSize(config, [], { full: true });
    expect(checkSimulationSize(config, [], { full: true }).events).toBe(e.events);
    // 13.5 M events were written by nuem simulate --config gemma --full for seeds 11-20 (data/simulated/README.md).
    expect(e.events / 13.5e6).toBeGreaterThan(0.7);
    expect(e.events / 13.5e6).toBeLessThan(1.4);
  });
  it("a flat signal of 24 counts/(keV kg day) over 1 keV adds m_d = 1.5 events per ON hour (trapezoids are exact)", () => {
    const flat: SignalComponent = { energiesKeV: Float64Array.from([10, 10.5, 11]), ratePerKeVKgDay: Float64Array.from([24, 24, 24]) };
    const e = estimateSimulationSize(config, flat, { hoursOn: 10, hoursOff: 0 });
    expect(e.signalEventsPerOnHour).toBeCloseTo(config.detectorMassKg, 12);
  });
  it("refuses 1e9 hours ON with the estimate and the cap", () => {
    expect(() => checkSimulationSize(config, [], { hoursOn: 1e9, hoursOff: 0 })).toThrow(new RegExp(`would write ~\\d\\.\\de\\+1[12] events .*the cap is ${MAX_SIMULATED_EVENTS.toExponential(0).replace("+", "\\+")} events`));
  });
});
