/**
 * Per-period pulls of the event-level GEMMA chain: each spectra file (made by `nuem simulate
 * --config gemma --full --seed S --mu 0` then `nuem spectra`, data/simulated/README.md) is analysed
 * with the library's default and with the paper's procedure, and each period's X_j / dX_j (the true
 * X is 0) is written as JSON with the pull mean, its error and the width per period and analysis.
 *
 *   node --import tsx scripts/periodPulls.ts FILE.spectra.json ... > data/simulated/gemma-period-pulls.json
 */
import { basename } from "node:path";
import { analyseSpectra } from "../lib/analysis/limit.js";
import { readSpectraFile } from "../lib/spectra/spectraFile.js";
import { version } from "../lib/version.js";

const files = process.argv.slice(2);
if (files.length < 2) throw new Error("usage: periodPulls.ts FILE.spectra.json FILE.spectra.json ... (at least two files)");

const analyses = { default: {}, "procedure paper": { procedure: "paper" as const } };
const rows = files.flatMap((f) => {
  const s = readSpectraFile(f);
  return Object.entries(analyses).flatMap(([analysis, o]) =>
    analyseSpectra(s, o).periods.map((p, j) => ({ file: basename(f), analysis, period: p.name, phase_name: String((s.periods[j].notes as { phase_name?: string } | undefined)?.phase_name ?? p.name), x_hat: p.x_hat, x_err: p.x_err, k_hat: p.k_hat, pull: p.x_hat / p.x_err })),
  );
});

/** Mean, its standard error and the sample standard deviation. */
function moments(v: number[]): { n: number; mean: number; mean_err: number; sd: number } {
  const n = v.length;
  const mean = v.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
  return { n, mean, mean_err: sd / Math.sqrt(n), sd };
}
const keys = [...new Set(rows.map((r) => `${r.analysis}\u0000${r.period}`))];
const summary = keys.map((k) => {
  const [analysis, period] = k.split("\u0000");
  const sel = rows.filter((r) => r.analysis === analysis && r.period === period);
  return { analysis, period, phase_name: sel[0].phase_name, pull: moments(sel.map((r) => r.pull)) };
});
const all = Object.keys(analyses).map((analysis) => ({ analysis, pull: moments(rows.filter((r) => r.analysis === analysis).map((r) => r.pull)) }));
process.stdout.write(JSON.stringify({ made_by: `node --import tsx scripts/periodPulls.ts ${files.map((f) => basename(f)).join(" ")}`, nuem_version: version, mu_true_mub: 0, summary, all_periods: all, rows }, null, 1) + "\n");
