/** File-level mutations shared by the spectra and dataset cases. */
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";

export type FileOp = "missing" | "fifo" | "directory";
export const FILE_OPS: readonly FileOp[] = ["missing", "fifo", "directory"];

/** Replaces `path` by nothing, a FIFO (reading it blocks until a writer opens it) or a directory. */
export function applyFileOp(path: string, op: FileOp): void {
  rmSync(path, { recursive: true, force: true });
  if (op === "fifo") execFileSync("mkfifo", [path]);
  if (op === "directory") {
    mkdirSync(path);
    writeFileSync(`${path}/inside.txt`, "a directory where a file belongs\n");
  }
}

/** JSON text of a value as the project writes it. */
export const jsonText = (v: unknown): string => JSON.stringify(v, null, 2) + "\n";
