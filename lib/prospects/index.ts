// nuem/prospects: milli-charge bounds, the TEXONO CsI(Tl) electroweak analysis, the landscape of
// published limits and the reach of lower thresholds.
export * from "./binnedRate.js";
export * from "./asimovConditions.js";
export * from "./couplingSensitivity.js";
export * from "./milliCharge.js";
export * from "./edgeSignature.js";
export * from "./texonoCsi.js";
export * from "./csiRates.js";
export * from "./csiToy.js";
export * from "./landscape.js";
export * from "./thresholdReach.js";
export * from "./gemma2.js";
export * from "./csiSummary.js";
export * from "./csiEvents.js";
export * from "./milliChargeInterference.js";
