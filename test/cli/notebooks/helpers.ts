import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TSLAB_METADATA, writeNotebook, type Notebook, type NotebookOutput } from "../../../lib/cli/notebooks/index.js";

/** Writes a throw-away notebook of code cells (with optional stored outputs) to a temp folder. */
export function tempNotebook(cells: { source: string; outputs?: NotebookOutput[] }[]): string {
  const dir = mkdtempSync(join(tmpdir(), "nuem-test-nb-"));
  const nb: Notebook = {
    cells: cells.map((c) => ({ cell_type: "code", source: c.source, metadata: {}, outputs: c.outputs ?? [], execution_count: null })),
    metadata: TSLAB_METADATA,
    nbformat: 4,
    nbformat_minor: 5,
  };
  const file = join(dir, "t.ipynb");
  writeNotebook(file, nb);
  return file;
}
