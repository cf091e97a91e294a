/*
 * GEMMA cut 3, detector-noise rejection (Beda et al., section 3, step (3)): "the low-amplitude count
 * rate is checked second by second, and those seconds which contain more than 5 events with
 * E > 2 keV are rejected". A second is [k, k+1) of the run's own clock (k = floor(time_s)); the
 * whole second goes, with every event in it (of any energy), and its live time: the second's length
 * (clipped to the run's end) times the run's live fraction live_time_s / duration_s (the dead time is
 * assumed spread evenly over the run, so a second holds that share of dead time).
 */
import type { EventColumns, RunTable } from "../events/index.js";
import { channelEnergyKeV, type EnergyChannel } from "./energy.js";
import { countRemoved, eventRunRows, initialState, runSegments, sumS, type CutResult, type SelectionState } from "./state.js";

export interface NoiseOptions {
  /** Energy above which events are counted, keV (strictly above). Default 2 (paper). */
  thresholdKeV?: number;
  /** A second is rejected when it holds more than this many counted events. Default 5 (paper). */
  maxEventsPerSecond?: number;
  /** Channel for the energy. Default "e3". */
  channel?: EnergyChannel | ArrayLike<number>;
}

/** Removed seconds: run-table row and second index k of each, as parallel arrays (ascending). */
export interface RemovedSeconds {
  readonly runRows: Int32Array;
  readonly seconds: Float64Array;
}

export interface NoiseResult extends CutResult {
  readonly removedSeconds: RemovedSeconds;
}

/** Cut 3: removes the noisy seconds (events and live time). */
export function rejectNoisySeconds(events: EventColumns, runs: RunTable, options: NoiseOptions = {}, state: SelectionState = initialState(events, runs)): NoiseResult {
  const { thresholdKeV = 2, maxEventsPerSecond = 5 } = options;
  const e = channelEnergyKeV(events, options.channel);
  const rows = eventRunRows(events, runs);
  const seg = runSegments(events);
  const keep = new Uint8Array(events.length).fill(1);
  const liveTimeRemovedByRunS = new Float64Array(runs.length);
  const outRows: number[] = [];
  const outSec: number[] = [];
  for (let s = 0; s + 1 < seg.length; s++) {
    const a = seg[s];
    const z = seg[s + 1];
    if (a >= z) continue;
    const r = rows[a];
    if (!state.runActive[r]) continue;
    const liveFraction = runs.duration_s[r] > 0 ? runs.live_time_s[r] / runs.duration_s[r] : 0;
    // Events are sorted by time within the run: walk the seconds in order.
    let i = a;
    while (i < z) {
      const k = Math.floor(events.time_s[i]);
      let j = i;
      let n = 0;
      while (j < z && Math.floor(events.time_s[j]) === k) {
        if (state.active[j] && e[j] > thresholdKeV) n++;
        j++;
      }
      if (n > maxEventsPerSecond) {
        for (let q = i; q < j; q++) if (state.active[q]) keep[q] = 0;
        const len = Math.max(0, Math.min(k + 1, runs.duration_s[r]) - k);
        liveTimeRemovedByRunS[r] += len * liveFraction;
        outRows.push(r);
        outSec.push(k);
      }
      i = j;
    }
    if (liveTimeRemovedByRunS[r] > state.liveTimeS[r]) liveTimeRemovedByRunS[r] = state.liveTimeS[r];
  }
  return {
    name: "noise",
    keep,
    runKeep: new Uint8Array(runs.length).fill(1),
    eventsRemoved: countRemoved(state.active, keep),
    liveTimeRemovedS: sumS(liveTimeRemovedByRunS),
    liveTimeRemovedByRunS,
    removedSeconds: { runRows: Int32Array.from(outRows), seconds: Float64Array.from(outSec) },
  };
}

/**
 * How many seconds hold n counted events (energy above `thresholdKeV`), n = 0, 1, 2, ..., over the
 * whole seconds of the active runs of `state`: the distribution the noise cut truncates at 5.
 * `meanPerS` is the mean count per second, for the Poisson expectation beside it.
 */
export function eventsPerSecondDistribution(events: EventColumns, runs: RunTable, options: NoiseOptions = {}, state: SelectionState = initialState(events, runs)): { seconds: Float64Array; meanPerS: number } {
  const { thresholdKeV = 2 } = options;
  const e = channelEnergyKeV(events, options.channel);
  const rows = eventRunRows(events, runs);
  const perSecond = new Map<number, number>();
  for (let i = 0; i < events.length; i++) {
    if (!state.active[i] || !(e[i] > thresholdKeV)) continue;
    const key = rows[i] * 1e5 + Math.floor(events.time_s[i]);
    perSecond.set(key, (perSecond.get(key) ?? 0) + 1);
  }
  let total = 0;
  for (let r = 0; r < runs.length; r++) if (state.runActive[r]) total += Math.floor(runs.duration_s[r]);
  let max = 0;
  let sum = 0;
  for (const n of perSecond.values()) {
    max = Math.max(max, n);
    sum += n;
  }
  const seconds = new Float64Array(max + 1);
  for (const n of perSecond.values()) seconds[n]++;
  seconds[0] = total - perSecond.size;
  return { seconds, meanPerS: total > 0 ? sum / total : 0 };
}
