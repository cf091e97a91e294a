// nuem/stats: limits, probability curves, Feldman-Cousins intervals, the GEMMA chi2(X, K), pseudo-experiments.
export { pdgUpperLimit, upperLimitOnGrid } from "./pdgLimit.js";
export { ProbabilityCurve, type GaussianCurveOptions } from "./probabilityCurve.js";
export {
  combineGemma,
  GEMMA_NORMALISATION_SYSTEMATICS,
  GemmaLimit,
  magneticMomentFromX,
  quadratureSum,
  xFromMagneticMoment,
  type AnalysisAlternative,
  type CombineOptions,
  type NormalisationSystematics,
  type PeriodMeasurement,
} from "./gemmaCombination.js";
export { fcAcceptanceInterval, feldmanCousins, feldmanCousinsBelt, FeldmanCousinsInterval, type FeldmanCousinsOptions } from "./feldmanCousins.js";
export { Chi2Map, CONTOUR_CL, deltaChi2, GemmaChi2, type GemmaPeriodInput, type MapGrid, type ProfileResult } from "./gemmaChi2.js";
export { CorrelatedGemmaChi2, type Chi2XK, type CorrelatedGemmaPeriodInput } from "./gemmaChi2Correlated.js";
export { createRng, normalDraw, poissonDraw, type Rng } from "./random.js";
export { logNormalCdf, normalQuantileFromLog } from "./normalTail.js";
