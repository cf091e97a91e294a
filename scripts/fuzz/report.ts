/** The campaign's table (groups by columns) and its JSON report with every failing case. */
import type { CaseResult } from "./campaign.js";
import { CATEGORIES, type Category } from "./oracle.js";

/** Columns that are failures; "clear error" and "accepted (valid)" are the good outcomes. */
export const FAILURE_CATEGORIES: readonly Category[] = ["silent wrong answer or crash", "hang", "unclear message", "input modified"];

export type Table = Record<string, Record<Category, number>>;

export function tally(results: CaseResult[]): Table {
  const t: Table = {};
  const row = (g: string) => (t[g] ??= Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>);
  for (const r of results) {
    row(r.case.group)[r.verdict.category]++;
    row("total")[r.verdict.category]++;
  }
  const { total, ...rest } = t;
  return { ...rest, total: total ?? row("total") };
}

export function tableText(t: Table): string {
  const head = ["group", "cases", ...CATEGORIES];
  const rows = Object.entries(t).map(([g, r]) => [g, String(CATEGORIES.reduce((s, c) => s + r[c], 0)), ...CATEGORIES.map((c) => String(r[c]))]);
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((s, i) => (i === 0 ? s.padEnd(w[i]) : s.padStart(w[i]))).join("  ");
  return [line(head), ...rows.map(line)].join("\n");
}

const excerpt = (s: string, n = 800): string => (s.length <= n ? s : `${s.slice(0, n)}... (${s.length} chars)`);

/** Failures grouped by kind: the case kind and the first reason, with a count and one example. */
export function failureKinds(results: CaseResult[]): { category: Category; kind: string; reason: string; count: number; example: number; command: string }[] {
  const m = new Map<string, { category: Category; kind: string; reason: string; count: number; example: number; command: string }>();
  for (const r of results) {
    if (!FAILURE_CATEGORIES.includes(r.verdict.category)) continue;
    const reason = r.verdict.reasons[0].replace(/\(.*\)$/, "").replace(/message does not name .*/, "message does not name the file/field/option").trim();
    const key = `${r.verdict.category}|${r.case.kind}|${reason}`;
    const e = m.get(key);
    if (e) e.count++;
    else m.set(key, { category: r.verdict.category, kind: r.case.kind, reason, count: 1, example: r.case.id, command: `nuem ${r.case.args.join(" ")}` });
  }
  return [...m.values()].sort((a, b) => CATEGORIES.indexOf(a.category) - CATEGORIES.indexOf(b.category) || b.count - a.count);
}

export function reportJson(seed: number, results: CaseResult[], seconds: number): unknown {
  return {
    seed,
    cases: results.length,
    seconds: Math.round(seconds),
    reproduce: `npm run fuzz -- --seed ${seed} --id ID --keep  (the case's files stay in out/fuzz/work/case-ID)`,
    table: tally(results),
    failure_kinds: failureKinds(results),
    refused_though_expected_valid: results.filter((r) => r.verdict.refusedValid).map((r) => ({ id: r.case.id, mutation: r.case.mutation, command: `nuem ${r.case.args.join(" ")}`, stderr: excerpt(r.exec.stderr, 300) })),
    failures: results
      .filter((r) => FAILURE_CATEGORIES.includes(r.verdict.category))
      .map((r) => ({
        id: r.case.id,
        group: r.case.group,
        category: r.verdict.category,
        reasons: r.verdict.reasons,
        kind: r.case.kind,
        mutation: r.case.mutation,
        expect: r.case.expect,
        command: `nuem ${r.case.args.join(" ")}`,
        exit: r.exec.timedOut ? "timeout" : (r.exec.code ?? r.exec.signal),
        seconds: Number(r.exec.seconds.toFixed(1)),
        stdout: excerpt(r.exec.stdout),
        stderr: excerpt(r.exec.stderr),
      })),
  };
}
