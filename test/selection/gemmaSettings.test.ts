// The pieces the GEMMA settings add to the plain cuts: both events of a vetoed pair (audio), pulser
// events out of the stream, the anticoincidence step, calibrated channels for the Fourier cut, the
// period reference of the noble-gas test, and the truth tally.
import { describe, expect, it } from "vitest";
import { Origin } from "../../lib/events/index.js";
import {
  audioVetoFractionPoisson,
  audioVetoWindows,
  calibrateChannels,
  diagonalChi2,
  fastMedian,
  rejectAudioFrequency,
  rejectCoincidences,
  rejectNobleGas,
  rejectPulser,
  runSelection,
  selectionTruth,
  solveNoise,
} from "../../lib/selection/index.js";
import { createRng } from "../../lib/stats/random.js";
import { eventsFromColumns, makeEvents, makeRuns, type EventRow } from "./fixtures.js";

describe("audio-frequency cut, pairs = both", () => {
  it("removes both events of a vetoed pair and the vetoed time on both sides of every event", () => {
    const runs = makeRuns({ n: 1, durationS: 100 });
    const ev = makeEvents([{ run: 1, t: 10, e: 5 }, { run: 1, t: 10.05, e: 5 }, { run: 1, t: 50, e: 5 }]);
    const cut = rejectAudioFrequency(ev, runs, { pairs: "both" });
    expect(Array.from(cut.keep)).toEqual([0, 0, 1]);
    const w = audioVetoWindows();
    let full = 0;
    for (let j = 0; j < w.startS.length; j++) full += w.endS[j] - w.startS[j];
    // Before 10 s and after 50 s: one side each (full); between 10.05 and 50: both sides (2 full);
    // between 10 and 10.05: the union of (10 + V) and (10.05 - V) inside the 50 ms gap, i.e. all of it.
    expect(cut.liveTimeRemovedS).toBeCloseTo(full + 0.05 + 2 * full + full, 12);
  });

  it("Poisson train at 5/s: the loss matches 1 - (1 - f)^2 within 4 standard errors (100 h)", () => {
    const rate = 5;
    const nRuns = 100;
    const runs = makeRuns({ n: nRuns, durationS: 3600, liveTimeS: 3600 });
    const rng = createRng(77);
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
    const cut = rejectAudioFrequency(ev, runs, { pairs: "both" });
    const f1 = audioVetoFractionPoisson(rate);
    const closed = audioVetoFractionPoisson(rate, { pairs: "both" });
    expect(closed).toBeCloseTo(1 - (1 - f1) ** 2, 15);
    const f = Array.from(cut.liveTimeRemovedByRunS, (v) => v / 3600);
    const mean = f.reduce((a, b) => a + b, 0) / nRuns;
    const sd = Math.sqrt(f.reduce((a, b) => a + (b - mean) ** 2, 0) / (nRuns - 1));
    expect(Math.abs(mean - closed)).toBeLessThan(4 * (sd / Math.sqrt(nRuns)));
    // The removed-event fraction estimates the same probability (neighbouring pairs are not independent: 6 % slack).
    const pEv = cut.eventsRemoved / ev.length;
    expect(Math.abs(pEv / closed - 1)).toBeLessThan(0.06);
  }, 20_000);

  it("pulser events are neither vetoed nor the previous event", () => {
    const runs = makeRuns({ n: 1, durationS: 100 });
    const ev = makeEvents([{ run: 1, t: 10, e: 5 }, { run: 1, t: 10.2, e: 2 }, { run: 1, t: 10.25, e: 5 }]);
    ev.pulser[1] = 1;
    const cut = rejectAudioFrequency(ev, runs);
    expect(Array.from(cut.keep)).toEqual([1, 1, 1]); // 10 -> 10.25 s is 250 ms: not vetoed
  });
});

describe("pulser and anticoincidence steps", () => {
  const runs = makeRuns({ n: 1 });
  const ev = makeEvents([{ run: 1, t: 1, e: 5 }, { run: 1, t: 2, e: 5 }, { run: 1, t: 3, e: 5 }, { run: 1, t: 4, e: 5 }]);
  ev.pulser[0] = 1;
  ev.veto[1] = 1;
  ev.nai_kev[2] = 150;
  it("the pulser step takes the pulser rows, removes no live time", () => {
    const c = rejectPulser(ev, runs);
    expect(Array.from(c.keep)).toEqual([0, 1, 1, 1]);
    expect(c.liveTimeRemovedS).toBe(0);
  });
  it("the anticoincidence step removes veto and NaI coincidences (NaI threshold is a parameter)", () => {
    expect(Array.from(rejectCoincidences(ev, runs).keep)).toEqual([1, 0, 0, 1]);
    expect(Array.from(rejectCoincidences(ev, runs, { naiThresholdKeV: 200 }).keep)).toEqual([1, 0, 1, 1]);
    expect(Array.from(rejectCoincidences(ev, runs, { veto: false }).keep)).toEqual([1, 1, 0, 1]);
  });
});

