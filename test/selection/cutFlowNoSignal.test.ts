import { describe, expect, it } from "vitest";
import { Origin } from "../../lib/events/index.js";
import { runSelection } from "../../lib/selection/index.js";
import { makeEvents, makeRuns, type EventRow } from "./fixtures.js";

// 4 runs of 1000 s: runs 1-2 ON with 50 signal events each, runs 3-4 OFF with only artefacts (no signal).
function fixture(): EventRow[] {
  const rows: EventRow[] = [];
  for (let r = 1; r <= 4; r++) {
    if (r <= 2) for (let k = 0; k < 50; k++) rows.push({ run: r, t: 10 + 20 * k, e: 5, origin: Origin.SIGNAL_EM });
    rows.push({ run: r, t: 15.5, e1: 6, e2: 3, e3: 0, origin: Origin.ARTEFACT });
  }
  return rows;
}

describe("cut-flow JSON where no signal entered", () => {
  const runs = makeRuns({ n: 4, durationS: 1000, liveTimeS: 900, state: (i) => (i < 2 ? 1 : 0) });
  const sel = runSelection(makeEvents(fixture(), true), runs, { period: "2005-08" });
  const json = sel.cutFlow.toJSON() as { periods: { states: Record<string, { cuts: Record<string, unknown>[] }> }[] };
  it("an OFF state's cuts state signal_in = 0 and carry no signal_efficiency (never null)", () => {
    for (const c of json.periods[0].states.OFF.cuts) {
      expect(c.signal_in).toBe(0);
      expect(c).not.toHaveProperty("signal_efficiency");
    }
    // The ON state: 100 signal events enter the first cut, all kept by it.
    expect(json.periods[0].states.ON.cuts[0].signal_in).toBe(100);
    expect(json.periods[0].states.ON.cuts[0].signal_efficiency).toBe(1);
    expect(JSON.stringify(json)).not.toContain("null");
  });
});
