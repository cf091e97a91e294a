import { describe, expect, it } from "vitest";
import { applyCut, initialState, rejectNoisySeconds } from "../../lib/selection/index.js";
import { makeEvents, makeRuns, type EventRow } from "./fixtures.js";

/** k events in second s of run r with energies es (keV). */
function burst(run: number, s: number, es: number[]): EventRow[] {
  return es.map((e, i) => ({ run, t: s + (i + 0.5) / (es.length + 1), e }));
}

describe("rejectNoisySeconds (GEMMA cut 3: > 5 events above 2 keV in a second)", () => {
  const runs = makeRuns({ n: 2, durationS: 100.5, liveTimeS: 90.45 }); // live fraction 0.9
  const rows: EventRow[] = [
    ...burst(1, 10, [3, 3, 3, 3, 3, 3, 3, 3]), // 8 above 2 keV: removed
    ...burst(1, 20, [3, 3, 3, 3, 1.5, 1.9]), // 6 events, 2 below 2 keV: kept
    ...burst(1, 30, [3, 3, 3, 3, 3, 3, 1]), // 6 above (+1 below): removed, the 1 keV event too
    ...burst(1, 40, [3, 3, 3, 3, 3]), // exactly 5: kept
    ...burst(1, 50, [2, 2, 2, 2, 2, 2]), // 6 at exactly 2 keV: not above 2 keV: kept
    ...burst(2, 100, [5, 5, 5, 5, 5, 5]), // last, half second of run 2: removed, 0.5 s
    { run: 2, t: 3, e: 10 },
  ];
  const ev = makeEvents(rows);
  const cut = rejectNoisySeconds(ev, runs);

  it("removes exactly the planted noisy seconds with every event in them", () => {
    expect(cut.eventsRemoved).toBe(8 + 7 + 6);
    for (let i = 0; i < ev.length; i++) {
      const k = Math.floor(ev.time_s[i]);
      const noisy = (ev.run[i] === 1 && (k === 10 || k === 30)) || (ev.run[i] === 2 && k === 100);
      expect(cut.keep[i]).toBe(noisy ? 0 : 1);
    }
    expect(Array.from(cut.removedSeconds.runRows)).toEqual([0, 0, 1]);
    expect(Array.from(cut.removedSeconds.seconds)).toEqual([10, 30, 100]);
  });

  it("live time removed: 1 s per second (0.5 s for the run's last, partial second) times the live fraction", () => {
    expect(cut.liveTimeRemovedByRunS[0]).toBeCloseTo(2 * 0.9, 12);
    expect(cut.liveTimeRemovedByRunS[1]).toBeCloseTo(0.5 * 0.9, 12);
    expect(cut.liveTimeRemovedS).toBeCloseTo(2.5 * 0.9, 12);
  });

  it("threshold and multiplicity are parameters", () => {
    // > 4: seconds 10, 30, 40 (5 events), 100; second 20 has 4 above 2 keV, not more than 4.
    expect(Array.from(rejectNoisySeconds(ev, runs, { maxEventsPerSecond: 4 }).removedSeconds.seconds)).toEqual([10, 30, 40, 100]);
    // Above 1.8 keV: second 50 (six 2 keV events) joins; second 20 now has 5 (the 1.9 keV one), not more than 5.
    expect(Array.from(rejectNoisySeconds(ev, runs, { thresholdKeV: 1.8 }).removedSeconds.seconds)).toEqual([10, 30, 50, 100]);
  });

  it("counts only events kept by earlier cuts, and leaves removed runs alone", () => {
    const s0 = initialState(ev, runs);
    const active = Uint8Array.from(s0.active);
    for (let i = 0; i < ev.length; i++) if (ev.run[i] === 1 && Math.floor(ev.time_s[i]) === 10 && i % 2 === 0) active[i] = 0; // 4 of the 8 gone
    const runKeep = Uint8Array.from([1, 0]);
    const state = applyCut(s0, { name: "x", keep: active, runKeep, eventsRemoved: 0, liveTimeRemovedS: 0, liveTimeRemovedByRunS: Float64Array.from([0, runs.live_time_s[1]]) });
    const c = rejectNoisySeconds(ev, runs, {}, state);
    expect(Array.from(c.removedSeconds.seconds)).toEqual([30]);
    expect(c.eventsRemoved).toBe(7);
  });
});
