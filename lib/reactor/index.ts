// Reactor antineutrino source stage: spectra per fission, 238U-capture antineutrinos, fission rate,
// flux at a detector, the combined reactor spectrum, and the experiment configurations.
export * from "./isotopes.js";
export * from "./fissionData.js";
export * from "./spectrumCoefficients.js";
export * from "./summationTables.js";
export * from "./fissionSpectrum.js";
export * from "./betaSpectrum.js";
export * from "./captureSpectrum.js";
export * from "./fissionRate.js";
export * from "./reactorSpectrum.js";
export * from "./experiments.js";
export * from "./experimentFlux.js";
export * from "./texonoCsi.js";
