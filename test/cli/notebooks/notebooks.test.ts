import { describe, expect, it } from "vitest";
import { jupyterAvailable, listNotebooks, readNotebook, runNotebook, compareOutputs, describeFailure, firstDifferentLine } from "../../../lib/cli/notebooks/index.js";
import { basename } from "node:path";

// Every committed notebook is executed top to bottom and its outputs compared with the
// committed ones: a notebook that fails or drifts fails the suite, naming notebook and cell.
describe("notebooks (tslab executor)", () => {
  for (const file of listNotebooks()) {
    const rel = `notebooks/${basename(file)}`;
    it(`${rel} runs headless and reproduces its committed outputs`, () => {
      const { notebook, failure } = runNotebook(file, "tslab");
      if (failure) throw new Error(describeFailure(rel, failure));
      const diffs = compareOutputs(readNotebook(file), notebook);
      const where = diffs.map((d) => `cell ${d.cellIndex + 1}: ${firstDifferentLine(d.expected, d.actual)}`);
      expect(where, `${rel}: outputs differ from the committed ones; run "npm run notebooks -- --update" if intended`).toEqual([]);
    });
  }
});

describe("notebooks (real Jupyter kernel)", () => {
  // CI installs Jupyter (see .ci/run), so there the path must exist; elsewhere it is optional.
  const available = jupyterAvailable();
  it.runIf(process.env.CI)("Jupyter with nbclient is installed in CI", () => {
    expect(available).toBe(true);
  });
  it.runIf(available)("notebooks/00-getting-started.ipynb gives identical outputs through Jupyter and through tslab's executor", () => {
    const [file] = listNotebooks(undefined, ["00-"]);
    const viaJupyter = runNotebook(file, "jupyter");
    const viaTslab = runNotebook(file, "tslab");
    expect(viaJupyter.failure).toBeNull();
    expect(viaTslab.failure).toBeNull();
    expect(compareOutputs(viaTslab.notebook, viaJupyter.notebook)).toEqual([]);
    expect(viaJupyter.notebook.cells.some((c) => (c.outputs ?? []).some((o) => o.output_type === "display_data" && "image/svg+xml" in o.data))).toBe(true);
  });
});
