export * from "./notebook.js";
export * from "./outputs.js";
export { runNotebook, describeFailure, jupyterAvailable, ensureKernelspec, jupyterPath, projectRoot, type NotebookEngine } from "./run-notebook.js";
export type { ExecutionResult, CellFailure } from "./execute-tslab.js";
export { runNotebooks, listNotebooks, type NotebookReport, type RunNotebooksOptions } from "./run-all.js";
export { extractFigures } from "./figures.js";
