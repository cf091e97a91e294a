// Run selection: the five GEMMA selection cuts (Beda et al., section 3) over columnar events, the cut-flow, and the TEXONO preset.
export * from "./state.js";
export * from "./energy.js";
export * from "./poisson.js";
export * from "./badRuns.js";
export * from "./nobleGas.js";
export * from "./noiseSeconds.js";
export * from "./audioFrequency.js";
export * from "./fourier.js";
export * from "./cutFlow.js";
export * from "./select.js";
export * from "./selectDataset.js";
export * from "./pulser.js";
export * from "./anticoincidence.js";
export * from "./channelCalibration.js";
export * from "./truthTally.js";
export * from "./texonoSelection.js";
