/**
 * The base corpus every case copies and mutates: tiny datasets simulated by `nuem simulate`
 * (short exposures so that a case runs in about a second), their selection and spectra file,
 * and the committed spectra files of data/simulated as read-only inputs. Built at the start of
 * a campaign with the CLI under test, so the corpus always matches the current format.
 */
import { copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { runNuem, type Executor } from "./exec.js";

export const PROJECT_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Dataset directories of the corpus: GEMMA raw and selected, TEXONO raw, CsI(Tl). */
export const DATASETS = ["gemma", "gemma-selected", "texono", "csi"] as const;
export type DatasetName = (typeof DATASETS)[number];

/** Spectra files of the corpus: the tiny GEMMA one made here and the committed ones. */
export const SPECTRA = ["gemma-tiny.spectra.json", "gemma-mu0.spectra.json", "gemma-mu5e-11.spectra.json", "texono-mu0.spectra.json"] as const;
export type SpectraName = (typeof SPECTRA)[number];

const COMMITTED: Record<string, string> = {
  "gemma-mu0.spectra.json": "data/simulated/gemma-mu0-seed11.spectra.json",
  "gemma-mu5e-11.spectra.json": "data/simulated/gemma-mu5e-11-seed12.spectra.json",
  "texono-mu0.spectra.json": "data/simulated/texono-mu0-seed2007.spectra.json",
};

/** Valid command lines whose --json output shows which keys may legitimately be null. */
function baselines(root: string): string[][] {
  const d = (n: string) => join(root, n);
  return [
    ["limit", "--spectra", d("gemma-tiny.spectra.json"), "--json"],
    ["limit", "--spectra", d("texono-mu0.spectra.json"), "--method", "profile", "--json"],
    ["limit", "--spectra", d("texono-mu0.spectra.json"), "--background", "gel", "--off-errors", "diagonal", "--json"],
    ["limit", "--spectra", d("texono-mu0.spectra.json"), "--parameter", "delta-q", "--model", "epa", "--method", "fc", "--interference", "off", "--json"],
    ["select", "--in", d("texono"), "--json"],
    ["spectra", "--in", d("gemma"), "--out", join(root, "baseline-spectra.json"), "--json"],
    ["sensitivity", "--experiment", "gemma", "--json"],
    ["bound", "--parameter", "sin2w", "--data", d("csi"), "--json"],
    ["bound", "--parameter", "delta-q", "--json"],
    ["xsec", "--process", "em-fe", "--enu-mev", "1", "--t-kev", "10", "--mu", "1e-10", "--json"],
    ["rates", "--experiment", "gemma", "--process", "em-fe", "--mu", "3e-11", "--t-kev", "1,3,10", "--json"],
    ["flux", "--experiment", "texono", "--json"],
  ];
}

export interface Corpus {
  root: string;
  /** Keys whose value is null in the --json output of valid runs (a null elsewhere is a lost number). */
  nullableKeys: Set<string>;
}

/** Collects the keys holding null anywhere in a JSON value. */
export function nullKeys(v: unknown, into: Set<string>, key = ""): Set<string> {
  if (v === null) into.add(key);
  else if (Array.isArray(v)) v.forEach((x) => nullKeys(x, into, key));
  else if (typeof v === "object") for (const [k, x] of Object.entries(v as object)) nullKeys(x, into, k);
  return into;
}

async function must(args: string[], cwd: string, exec: Executor): Promise<string> {
  const r = await exec(args, cwd, 300);
  if (r.code !== 0) throw new Error(`corpus: nuem ${args.join(" ")} failed (exit ${r.code}):\n${r.stderr.slice(0, 2000)}`);
  return r.stdout;
}

/**
 * Builds the corpus in `root` (an empty directory). `hours`: ON and OFF hours of the simulated
 * GEMMA and TEXONO datasets (6, the fewest with a spectra file: an events file of ~370 kB, above the 64 kB window one
 * mutation zeroes).
 */
export async function buildCorpus(root: string, hours = 6, exec: Executor = runNuem): Promise<Corpus> {
  mkdirSync(root, { recursive: true });
  const h = String(hours);
  await Promise.all([
    must(["simulate", "--config", "gemma", "--mu", "0", "--model", "fe", "--seed", "1", "--out", "gemma", "--hours-on", h, "--hours-off", h], root, exec),
    must(["simulate", "--config", "texono", "--mu", "0", "--model", "fe", "--seed", "2", "--out", "texono", "--hours-on", h, "--hours-off", h], root, exec),
  ]);
  await Promise.all([
    must(["simulate", "--config", "csi", "--seed", "3", "--out", "csi", "--on-kg-days", "300", "--off-kg-days", "100"], root, exec),
    must(["select", "--in", "gemma", "--out", "gemma-selected"], root, exec),
  ]);
  await must(["spectra", "--in", "gemma", "--out", "gemma-tiny.spectra.json"], root, exec);
  for (const [name, src] of Object.entries(COMMITTED)) copyFileSync(join(PROJECT_ROOT, src), join(root, name));
  const nullable = new Set<string>();
  const lines = baselines(root);
  for (let i = 0; i < lines.length; i += 2) {
    const outs = await Promise.all(lines.slice(i, i + 2).map((a) => must(a, root, exec)));
    for (const o of outs) nullKeys(JSON.parse(o), nullable);
  }
  return { root, nullableKeys: nullable };
}
