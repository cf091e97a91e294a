import { describe, expect, it } from "vitest";
import { ORIGIN_NAMES, Origin, RUN_STATE_NAMES, RunState, originName, parseOrigin, parseRunState } from "../../lib/events/index.js";

describe("origin and run-state codes", () => {
  it("each Origin constant indexes its own name (codes are part of the file format)", () => {
    expect(Object.keys(Origin).map((k) => k.toLowerCase().replace(/_/g, "-"))).toEqual([...ORIGIN_NAMES]);
    for (const [k, v] of Object.entries(Origin)) expect(ORIGIN_NAMES[v]).toBe(k.toLowerCase().replace(/_/g, "-"));
    expect(Origin.UNKNOWN).toBe(0);
  });

  it("parseOrigin takes names (any case, _ or -) and codes, and refuses the rest", () => {
    expect(parseOrigin("noble-gas")).toBe(Origin.NOBLE_GAS);
    expect(parseOrigin(" Noble_Gas ")).toBe(Origin.NOBLE_GAS);
    expect(parseOrigin("10")).toBe(Origin.PULSER);
    expect(parseOrigin("13")).toBeUndefined();
    expect(parseOrigin("cosmic")).toBeUndefined();
    expect(originName(Origin.RINGING)).toBe("ringing");
    expect(originName(200)).toBe("code 200");
  });

  it("RunState codes match their names", () => {
    for (const [k, v] of Object.entries(RunState)) expect(RUN_STATE_NAMES[v]).toBe(k);
    expect(parseRunState("on")).toBe(RunState.ON);
    expect(parseRunState("2")).toBe(RunState.TRANSITION);
    expect(parseRunState("3")).toBeUndefined();
  });
});
