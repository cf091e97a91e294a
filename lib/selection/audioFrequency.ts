/*
 * GEMMA cut 4, audio-frequency rejection (Beda et al., section 3, step (4)): "we reject those events
 * which are separated by a time interval shorter than 80 ms or equal to (n * 20.0 +- 0.1) ms",
 * against microphonic ringing and 50 Hz pick-up.
 *
 * Choices (ours, the paper does not specify):
 * - An event is removed when the interval dt to the PREVIOUS event of its run is vetoed:
 *   dt < 80 ms, or |dt - n * 20 ms| <= 0.1 ms for an integer 1 <= n <= nMax. Only the later event of
 *   a pair goes (the first event of a ringing train is kept).
 * - "Previous event" (option `previous`): "any" (default) = the previous recorded event of any energy,
 *   including events removed by earlier cuts or by this one, since the interval is a property of the
 *   trigger stream ("events separated by a time interval"); "kept" = the previous event kept so far.
 * - nMax = 50 (intervals up to 1 s): the grid frequency wanders by ~0.01-0.05 Hz, so after ~1 s the
 *   phase of a 50 Hz pick-up has drifted by more than the +-0.1 ms window (0.5 % of a period), and a
 *   longer comb would only remove random events. Pass nMax = Infinity for the literal reading.
 * - The first event of a run has no previous event (runs are treated independently).
 *
 * Live time: an event arriving at dt after a reference event is vetoed when dt is in the vetoed set
 * V; so after each reference event i the time t_i + (V intersected with [0, t_next - t_i)) is dead for
 * the analysis (t_next: the next reference event, or the run end). The loss is the sum of these
 * lengths, without the parts inside seconds already removed by the noise cut, times the run's live
 * fraction live_time_s / duration_s. For a Poisson process of rate r the expected lost fraction is
 * sum over the intervals [a, b] of V of exp(-r a) - exp(-r b), i.e. 1 - exp(-0.08 r) plus the comb
 * (`audioVetoFractionPoisson`); it is also the expected fraction of events removed.
 */
import type { EventColumns, RunTable } from "../events/index.js";
import type { RemovedSeconds } from "./noiseSeconds.js";
import { countRemoved, eventRunRows, initialState, runSegments, sumS, type CutResult, type SelectionState } from "./state.js";

export interface AudioOptions {
  /** Minimum interval to the previous event, s (strictly shorter intervals are vetoed). Default 0.080. */
  minIntervalS?: number;
  /** Pick-up period, s. Default 0.020 (50 Hz). */
  periodS?: number;
  /** Half width of each pick-up window, s (closed window). Default 0.0001. */
  toleranceS?: number;
  /** Highest multiple n of the period vetoed. Default 50. */
  nMax?: number;
  /** Which event is "the previous one": "any" (default) or "kept". */
  previous?: "any" | "kept";
  /** Seconds removed by the noise cut, so their live time is not removed twice. */
  removedSeconds?: RemovedSeconds;
}

export interface AudioResult extends CutResult {
  /** The vetoed set V as merged intervals [start, end] of dt, s (parallel arrays). */
  readonly vetoStartS: Float64Array;
  readonly vetoEndS: Float64Array;
}

/** The vetoed set of intervals dt, merged and sorted: [0, minInterval) and [nP - tol, nP + tol], n = 1..nMax. */
export function audioVetoWindows(options: AudioOptions = {}): { startS: Float64Array; endS: Float64Array } {
  const { minIntervalS = 0.08, periodS = 0.02, toleranceS = 0.0001, nMax = 50 } = options;
  const raw: [number, number][] = [[0, minIntervalS]];
  for (let n = 1; n <= nMax; n++) {
    if (!Number.isFinite(nMax) && n * periodS > 7200) break; // longer than any run
    raw.push([Math.max(0, n * periodS - toleranceS), n * periodS + toleranceS]);
  }
  raw.sort((x, y) => x[0] - y[0]);
  const s: number[] = [];
  const e: number[] = [];
  for (const [a, b] of raw) {
    if (s.length && a <= e[e.length - 1]) e[e.length - 1] = Math.max(e[e.length - 1], b);
    else {
      s.push(a);
      e.push(b);
    }
  }
  return { startS: Float64Array.from(s), endS: Float64Array.from(e) };
}

