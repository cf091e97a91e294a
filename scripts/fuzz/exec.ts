/**
 * Runs one `nuem` command line in its own process group, with a wall-clock limit: on timeout the
 * whole group is killed (a command may start workers), and the case is a hang.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/** bin/nuem.js of this checkout (the built CLI a user runs). */
export const NUEM_BIN = fileURLToPath(new URL("../../bin/nuem.js", import.meta.url));

export interface ExecResult {
  /** Exit code, or null when killed by a signal. */
  code: number | null;
  signal: string | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
  seconds: number;
}

/** How a case's command line is run: a fresh process (runNuem) or a warm one (warm.ts). */
export type Executor = (args: string[], cwd: string, timeoutS: number) => Promise<ExecResult>;

/** Keeps at most this much of each stream (a runaway writer must not fill the memory). */
const MAX_STREAM_BYTES = 4 << 20;

/** Process groups of the commands running now, so an interrupted campaign leaves none behind. */
const active = new Set<number>();

/** Kills every command still running (for SIGINT/SIGTERM of the campaign). */
export function killActive(): void {
  for (const pid of active) {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      /* gone */
    }
  }
  active.clear();
}

export function runNuem(args: string[], cwd: string, timeoutS: number): Promise<ExecResult> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [NUEM_BIN, ...args], {
      cwd,
      detached: true, // its own process group, so a timeout kills its children too
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
    });
    active.add(child.pid!);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let outN = 0;
    let errN = 0;
    child.stdout.on("data", (b: Buffer) => {
      if (outN < MAX_STREAM_BYTES) out.push(b);
      outN += b.length;
    });
    child.stderr.on("data", (b: Buffer) => {
      if (errN < MAX_STREAM_BYTES) err.push(b);
      errN += b.length;
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        /* already gone */
      }
    }, timeoutS * 1000);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      active.delete(child.pid!);
      resolve({ code, signal, timedOut, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8"), seconds: (performance.now() - t0) / 1000 });
    });
  });
}
