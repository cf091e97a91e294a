import { Origin } from "../events/origin.js";
import { experimentRate } from "../rates/experimentRate.js";
import { logGrid } from "../math/logGrid.js";
import type { ExperimentName } from "../reactor/experiments.js";
import type { SignalComponent } from "./signal.js";

/** Magnetic-moment cross sections the simulator can inject. */
export type SignalModel = "fe" | "epa" | "stepping";
export const SIGNAL_MODELS: readonly SignalModel[] = ["fe", "epa", "stepping"];
const PROCESS = { fe: "em-fe", epa: "em-epa", stepping: "em-stepping" } as const;

/**
 * The neutrino signal at an experiment from the physics library: the magnetic term (free
 * electrons GEMMA (2), atomic ionization EPA GEMMA (11), or the stepping approximation) and the
 * weak term GEMMA (1), integrated over the experiment's computed reactor spectrum (nominal power),
 * at true deposited energy (the simulator applies each channel's resolution and the trigger).
 * Energies 0.2-500 keV on a log grid: above 500 keV both terms are far below the background.
 */
export function physicsSignal(experiment: ExperimentName, muB: number, model: SignalModel = "fe", energiesKeV: Float64Array = logGrid(0.2, 500, 600)): SignalComponent[] {
  if (!Number.isFinite(muB) || muB < 0) throw new Error(`muB must be a finite number >= 0, got ${muB}`);
  const em = experimentRate(experiment, PROCESS[model], energiesKeV, { params: { muNu_muB: muB } });
  const weak = experimentRate(experiment, "weak", energiesKeV);
  return [
    { energiesKeV: Float64Array.from(energiesKeV), ratePerKeVKgDay: em, origin: Origin.SIGNAL_EM, label: "signal-em" },
    { energiesKeV: Float64Array.from(energiesKeV), ratePerKeVKgDay: weak, origin: Origin.SIGNAL_WEAK, label: "signal-weak" },
  ];
}
