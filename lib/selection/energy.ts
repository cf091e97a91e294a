/*
 * Which energy a cut looks at. GEMMA (section 3) does not say which shaping channel its count-rate
 * cuts use; the default here is E3 (12 us shaping, the best resolution), and each cut takes a
 * `channel` option or an explicit energy array.
 */
import type { EventColumns } from "../events/index.js";

/** A shaping channel (E1: 2 us, E2: 4 us, E3: 12 us) or their mean. */
export type EnergyChannel = "e1" | "e2" | "e3" | "mean";

/** Default channel for the count-rate cuts (noble gas, noise, bad-run rate): E3, 12 us shaping. */
export const DEFAULT_ENERGY_CHANNEL: EnergyChannel = "e3";

/** Energies of one channel, keV (a view of the column itself for e1/e2/e3; a new array for "mean"). */
export function channelEnergyKeV(events: EventColumns, channel: EnergyChannel | ArrayLike<number> = DEFAULT_ENERGY_CHANNEL): ArrayLike<number> {
  if (typeof channel !== "string") {
    if (channel.length !== events.length) throw new Error(`selection: energy array has ${channel.length} rows, events have ${events.length}`);
    return channel;
  }
  if (channel === "e1") return events.e1_kev;
  if (channel === "e2") return events.e2_kev;
  if (channel === "e3") return events.e3_kev;
  const out = new Float64Array(events.length);
  for (let i = 0; i < events.length; i++) out[i] = (events.e1_kev[i] + events.e2_kev[i] + events.e3_kev[i]) / 3;
  return out;
}
