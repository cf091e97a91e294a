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
 * - Test-pulser events (`pulser = 1`) are not detector pulses: they are neither vetoed nor taken as
 *   the previous event (a pulser at 5 Hz would otherwise veto 80 ms in every 200 ms).
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
import { interpolateLinear } from "../math/interpolateLinear.js";
import type { RemovedSeconds } from "./noiseSeconds.js";
import { countRemoved, eventRunRows, initialState, runSegments, sumS, type CutResult, type SelectionState } from "./state.js";

/**
 * Defaults of the audio-frequency cut (GEMMA, Beda et al., section 3, step (4)): intervals shorter
 * than 80 ms, or n x 20.0 ms +- 0.1 ms (50 Hz mains); the comb ends at n = 50 (1 s, our choice,
 * see above).
 */
const AUDIO_VETO_DEFAULTS = { minIntervalS: 0.08, periodS: 0.02, toleranceS: 0.0001, nMax: 50 } as const;

/** The four numbers of the vetoed set: each option as given, else its default. */
function vetoSettings(o: AudioOptions): { minIntervalS: number; periodS: number; toleranceS: number; nMax: number } {
  const d = AUDIO_VETO_DEFAULTS;
  return { minIntervalS: o.minIntervalS ?? d.minIntervalS, periodS: o.periodS ?? d.periodS, toleranceS: o.toleranceS ?? d.toleranceS, nMax: o.nMax ?? d.nMax };
}

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
  /**
   * Which events of a vetoed pair go: "later" (default: the later one only) or "both" (the paper's
   * wording read literally: "those events which are separated by" such an interval, i.e. both).
   */
  pairs?: "later" | "both";
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
  const { minIntervalS, periodS, toleranceS, nMax } = vetoSettings(options);
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

/**
 * True when an interval dt (s) to the previous event is vetoed.
 *
 * @example
 * isAudioVetoed(0.05); // => true (shorter than 80 ms, GEMMA Sec. 3)
 * isAudioVetoed(0.1); // => true (5 x 20.0 ms: the 50 Hz mains)
 * isAudioVetoed(0.205); // => false
 */
export function isAudioVetoed(dtS: number, options: AudioOptions = {}): boolean {
  const { minIntervalS, periodS, toleranceS, nMax } = vetoSettings(options);
  if (dtS < minIntervalS) return true;
  const n = Math.round(dtS / periodS);
  return n >= 1 && n <= nMax && Math.abs(dtS - n * periodS) <= toleranceS;
}

/**
 * Closed form of the vetoed fraction for a Poisson process of rate r (1/s): the probability that
 * the interval to the previous event falls in V, f = sum over V's intervals of exp(-r a) - exp(-r b);
 * with pairs "both" also the interval to the next event (independent for a Poisson process):
 * 1 - (1 - f)^2.
 */
export function audioVetoFractionPoisson(ratePerS: number, options: AudioOptions = {}): number {
  const { startS, endS } = audioVetoWindows(options);
  let f = 0;
  for (let j = 0; j < startS.length; j++) f += Math.exp(-ratePerS * startS[j]) - Math.exp(-ratePerS * endS[j]);
  return options.pairs === "both" ? 1 - (1 - f) * (1 - f) : f;
}

/**
 * Cut 4: removes events too close to, or at the 50 Hz comb from, the previous event (and with
 * pairs "both" the previous event too). Pulser rows are ignored (neither vetoed nor references).
 *
 * Live time: in the gap between two consecutive reference events L and R (or the run start / end),
 * an event arriving at t would be vetoed when t - t_L is in V, or (pairs "both") t_R - t is in V:
 * the gap loses the measure of (t_L + V) (union (t_R - V)) inside it.
 */
