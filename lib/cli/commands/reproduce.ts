import { OptionError } from "../../errors.js";
import { mkdirSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import type { Command } from "../command.js";
import { assertOutputSafe, writeFileAtomic } from "../../io/safeWrite.js";
import { projectRoot, runNotebooks } from "../notebooks/index.js";
import { tableText } from "../../plots/table.js";
import { headlines } from "../reproduce/headlines.js";

/** `nuem reproduce`: the main job: execute the whole chain and collect its results in out/. */
export const reproduceCommand: Command = {
  name: "reproduce",
  summary: "run the whole analysis chain; executed notebooks and figures go to out/",
  usage: "example:\n  nuem reproduce --out out",
  options: { out: { type: "string" } },
  run(values) {
    if (values.out !== undefined && (typeof values.out !== "string" || values.out === "")) throw new OptionError("--out: expected a directory", { option: "--out" });
    const outDir = resolve(typeof values.out === "string" ? values.out : "out");
    // Before the ~5 min of notebooks: --out is writable and not the notebooks folder (its results are added to an existing directory).
    assertOutputSafe([{ path: outDir, option: "--out", kind: "dir", overwrite: true }], [{ path: join(projectRoot, "notebooks"), option: "the notebooks folder" }]);
    const t0 = performance.now();
    const reports = runNotebooks({ outDir, check: false });
    const seconds = (performance.now() - t0) / 1000;
    const failed = reports.filter((r) => !r.ok);
    const results = headlines();
    const summary = { out_dir: outDir, seconds, results, notebooks: reports };
    mkdirSync(outDir, { recursive: true });
    writeFileAtomic(join(outDir, "summary.json"), JSON.stringify(summary, null, 2) + "\n");
    writeFileAtomic(join(outDir, "results.json"), JSON.stringify(results, null, 2) + "\n");
    const fmt = (v: number | string) => (typeof v === "number" ? (Math.abs(v) >= 1e4 || Math.abs(v) < 1e-2 ? v.toExponential(2) : String(Number(v.toPrecision(3)))) : v);
    const rel = (p: string) => relative(process.cwd(), p) || ".";
    const lines = [
      `nuem reproduce: ${reports.length - failed.length}/${reports.length} notebooks executed in ${seconds.toFixed(1)} s`,
      ...reports.map((r) => `  ${r.ok ? "ok    " : "FAILED"} ${r.file}  (${r.figures.length} figure(s))${r.problem ? `\n         ${r.problem}` : ""}`),
      "",
      "published numbers and the project's (out/results.json has the sources and reasons):",
      tableText(results.map((h) => ({ quantity: h.quantity, published: fmt(h.published), project: fmt(h.project), unit: h.unit, notebook: h.notebook }))),
      "",
      "results:",
      `  published vs project ${rel(join(outDir, "results.json"))}`,
      `  executed notebooks  ${rel(join(outDir, "notebooks"))}/`,
      `  figures             ${rel(join(outDir, "figures"))}/<notebook>/`,
      `  summary             ${rel(join(outDir, "summary.json"))}`,
    ];
    return { json: summary, text: lines.join("\n"), exitCode: failed.length === 0 ? 0 : 1 };
  },
};
