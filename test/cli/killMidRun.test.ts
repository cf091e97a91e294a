// Commands killed with SIGKILL in the middle of a run leave their output as it was (absent or the
// old one) or complete (byte-identical to an uninterrupted run, and valid): never a mixture.
// The kill points are progress lines, the appearance of the temporary output beside the final one,
// and fixed delays; the assertions hold whichever point a run reaches first.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateDataset } from "../../lib/events/index.js";
import { readSpectraFile } from "../../lib/spectra/index.js";

const root = mkdtempSync(join(tmpdir(), "nuem-kill-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const nuem = (...args: string[]) => spawnSync(process.execPath, ["bin/nuem.js", ...args], { encoding: "utf8" });

/** SHA-256 of every visible file of a directory (or of one file); null when absent. */
function snapshot(path: string): Record<string, string> | null {
  if (!existsSync(path)) return null;
  const hash = (f: string) => createHash("sha256").update(readFileSync(f)).digest("hex");
  if (statSync(path).isFile()) return { [basename(path)]: hash(path) };
  return Object.fromEntries(
    readdirSync(path)
      .filter((n) => !n.startsWith("."))
      .sort()
      .map((n) => [n, hash(join(path, n))]),
  );
}

/** Leftovers of killed runs beside `path`: hidden siblings named after it. */
const leftovers = (path: string) => readdirSync(dirname(path)).filter((n) => n.startsWith(`.${basename(path)}.`));

interface KillPoint {
  label: string;
  /** Kill when stderr contains this text. */
  onStderr?: string;
  /** Kill when a temporary sibling of the output appears. */
  onTemporary?: boolean;
  /** Kill after this many ms. */
  afterMs?: number;
}

/** Runs `nuem args`, kills it with SIGKILL at the kill point (if it is still running); resolves with how it ended. */
function runAndKill(args: string[], output: string, point: KillPoint): Promise<{ killed: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["bin/nuem.js", ...args], { stdio: ["ignore", "ignore", "pipe"] });
    let killed = false;
    const kill = () => {
      if (!killed && child.exitCode === null) {
        killed = child.kill("SIGKILL");
      }
    };
    let stderr = "";
    child.stderr.on("data", (d) => {
      stderr += String(d);
      if (point.onStderr && stderr.includes(point.onStderr)) kill();
    });
    const timers: NodeJS.Timeout[] = [];
    if (point.afterMs !== undefined) timers.push(setTimeout(kill, point.afterMs));
    if (point.onTemporary) {
      const t = setInterval(() => {
        if (leftovers(output).some((n) => /\.(staging|tmp)-/.test(n))) kill();
      }, 2);
      timers.push(t);
    }
    child.on("exit", () => {
      timers.forEach((t) => clearInterval(t));
      resolve({ killed });
    });
  });
}

/** The output after a kill: the old one, or byte-identical to the uninterrupted run's. */
function expectOldOrNew(path: string, old: Record<string, string> | null, fresh: Record<string, string>): "old" | "new" {
  const now = snapshot(path);
  if (JSON.stringify(now) === JSON.stringify(old)) return "old";
  // simulation.json is written just after the dataset is in place: a kill in between leaves it out.
  const { "simulation.json": _s, ...freshCore } = fresh;
  const { "simulation.json": s, ...nowCore } = now ?? {};
  expect(nowCore).toEqual(freshCore);
  if (s !== undefined) expect(s).toBe(fresh["simulation.json"]);
  return "new";
}

const sim = (seed: number, hours: number, out: string, ...extra: string[]) => ["simulate", "--config", "gemma", "--mu", "0", "--seed", String(seed), "--hours-on", String(hours), "--hours-off", String(hours), "--out", out, ...extra];

const A = join(root, "a"); // the old dataset
const B = join(root, "b"); // the new one, made uninterrupted
let oldSim: Record<string, string>;
let newSim: Record<string, string>;

beforeAll(() => {
  for (const [args, dir] of [[sim(1, 24, A), A], [sim(2, 48, B), B]] as const) {
    const r = nuem(...args);
    expect(r.status, r.stderr).toBe(0);
    validateDataset(dir);
  }
  oldSim = snapshot(A)!;
  newSim = snapshot(B)!;
}, 120_000);