describe("channel calibration and the calibrated Fourier statistic", () => {
  // Synthetic detector: gains (0.99, 1.01, 1.00), noise (0.35, 0.2, 0.25) keV; physics events with a
  // common statistical spread; pulser pulses with noise only.
  const gains = [0.99, 1.01, 1.0];
  const noise = [0.35, 0.2, 0.25];
  const rng = createRng(3);
  const n = 30000;
  const e1 = new Float32Array(n);
  const e2 = new Float32Array(n);
  const e3 = new Float32Array(n);
  const pulser = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const isP = i % 3 === 0;
    const e = isP ? 1 + (i % 13) * 0.25 : 3 + 1500 * rng.uniform();
    const es = isP ? e : e + rng.normal(0, Math.sqrt(0.0003 * e));
    e1[i] = gains[0] * es + rng.normal(0, noise[0]);
    e2[i] = gains[1] * es + rng.normal(0, noise[1]);
    e3[i] = gains[2] * es + rng.normal(0, noise[2]);
    pulser[i] = isP ? 1 : 0;
  }
  const ev = { ...eventsFromColumns(Float64Array.from({ length: n }, (_, i) => i * 0.3), new Int32Array(n).fill(1), e1), e2_kev: e2, e3_kev: e3, pulser };
  const cal = calibrateChannels(ev);
  it("recovers relative gains and per-channel noise (pulser)", () => {
    expect(cal.noiseSource).toBe("pulser");
    cal.gains.forEach((g, i) => expect(g).toBeCloseTo(gains[i], 3));
    cal.noiseSigmaKeV.forEach((s, i) => expect(Math.abs(s - noise[i])).toBeLessThan(0.01));
  });
  it("chi^2 of real pulses has 2 degrees of freedom: chi^2 <= 9 keeps 1 - exp(-4.5) = 98.89 %", () => {
    const { chi2 } = diagonalChi2(ev, cal, [1 / 3, 1 / 3, 1 / 3]);
    let k = 0;
    let m = 0;
    for (let i = 0; i < n; i++) {
      if (pulser[i]) continue;
      m++;
      if (chi2[i] <= 9) k++;
    }
    const p = 1 - Math.exp(-4.5);
    expect(Math.abs(k / m - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / m));
  });
  it("solveNoise inverts var(x_i - x_j) = s_i^2 + s_j^2; fastMedian = sorted median", () => {
    const s = solveNoise([0.3 ** 2 + 0.2 ** 2, 0.3 ** 2 + 0.1 ** 2, 0.2 ** 2 + 0.1 ** 2]);
    expect(s[0]).toBeCloseTo(0.3, 14);
    expect(s[1]).toBeCloseTo(0.2, 14);
    expect(s[2]).toBeCloseTo(0.1, 14);
    for (const len of [1, 2, 7, 100, 1001]) {
      const x = Float64Array.from({ length: len }, () => Math.floor(rng.uniform() * 50));
      const y = Float64Array.from(x).sort();
      const med = len % 2 ? y[len >> 1] : (y[len / 2 - 1] + y[len / 2]) / 2;
      expect(fastMedian(x)).toBe(med);
    }
  });
});

describe("noble-gas cut against the period's mean window rate", () => {
  it("a block with few counts and empty side bands is not an excess (it is with side bands)", () => {
    // 8 three-hour blocks; 2 counts at 81 keV in each, nothing else, except block 5 with 9.
    const runs = makeRuns({ n: 24 });
    const rows: EventRow[] = [];
    for (let r = 1; r <= 24; r++) if (r % 3 === 1) for (let k = 0; k < (r === 13 ? 9 : 2); k++) rows.push({ run: r, t: 100 + k, e: 81 });
    const ev = makeEvents(rows);
    const side = rejectNobleGas(ev, runs);
    const period = rejectNobleGas(ev, runs, { reference: "period" });
    // Side bands empty: mu = median net rate x live (2 per block) -> a block of 9 is an excess, as with the period rate.
    expect(Array.from(period.blockFlagged)).toEqual([0, 0, 0, 0, 1, 0, 0, 0]);
    expect(period.tests[0].expected[0]).toBeCloseTo(2, 12); // 14 counts / 7 blocks, after the excess is left out
    expect(Array.from(side.blockFlagged)).toEqual([0, 0, 0, 0, 1, 0, 0, 0]);
  });
});

describe("truth tally", () => {
  it("per-step signal efficiency (raw and live-time corrected) and rejection per origin", () => {
    const runs = makeRuns({ n: 2, durationS: 1000, liveTimeS: 1000, siteWork: [2] });
    const rows: EventRow[] = [];
    for (const r of [1, 2]) for (let k = 0; k < 10; k++) rows.push({ run: r, t: 10 + 50 * k, e: 5, origin: Origin.SIGNAL_EM });
    rows.push({ run: 1, t: 5, e1: 6, e2: 0, e3: 3, origin: Origin.ARTEFACT });
    const ev = makeEvents(rows, true);
    ev.truth!.e_true_kev = Float32Array.from(rows.sort((a, b) => a.run - b.run || a.t - b.t), (x) => (x.origin === Origin.ARTEFACT ? 0 : 5));
    const sel = runSelection(ev, runs);
    const t = selectionTruth(ev, runs, sel);
    const jb = t.steps.indexOf("bad-runs");
    const e = t.stepEfficiency(jb);
    expect(e.raw.value).toBe(0.5);
    expect(e.exposureKept).toBe(0.5);
    expect(e.corrected).toBe(1);
    expect(t.totalRejection(Origin.ARTEFACT).value).toBe(1);
    expect(t.stepRejection(t.steps.indexOf("fourier"), Origin.ARTEFACT).value).toBe(1);
    // The audio veto removes live time after each event but no signal here: corrected = raw / kept exposure.
    const liveKept = sel.states[sel.states.length - 1].liveTimeS.reduce((a, b) => a + b, 0);
    expect(t.totalEfficiency().raw.value).toBe(0.5);
    expect(t.totalEfficiency().corrected).toBeCloseTo(0.5 / (liveKept / 2000), 12);
  });
});
