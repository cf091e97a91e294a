// Detector response: targets, resolution, threshold efficiency, folding. Energies in MeV.
export * from "./targets.js";
export * from "./resolution.js";
export * from "./efficiency.js";
export * from "./fold.js";
export * from "./csiResolution.js";