describe("killed in mid-run", () => {
  it("simulate --overwrite over an existing dataset leaves the old dataset or the new one", async () => {
    const out = join(root, "sim-over");
    const outcomes: string[] = [];
    for (const point of [{ label: "pass 1", onStderr: "simulate 1/2" }, { label: "pass 2", onStderr: "simulate 2/2" }, { label: "staging", onTemporary: true }, { label: "1.5 s", afterMs: 1500 }] as KillPoint[]) {
      rmSync(out, { recursive: true, force: true });
      cpSync(A, out, { recursive: true });
      const { killed } = await runAndKill([...sim(2, 48, out, "--overwrite", "--progress")], out, point);
      const got = expectOldOrNew(out, oldSim, newSim);
      validateDataset(out);
      outcomes.push(`${point.label}: ${killed ? "killed" : "finished"}, ${got}`);
    }
    // A completed run afterwards gives the new dataset and clears what the killed runs left beside it.
    expect(nuem(...sim(2, 48, out, "--overwrite")).status).toBe(0);
    expect(expectOldOrNew(out, null, newSim)).toBe("new");
    expect(leftovers(out)).toEqual([]);
    // Killed during the first pass (before anything is written), the old dataset is there, whole.
    expect(outcomes[0]).toBe("pass 1: killed, old");
  }, 180_000);

  it("simulate into a new directory leaves nothing or the new dataset", async () => {
    const out = join(root, "sim-new");
    for (const point of [{ label: "pass 2", onStderr: "simulate 2/2" }, { label: "staging", onTemporary: true }] as KillPoint[]) {
      rmSync(out, { recursive: true, force: true });
      await runAndKill([...sim(2, 48, out, "--progress")], out, point);
      if (expectOldOrNew(out, null, newSim) === "new") validateDataset(out);
    }
  }, 120_000);

  it("select --overwrite leaves the old selection or the new one, and the killed output passes nuem validate", async () => {
    const ref = join(root, "sel-ref");
    const oldSel = join(root, "sel-old");
    expect(nuem("select", "--in", B, "--out", ref).status).toBe(0);
    expect(nuem("select", "--in", A, "--out", oldSel).status).toBe(0);
    const fresh = snapshot(ref)!;
    const old = snapshot(oldSel)!;
    const out = join(root, "sel");
    const inputBefore = snapshot(B);
    for (const point of [{ label: "staging", onTemporary: true }, { label: "1 s", afterMs: 1000 }, { label: "3 s", afterMs: 3000 }] as KillPoint[]) {
      rmSync(out, { recursive: true, force: true });
      cpSync(oldSel, out, { recursive: true });
      await runAndKill(["select", "--in", B, "--out", out, "--overwrite"], out, point);
      expectOldOrNew(out, old, fresh);
      const v = nuem("validate", out);
      expect(v.status, v.stderr).toBe(0);
    }
    expect(snapshot(B)).toEqual(inputBefore);
  }, 180_000);

  it("spectra --overwrite leaves the old spectra file or the new one", async () => {
    const ref = join(root, "ref.spectra.json");
    const oldFile = join(root, "old.spectra.json");
    expect(nuem("spectra", "--in", B, "--out", ref).status).toBe(0);
    expect(nuem("spectra", "--in", A, "--out", oldFile).status).toBe(0);
    const out = join(root, "s.spectra.json");
    for (const point of [{ label: "temporary file", onTemporary: true }, { label: "1 s", afterMs: 1000 }] as KillPoint[]) {
      cpSync(oldFile, out);
      await runAndKill(["spectra", "--in", B, "--out", out, "--overwrite"], out, point);
      const got = expectOldOrNew(out, { [basename(out)]: snapshot(oldFile)![basename(oldFile)] }, { [basename(out)]: snapshot(ref)![basename(ref)] });
      readSpectraFile(out);
      expect(["old", "new"]).toContain(got);
    }
  }, 120_000);
});
