import { describe, expect, it } from "vitest";
import { createRng } from "../../lib/stats/random.js";
import { applyCut, audioVetoFractionPoisson, audioVetoWindows, initialState, isAudioVetoed, rejectAudioFrequency, rejectNoisySeconds } from "../../lib/selection/index.js";
import { eventsFromColumns, makeEvents, makeRuns } from "./fixtures.js";

const eps = 1e-6; // s, margin around the window edges (event times ~100 s carry ~1e-14 s rounding)

describe("audio-frequency windows (GEMMA cut 4: < 80 ms, or n x 20.0 +- 0.1 ms)", () => {
  it("the 80 ms edge (and the n = 4 window that extends it to 80.1 ms)", () => {
    expect(isAudioVetoed(0.0)).toBe(true);
    expect(isAudioVetoed(0.08 - eps)).toBe(true);
    expect(isAudioVetoed(0.0801 - eps)).toBe(true);
    expect(isAudioVetoed(0.0801 + eps)).toBe(false);
    expect(isAudioVetoed(0.08 + eps, { nMax: 3 })).toBe(false);
  });
  it("the n x 20 ms +- 0.1 ms windows at their edges, up to nMax = 50", () => {
    for (const n of [5, 6, 17, 50]) {
      const c = n * 0.02;
      expect(isAudioVetoed(c - 0.0001 + eps)).toBe(true);
      expect(isAudioVetoed(c + 0.0001 - eps)).toBe(true);
      expect(isAudioVetoed(c - 0.0001 - eps)).toBe(false);
      expect(isAudioVetoed(c + 0.0001 + eps)).toBe(false);
      expect(isAudioVetoed(c + 0.01)).toBe(false);
    }
    expect(isAudioVetoed(51 * 0.02)).toBe(false);
    expect(isAudioVetoed(51 * 0.02, { nMax: Infinity })).toBe(true);
  });
  it("merged vetoed set: [0, 80.1 ms] then 46 windows of 0.2 ms", () => {
    const w = audioVetoWindows();
    expect(w.startS.length).toBe(47);
    expect(w.startS[0]).toBe(0);
    expect(w.endS[0]).toBeCloseTo(0.0801, 15);
    expect(w.startS[1]).toBeCloseTo(0.0999, 15);
  });
});

describe("rejectAudioFrequency on planted events", () => {
  const runs = makeRuns({ n: 1, durationS: 100 });
  // Pairs far apart (10 s) so only the planted interval matters.
  const dts = [0.05, 0.0801 - eps, 0.0801 + eps, 0.1, 0.1 + 0.0001 + eps, 0.5 - 0.0001 + eps, 0.3333];
  const rows = dts.flatMap((dt, j) => [
    { run: 1, t: 10 * (j + 1), e: 5 },
    { run: 1, t: 10 * (j + 1) + dt, e: 5 },
  ]);
  const ev = makeEvents(rows);

  it("removes the later event of each vetoed pair only", () => {
    const cut = rejectAudioFrequency(ev, runs);
    const expected = [true, true, false, true, false, true, false];
    for (let j = 0; j < dts.length; j++) {
      expect(cut.keep[2 * j]).toBe(1);
      expect(cut.keep[2 * j + 1]).toBe(expected[j] ? 0 : 1);
    }
  });

  it('"any": the previous event is the previous recorded one, even if removed earlier; "kept": the previous kept one', () => {
    // e0 at 1.0 s (removed by an earlier cut), e1 at 1.05 s, e2 at 1.2 s.
    const e = makeEvents([
      { run: 1, t: 1.0, e: 5 },
      { run: 1, t: 1.05, e: 5 },
      { run: 1, t: 1.2, e: 5 },
    ]);
    const s0 = initialState(e, runs);
    const state = applyCut(s0, { name: "x", keep: Uint8Array.from([0, 1, 1]), runKeep: Uint8Array.from([1]), eventsRemoved: 1, liveTimeRemovedS: 0, liveTimeRemovedByRunS: new Float64Array(1) });
    expect(Array.from(rejectAudioFrequency(e, runs, {}, state).keep)).toEqual([1, 0, 1]);
    expect(Array.from(rejectAudioFrequency(e, runs, { previous: "kept" }, state).keep)).toEqual([1, 1, 1]);
    // A ringing train 30 ms apart: every event after the first goes, each vetoed by its (vetoed) predecessor.
    const train = makeEvents([0, 1, 2, 3, 4].map((k) => ({ run: 1, t: 5 + 0.03 * k, e: 5 })));
    expect(Array.from(rejectAudioFrequency(train, runs).keep)).toEqual([1, 0, 0, 0, 0]);
  });

  it("live time: the vetoed set after each event, clipped to the next event and the run end", () => {
    const e = makeEvents([
      { run: 1, t: 1.0, e: 5 },
      { run: 1, t: 1.03, e: 5 }, // clips the first event's veto to 30 ms
      { run: 1, t: 99.95, e: 5 }, // clipped by the run end at 100 s: 50 ms
    ]);
    const full = 0.0801 + 46 * 0.0002;
    const cut = rejectAudioFrequency(e, runs);
    expect(cut.liveTimeRemovedS).toBeCloseTo(0.03 + full + 0.05, 12);
  });

  it("does not remove live time twice inside seconds removed by the noise cut", () => {
    const rows = [{ run: 1, t: 20.5, e: 5 }];
    for (let k = 0; k < 6; k++) rows.push({ run: 1, t: 21 + 0.1 * k + 0.001, e: 5 }); // second 21 noisy
    rows.push({ run: 1, t: 30, e: 5 });
    const e = makeEvents(rows);
    const s0 = initialState(e, runs);
    const noise = rejectNoisySeconds(e, runs, {}, s0);
    expect(noise.eventsRemoved).toBe(6);
    const s1 = applyCut(s0, noise);
    const cut = rejectAudioFrequency(e, runs, { removedSeconds: noise.removedSeconds }, s1);
    // After 20.5: [20.5, 20.5801] and windows up to 21.0 (n <= 25) are live; n = 25 window [20.9999, 21.0001] is half live.
    // After the noisy-second events: windows beyond 22.0 only (events at 21.501: up to 22.501 -> n >= 25).
    const w = audioVetoWindows();
    let expected = 0;
    const starts = [20.5, 21.001, 21.101, 21.201, 21.301, 21.401, 21.501];
    const nexts = [21.001, 21.101, 21.201, 21.301, 21.401, 21.501, 30];
    for (let q = 0; q < starts.length; q++) {
      for (let j = 0; j < w.startS.length; j++) {
        const a = starts[q] + w.startS[j];
        const b = Math.min(starts[q] + w.endS[j], nexts[q]);
        // live part: outside [21, 22)
        const lo = Math.max(a, 21);
        const hi = Math.min(b, 22);
        if (b > a) expected += b - a - Math.max(0, hi - lo);
      }
    }
    expected += 0.0801 + 46 * 0.0002; // after the event at 30 s
    expect(cut.liveTimeRemovedS).toBeCloseTo(expected, 10);
    expect(cut.liveTimeRemovedS).toBeLessThan(2 * (0.0801 + 46 * 0.0002) + 0.5); // the noisy second itself not counted
  });
});

