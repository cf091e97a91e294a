/*
 * GEMMA cut 1, bad-run rejection (Beda et al., section 3, step (1)): one-hour runs during liquid-
 * nitrogen filling or mechanical/electrical work at the site are removed whole (events and live time).
 * Optional extra (not in the paper): runs whose low-energy count rate is a Poisson outlier from the
 * median rate of the period.
 */
import type { EventColumns, RunTable } from "../events/index.js";
import { channelEnergyKeV, type EnergyChannel } from "./energy.js";
import { poissonLowerTail, poissonUpperTail } from "./poisson.js";
import { countRemoved, eventRunRows, initialState, sumS, type CutResult, type SelectionState } from "./state.js";

/** Options of the low-energy rate-outlier test (off unless `rateOutlier` is given). */
export interface RateOutlierOptions {
  /** Energy window of the rate, keV: [lowKeV, highKeV). Default [2, 10). */
  lowKeV?: number;
  highKeV?: number;
  /** Channel used for the window. Default "e3". */
  channel?: EnergyChannel | ArrayLike<number>;
  /**
   * Two-sided threshold: a run is rejected when P(N >= n | mu) or P(N <= n | mu) is below it, with
   * mu = (median over runs of n/live) * live. Default 1e-6 (about 0.001 false rejections in a
   * thousand-run period when the rate is Poisson-stable).
   */
  pThreshold?: number;
}

export interface BadRunOptions {
  /** Reject runs with `ln2_fill` = 1. Default true. */
  ln2Fill?: boolean;
  /** Reject runs with `site_work` = 1. Default true. */
  siteWork?: boolean;
  /** Also reject runs whose low-energy rate is an outlier (see `RateOutlierOptions`). Default off. */
  rateOutlier?: RateOutlierOptions | false;
}

export interface BadRunResult extends CutResult {
  /** Run ids removed, ascending. */
  readonly removedRuns: Int32Array;
  /** Why each removed run went: bit 1 = ln2_fill, 2 = site_work, 4 = rate outlier (row-aligned with removedRuns). */
  readonly reasons: Uint8Array;
  /** The median low-energy rate used by the outlier test, 1/s (NaN when the test is off). */
  readonly medianRatePerS: number;
}

/** Cut 1: removes the runs flagged in the site log (and, optionally, rate outliers) from `state`. */
export function rejectBadRuns(events: EventColumns, runs: RunTable, options: BadRunOptions = {}, state: SelectionState = initialState(events, runs)): BadRunResult {
  const { ln2Fill = true, siteWork = true, rateOutlier = false } = options;
  const why = new Uint8Array(runs.length);
  for (let r = 0; r < runs.length; r++) {
    if (!state.runActive[r]) continue;
    if (ln2Fill && runs.ln2_fill[r]) why[r] |= 1;
    if (siteWork && runs.site_work[r]) why[r] |= 2;
  }
  const rows = eventRunRows(events, runs);
  let medianRatePerS = NaN;
  if (rateOutlier) {
    const lo = rateOutlier.lowKeV ?? 2;
    const hi = rateOutlier.highKeV ?? 10;
    const pMin = rateOutlier.pThreshold ?? 1e-6;
    const e = channelEnergyKeV(events, rateOutlier.channel);
    const counts = new Float64Array(runs.length);
    for (let i = 0; i < events.length; i++) if (state.active[i] && e[i] >= lo && e[i] < hi) counts[rows[i]]++;
    const rates: number[] = [];
    for (let r = 0; r < runs.length; r++) if (state.runActive[r] && !why[r] && state.liveTimeS[r] > 0) rates.push(counts[r] / state.liveTimeS[r]);
    medianRatePerS = median(rates);
    for (let r = 0; r < runs.length; r++) {
      if (!state.runActive[r] || why[r] || !(state.liveTimeS[r] > 0)) continue;
      const mu = medianRatePerS * state.liveTimeS[r];
      if (poissonUpperTail(counts[r], mu) < pMin || poissonLowerTail(counts[r], mu) < pMin) why[r] |= 4;
    }
  }
  return removeRuns("bad-runs", events, runs, state, why, rows, { medianRatePerS });
}

/**
 * Median of numbers (NaN for none).
 *
 * @example
 * median([4, 1, 2, 3]); // => 2.5
 */
export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const s = Float64Array.from(values).sort();
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** A CutResult removing whole runs (those with a non-zero `why`), with their events and remaining live time. */
export function removeRuns(
  name: string,
  events: EventColumns,
  runs: RunTable,
  state: SelectionState,
  why: Uint8Array,
  rows: Int32Array = eventRunRows(events, runs),
  extra: { medianRatePerS: number } = { medianRatePerS: NaN },
): BadRunResult {
  const runKeep = new Uint8Array(runs.length);
  const liveTimeRemovedByRunS = new Float64Array(runs.length);
  const removed: number[] = [];
  const reasons: number[] = [];
  for (let r = 0; r < runs.length; r++) {
    const drop = state.runActive[r] && why[r] !== 0;
    runKeep[r] = drop ? 0 : 1;
    if (drop) {
      liveTimeRemovedByRunS[r] = state.liveTimeS[r];
      removed.push(runs.run[r]);
      reasons.push(why[r]);
    }
  }
  const keep = new Uint8Array(events.length);
  for (let i = 0; i < events.length; i++) keep[i] = runKeep[rows[i]];
  return {
    name,
    keep,
    runKeep,
    eventsRemoved: countRemoved(state.active, keep),
    liveTimeRemovedS: sumS(liveTimeRemovedByRunS),
    liveTimeRemovedByRunS,
    removedRuns: Int32Array.from(removed),
    reasons: Uint8Array.from(reasons),
    medianRatePerS: extra.medianRatePerS,
  };
}
