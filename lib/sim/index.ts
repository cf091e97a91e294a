// nuem event simulator: seeded GEMMA / TEXONO-like datasets with the artefacts of the GEMMA run selection.
export * from "./config.js";
export { gemmaConfig, hoursOf, splitHours } from "./gemma.js";
export { texonoConfig } from "./texono.js";
export * from "./lines.js";
export * from "./signal.js";
export { TabulatedSpectrum, grid, tabulate } from "./spectrum.js";
export { comptonEdgeKeV, kleinNishinaShape, comptonContinuum } from "./kleinNishina.js";
export { SimRng, RngStream, checkSeed, MAX_SEED } from "./rng.js";
export { buildSchedule, isGoodRun, phasesFor, DEFAULT_HOURS_ON, DEFAULT_HOURS_OFF, type RunPlan, type ExposureChoice, type NobleGasEpisode } from "./schedule.js";
export { DetectorModel, TruncatedExponential, type SignalModel } from "./model.js";
export { RunGenerator, RunEvents, type RunResult } from "./runGenerator.js";
export { ProgressBar, formatSeconds, type ProgressStream } from "./progress.js";
export { lineTimePrecision, LIVE_TIME_LINES } from "./lineTime.js";
export { simulate, SIMULATION_SUMMARY_FILE, type SimulateOptions, type SimulationSummary, type PhaseSummary, type SignalSummary } from "./simulate.js";
export * from "./physicsSignal.js";
