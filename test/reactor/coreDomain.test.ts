import { describe, expect, it } from "vitest";
import { experimentCore, loadExperiment } from "../../lib/reactor/experiments.js";
import { MAX_CORE_POWER_GW, reactorSpectrum } from "../../lib/reactor/reactorSpectrum.js";

describe("reactor core domain", () => {
  it("refuses a thermal power of 1e300 GW, naming the accepted range", () => {
    const core = experimentCore(loadExperiment("gemma"), { thermalPowerGW: 1e300 });
    expect(() => reactorSpectrum(core)).toThrow(`reactor core: thermalPowerGW must be a number in (0, ${MAX_CORE_POWER_GW}] GW, got 1e+300`);
  });
});
