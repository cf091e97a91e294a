// nuem/analysis: from spectra to limits (GEMMA Secs. 3-4): background fits, chi2(X, K), combination, expected limits.
export * from "./models.js";
export * from "./sensitivity.js";
export * from "./asimovGemma.js";
export * from "./binnedRates.js";
export * from "./roiBinning.js";
export * from "./backgroundFit.js";
export * from "./periodAnalysis.js";
export * from "./profileLikelihood.js";
export * from "./limit.js";
export * from "./procedure.js";
export * from "./coverage.js";
export * from "./coverageFile.js";
export * from "./spectraToy.js";
export * from "./pseudoExperiments.js";
export * from "./figureRows.js";
export * from "./milliChargeSignedLimit.js";
