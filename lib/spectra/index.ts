export * from "./histogram.js";