/** True when an interval dt (s) to the previous event is vetoed. */
export function isAudioVetoed(dtS: number, options: AudioOptions = {}): boolean {
  const { minIntervalS = 0.08, periodS = 0.02, toleranceS = 0.0001, nMax = 50 } = options;
  if (dtS < minIntervalS) return true;
  const n = Math.round(dtS / periodS);
  return n >= 1 && n <= nMax && Math.abs(dtS - n * periodS) <= toleranceS;
}

/**
 * Closed form of the vetoed fraction for a Poisson process of rate r (1/s): the probability that
 * the interval to the previous event falls in V, sum over V's intervals of exp(-r a) - exp(-r b).
 */
export function audioVetoFractionPoisson(ratePerS: number, options: AudioOptions = {}): number {
  const { startS, endS } = audioVetoWindows(options);
  let f = 0;
  for (let j = 0; j < startS.length; j++) f += Math.exp(-ratePerS * startS[j]) - Math.exp(-ratePerS * endS[j]);
  return f;
}

/** Cut 4: removes events too close to, or at the 50 Hz comb from, the previous event. */
export function rejectAudioFrequency(events: EventColumns, runs: RunTable, options: AudioOptions = {}, state: SelectionState = initialState(events, runs)): AudioResult {
  const previous = options.previous ?? "any";
  const { startS, endS } = audioVetoWindows(options);
  const vMax = endS.length ? endS[endS.length - 1] : 0;
  const rows = eventRunRows(events, runs);
  const seg = runSegments(events);
  const removedByRun = new Map<number, Set<number>>();
  if (options.removedSeconds) {
    const rs = options.removedSeconds;
    for (let q = 0; q < rs.runRows.length; q++) {
      let set = removedByRun.get(rs.runRows[q]);
      if (!set) removedByRun.set(rs.runRows[q], (set = new Set()));
      set.add(rs.seconds[q]);
    }
  }
  const keep = new Uint8Array(events.length).fill(1);
  const liveTimeRemovedByRunS = new Float64Array(runs.length);
  for (let s = 0; s + 1 < seg.length; s++) {
    const a = seg[s];
    const z = seg[s + 1];
    if (a >= z) continue;
    const r = rows[a];
    if (!state.runActive[r]) continue;
    const dur = runs.duration_s[r];
    const liveFraction = dur > 0 ? runs.live_time_s[r] / dur : 0;
    const dead = removedByRun.get(r);
    let lost = 0;
    let prev = -1;
    for (let i = a; i < z; i++) {
      const isRef = previous === "any" || state.active[i] === 1;
      if (!isRef && !state.active[i]) continue;
      if (prev >= 0 && state.active[i] && isAudioVetoed(events.time_s[i] - events.time_s[prev], options)) keep[i] = 0;
      if (!isRef) continue;
      prev = i;
      // Vetoed time after reference event i, up to the next reference event or the run end.
      let next = dur;
      for (let j = i + 1; j < z; j++) {
        if (previous === "any" || state.active[j]) {
          next = events.time_s[j];
          break;
        }
      }
      const t = events.time_s[i];
      const g = Math.min(next - t, vMax);
      for (let w = 0; w < startS.length && startS[w] < g; w++) {
        const x = t + startS[w];
        const y = t + Math.min(endS[w], g);
        lost += y - x - (dead ? overlapWithSeconds(x, y, dead) : 0);
      }
    }
    liveTimeRemovedByRunS[r] = Math.min(lost * liveFraction, state.liveTimeS[r]);
  }
  return {
    name: "audio",
    keep,
    runKeep: new Uint8Array(runs.length).fill(1),
    eventsRemoved: countRemoved(state.active, keep),
    liveTimeRemovedS: sumS(liveTimeRemovedByRunS),
    liveTimeRemovedByRunS,
    vetoStartS: startS,
    vetoEndS: endS,
  };
}

/** Length of [x, y) inside the union of the seconds [k, k+1), k in `seconds`. */
function overlapWithSeconds(x: number, y: number, seconds: Set<number>): number {
  let o = 0;
  for (let k = Math.floor(x); k < y; k++) if (seconds.has(k)) o += Math.min(y, k + 1) - Math.max(x, k);
  return o;
}
