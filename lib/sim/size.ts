/**
 * How big a simulation would be, estimated before it starts, so that an exposure or a signal
 * strength that would write terabytes (or run for days) is refused with the estimate and the cap
 * instead of hanging.
 *
 * Background events per scheduled hour come from pilots: 24 h ON + 24 h OFF of the configuration's
 * own schedule for each of four fixed pilot seeds, generated without signal and not written. The
 * pilots do not use the simulation's seed, so that a configuration is accepted or refused whatever
 * the seed: one 6 h + 6 h pilot with the simulation's seed overestimated the full GEMMA exposure
 * 5-fold for seed 19 (a noisy run in the pilot) and refused it. The signal adds
 * sum_k integral R_k(E) dE x m_d / 24 events per good ON hour at nominal power (its tabulated
 * rate, counts/(keV kg day), trapezoids on its grid). Bytes per event: 35 (events + truth Arrow
 * files; measured on a 48 h ON + 48 h OFF GEMMA sample: 3.58 MB for 102 026 events).
 */
import type { SimConfig } from "./config.js";
import { DetectorModel } from "./model.js";
import { RunEvents, RunGenerator } from "./runGenerator.js";
import { buildSchedule, DEFAULT_HOURS_OFF, DEFAULT_HOURS_ON, type ExposureChoice } from "./schedule.js";
import type { SignalComponent, SignalInput } from "./signal.js";

/** The most events one simulation writes: ~3.5 times the published GEMMA exposure (~14 M events). */
export const MAX_SIMULATED_EVENTS = 5e7;

/** Bytes on disk per simulated event (events + truth files), measured (see the file header). */
export const BYTES_PER_EVENT = 35;

const PILOT_HOURS = 24;
const PILOT_SEEDS: readonly number[] = [1, 2, 3, 4];

/** The estimate of {@link estimateSimulationSize}. */
export interface SimulationSizeEstimate {
  /** Good ON and OFF hours asked for. */
  goodHoursOn: number;
  goodHoursOff: number;
  backgroundEventsPerHour: number;
  signalEventsPerOnHour: number;
  events: number;
  bytes: number;
}

function signalPerOnHour(config: SimConfig, signal: SignalInput): number {
  const list = (Array.isArray(signal) ? signal : [signal]) as readonly SignalComponent[];
  let perKgDay = 0;
  for (const s of list) {
    const e = s.energiesKeV;
    const r = s.ratePerKeVKgDay;
    for (let i = 1; i < e.length; i++) perKgDay += 0.5 * (r[i] + r[i - 1]) * (e[i] - e[i - 1]);
  }
  return (perKgDay * config.detectorMassKg) / 24;
}

function goodHours(config: SimConfig, exposure: ExposureChoice): [number, number] {
  if (!exposure.full) return [exposure.hoursOn ?? DEFAULT_HOURS_ON, exposure.hoursOff ?? DEFAULT_HOURS_OFF];
  let on = 0;
  let off = 0;
  for (const p of config.phases) for (const s of p.segments) if ("state" in s) s.state === "ON" ? (on += s.goodHours) : (off += s.goodHours);
  return [on, off];
}

/** Estimates the events and bytes a simulation would write (see the file header). */
export function estimateSimulationSize(config: SimConfig, signal: SignalInput, exposure: ExposureChoice): SimulationSizeEstimate {
  const [on, off] = goodHours(config, exposure);
  const model = new DetectorModel(config, []);
  const out = new RunEvents();
  let events = 0;
  for (const seed of PILOT_SEEDS) {
    const plan = buildSchedule(config, seed, { hoursOn: PILOT_HOURS, hoursOff: PILOT_HOURS });
    const gen = new RunGenerator(model, plan, seed);
    for (let i = 0; i < plan.length; i++) {
      gen.generate(i, out);
      events += out.length;
    }
  }
  // Per good hour, the pilots' transition and flagged runs included.
  const backgroundEventsPerHour = events / (2 * PILOT_HOURS * PILOT_SEEDS.length);
  const signalEventsPerOnHour = signalPerOnHour(config, signal);
  const total = backgroundEventsPerHour * (on + off) + signalEventsPerOnHour * on;
  return { goodHoursOn: on, goodHoursOff: off, backgroundEventsPerHour, signalEventsPerOnHour, events: total, bytes: total * BYTES_PER_EVENT };
}

/** A size in words: "3.2 GB", "41 TB". */
function bytesText(b: number): string {
  const units = ["B", "kB", "MB", "GB", "TB", "PB", "EB"];
  let k = 0;
  while (b >= 1000 && k < units.length - 1) {
    b /= 1000;
    k++;
  }
  return `${b.toPrecision(2)} ${units[k]}`;
}

/** Throws with the estimate and the cap when a simulation would write more than MAX_SIMULATED_EVENTS events. */
export function checkSimulationSize(config: SimConfig, signal: SignalInput, exposure: ExposureChoice): SimulationSizeEstimate {
  const est = estimateSimulationSize(config, signal, exposure);
  if (!(est.events <= MAX_SIMULATED_EVENTS)) {
    const sig = est.signalEventsPerOnHour * est.goodHoursOn;
    throw new Error(
      `the simulation would write ~${est.events.toExponential(1)} events (~${bytesText(est.bytes)}): ${est.goodHoursOn} h ON + ${est.goodHoursOff} h OFF at ~${Math.round(est.backgroundEventsPerHour)} background events per hour` +
        `${sig > 0 ? `, plus ~${sig.toExponential(1)} signal events (${est.signalEventsPerOnHour.toExponential(2)} per ON hour)` : ""}; ` +
        `the cap is ${MAX_SIMULATED_EVENTS.toExponential(0)} events (~${bytesText(MAX_SIMULATED_EVENTS * BYTES_PER_EVENT)}): shorten the exposure or lower the signal`,
    );
  }
  return est;
}