describe("live-time loss on a Poisson train against the closed form", () => {
  it("closed form = 1 - exp(-0.08 r) + the 50 Hz comb", () => {
    const r = 5;
    const tol = 0.0001;
    let comb = Math.exp(-r * 0.08) - Math.exp(-r * 0.0801); // n = 4 window beyond 80 ms
    for (let n = 5; n <= 50; n++) comb += Math.exp(-r * n * 0.02) * 2 * Math.sinh(r * tol);
    expect(audioVetoFractionPoisson(r)).toBeCloseTo(1 - Math.exp(-r * 0.08) + comb, 14);
  });

  it("the data-driven loss and the removed-event fraction match the closed form within 4 standard errors (rate 5/s, 200 h)", () => {
    const rate = 5;
    const nRuns = 200;
    const runs = makeRuns({ n: nRuns, durationS: 3600, liveTimeS: 3600 });
    const rng = createRng(20240611);
    const t: number[] = [];
    const run: number[] = [];
    for (let r = 0; r < nRuns; r++) {
      let x = -Math.log(1 - rng.uniform()) / rate;
      while (x <= 3600) {
        t.push(x);
        run.push(r + 1);
        x += -Math.log(1 - rng.uniform()) / rate;
      }
    }
    const ev = eventsFromColumns(Float64Array.from(t), Int32Array.from(run), new Float32Array(t.length).fill(5));
    const cut = rejectAudioFrequency(ev, runs);
    const closed = audioVetoFractionPoisson(rate);
    // Standard error from the spread of the per-run fractions.
    const f = Array.from(cut.liveTimeRemovedByRunS, (v) => v / 3600);
    const mean = f.reduce((a, b) => a + b, 0) / nRuns;
    const sd = Math.sqrt(f.reduce((a, b) => a + (b - mean) ** 2, 0) / (nRuns - 1));
    const se = sd / Math.sqrt(nRuns);
    expect(se / closed).toBeLessThan(2e-3); // the test resolves the closed form to < 0.2 %
    expect(Math.abs(cut.liveTimeRemovedS / (3600 * nRuns) - closed)).toBeLessThan(4 * se);
    // Fraction of events removed: the same probability (the first event of each run has no predecessor);
    // successive Poisson intervals are independent, so the count is binomial.
    const pEv = cut.eventsRemoved / (ev.length - nRuns);
    const seEv = Math.sqrt((closed * (1 - closed)) / (ev.length - nRuns));
    expect(Math.abs(pEv - closed)).toBeLessThan(4 * seEv);
  });
});
