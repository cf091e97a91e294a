/**
 * `npm run fuzz -- [--seed S] [--cases N] [--id I[,J...]] [--group spectra|dataset|args]
 *                  [--concurrency 2] [--timeout 20] [--keep] [--hours 6] [--warm] [--dir out/fuzz]`
 * Builds the corpus, runs the seeded campaign over every reader and command of the CLI, prints the
 * table and the failure kinds, and writes out/fuzz/report.json (each failing case with its command
 * line, mutation and output; rerun one with --id ID --keep to get its files in out/fuzz/work).
 * Each case runs in a fresh `node bin/nuem.js` process; --warm reuses CLI processes (warm.ts),
 * about twice as fast, as the `npm test` subset does.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import type { Group } from "./case.js";
import { runCampaign } from "./campaign.js";
import { buildCorpus, PROJECT_ROOT } from "./corpus.js";
import { killActive } from "./exec.js";
import { EXPECTED_CLEAN, MAX_UNCLEAR_SHARE } from "./expectations.js";
import { warmPool } from "./warm.js";
import { failureKinds, reportJson, tableText, tally } from "./report.js";

const { values } = parseArgs({
  options: {
    seed: { type: "string", default: "1" },
    cases: { type: "string", default: "1000" },
    id: { type: "string" },
    group: { type: "string" },
    concurrency: { type: "string", default: "2" },
    timeout: { type: "string", default: "20" },
    hours: { type: "string", default: "6" },
    keep: { type: "boolean", default: false },
    warm: { type: "boolean", default: false },
    dir: { type: "string", default: "out/fuzz" },
  },
});
const int = (name: string, v: string, min: number): number => {
  const x = Number(v);
  if (!Number.isInteger(x) || x < min) throw new Error(`--${name}: expected an integer >= ${min}, got ${JSON.stringify(v)}`);
  return x;
};
const seed = int("seed", values.seed!, 0);
const ids = values.id !== undefined ? values.id.split(",").map((s) => int("id", s, 0)) : Array.from({ length: int("cases", values.cases!, 1) }, (_, i) => i);
if (values.group !== undefined && !["spectra", "dataset", "args"].includes(values.group)) throw new Error(`--group: expected spectra, dataset or args, got ${JSON.stringify(values.group)}`);

let pool: ReturnType<typeof warmPool> | undefined;
for (const sig of ["SIGINT", "SIGTERM"] as const)
  process.on(sig, () => {
    killActive();
    pool?.close();
    process.exit(130);
  });

const outDir = resolve(PROJECT_ROOT, values.dir!);
const corpusDir = join(outDir, "corpus");
rmSync(corpusDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const t0 = performance.now();
process.stderr.write(`fuzz: building the corpus in ${corpusDir} ...\n`);
pool = values.warm ? warmPool() : undefined;
const corpus = await buildCorpus(corpusDir, int("hours", values.hours!, 1), pool?.run);
process.stderr.write(`fuzz: corpus ready (${((performance.now() - t0) / 1000).toFixed(0)} s); ${ids.length} case(s), seed ${seed}\n`);
const results = await runCampaign({
  seed,
  ids,
  corpus,
  workDir: join(outDir, "work"),
  concurrency: int("concurrency", values.concurrency!, 1),
  timeoutS: int("timeout", values.timeout!, 1),
  only: values.group as Group | undefined,
  keep: values.keep,
  exec: pool?.run,
  onResult: (r, done) => {
    if (ids.length <= 20) process.stderr.write(`case ${r.case.id} [${r.verdict.category}] nuem ${r.case.args.join(" ")}\n  ${r.case.mutation}\n  ${r.verdict.reasons.join("; ")}\n`);
    else if (done % 50 === 0) process.stderr.write(`fuzz: ${done}/${ids.length} (${((performance.now() - t0) / 1000).toFixed(0)} s)\n`);
  },
});
pool?.close();
const seconds = (performance.now() - t0) / 1000;
const table = tally(results);
console.log(`\nfuzz campaign, seed ${seed}: ${results.length} cases in ${seconds.toFixed(0)} s\n`);
console.log(tableText(table));
const kinds = failureKinds(results);
if (kinds.length > 0) {
  console.log("\nfailure kinds (count, one example id and command):");
  for (const k of kinds) console.log(`  [${k.category}] ${k.kind}: ${k.reason} x${k.count}  (id ${k.example}) ${k.command}`);
}
const reportFile = join(outDir, "report.json");
writeFileSync(reportFile, JSON.stringify(reportJson(seed, results, seconds), null, 2) + "\n");
console.log(`\nreport: ${relative(PROJECT_ROOT, reportFile)}; rerun a case with: npm run fuzz -- --seed ${seed} --id ID --keep`);
const dirty = EXPECTED_CLEAN.filter((c) => table.total[c] > 0);
const unclear = table.total["unclear message"] / results.length;
if (dirty.length > 0 || unclear > MAX_UNCLEAR_SHARE) {
  console.log(`fuzz: FAILED (${[...dirty.map((c) => `${table.total[c]} ${c}`), ...(unclear > MAX_UNCLEAR_SHARE ? [`unclear ${(100 * unclear).toFixed(1)} %`] : [])].join(", ")})`);
  process.exitCode = 1;
}
