import { dirname } from "node:path";
import { describe, expect, it } from "vitest";
import { describeFailure, runNotebook, runNotebooks } from "../../../lib/cli/notebooks/index.js";
import { tempNotebook } from "./helpers.js";

describe("runNotebook (tslab, in a process of its own)", () => {
  it("turns stdout, the last value and tslab.display calls into outputs, in order", () => {
    const file = tempNotebook([
      { source: 'console.log("a", 1 + 1);\n"x".repeat(3)' },
      { source: 'import * as tslab from "tslab";\ntslab.display.html("<b>hi</b>");' },
    ]);
    const { notebook, failure } = runNotebook(file);
    expect(failure).toBeNull();
    expect(notebook.cells[0].outputs).toEqual([{ output_type: "stream", name: "stdout", text: ["a 2\n", "xxx\n"] }]);
    expect(notebook.cells[1].outputs).toEqual([{ output_type: "display_data", data: { "text/html": ["<b>hi</b>"] }, metadata: {} }]);
  });

  it("names the notebook, the cell and the error when a cell throws, and stops there", () => {
    const file = tempNotebook([{ source: "const a = 1;" }, { source: 'throw new Error("boom in cell two");' }, { source: 'console.log("never")' }]);
    const { notebook, failure } = runNotebook(file);
    expect(failure?.cellIndex).toBe(1);
    expect(failure?.message).toContain("boom in cell two");
    expect(describeFailure("notebooks/t.ipynb", failure!)).toBe('notebooks/t.ipynb, cell 2 (`throw new Error("boom in cell two");`): Error: boom in cell two');
    expect(notebook.cells[2].outputs).toEqual([]);
  });

  it("reports a type error as a failure of that cell", () => {
    const file = tempNotebook([{ source: 'const n: number = "not a number";' }]);
    const { failure } = runNotebook(file);
    expect(failure?.cellIndex).toBe(0);
    expect(failure?.message).toMatch(/not assignable to type 'number'/);
  });

  it("flags an output that differs from the stored one, naming the cell", () => {
    const file = tempNotebook([
      { source: 'console.log("same")', outputs: [{ output_type: "stream", name: "stdout", text: ["same\n"] }] },
      { source: 'console.log("new")', outputs: [{ output_type: "stream", name: "stdout", text: ["old\n"] }] },
    ]);
    const lines: string[] = [];
    const [report] = runNotebooks({ dir: dirname(file), check: true, log: (l) => lines.push(l) });
    expect(report.ok).toBe(false);
    expect(report.problem).toContain("cell 2: output differs");
    expect(report.problem).toMatch(/expected ".*old.*", got ".*new.*"/);
  });
});
