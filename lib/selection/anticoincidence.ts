/*
 * The active shield (Beda et al., section 2): the HPGe sits in a NaI(Tl) anti-Compton cup and under
 * plastic muon-veto plates. GEMMA's spectra are anticoincidence spectra; the paper lists the active
 * shielding in section 2 rather than among the five selection steps of section 3, so here it is a
 * sixth step after them: an event with a muon-veto signal or with NaI energy in coincidence is
 * removed. Like the Fourier cut it is an event cut: it removes no live time. Random coincidences
 * (a veto gate or a NaI pulse that has nothing to do with the event) remove a small share of real
 * events; that share is an efficiency of this step, measured with truth in the cut-flow.
 */
import type { EventColumns, RunTable } from "../events/index.js";
import { countRemoved, initialState, type CutResult, type SelectionState } from "./state.js";

export interface AnticoincidenceOptions {
  /** Remove events with `veto = 1`. Default true. */
  veto?: boolean;
  /** Remove events with NaI energy above this, keV (`nai_kev` is 0 when the NaI saw nothing). Default 0. */
  naiThresholdKeV?: number;
  /** Apply the NaI anticoincidence. Default true. */
  nai?: boolean;
}

/** 1 = event in anticoincidence (no veto, no NaI energy above the threshold), per event row. */
export function anticoincidenceMask(events: EventColumns, options: AnticoincidenceOptions = {}): Uint8Array {
  const { veto = true, nai = true, naiThresholdKeV = 0 } = options;
  const m = new Uint8Array(events.length);
  const v = events.veto;
  const e = events.nai_kev;
  for (let i = 0; i < m.length; i++) m[i] = (veto && v[i]) || (nai && e[i] > naiThresholdKeV) ? 0 : 1;
  return m;
}

/** Step 6: removes events in coincidence with the muon veto or the NaI cup. */
export function rejectCoincidences(events: EventColumns, runs: RunTable, options: AnticoincidenceOptions = {}, state: SelectionState = initialState(events, runs)): CutResult {
  const keep = anticoincidenceMask(events, options);
  return {
    name: "anticoincidence",
    keep,
    runKeep: new Uint8Array(runs.length).fill(1),
    eventsRemoved: countRemoved(state.active, keep),
    liveTimeRemovedS: 0,
    liveTimeRemovedByRunS: new Float64Array(runs.length),
  };
}
