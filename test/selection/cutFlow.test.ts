import { describe, expect, it } from "vitest";
import { Origin } from "../../lib/events/index.js";
import { CutFlow, audioVetoWindows, runSelection } from "../../lib/selection/index.js";
import { makeEvents, makeRuns, type EventRow } from "./fixtures.js";

// 6 runs of 1000 s (live 900 s): runs 1-4 ON, 5-6 OFF; run 2 during LN2 filling.
// Per run: 50 signal events (5 keV, every 20 s), in run 3 a noise burst (8 events at 3 keV in second
// 501), in runs 3 and 5 a ringing event 30 ms after a signal event, in every run one off-diagonal
// artefact (E1 = 6, E2 = 3, E3 = 0 keV) at t = 15.5 s.
function fixture(): EventRow[] {
  const rows: EventRow[] = [];
  for (let r = 1; r <= 6; r++) {
    for (let k = 0; k < 50; k++) rows.push({ run: r, t: 10 + 20 * k, e: 5, origin: k % 2 ? Origin.SIGNAL_EM : Origin.SIGNAL_WEAK });
    rows.push({ run: r, t: 15.5, e1: 6, e2: 3, e3: 0, origin: Origin.ARTEFACT });
    if (r === 3) for (let k = 0; k < 8; k++) rows.push({ run: r, t: 501.05 + 0.11 * k, e: 3, origin: Origin.NOISE_BURST });
    if (r === 3 || r === 5) rows.push({ run: r, t: 30.03, e: 4, origin: Origin.RINGING });
  }
  return rows;
}

describe("runSelection and the cut-flow", () => {
  const runs = makeRuns({ n: 6, durationS: 1000, liveTimeS: 900, state: (i) => (i < 4 ? 1 : 0), ln2: [2] });
  const ev = makeEvents(fixture(), true);
  const sel = runSelection(ev, runs, { period: "2005-08" });
  const json = sel.cutFlow.toJSON() as {
    events_in: number;
    events_kept: number;
    live_time_in_s: number;
    live_time_kept_s: number;
    cuts: { name: string; events_removed: number; live_time_removed_s: number; signal_efficiency: number; rejection: Record<string, number> }[];
    periods: { period: string; states: Record<string, { events_in: number; events_kept: number; cuts: { events_removed: number }[] }> }[];
  };

  it("applies the cuts in the paper's order (pulser first, anticoincidence last) and removes exactly the planted events", () => {
    expect(json.cuts.map((c) => c.name)).toEqual(["pulser", "bad-runs", "noble-gas", "noise", "audio", "fourier", "anticoincidence"]);
    expect(json.events_in).toBe(6 * 51 + 8 + 2);
    expect(json.cuts.map((c) => c.events_removed)).toEqual([0, 51, 0, 8, 2, 5, 0]);
    expect(json.events_kept).toBe(5 * 50);
    for (let i = 0; i < ev.length; i++) {
      const o = ev.truth!.origin[i];
      const signal = o === Origin.SIGNAL_EM || o === Origin.SIGNAL_WEAK;
      expect(sel.keep[i]).toBe(signal && ev.run[i] !== 2 ? 1 : 0);
    }
  });

  it("live time: the bad run, the noisy second, the audio veto after every event (computed), none for Fourier", () => {
    const live = (s: number): number => s * 0.9;
    expect(json.live_time_in_s).toBe(6 * 900);
    expect(json.cuts[0].live_time_removed_s).toBe(0);
    expect(json.cuts[1].live_time_removed_s).toBe(900);
    expect(json.cuts[3].live_time_removed_s).toBeCloseTo(live(1), 12);
    expect(json.cuts[5].live_time_removed_s).toBe(0);
    expect(json.cuts[6].live_time_removed_s).toBe(0);
    // Audio: after each recorded event of runs 1, 3-6 the vetoed set (80.1 ms + 46 x 0.2 ms), clipped to
    // the next event; the artefact at 15.5 s and signal events are >= 4.5 s apart except the ringing pairs.
    const w = audioVetoWindows();
    let full = 0;
    for (let j = 0; j < w.startS.length; j++) full += w.endS[j] - w.startS[j];
    // Per run: 51 events with a full veto; runs 3 and 5: the signal at 30 s is cut to 30 ms and the ringing event adds a full veto.
    let expected = 5 * 51 * full + 2 * 0.03;
    // Run 3: the 8 burst events lie in the removed second 501 except veto windows reaching past 502 s.
    const t3 = [501.05, 501.16, 501.27, 501.38, 501.49, 501.6, 501.71, 501.82];
    let burst = 0;
    for (let q = 0; q < t3.length; q++) {
      const next = q + 1 < t3.length ? t3[q + 1] : 510;
      for (let j = 0; j < w.startS.length; j++) {
        const a = Math.max(t3[q] + w.startS[j], 502);
        const b = Math.min(t3[q] + w.endS[j], next);
        if (b > a) burst += b - a;
      }
    }
    expected += burst;
    expect(json.cuts[4].live_time_removed_s).toBeCloseTo(live(expected), 9);
  });

  it("conserves events exactly and live time to rounding, in total and per reactor state", () => {
    const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
    expect(json.events_in).toBe(json.events_kept + sum(json.cuts.map((c) => c.events_removed)));
    expect(Math.abs(json.live_time_in_s - json.live_time_kept_s - sum(json.cuts.map((c) => c.live_time_removed_s)))).toBeLessThan(1e-9);
    const st = json.periods[0].states;
    expect(Object.keys(st)).toEqual(["OFF", "ON"]);
    expect(st.ON.events_in + st.OFF.events_in).toBe(json.events_in);
    for (const s of Object.values(st)) expect(s.events_in).toBe(s.events_kept + sum(s.cuts.map((c) => c.events_removed)));
    expect(st.ON.events_kept).toBe(150);
    expect(st.OFF.events_kept).toBe(100);
  });

  it("with truth: signal efficiency and rejection of each artefact origin per cut", () => {
    for (const c of json.cuts.filter((c) => c.name !== "bad-runs")) expect(c.signal_efficiency).toBe(1);
    expect(json.cuts[1].signal_efficiency).toBeCloseTo(1 - 50 / 300, 15);
    expect(json.cuts[3].rejection["noise-burst"]).toBe(1);
    expect(json.cuts[4].rejection.ringing).toBe(1);
    expect(json.cuts[5].rejection.artefact).toBe(1);
    expect(json.cuts[4].rejection.artefact).toBe(0);
  });

  it("combines periods and prints a table", () => {
    const both = CutFlow.combine([sel.cutFlow, runSelection(ev, runs, { period: "2005-09" }).cutFlow]);
    const j = both.toJSON() as typeof json;
    expect(j.events_in).toBe(2 * json.events_in);
    expect(j.periods.map((p) => p.period)).toEqual(["2005-08", "2005-09"]);
    const text = both.toString();
    expect(text).toContain("2005-09, OFF");
    expect(text).toContain("- fourier");
    expect(JSON.parse(JSON.stringify(both)).events_kept).toBe(500);
  });
});
