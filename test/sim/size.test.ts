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
  it("a flat signal of 24 counts/(keV kg day) over 1 keV adds m_d = 1.5 events per ON hour (trapezoids are exact)", () => {
    const flat: SignalComponent = { energiesKeV: Float64Array.from([10, 10.5, 11]), ratePerKeVKgDay: Float64Array.from([24, 24, 24]) };
    const e = estimateSimulationSize(config, flat, { hoursOn: 10, hoursOff: 0 });
    expect(e.signalEventsPerOnHour).toBeCloseTo(config.detectorMassKg, 12);
  });
  it("refuses 1e9 hours ON with the estimate and the cap", () => {
    expect(() => checkSimulationSize(config, [], { hoursOn: 1e9, hoursOff: 0 })).toThrow(new RegExp(`would write ~1\\.\\de\\+12 events .*the cap is ${MAX_SIMULATED_EVENTS.toExponential(0).replace("+", "\\+")} events`));
  });
});
