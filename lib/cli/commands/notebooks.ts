import { OptionError } from "../../errors.js";
import { basename, join } from "node:path";
import type { Command } from "../command.js";
import { assertOutputSafe } from "../../io/safeWrite.js";
import { jupyterAvailable, listNotebooks, projectRoot, runNotebooks } from "../notebooks/index.js";

/** `nuem notebooks`: execute the notebooks headless, check or update their outputs. */
export const notebooksCommand: Command = {
  name: "notebooks",
  summary: "execute the notebooks headless (tslab in-process, or a Jupyter kernel)",
  usage: [
    "examples:",
    "  nuem notebooks                 execute all, fail on an error or an output that changed",
    "  nuem notebooks --update        execute all and store the new outputs in the notebooks",
    "  nuem notebooks --jupyter 00    execute notebooks/00-* through the Jupyter kernel",
    "  nuem notebooks --out out       also write executed copies and figures under out/",
  ].join("\n"),
  options: {
    update: { type: "boolean" },
    jupyter: { type: "boolean" },
    "no-check": { type: "boolean" },
    out: { type: "string" },
  },
  positionals: true,
  run(values, positionals) {
    // Each NAME must select a notebook (a part of its file name, e.g. "09" or "09-limit"): one that
    // selects none is refused rather than running the others without a word.
    const all = listNotebooks().map((f) => basename(f, ".ipynb"));
    for (const name of positionals) {
      if (!all.some((f) => f.includes(name))) throw new Error(`no notebook matches "${name}"; the notebooks are: ${all.join(", ")}`);
    }
    if (values.update && values["no-check"]) throw new OptionError("--update already skips the output check: give --update or --no-check, not both", { option: "--update" });
    const engine = values.jupyter ? "jupyter" : "tslab";
    const outDir = values.out;
    if (outDir !== undefined && (typeof outDir !== "string" || outDir === "")) throw new OptionError("--out: expected a directory", { option: "--out" });
    // Executed copies go under --out, which adds to an existing directory but never into the notebooks folder.
    if (typeof outDir === "string") assertOutputSafe([{ path: outDir, option: "--out", kind: "dir", overwrite: true }], [{ path: join(projectRoot, "notebooks"), option: "the notebooks folder" }]);
    if (engine === "jupyter" && !jupyterAvailable()) throw new Error("Jupyter path unavailable: install python3-nbclient jupyter-nbconvert python3-ipykernel (see environment.md)");
    const reports = runNotebooks({
      only: positionals,
      engine,
      update: Boolean(values.update),
      check: !values.update && !values["no-check"],
      outDir: typeof outDir === "string" ? outDir : undefined,
    });
    const failed = reports.filter((r) => !r.ok);
    const text = failed.length === 0 ? `${reports.length} notebook(s) ok (${engine})` : `${failed.length} of ${reports.length} notebook(s) failed:\n${failed.map((r) => `  ${r.problem}`).join("\n")}`;
    return { json: { engine, notebooks: reports }, text, exitCode: failed.length === 0 ? 0 : 1 };
  },
};
