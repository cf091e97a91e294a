// nuem/fit: minimisation, covariance, root finding, and background fits of binned spectra.
export { minimize, type MinimizeOptions, type MinimizeResult } from "./minimize.js";
export { hesse, type HesseOptions, type HesseResult } from "./hesse.js";
export { migrad, MigradResult, type MigradOptions } from "./migrad.js";
export { clampToLimit, isBounded, toExternal, toInternal, type Limit } from "./limits.js";
export { formatPlain, formatValueAsymmetric, formatValueError, pdgDecimals, pdgRoundError } from "./format.js";
export { formatMeasured, measured, measuredAsymmetric, quantityTable, ResultTable, ResultTables, type Measured, type MeasuredAsymmetric, type ResultCell } from "./resultTable.js";
export { maskedIndices, roiMask, type Roi } from "./roi.js";
export { binCentresKeV, binWidthsKeV, checkSpectrum, countVariance, type BinnedSpectrum } from "./spectrum.js";
export type { CurveModel } from "./curveModel.js";
export { BinIntegrator } from "./binIntegrator.js";
export { bakerCousinsChi2, bakerCousinsTerm, gaussChi2, type FitStatistic } from "./statistic.js";
export { GAUSS_EXP_LINEAR_PARAMETERS, GAUSS_EXP_LINEAR_SCAN, gaussExpLinearGuess, gaussExpLinearModel, type GaussExpLinearScanGrid } from "./gaussExpLinear.js";
export { polynomialModel } from "./polynomial.js";
export { evaluateSpline, naturalSplineModel, splineSecondDerivatives } from "./naturalSpline.js";
export { FitResult, type FitResultInit } from "./fitResult.js";
export { fitSpectrum, type FitSpectrumOptions } from "./fitSpectrum.js";
export { fitSmoothingSpline, smoothingSpline, type SmoothingSplineOptions, type SmoothingSplineSolution } from "./smoothingSpline.js";
export { fitSpectrumLM, type FitSpectrumLMOptions } from "./fitSpectrumLM.js";