export function rejectAudioFrequency(events: EventColumns, runs: RunTable, options: AudioOptions = {}, state: SelectionState = initialState(events, runs)): AudioResult {
  const previous = options.previous ?? "any";
  const both = options.pairs === "both";
  const { minIntervalS, periodS, toleranceS, nMax } = vetoSettings(options);
  const { startS, endS } = audioVetoWindows(options);
  const nw = startS.length;
  const vMax = nw ? endS[nw - 1] : 0;
  let full = 0;
  for (let w = 0; w < nw; w++) full += endS[w] - startS[w];
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
  const time = events.time_s;
  const pulser = events.pulser;
  const active = state.active;
  const keep = new Uint8Array(events.length).fill(1);
  const liveTimeRemovedByRunS = new Float64Array(runs.length);
  const geo = vetoGeometry(startS, endS);
  for (let s = 0; s + 1 < seg.length; s++) {
    const a = seg[s];
    const z = seg[s + 1];
    if (a >= z) continue;
    const r = rows[a];
    if (!state.runActive[r]) continue;
    const dur = runs.duration_s[r];
    const liveFraction = dur > 0 ? runs.live_time_s[r] / dur : 0;
    const deadSet = removedByRun.get(r);
    const deadSorted = deadSet ? Float64Array.from(deadSet).sort() : null;
    /** Whether a removed second overlaps [x, y). */
    const touchesDead = (x: number, y: number): boolean => {
      if (!deadSorted) return false;
      // First removed second k with k + 1 > x.
      let lo = 0;
      let hi = deadSorted.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (deadSorted[mid] + 1 > x) hi = mid;
        else lo = mid + 1;
      }
      return lo < deadSorted.length && deadSorted[lo] < y;
    };
    /** Vetoed measure of the gap (tL, tR); hasL / hasR: a reference event at that end. */
    const gapVetoed = (tL: number, tR: number, hasL: boolean, hasR: boolean): number => {
      const g = tR - tL;
      if (!(g > 0)) return 0;
      const useR = hasR && both;
      const sides = (hasL ? 1 : 0) + (useR ? 1 : 0);
      if (sides === 0) return 0;
      const dead = deadSet && ((hasL && touchesDead(tL, tL + Math.min(g, vMax))) || (useR && touchesDead(tR - Math.min(g, vMax), tR))) ? deadSet : null;
      if (dead) {
        // A gap inside one removed second loses nothing more.
        const k = Math.floor(tL);
        if (Math.floor(tR) === k && dead.has(k)) return 0;
        return geo.measure(tL, tR, hasL, useR, dead);
      }
      if (g >= sides * vMax) return sides * full;
      return geo.large ? geo.measure(tL, tR, hasL, useR, null) : geo.tabulated(g, sides as 1 | 2);
    };
    let lost = 0;
    let prev = -1;
    let tPrev = 0;
    for (let i = a; i < z; i++) {
      if (pulser[i]) continue;
      const isActive = active[i] === 1;
      if (previous === "kept" && !isActive) continue;
      const t = time[i];
      if (prev >= 0) {
        const dt = t - tPrev;
        let vetoed = dt < minIntervalS;
        if (!vetoed) {
          const n = Math.round(dt / periodS);
          vetoed = n >= 1 && n <= nMax && Math.abs(dt - n * periodS) <= toleranceS;
        }
        if (vetoed) {
          if (isActive) keep[i] = 0;
          if (both && active[prev]) keep[prev] = 0;
        }
      }
      lost += gapVetoed(prev >= 0 ? tPrev : 0, t, prev >= 0, true);
      prev = i;
      tPrev = t;
    }
    lost += prev >= 0 ? gapVetoed(tPrev, dur, true, false) : 0;
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

/**
 * The vetoed measure inside one gap between reference events, as a function of the gap: after the
 * left event the set V, before the right one g - V, both clipped to [0, g]. Without removed seconds
 * it depends on g alone and is piecewise linear between the window edges and their pairwise sums,
 * so it is tabulated once at those points and interpolated (exact up to rounding); with removed
 * seconds the union is built explicitly.
 */
class VetoGeometry {
  private readonly nw: number;
  private readonly ax: Float64Array;
  private readonly ay: Float64Array;
  private readonly bx: Float64Array;
  private readonly by: Float64Array;
  private tables: [Float64Array, Float64Array][] = [];
  /** Many windows (nMax = Infinity): no tables, the explicit union every time. */
  readonly large: boolean;

  constructor(
    readonly startS: Float64Array,
    readonly endS: Float64Array,
  ) {
    this.nw = startS.length;
    this.large = this.nw > 200;
    this.ax = new Float64Array(this.nw);
    this.ay = new Float64Array(this.nw);
    this.bx = new Float64Array(this.nw);
    this.by = new Float64Array(this.nw);
  }

  /** Exact measure of (tL + V) union (tR - V) inside [tL, tR], less the parts in removed seconds. */
  measure(tL: number, tR: number, hasL: boolean, hasR: boolean, dead: Set<number> | null): number {
    const { startS, endS, nw, ax, ay, bx, by } = this;
    const g = tR - tL;
    let na = 0;
    if (hasL) {
      for (let w = 0; w < nw && startS[w] < g; w++) {
        ax[na] = tL + startS[w];
        ay[na++] = tL + Math.min(endS[w], g);
      }
    }
    let nb = 0;
    if (hasR) {
      let top = 0;
      while (top < nw && startS[top] < g) top++;
      for (let w = top - 1; w >= 0; w--) {
        bx[nb] = tR - Math.min(endS[w], g);
        by[nb++] = tR - startS[w];
      }
    }
    let sum = 0;
    let ia = 0;
    let ib = 0;
    let cx = NaN;
    let cy = NaN;
    while (ia < na || ib < nb) {
      let x: number;
      let y: number;
      if (ib >= nb || (ia < na && ax[ia] <= bx[ib])) {
        x = ax[ia];
        y = ay[ia++];
      } else {
        x = bx[ib];
        y = by[ib++];
      }
      if (cx === cx && x <= cy) {
        if (y > cy) cy = y;
        continue;
      }
      if (cx === cx) sum += cy - cx - (dead ? overlapWithSeconds(cx, cy, dead) : 0);
      cx = x;
      cy = y;
    }
    if (cx === cx) sum += cy - cx - (dead ? overlapWithSeconds(cx, cy, dead) : 0);
    return sum;
  }

  /** The measure for a gap g < sides x max(V), one side (sides = 1) or both (2), by interpolation. */
  tabulated(g: number, sides: 1 | 2): number {
    let t = this.tables[sides];
    if (!t) t = this.tables[sides] = this.build(sides);
    return interpolateLinear(t[0], t[1], g);
  }

  private build(sides: 1 | 2): [Float64Array, Float64Array] {
    const edges: number[] = [];
    for (let w = 0; w < this.nw; w++) edges.push(this.startS[w], this.endS[w]);
    const vMax = this.endS[this.nw - 1];
    const pts = new Set<number>([0, sides * vMax, ...edges]);
    if (sides === 2) for (const a of edges) for (const b of edges) if (a + b < 2 * vMax) pts.add(a + b);
    const x = Float64Array.from(pts).sort();
    const y = x.map((g) => (g > 0 ? this.measure(0, g, true, sides === 2, null) : 0));
    return [x, y];
  }
}

const geometryCache = new Map<string, VetoGeometry>();

/** The (cached) gap geometry of a veto set. */
function vetoGeometry(startS: Float64Array, endS: Float64Array): VetoGeometry {
  if (startS.length > 200) return new VetoGeometry(startS, endS); // nMax = Infinity: not cached
  const key = `${Array.from(startS).join(",")}|${Array.from(endS).join(",")}`;
  let g = geometryCache.get(key);
  if (!g) geometryCache.set(key, (g = new VetoGeometry(startS, endS)));
  return g;
}

/** Length of [x, y) inside the union of the seconds [k, k+1), k in `seconds`. */
function overlapWithSeconds(x: number, y: number, seconds: Set<number>): number {
  let o = 0;
  for (let k = Math.floor(x); k < y; k++) if (seconds.has(k)) o += Math.min(y, k + 1) - Math.max(x, k);
  return o;
}
