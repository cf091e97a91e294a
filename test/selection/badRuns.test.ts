import { describe, expect, it } from "vitest";
import { poissonUpperTail, rejectBadRuns } from "../../lib/selection/index.js";
import { makeEvents, makeRuns, type EventRow } from "./fixtures.js";

function tenPerRun(nRuns: number, extra: Record<number, number> = {}): EventRow[] {
  const rows: EventRow[] = [];
  for (let r = 1; r <= nRuns; r++) {
    const n = 100 + (extra[r] ?? 0);
    for (let i = 0; i < n; i++) rows.push({ run: r, t: (i + 0.5) * (3600 / n), e: 5 });
  }
  return rows;
}

describe("rejectBadRuns", () => {
  it("removes whole runs flagged ln2_fill or site_work, with their events and live time", () => {
    const runs = makeRuns({ n: 5, liveTimeS: 3500, ln2: [2], siteWork: [4] });
    const ev = makeEvents(tenPerRun(5));
    const cut = rejectBadRuns(ev, runs);
    expect(Array.from(cut.removedRuns)).toEqual([2, 4]);
    expect(Array.from(cut.reasons)).toEqual([1, 2]);
    expect(cut.eventsRemoved).toBe(200);
    expect(cut.liveTimeRemovedS).toBe(7000);
    for (let i = 0; i < ev.length; i++) expect(cut.keep[i]).toBe(ev.run[i] === 2 || ev.run[i] === 4 ? 0 : 1);
  });

  it("each flag can be switched off", () => {
    const runs = makeRuns({ n: 5, ln2: [2], siteWork: [4] });
    const cut = rejectBadRuns(makeEvents(tenPerRun(5)), runs, { ln2Fill: false });
    expect(Array.from(cut.removedRuns)).toEqual([4]);
  });

  it("rate outlier: a run with 3x the median low-energy rate goes, Poisson-stable runs stay", () => {
    const runs = makeRuns({ n: 9 });
    const ev = makeEvents(tenPerRun(9, { 5: 200, 7: 20 }));
    const cut = rejectBadRuns(ev, runs, { rateOutlier: { pThreshold: 1e-6 } });
    expect(cut.medianRatePerS).toBeCloseTo(100 / 3600, 12);
    // P(N >= 300 | 100) is ~1e-60; P(N >= 120 | 100) = 0.028 is not an outlier.
    expect(poissonUpperTail(120, 100)).toBeGreaterThan(1e-6);
    expect(Array.from(cut.removedRuns)).toEqual([5]);
    expect(Array.from(cut.reasons)).toEqual([4]);
  });
});
