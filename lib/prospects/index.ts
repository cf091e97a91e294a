// nuem/prospects: milli-charge bounds, the landscape of published limits, the reach of lower
// thresholds, GEMMA-II and expected bounds.
export * from "./binnedRate.js";
export * from "./asimovConditions.js";
export * from "./couplingSensitivity.js";
export * from "./milliCharge.js";
export * from "./edgeSignature.js";
export * from "./landscape.js";
export * from "./thresholdReach.js";
export * from "./gemma2.js";
export * from "./milliChargeInterference.js";
