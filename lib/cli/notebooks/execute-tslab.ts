import { createRequire } from "node:module";
import { format } from "node:util";
import { joinSource, type Notebook, type NotebookOutput } from "./notebook.js";
import { canonicalOutputs } from "./outputs.js";

/** Where a notebook run stopped, when a cell failed. */
export interface CellFailure {
  /** 0-based index among all cells of the notebook. */
  cellIndex: number;
  /** First line of the failing cell's source. */
  firstLine: string;
  /** The error as the kernel reported it (stderr of the cell). */
  message: string;
}

export interface ExecutionResult {
  notebook: Notebook;
  failure: CellFailure | null;
}

const require = createRequire(import.meta.url);

interface TslabExecutor {
  execute(src: string): Promise<boolean>;
  close(): void;
}

/**
 * Executes a notebook's code cells in this process with tslab's own converter and executor,
 * as the tslab kernel does but without Jupyter: stdout/stderr written during a cell and
 * `tslab.display` calls become the cell's outputs. Stops at the first failing cell.
 * Changes the working directory to `notebookDir`, as a Jupyter kernel started there would
 * have it; run it in a process of its own (see `runNotebook`).
 */
export async function executeWithTslab(input: Notebook, notebookDir: string): Promise<ExecutionResult> {
  const { createConverter } = require("tslab/dist/converter") as { createConverter(o: { isJS: boolean; isBrowser: boolean }): { close(): void } };
  const { createExecutor } = require("tslab/dist/executor") as {
    createExecutor(root: string, convs: unknown, console: { log(...a: unknown[]): void; error(...a: unknown[]): void }): TslabExecutor;
  };
  const jupyter = require("tslab/dist/jupyter") as { lastWriteDisplayData: unknown };

  process.chdir(notebookDir);
  const node = createConverter({ isJS: false, isBrowser: false });
  let browser: { close(): void } | null = null;
  const convs = {
    node,
    get browser() {
      browser ??= createConverter({ isJS: false, isBrowser: true });
      return browser;
    },
    close() {
      node.close();
      browser?.close();
    },
  };

  let outputs: NotebookOutput[] = [];
  const stream = (name: "stdout" | "stderr") => (text: string) => outputs.push({ output_type: "stream", name, text });
  const writeOut = stream("stdout");
  const writeErr = stream("stderr");
  const executor = createExecutor(process.cwd(), convs, {
    log: (...a: unknown[]) => writeOut(format(...a) + "\n"),
    error: (...a: unknown[]) => writeErr(format(...a) + "\n"),
  });

  const nb: Notebook = structuredClone(input);
  const realOut = process.stdout.write;
  const realErr = process.stderr.write;
  const capture = (w: (t: string) => void) =>
    ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      w(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
      const cb = rest.find((r) => typeof r === "function") as (() => void) | undefined;
      cb?.();
      return true;
    }) as typeof process.stdout.write;

  let failure: CellFailure | null = null;
  try {
    for (let i = 0; i < nb.cells.length; i++) {
      const cell = nb.cells[i];
      if (cell.cell_type !== "code") continue;
      cell.execution_count = null;
      if (failure) {
        cell.outputs = [];
        continue;
      }
      outputs = [];
      const displays = new Map<string, number>();
      jupyter.lastWriteDisplayData = (msg: { data: Record<string, unknown>; metadata: Record<string, unknown>; transient?: { display_id?: string } }, update: boolean) => {
        const out: NotebookOutput = { output_type: "display_data", data: msg.data, metadata: msg.metadata };
        const id = msg.transient?.display_id;
        if (update && id && displays.has(id)) outputs[displays.get(id)!] = out;
        else {
          if (id) displays.set(id, outputs.length);
          outputs.push(out);
        }
      };
      process.stdout.write = capture(writeOut);
      process.stderr.write = capture(writeErr);
      let ok: boolean;
      try {
        ok = await executor.execute(joinSource(cell.source));
      } finally {
        process.stdout.write = realOut;
        process.stderr.write = realErr;
        jupyter.lastWriteDisplayData = null;
      }
      cell.outputs = canonicalOutputs(outputs);
      if (!ok) {
        const err = outputs.filter((o) => o.output_type === "stream" && o.name === "stderr").map((o) => joinSource((o as { text: string }).text)).join("");
        failure = { cellIndex: i, firstLine: joinSource(cell.source).split("\n")[0], message: err.trim() || "cell failed without a message" };
      }
    }
  } finally {
    executor.close();
  }
  return { notebook: nb, failure };
}
