import { joinSource, splitLines, type Notebook, type NotebookOutput } from "./notebook.js";

/**
 * Canonical form of a cell's outputs for comparison and storage: consecutive stream outputs
 * of the same name merged (Jupyter splits streams at arbitrary message boundaries), text
 * as a list of lines, and display metadata emptied.
 */
export function canonicalOutputs(outputs: NotebookOutput[]): NotebookOutput[] {
  const out: NotebookOutput[] = [];
  for (const o of outputs) {
    const prev = out[out.length - 1];
    if (o.output_type === "stream" && prev?.output_type === "stream" && prev.name === o.name) {
      prev.text = joinSource(prev.text) + joinSource(o.text);
      continue;
    }
    if (o.output_type === "stream") out.push({ output_type: "stream", name: o.name, text: joinSource(o.text) });
    else if (o.output_type === "display_data") out.push({ output_type: "display_data", data: canonicalData(o.data), metadata: {} });
    else out.push(o);
  }
  for (const o of out) if (o.output_type === "stream") o.text = splitLines(joinSource(o.text));
  return out;
}

function canonicalData(data: Record<string, unknown>): Record<string, unknown> {
  const res: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) res[k] = typeof v === "string" || Array.isArray(v) ? splitLines(joinSource(v as string | string[])) : v;
  return res;
}

/**
 * What may legitimately vary between two executions: wall-clock durations printed as
 * "elapsed 1.23 s" / "(0.8 ms)". Notebooks print timings only in that form.
 */
export function normaliseVolatile(text: string): string {
  return text.replace(/elapsed\s+[0-9.]+\s*(ms|s|min)\b/g, "elapsed <t>").replace(/\(\s*[0-9.]+\s*(ms|s)\s*\)/g, "(<t>)");
}

function comparable(outputs: NotebookOutput[]): string {
  return normaliseVolatile(JSON.stringify(canonicalOutputs(outputs), null, 1));
}

/** A difference between the outputs of two executions of a notebook. */
export interface OutputDifference {
  cellIndex: number;
  expected: string;
  actual: string;
}

/** Cell-by-cell comparison of the code-cell outputs of two notebooks with the same cells. */
export function compareOutputs(expected: Notebook, actual: Notebook): OutputDifference[] {
  const diffs: OutputDifference[] = [];
  const n = Math.max(expected.cells.length, actual.cells.length);
  for (let i = 0; i < n; i++) {
    const a = expected.cells[i];
    const b = actual.cells[i];
    if (!a || !b || a.cell_type !== b.cell_type) {
      diffs.push({ cellIndex: i, expected: a ? a.cell_type : "(no cell)", actual: b ? b.cell_type : "(no cell)" });
      continue;
    }
    if (a.cell_type !== "code") continue;
    const ea = comparable(a.outputs ?? []);
    const eb = comparable(b.outputs ?? []);
    if (ea !== eb) diffs.push({ cellIndex: i, expected: ea, actual: eb });
  }
  return diffs;
}

/** First line where two texts differ, for short failure messages. */
export function firstDifferentLine(a: string, b: string): string {
  const la = a.split("\n");
  const lb = b.split("\n");
  for (let i = 0; i < Math.max(la.length, lb.length); i++) {
    if (la[i] !== lb[i]) return `line ${i + 1}: expected ${JSON.stringify((la[i] ?? "").slice(0, 160))}, got ${JSON.stringify((lb[i] ?? "").slice(0, 160))}`;
  }
  return "identical";
}
