import { buildSchedule, DetectorModel, freeElectronClosedFormSignal, gemmaConfig, RunEvents, RunGenerator } from "../lib/sim/index.js";
import type { Bench } from "./harness.js";

// Event generation of the simulator (no file writing): 24 GEMMA runs (12 h ON, 12 h OFF), mu = 3e-11.
const config = gemmaConfig();
const plan = buildSchedule(config, 1, { hoursOn: 12, hoursOff: 12 });
const gen = new RunGenerator(new DetectorModel(config, freeElectronClosedFormSignal(3e-11)), plan, 1);
const out = new RunEvents();
let events = 0;
for (let i = 0; i < plan.length; i++) {
  gen.generate(i, out);
  events += out.length;
}

export const simBenches: Bench[] = [
  {
    name: `sim: generate ${plan.length} GEMMA runs (${events} events)`,
    items: events,
    unit: "events",
    run: () => {
      for (let i = 0; i < plan.length; i++) gen.generate(i, out);
    },
  },
  { name: "sim: full GEMMA schedule (Phases I+II, ~15 600 runs)", items: 1, unit: "schedules", run: () => buildSchedule(config, 1, { full: true }) },
];
