// nuem event data: the columnar on-disk format (FORMAT.md) and its validated readers and writers.
export * from "./errors.js";
export * from "./origin.js";
export * from "./runState.js";
export * from "./schema.js";
export type * from "./types.js";
export * from "./paths.js";
export { EventWriter, DEFAULT_BATCH_ROWS, type EventWriterOptions, type EventFileSummary } from "./eventWriter.js";
export { readEventBatches, readEvents, concatEvents, type ReadEventsOptions } from "./eventReader.js";
export { readRuns, writeRuns, toRunTable } from "./runsTable.js";
export * from "./manifest.js";
export * from "./dataset.js";
export { importEventsCsv, importRunsCsv, type ImportEventsCsvOptions } from "./csvImport.js";
export * from "./diagnostics.js";
export { importRootTrees, parseRootMapping, type RootColumnSource, type ImportRootOptions, type ImportRootResult, type OneRunSpec } from "./rootImport.js";
