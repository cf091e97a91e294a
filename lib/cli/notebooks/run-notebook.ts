import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { ExecutionResult } from "./execute-tslab.js";
import { canonicalOutputs } from "./outputs.js";

/** How a notebook is executed: tslab in a Node process of its own, or a real Jupyter kernel. */
export type NotebookEngine = "tslab" | "jupyter";

/** The project root (one level above `lib/` or `dist/`). */
export const projectRoot = fileURLToPath(new URL("../../../", import.meta.url));

/**
 * Files the runner loads at run time, relative to the project root: the tslab worker (built) and
 * the Jupyter driver script (not TypeScript, so shipped from lib/; package.json "files" lists it).
 */
export const RUNNER_FILES = { tslabWorker: "dist/cli/notebooks/worker.js", jupyterScript: "lib/cli/notebooks/jupyter_execute.py" } as const;

/** Python with Jupyter: Debian's interpreter, not whatever `python3` is first on PATH. */
export const JUPYTER_PYTHON = process.env.NUEM_JUPYTER_PYTHON ?? "/usr/bin/python3";

/** True when the Jupyter path can run here (Debian's python3 with nbclient). */
export function jupyterAvailable(): boolean {
  if (!existsSync(JUPYTER_PYTHON)) return false;
  return spawnSync(JUPYTER_PYTHON, ["-c", "import nbclient, nbformat, ipykernel"], { stdio: "ignore" }).status === 0;
}

/** `JUPYTER_PATH` of the project-local kernelspec prefix. */
export function jupyterPath(): string {
  return join(projectRoot, ".jupyter", "share", "jupyter");
}

/**
 * Registers the tslab kernelspec into the project-local prefix `.jupyter/` (once), pointing at
 * this project's tslab binary, so no user-level Jupyter configuration is touched.
 */
export function ensureKernelspec(): void {
  if (existsSync(join(jupyterPath(), "kernels", "tslab", "kernel.json"))) return;
  const tslab = join(projectRoot, "node_modules", ".bin", "tslab");
  const r = spawnSync(tslab, ["install", `--python=${JUPYTER_PYTHON}`, `--binary=${tslab}`, `--prefix=${join(projectRoot, ".jupyter")}`], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`tslab install failed: ${r.stderr || r.stdout}`);
}

/**
 * Executes one notebook in a separate process and returns the executed notebook (outputs in
 * canonical form) and the failing cell, if any. The notebook file is not modified.
 */
export function runNotebook(file: string, engine: NotebookEngine = "tslab"): ExecutionResult {
  const nbPath = resolve(file);
  const dir = mkdtempSync(join(tmpdir(), "nuem-nb-"));
  const resultFile = join(dir, `${basename(nbPath)}.json`);
  try {
    let r;
    if (engine === "tslab") {
      const worker = join(projectRoot, RUNNER_FILES.tslabWorker);
      if (!existsSync(worker)) throw new Error(`${worker} missing: run "npm run build" first`);
      r = spawnSync(process.execPath, [worker, nbPath, resultFile], { encoding: "utf8", maxBuffer: 1 << 28 });
    } else {
      ensureKernelspec();
      const script = join(projectRoot, RUNNER_FILES.jupyterScript);
      r = spawnSync(JUPYTER_PYTHON, [script, nbPath, resultFile], {
        encoding: "utf8",
        maxBuffer: 1 << 28,
        env: { ...process.env, JUPYTER_PATH: jupyterPath(), PYDEVD_DISABLE_FILE_VALIDATION: "1" },
      });
    }
    if (!existsSync(resultFile)) {
      throw new Error(`${file}: the ${engine} runner died (exit ${r.status}${r.signal ? `, ${r.signal}` : ""}): ${(r.stderr || "").trim().slice(-2000)}`);
    }
    const result = JSON.parse(readFileSync(resultFile, "utf8")) as ExecutionResult;
    for (const cell of result.notebook.cells) {
      if (cell.cell_type === "code") {
        cell.outputs = canonicalOutputs(cell.outputs ?? []);
        cell.execution_count = null;
      }
    }
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** "notebooks/x.ipynb, cell 4 (`const a = ...`): message", the form every failure is reported in. */
export function describeFailure(file: string, f: NonNullable<ExecutionResult["failure"]>): string {
  // The kernel's stderr holds a stack trace; the line naming the error is what a reader needs.
  const errorLine = /^\s*(\w*Error\b.*)$/m.exec(f.message)?.[1] ?? f.message.split("\n")[0];
  return `${file}, cell ${f.cellIndex + 1} (\`${f.firstLine.slice(0, 80)}\`): ${errorLine}`;
}
