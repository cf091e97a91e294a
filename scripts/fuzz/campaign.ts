/**
 * A seeded campaign: cases made from (seed, id), run two at a time, judged, tallied per group
 * into the table's columns. Each case runs in its own directory, removed afterwards unless kept.
 */
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { argsCase } from "./argsCases.js";
import type { Case, Group } from "./case.js";
import type { Corpus } from "./corpus.js";
import { datasetCase } from "./datasetCases.js";
import { runNuem, type ExecResult, type Executor } from "./exec.js";
import { changedInputs, judge, snapshot, type Verdict } from "./oracle.js";
import { Rng } from "./rng.js";
import { spectraCase } from "./spectraCases.js";

/** Shares of the groups, as in the reference campaign (538 / 599 / 290 of 1433). */
const GROUP_SHARES: readonly [Group, number][] = [
  ["spectra", 538 / 1433],
  ["dataset", 599 / 1433],
  ["args", 290 / 1433],
];

/** Makes case `id` of campaign `seed` in `dir` (empty): the same files and command every time. */
export function makeCase(seed: number, id: number, corpus: Corpus, dir: string, only?: Group): Case {
  const rng = new Rng(seed, `case-${id}`);
  let group = only;
  if (group === undefined) {
    let u = rng.next();
    group = GROUP_SHARES.find(([, p]) => (u -= p) < 0)?.[0] ?? "args";
  }
  mkdirSync(dir, { recursive: true });
  if (group === "spectra") return spectraCase(id, rng, corpus, dir);
  if (group === "dataset") return datasetCase(id, rng, corpus, dir);
  return argsCase(id, rng, corpus, dir);
}

export interface CaseResult {
  case: Case;
  verdict: Verdict;
  exec: ExecResult;
}

export interface CampaignOptions {
  seed: number;
  ids: number[];
  corpus: Corpus;
  workDir: string;
  concurrency?: number;
  timeoutS?: number;
  only?: Group;
  /** Keep each case's directory (to reproduce it by hand). */
  keep?: boolean;
  onResult?: (r: CaseResult, done: number) => void;
  /** Default: a fresh process per case. */
  exec?: Executor;
}

export async function runCase(o: CampaignOptions, id: number): Promise<CaseResult> {
  const dir = join(o.workDir, `case-${id}`);
  rmSync(dir, { recursive: true, force: true });
  const c = makeCase(o.seed, id, o.corpus, dir, o.only);
  const before = snapshot(dir, c.inputs);
  const exec = await (o.exec ?? runNuem)(c.args, dir, o.timeoutS ?? 20);
  const verdict = judge(c, exec, changedInputs(before, snapshot(dir, c.inputs)), o.corpus.nullableKeys);
  if (!o.keep) rmSync(dir, { recursive: true, force: true });
  return { case: c, verdict, exec };
}

export async function runCampaign(o: CampaignOptions): Promise<CaseResult[]> {
  const results: CaseResult[] = new Array(o.ids.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < o.ids.length) {
      const i = next++;
      results[i] = await runCase(o, o.ids[i]);
      o.onResult?.(results[i], ++done);
    }
  };
  await Promise.all(Array.from({ length: o.concurrency ?? 2 }, worker));
  return results;
}
