// nuem: the public API, re-exported by analysis stage.
export * from "./constants.js";
export * from "./data/csv.js";
export * from "./data/paths.js";
export * from "./plots/index.js";
export { version } from "./version.js";
export * from "./reactor/index.js";
export * from "./events/index.js";
export * from "./xsec/index.js";
export * from "./detector/index.js";
export * from "./rates/index.js";
export * from "./selection/index.js";
export * from "./fit/index.js";
export * from "./stats/index.js";
export * from "./analysis/index.js";
export * from "./sim/index.js";
export * from "./spectra/index.js";
export * from "./prospects/index.js";
export * from "./math/index.js";
