import { InputDataError } from "../../errors.js";
import { readFileSync, writeFileSync } from "node:fs";

/** One output of a code cell, as nbformat 4 stores it. */
export type NotebookOutput =
  | { output_type: "stream"; name: "stdout" | "stderr"; text: string | string[] }
  | { output_type: "display_data"; data: Record<string, unknown>; metadata: Record<string, unknown> }
  | { output_type: "execute_result"; data: Record<string, unknown>; metadata: Record<string, unknown>; execution_count: number | null }
  | { output_type: "error"; ename: string; evalue: string; traceback: string[] };

export interface NotebookCell {
  cell_type: "code" | "markdown" | "raw";
  source: string | string[];
  metadata: Record<string, unknown>;
  outputs?: NotebookOutput[];
  execution_count?: number | null;
  id?: string;
}

export interface Notebook {
  cells: NotebookCell[];
  metadata: Record<string, unknown>;
  nbformat: number;
  nbformat_minor: number;
}

/** Joins nbformat's multi-line strings (stored either as one string or a list of lines). */
export function joinSource(s: string | string[]): string {
  return Array.isArray(s) ? s.join("") : s;
}

/** Splits text into nbformat's list-of-lines form (each line keeps its newline). */
export function splitLines(s: string): string[] {
  return s === "" ? [] : s.split(/(?<=\n)/);
}

/** Reads a notebook; errors name the file. */
export function readNotebook(file: string): Notebook {
  let nb: Notebook;
  try {
    nb = JSON.parse(readFileSync(file, "utf8")) as Notebook;
  } catch (e) {
    throw new InputDataError(`${file}: not a readable notebook (${(e as Error).message})`, { file }, { cause: e });
  }
  if (!Array.isArray(nb.cells) || nb.nbformat !== 4) throw new InputDataError(`${file}: not an nbformat 4 notebook`, { file });
  return nb;
}

/** Writes a notebook in Jupyter's own layout (1-space indent, trailing newline). */
export function writeNotebook(file: string, nb: Notebook): void {
  writeFileSync(file, JSON.stringify(nb, null, 1) + "\n");
}

/** The tslab kernelspec metadata every project notebook carries. */
export const TSLAB_METADATA = {
  kernelspec: { display_name: "TypeScript", language: "typescript", name: "tslab" },
  language_info: {
    codemirror_mode: { mode: "typescript", name: "javascript", typescript: true },
    file_extension: ".ts",
    mimetype: "text/typescript",
    name: "typescript",
    version: "3.7.2",
  },
};
