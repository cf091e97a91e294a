/**
 * Sweep of the limit over background x method x OFF errors on GEMMA-like toy spectra files
 * (`spectraToy.ts`) from one day to the published exposure, several seeds (`fitSweepCases.ts`):
 * every case must give a result whose fits pass their checks, or a refusal that says why. Prints
 * the table of cases, results, refusals and unexplained failures, and the reasons.
 *
 *   npm run fit-sweep [-- --seeds 1,2,3 --days 1,7,30,full --files a.spectra.json,... --json]
 */
import { readSpectraFile } from "../lib/spectra/spectraFile.js";
import { runSweepCase, sweepCases, sweepFile, type SweepOutcome } from "./fitSweepCases.js";

const args = process.argv.slice(2);
const opt = (name: string, def: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : def;
};
const seeds = opt("seeds", "1,2,3").split(",").map(Number);
const days = opt("days", "1,7,30,full").split(",").filter((s) => s !== "");
const files = opt("files", "").split(",").filter((s) => s !== "");

type Row = SweepOutcome & { exposure: string; seed: string };
const rows: Row[] = [];
const inputs = [
  ...days.flatMap((d) => seeds.map((s) => ({ exposure: d === "full" ? "full" : `${d} d`, seed: String(s), file: () => sweepFile(d === "full" ? "full" : Number(d), s) }))),
  ...files.map((f) => ({ exposure: f.split("/").pop()!, seed: "-", file: () => readSpectraFile(f) })),
];
for (const inp of inputs) {
  const file = inp.file();
  for (const c of sweepCases()) {
    rows.push({ exposure: inp.exposure, seed: inp.seed, ...runSweepCase(file, c) });
    if (!args.includes("--json")) process.stderr.write(".");
  }
}
if (args.includes("--json")) console.log(JSON.stringify(rows, null, 1));
else {
  process.stderr.write("\n");
  const count = (rs: Row[], o: Row["outcome"]) => rs.filter((r) => r.outcome === o).length;
  console.log(`cases ${rows.length}: results ${count(rows, "result")}, refused ${count(rows, "refused")}, unexplained failures ${count(rows, "failed")}`);
  const by = new Map<string, Row[]>();
  for (const r of rows) by.set(r.exposure, [...(by.get(r.exposure) ?? []), r]);
  console.log("\n| exposure | cases | results | refused | failed |\n| --- | --- | --- | --- | --- |");
  for (const [e, rs] of by) console.log(`| ${e} | ${rs.length} | ${count(rs, "result")} | ${count(rs, "refused")} | ${count(rs, "failed")} |`);
  const reasons = new Map<string, number>();
  for (const r of rows.filter((x) => x.outcome !== "result")) {
    const key = `${r.outcome}: ${r.background}/${r.method}/${r.offErrors}: ${r.detail.replace(/[-+]?\d+(\.\d+)?(e[-+]?\d+)?/g, "#")}`;
    reasons.set(key, (reasons.get(key) ?? 0) + 1);
  }
  if (reasons.size > 0) console.log("\nrefusals and failures (count, reason):");
  for (const [k, n] of [...reasons].sort()) console.log(`${String(n).padStart(4)}  ${k}`);
  const notes = rows.filter((r) => r.detail.includes("note:"));
  if (notes.length > 0) console.log(`\nresults with a note (PDG vs profile): ${notes.length}`);
  for (const r of notes) console.log(`  ${r.exposure} seed ${r.seed} ${r.background}/${r.method}: ${r.detail}`);
}
