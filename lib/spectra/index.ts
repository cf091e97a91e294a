export * from "./histogram.js";
export * from "./spectraFile.js";
