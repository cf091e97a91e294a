import { describe, expect, it } from "vitest";
import { rejectNobleGas, zFromOneSidedP } from "../../lib/selection/index.js";
import { directPoissonUpper, makeRuns, type EventRow, makeEvents } from "./fixtures.js";


// 12 one-hour runs -> four 3-hour blocks. Per run: a flat continuum of 2 counts/keV over 60-1400 keV
// (evenly spaced, so each 3 keV window holds exactly 6), and 5 counts of a stable 81 keV line.
// Block 2 (runs 7-9) gets 40 extra 81 keV counts, block 3 (runs 10-12) 10 extra.
function fixture(): EventRow[] {
  const rows: EventRow[] = [];
  for (let r = 1; r <= 12; r++) {
    const es: number[] = [];
    for (let i = 0; i < 2680; i++) es.push(60 + (i + 0.5) / 2);
    for (let i = 0; i < 5; i++) es.push(81);
    if (r === 8) for (let i = 0; i < 40; i++) es.push(81);
    if (r === 11) for (let i = 0; i < 10; i++) es.push(81.2);
    es.forEach((e, i) => rows.push({ run: r, t: (i + 0.5) * (3600 / es.length), e }));
  }
  return rows;
}

describe("rejectNobleGas (GEMMA cut 2)", () => {
  const runs = makeRuns({ n: 12, liveTimeS: 3500 });
  const ev = makeEvents(fixture());
  const cut = rejectNobleGas(ev, runs);
  const xe133 = cut.tests[0];

  it("groups runs into 3-hour blocks and side-band-subtracts the continuum", () => {
    expect(Array.from(cut.runBlock)).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3]);
    expect(Array.from(xe133.observed)).toEqual([33, 33, 73, 43]);
    expect(Array.from(xe133.sideband)).toEqual([36, 36, 36, 36]);
    // Net per block 15, 15, 55, 25 -> median 20 counts per 10500 s.
    expect(xe133.medianNetRatePerS).toBeCloseTo(20 / 10500, 15);
    for (let b = 0; b < 4; b++) expect(xe133.expected[b]).toBeCloseTo(38, 10);
  });

  it("flags the block with the large excess only (p < 1e-3), removes its runs and live time", () => {
    for (let b = 0; b < 4; b++) expect(xe133.pValue[b]).toBeCloseTo(directPoissonUpper(xe133.observed[b], 38), 10);
    expect(xe133.pValue[2]).toBeLessThan(1e-3);
    expect(xe133.pValue[3]).toBeGreaterThan(1e-3); // 43 vs 38: p ~ 0.22
    expect(Array.from(cut.blockFlagged)).toEqual([0, 0, 1, 0]);
    expect(Array.from(cut.removedRuns)).toEqual([7, 8, 9]);
    expect(cut.liveTimeRemovedS).toBe(3 * 3500);
    expect(cut.eventsRemoved).toBe(3 * 2685 + 40);
    // The 135Xe and 41Ar windows see only the continuum: nothing flagged there.
    for (const t of cut.tests.slice(1)) for (let b = 0; b < 4; b++) expect(t.pValue[b]).toBeGreaterThan(1e-3);
  });

  it("z statistic: (n - mu)/sqrt(mu + (h/w)^2 s), threshold 3.09 = one-sided 1e-3", () => {
    const z = rejectNobleGas(ev, runs, { statistic: "z" });
    expect(z.tests[0].z[2]).toBeCloseTo((73 - 38) / Math.sqrt(38 + 0.25 * 36), 12);
    expect(zFromOneSidedP(1e-3)).toBeCloseTo(3.09, 2);
    expect(Array.from(z.removedRuns)).toEqual([7, 8, 9]);
  });

  it("block length is a parameter; with only two blocks the median is their mean and the excess is diluted", () => {
    const c6 = rejectNobleGas(ev, runs, { blockHours: 6 });
    // Blocks: runs 1-6 (n 66, s 72, net 30), runs 7-12 (n 116, s 72, net 80); median 55 per 21000 s; mu = 36 + 55 = 91.
    expect(c6.tests[0].expected[1]).toBeCloseTo(91, 10);
    // P(N >= 116 | 91) ~ 0.006 > 1e-3: not flagged. The long-term level needs many blocks.
    expect(c6.tests[0].pValue[1]).toBeCloseTo(directPoissonUpper(116, 91), 10);
    expect(c6.tests[0].pValue[1]).toBeGreaterThan(1e-3);
    expect(c6.removedRuns.length).toBe(0);
  });
});
