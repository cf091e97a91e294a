import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Plot, plotFigure } from "../../lib/plots/index.js";

describe("plotFigure", () => {
  const fig = plotFigure("line", { marks: [Plot.lineY([1, 3, 2])], width: 300, height: 200 });
  it("renders a standalone SVG with its namespace and name", () => {
    expect(fig.isSvg).toBe(true);
    expect(fig.markup).toMatch(/^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(fig.markup).toContain('data-figure="line"');
    expect(fig.markup).toContain('width="300"');
  });
  it("is deterministic (same spec, same bytes)", () => {
    expect(plotFigure("line", { marks: [Plot.lineY([1, 3, 2])], width: 300, height: 200 }).markup).toBe(fig.markup);
  });
  it("writes an .svg file a browser opens as is", () => {
    const file = fig.save(join(mkdtempSync(join(tmpdir(), "nuem-fig-")), "line"));
    expect(file.endsWith("line.svg")).toBe(true);
    expect(readFileSync(file, "utf8")).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<svg /);
  });
  it("keeps a legend-wrapped figure as HTML", () => {
    const f = plotFigure("legend", { color: { legend: true }, marks: [Plot.dot([{ x: 1, c: "a" }], { x: "x", fill: "c" })] });
    expect(f.isSvg).toBe(false);
    expect(f.markup.startsWith("<figure")).toBe(true);
  });
});
