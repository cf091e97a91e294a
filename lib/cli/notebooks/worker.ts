// Child-process entry of the in-process notebook runner: executes one notebook with tslab
// and writes the executed notebook and any failure as JSON. A process per notebook keeps
// notebooks from sharing globals, as separate Jupyter kernels would.
import { writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { readNotebook } from "./notebook.js";
import { executeWithTslab } from "./execute-tslab.js";

const [nbPath, outPath] = process.argv.slice(2);
if (!nbPath || !outPath) {
  console.error("usage: worker.js NOTEBOOK.ipynb RESULT.json");
  process.exit(2);
}
const file = resolve(nbPath);
const result = await executeWithTslab(readNotebook(file), dirname(file));
writeFileSync(outPath, JSON.stringify(result));
process.exit(0);
