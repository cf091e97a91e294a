/**
 * Runs cases in CLI processes that stay up between cases (warmChild.ts), same result shape as
 * runNuem. Faster, a little less faithful than a fresh process per case (a crash that only shows
 * at process exit would not); `npm run fuzz` uses fresh processes, the `npm test` subset these.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { ExecResult } from "./exec.js";

const CHILD = fileURLToPath(new URL("./warmChild.ts", import.meta.url));

interface Runner {
  proc: ChildProcess;
  ready: Promise<void>;
  dead: boolean;
}

function startRunner(): Runner {
  const proc = spawn(process.execPath, ["--import", "tsx", CHILD], { detached: true, stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const ready = new Promise<void>((resolve) => proc.once("message", () => resolve()));
  const r: Runner = { proc, ready, dead: false };
  proc.on("exit", () => (r.dead = true));
  return r;
}

const kill = (r: Runner) => {
  try {
    process.kill(-r.proc.pid!, "SIGKILL");
  } catch {
    /* gone */
  }
};

export interface WarmPool {
  run(args: string[], cwd: string, timeoutS: number): Promise<ExecResult>;
  close(): void;
}

export function warmPool(): WarmPool {
  const idle: Runner[] = [];
  const all = new Set<Runner>();
  return {
    async run(args, cwd, timeoutS) {
      let next = idle.pop();
      while (next?.dead) next = idle.pop();
      const r = next ?? startRunner();
      all.add(r);
      await r.ready;
      const t0 = performance.now();
      return new Promise<ExecResult>((resolve) => {
        let settled = false;
        const finish = (res: Omit<ExecResult, "seconds">, reusable: boolean) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          r.proc.removeListener("message", onMessage);
          r.proc.removeListener("exit", onExit);
          if (reusable) idle.push(r);
          else {
            kill(r);
            all.delete(r);
          }
          resolve({ ...res, seconds: (performance.now() - t0) / 1000 });
        };
        const timer = setTimeout(() => finish({ code: null, signal: "SIGKILL", timedOut: true, stdout: "", stderr: "" }, false), timeoutS * 1000);
        const onMessage = (m: { code: number; crashed?: boolean; stdout: string; stderr: string }) => finish({ code: m.code, signal: null, timedOut: false, stdout: m.stdout, stderr: m.stderr }, !m.crashed);
        const onExit = (code: number | null, signal: string | null) => finish({ code, signal, timedOut: false, stdout: "", stderr: "" }, false);
        r.proc.on("message", onMessage);
        r.proc.on("exit", onExit);
        r.proc.send({ args, cwd });
      });
    },
    close() {
      for (const r of all) kill(r);
      all.clear();
      idle.length = 0;
    },
  };
}
