/**
 * A CLI process that stays up between cases (for the `npm test` subset: the CLI's ~0.8 s start-up
 * paid once instead of per case). It receives {args, cwd} over IPC, runs `main(args)` with stdout
 * and stderr captured, and answers {code, stdout, stderr}. A case that blocks it (a FIFO, an
 * endless loop) is ended by the parent killing this process.
 */
import { main } from "../../dist/cli/main.js";

type Write = typeof process.stdout.write;
let out: string[] = [];
let err: string[] = [];
const realOut = process.stdout.write.bind(process.stdout);
const realErr = process.stderr.write.bind(process.stderr);
const capture = (into: () => string[]): Write =>
  ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    into().push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
    const cb = rest.find((x) => typeof x === "function") as (() => void) | undefined;
    cb?.();
    return true;
  }) as Write;

const crash = (e: unknown) => {
  // What Node prints for an uncaught error, so the oracle judges it as in a cold process.
  process.send!({ code: 1, crashed: true, stdout: out.join(""), stderr: err.join("") + String((e as Error)?.stack ?? e) + "\n" }, () => process.exit(1));
};
process.on("uncaughtException", crash);
process.on("unhandledRejection", crash);

process.on("message", async (m: { args: string[]; cwd: string }) => {
  out = [];
  err = [];
  process.chdir(m.cwd);
  process.stdout.write = capture(() => out);
  process.stderr.write = capture(() => err);
  let code: number;
  try {
    code = await main(m.args);
  } catch (e) {
    code = 1;
    err.push(String((e as Error)?.stack ?? e) + "\n");
  }
  process.stdout.write = realOut;
  process.stderr.write = realErr;
  process.send!({ code, stdout: out.join(""), stderr: err.join("") });
});
process.send!({ ready: true });
