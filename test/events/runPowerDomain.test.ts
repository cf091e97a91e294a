import { describe, expect, it } from "vitest";
import { checkRunTable, MAX_THERMAL_POWER_GW } from "../../lib/events/validate.js";
import { makeRuns } from "./helpers.js";

describe("run table: thermal power", () => {
  it("refuses 1e300 GW naming the run and the accepted range", () => {
    const runs = makeRuns(3);
    runs.thermal_power_gw[1] = 1e300;
    expect(() => checkRunTable("runs.arrow", runs)).toThrow(`thermal_power_gw of run ${runs.run[1]} is 1e+300, expected a number in [0, ${MAX_THERMAL_POWER_GW}] GW`);
    runs.thermal_power_gw[1] = 3.0;
    expect(() => checkRunTable("runs.arrow", runs)).not.toThrow();
  });
});
