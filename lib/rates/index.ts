// Expected rates: reactor flux x cross sections x targets, with the detector response.
export * from "./eNuMin.js";
export * from "./expectedRate.js";
export * from "./experimentRate.js";
export * from "./response.js";
export * from "./crossing.js";
export * from "./thresholdScaling.js";
export * from "./csiRates.js";
export * from "./csiExpectedError.js";
