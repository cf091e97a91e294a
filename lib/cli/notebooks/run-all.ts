import { mkdirSync, readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { extractFigures } from "./figures.js";
import { readNotebook, writeNotebook, type Notebook } from "./notebook.js";
import { compareOutputs, firstDifferentLine } from "./outputs.js";
import { describeFailure, projectRoot, runNotebook, type NotebookEngine } from "./run-notebook.js";

export interface RunNotebooksOptions {
  /** Folder of the notebooks (default: the project's `notebooks/`). */
  dir?: string;
  /** Only notebooks whose file name contains one of these strings. */
  only?: string[];
  engine?: NotebookEngine;
  /** Compare outputs with the committed ones and report differences as failures. */
  check?: boolean;
  /** Rewrite the notebooks in place with the new outputs. */
  update?: boolean;
  /** Write executed copies to `<outDir>/notebooks/` and figures to `<outDir>/figures/<notebook>/`. */
  outDir?: string;
  /** Progress lines (default: stderr). */
  log?: (line: string) => void;
}

export interface NotebookReport {
  file: string;
  ok: boolean;
  seconds: number;
  problem?: string;
  figures: string[];
}

/** The project's notebooks, in order. */
export function listNotebooks(dir = join(projectRoot, "notebooks"), only: string[] = []): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".ipynb") && (only.length === 0 || only.some((o) => f.includes(o))))
    .sort()
    .map((f) => join(dir, f));
}

/** Keeps a notebook's sources and metadata, takes the outputs of the executed copy. */
function withOutputs(original: Notebook, executed: Notebook): Notebook {
  return { ...original, cells: original.cells.map((c, i) => (c.cell_type === "code" ? { ...c, outputs: executed.cells[i].outputs, execution_count: null } : c)) };
}

/**
 * Executes every notebook in order, headless. A failing cell is reported with the notebook,
 * the cell and the error; with `check`, so is any output that differs from the committed one.
 */
export function runNotebooks(opts: RunNotebooksOptions = {}): NotebookReport[] {
  const log = opts.log ?? ((l: string) => process.stderr.write(l + "\n"));
  const files = listNotebooks(opts.dir, opts.only);
  const reports: NotebookReport[] = [];
  files.forEach((file, i) => {
    const rel = `notebooks/${basename(file)}`;
    const t0 = performance.now();
    const original = readNotebook(file);
    const { notebook, failure } = runNotebook(file, opts.engine ?? "tslab");
    const seconds = (performance.now() - t0) / 1000;
    const report: NotebookReport = { file: rel, ok: true, seconds, figures: [] };
    if (failure) {
      report.ok = false;
      report.problem = describeFailure(rel, failure);
    } else if (opts.check) {
      const diffs = compareOutputs(original, notebook);
      if (diffs.length > 0) {
        const d = diffs[0];
        report.ok = false;
        report.problem = `${rel}, cell ${d.cellIndex + 1}: output differs from the committed one (${firstDifferentLine(d.expected, d.actual)}); ${diffs.length} cell(s) differ. Re-run "npm run notebooks -- --update" if the change is intended.`;
      }
    }
    const executed = withOutputs(original, notebook);
    if (opts.update && !failure) writeNotebook(file, executed);
    if (opts.outDir) {
      mkdirSync(join(opts.outDir, "notebooks"), { recursive: true });
      writeNotebook(join(opts.outDir, "notebooks", basename(file)), executed);
      report.figures = extractFigures(executed, join(opts.outDir, "figures", basename(file, ".ipynb")));
    }
    log(`[${i + 1}/${files.length}] ${rel}: ${report.ok ? "ok" : "FAILED"} (${seconds.toFixed(1)} s)${report.problem ? `\n  ${report.problem}` : ""}`);
    reports.push(report);
  });
  return reports;
}
