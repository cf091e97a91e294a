/**
 * Sweep of the limit over background x method x OFF errors on GEMMA-like toy spectra files
 * (`spectraToy.ts`) from one day to the published exposure, several seeds: every case must give a
 * result whose fits pass their checks, or a refusal that names the period, the model and what to
 * try. Prints the table of cases, results, refusals (by reason) and unexplained failures.
 *
 *   npm run fit-sweep [-- --seeds 1,2,3 --days 1,7,30,full --json]
 */
import { BACKGROUND_KINDS } from "../lib/analysis/backgroundFit.js";
import { analyseSpectra, LIMIT_METHODS } from "../lib/analysis/limit.js";
import { gemmaToyConditions, toySpectraFile } from "../lib/analysis/spectraToy.js";
import type { SpectraFile } from "../lib/spectra/spectraFile.js";
import { PLAUSIBLE_GOF_Z } from "../lib/fit/fitQuality.js";

const args = process.argv.slice(2);
const opt = (name: string, def: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : def;
};
const seeds = opt("seeds", "1,2,3").split(",").map(Number);
const days = opt("days", "1,7,30,full").split(",");
const files = opt("files", "").split(",").filter((s) => s !== "");
const offErrorsList = ["correlated", "diagonal", "none"] as const;

function toyFile(d: string, seed: number): SpectraFile {
  const cond = d === "full" ? gemmaToyConditions() : gemmaToyConditions({ periods: [{ name: "phase-1", onDays: Number(d), offDays: Number(d) }] });
  return toySpectraFile(cond, { model: "fe", muB: 0 }, seed);
}

interface Row {
  exposure: string;
  seed: number | string;
  background: string;
  method: string;
  offErrors: string;
  outcome: "result" | "refused" | "failed";
  detail: string;
}

const rows: Row[] = [];
const inputs: { exposure: string; seed: number | string; file: SpectraFile }[] = [];
for (const d of days) for (const s of seeds) inputs.push({ exposure: d === "full" ? "full" : `${d} d`, seed: s, file: toyFile(d, s) });
for (const f of files) inputs.push({ exposure: f, seed: "-", file: JSON.parse((await import("node:fs")).readFileSync(f, "utf8")) });
for (const inp of inputs) {
  for (const background of BACKGROUND_KINDS) {
    for (const method of LIMIT_METHODS) {
      for (const offErrors of offErrorsList) {
        // raw has no curve: its OFF errors are the counts whatever offErrors says; run it once.
        if (background === "raw" && offErrors !== "correlated") continue;
        const row: Row = { exposure: inp.exposure, seed: inp.seed, background, method, offErrors, outcome: "result", detail: "" };
        try {
          const r = analyseSpectra(inp.file, { background, method, offErrors });
          // Re-check every fit of the result from its reported numbers (not only its own verdict).
          const bad = r.fitQuality().filter((q) => {
            const b = q.background_fit;
            const p = q.profile;
            return !q.ok || !b.converged || !b.covariance_finite || b.non_positive_bins > 0 || (b.gof_z ?? 0) > PLAUSIBLE_GOF_Z || p.gof_z > PLAUSIBLE_GOF_Z || !p.hessian_positive_definite || !(p.k_hat > 0 && p.k_hat >= p.k_range[0] && p.k_hat <= p.k_range[1]);
          });
          if (bad.length > 0) {
            row.outcome = "failed";
            row.detail = `implausible fit reported as a result: ${JSON.stringify(bad[0])}`;
          } else row.detail = `X = ${r.xHat.toPrecision(3)} +- ${r.xErr.toPrecision(2)}, X < ${r.xUpper.toPrecision(3)}`;
        } catch (e) {
          const err = e as Error;
          row.outcome = err.name === "FitRefusedError" ? "refused" : "failed";
          row.detail = err.message;
        }
        rows.push(row);
      }
    }
  }
}
if (args.includes("--json")) console.log(JSON.stringify(rows, null, 1));
else {
  const count = (o: Row["outcome"]) => rows.filter((r) => r.outcome === o).length;
  console.log(`cases ${rows.length}: results ${count("result")}, refused ${count("refused")}, failed (unexplained) ${count("failed")}`);
  const byExposure = new Map<string, Row[]>();
  for (const r of rows) byExposure.set(r.exposure, [...(byExposure.get(r.exposure) ?? []), r]);
  console.log("\nexposure   cases  results  refused  failed");
  for (const [e, rs] of byExposure) console.log(`${e.padEnd(10)} ${String(rs.length).padStart(5)}  ${String(rs.filter((r) => r.outcome === "result").length).padStart(7)}  ${String(rs.filter((r) => r.outcome === "refused").length).padStart(7)}  ${String(rs.filter((r) => r.outcome === "failed").length).padStart(6)}`);
  const reasons = new Map<string, number>();
  for (const r of rows.filter((x) => x.outcome !== "result")) {
    const key = `${r.outcome}: ${r.background}/${r.method}/${r.offErrors}: ${r.detail.replace(/[-+]?\d+(\.\d+)?(e[-+]?\d+)?/g, "#").slice(0, 160)}`;
    reasons.set(key, (reasons.get(key) ?? 0) + 1);
  }
  if (reasons.size > 0) console.log("\nrefusals and failures (count, reason):");
  for (const [k, n] of [...reasons].sort()) console.log(`${String(n).padStart(4)}  ${k}`);
}
