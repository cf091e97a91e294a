// nuem/data: the project's data folder and its CSV tables.
export * from "./csv.js";
export * from "./paths.js";
