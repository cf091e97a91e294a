/**
 * The `npm test` subset of the fuzz campaign (scripts/fuzz): 200 seeded cases over the spectra
 * reader, the dataset readers and the command lines, run in warm CLI processes two at a time.
 * What must hold is set in scripts/fuzz/expectations.ts (switch columns on there after fixes).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeCase, runCampaign, type CaseResult } from "../../scripts/fuzz/campaign.js";
import { buildCorpus, type Corpus } from "../../scripts/fuzz/corpus.js";
import type { ExecResult } from "../../scripts/fuzz/exec.js";
import { EXPECTED_CLEAN, FORBIDDEN_REASONS, MAX_UNCLEAR_SHARE } from "../../scripts/fuzz/expectations.js";
import { judge, snapshot } from "../../scripts/fuzz/oracle.js";
import { tableText, tally } from "../../scripts/fuzz/report.js";
import { warmPool, type WarmPool } from "../../scripts/fuzz/warm.js";
import type { Case } from "../../scripts/fuzz/case.js";

const SEED = 2026;
const CASES = 200;
/** A case still running after this is a hang (the slowest valid case takes ~3 s on a busy machine). */
const TIMEOUT_S = 10;

const exec = (o: Partial<ExecResult>): ExecResult => ({ code: 0, signal: null, timedOut: false, stdout: "", stderr: "", seconds: 1, ...o });
const refuseCase: Case = { id: 0, group: "spectra", kind: "k", mutation: "m", args: ["limit", "--spectra", "f.json", "--json"], expect: "refuse", mustName: [["f.json"], ["t_on_days"]], inputs: [] };

describe("the fuzz oracle", () => {
  it("puts a stack trace, an exit 0 on invalid input and a lost number in the failure columns", () => {
    const nullable = new Set(["skipped"]);
    const trace = "nuem limit: x\n    at Object.run (/p/dist/cli/commands/limit.js:10:5)\n";
    expect(judge(refuseCase, exec({ code: 1, stderr: trace, stdout: '{"error":"x"}' }), [], nullable).category).toBe("silent wrong answer or crash");
    expect(judge(refuseCase, exec({ code: 0, stdout: '{"x": 1}' }), [], nullable).reasons).toContain("exit 0 on invalid input");
    const lost = judge({ ...refuseCase, expect: "either" }, exec({ code: 0, stdout: '{"x_upper": null, "skipped": null}' }), [], nullable);
    expect(lost.category).toBe("silent wrong answer or crash");
    expect(lost.reasons[0]).toMatch(/\$\.x_upper is null/);
    expect(judge(refuseCase, exec({ timedOut: true, code: null, signal: "SIGKILL" }), [], nullable).category).toBe("hang");
    expect(judge(refuseCase, exec({ code: 1, stderr: "nuem limit: f.json: brent: no sign change" }), [], nullable).category).toBe("unclear message");
    expect(judge(refuseCase, exec({ code: 1, stderr: "nuem limit: f.json: periods[0].t_on_days: expected a positive number", stdout: '{"error":"..."}' }), [], nullable).category).toBe("clear error");
    expect(judge(refuseCase, exec({ code: 1, stderr: "nuem limit: f.json: periods[0].t_on_days bad", stdout: '{"error":"..."}' }), ["f.json"], nullable).category).toBe("input modified");
  });
});

describe("the fuzz campaign subset", () => {
  let corpus: Corpus;
  let pool: WarmPool;
  let work: string;
  let results: CaseResult[];

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), "nuem-fuzz-"));
    pool = warmPool();
    corpus = await buildCorpus(join(work, "corpus"), 6, pool.run);
    results = await runCampaign({ seed: SEED, ids: Array.from({ length: CASES }, (_, i) => i), corpus, workDir: join(work, "cases"), concurrency: 2, timeoutS: TIMEOUT_S, exec: pool.run });
  }, 600_000);
  afterAll(() => {
    pool?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it("makes the same case, files and command line, from the same seed and id", () => {
    const a = makeCase(SEED, 7, corpus, join(work, "again-a"));
    const b = makeCase(SEED, 7, corpus, join(work, "again-b"));
    expect(b.args).toEqual(a.args);
    expect(b.mutation).toBe(a.mutation);
    const hashes = (dir: string, c: Case) => [...snapshot(dir, c.inputs).values()];
    expect(hashes(join(work, "again-b"), b)).toEqual(hashes(join(work, "again-a"), a));
  });

  it(`runs ${CASES} cases over the three groups`, () => {
    expect(results).toHaveLength(CASES);
    for (const g of ["spectra", "dataset", "args"]) expect(results.filter((r) => r.case.group === g).length).toBeGreaterThan(CASES / 10);
  });

  it("meets the expectations of scripts/fuzz/expectations.ts", () => {
    const table = tally(results);
    const show = (pick: (r: CaseResult) => boolean) =>
      results
        .filter(pick)
        .slice(0, 10)
        .map((r) => `case ${r.case.id} [${r.verdict.category}] nuem ${r.case.args.join(" ")} (${r.case.mutation}): ${r.verdict.reasons.join("; ")}`)
        .join("\n");
    console.log(`fuzz subset, seed ${SEED}:\n${tableText(table)}`);
    const context = `${tableText(table)}\n(seed ${SEED}; rerun a case with npm run fuzz -- --seed ${SEED} --id ID --keep)\n`;
    for (const c of EXPECTED_CLEAN) expect(table.total[c], `${context}${show((r) => r.verdict.category === c)}`).toBe(0);
    expect(table.total["unclear message"] / CASES, context).toBeLessThanOrEqual(MAX_UNCLEAR_SHARE);
    for (const re of FORBIDDEN_REASONS) expect(show((r) => r.verdict.reasons.some((x) => re.test(x))), context).toBe("");
  });

  it("never leaves a committed input of the corpus changed", () => {
    // The committed spectra files are copied, never used in place: they must equal data/simulated.
    const committed = readFileSync(join(corpus.root, "texono-mu0.spectra.json"), "utf8");
    expect(committed).toBe(readFileSync(new URL("../../data/simulated/texono-mu0-seed2007.spectra.json", import.meta.url), "utf8"));
  });
});
