import { describe, expect, it } from "vitest";
import { runRates, timeIntervals } from "../../lib/events/index.js";
import { makeEvents, makeRuns } from "./helpers.js";

describe("event diagnostics", () => {
  const runs = makeRuns(4);
  const ev = makeEvents(2000, runs, 7);
  it("runRates counts each non-pulser event of the window once, in its own run", () => {
    const r = runRates(ev, runs, -Infinity, Infinity);
    let nonPulser = 0;
    for (let k = 0; k < ev.length; k++) if (!ev.pulser[k]) nonPulser++;
    expect(r.counts.reduce((a, b) => a + b, 0)).toBe(nonPulser);
    for (let i = 0; i < runs.length; i++) expect(r.rate_per_hour[i]).toBeCloseTo((r.counts[i] / runs.live_time_s[i]) * 3600, 10);
  });
  it("timeIntervals gives one gap per event after the first of its run, and they add up to the span", () => {
    const dt = timeIntervals(ev);
    const perRun = new Map<number, number[]>();
    for (let k = 0; k < ev.length; k++) perRun.set(ev.run[k], [...(perRun.get(ev.run[k]) ?? []), ev.time_s[k]]);
    expect(dt.length).toBe(ev.length - perRun.size);
    const span = [...perRun.values()].reduce((s, t) => s + (t[t.length - 1] - t[0]), 0);
    expect(dt.reduce((a, b) => a + b, 0)).toBeCloseTo(span, 6);
  });
});
