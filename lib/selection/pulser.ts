/*
 * Test-pulser events out of the physics stream, before any cut (they are kept aside for the
 * threshold-efficiency fit of GEMMA (4), `lib/spectra/threshold.ts`). A pulser event is not a
 * detector pulse: it removes no live time (its dead time is already in the run's `live_time_s`),
 * it is not counted by the noise cut, and it is not "the previous event" of the audio-frequency cut
 * (`rejectAudioFrequency` skips `pulser = 1` rows).
 */
import type { EventColumns, RunTable } from "../events/index.js";
import { countRemoved, initialState, type CutResult, type SelectionState } from "./state.js";

/** Step 0: removes the events flagged `pulser = 1`. */
export function rejectPulser(events: EventColumns, runs: RunTable, state: SelectionState = initialState(events, runs)): CutResult {
  const keep = new Uint8Array(events.length);
  const p = events.pulser;
  for (let i = 0; i < keep.length; i++) keep[i] = p[i] ? 0 : 1;
  return {
    name: "pulser",
    keep,
    runKeep: new Uint8Array(runs.length).fill(1),
    eventsRemoved: countRemoved(state.active, keep),
    liveTimeRemovedS: 0,
    liveTimeRemovedByRunS: new Float64Array(runs.length),
  };
}
