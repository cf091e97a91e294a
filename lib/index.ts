// nuem: the public API. One namespace per analysis stage (nuem.reactor, nuem.xsec, ...; also
// importable as "nuem/reactor" and the like), plus the entry points a notebook starts from.
// test/api/public-api.json pins every name; `npm run api:update` rewrites it after a deliberate change.
export * as constants from "./constants.js";
export * as data from "./data/index.js";
export * as reactor from "./reactor/index.js";
export * as events from "./events/index.js";
export * as xsec from "./xsec/index.js";
export * as detector from "./detector/index.js";
export * as rates from "./rates/index.js";
export * as selection from "./selection/index.js";
export * as fit from "./fit/index.js";
export * as stats from "./stats/index.js";
export * as analysis from "./analysis/index.js";
export * as sim from "./sim/index.js";
export * as spectra from "./spectra/index.js";
export * as prospects from "./prospects/index.js";
export * as math from "./math/index.js";
export * as plots from "./plots/index.js";
export * as errors from "./errors.js";

export { version } from "./version.js";
export { dataPath } from "./data/paths.js";
export { loadExperiment } from "./reactor/index.js";
export { simulate, gemmaConfig, texonoConfig } from "./sim/index.js";
export { openDataset } from "./events/index.js";
export { selectDataset } from "./selection/index.js";
export { buildSpectra, readSpectraFile } from "./spectra/index.js";
export { analyseSpectra } from "./analysis/index.js";
export { Plot, show, showPlot, showTable, showMarkdown } from "./plots/index.js";
