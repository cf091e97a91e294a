import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { joinSource, type Notebook } from "./notebook.js";

/**
 * Writes every figure a notebook displayed (SVG outputs, and HTML outputs made by the
 * figure helper) to `dir`, named after the figure's `data-figure` name or its position.
 * Returns the files written.
 */
export function extractFigures(nb: Notebook, dir: string): string[] {
  const files: string[] = [];
  let k = 0;
  nb.cells.forEach((cell) => {
    for (const o of cell.outputs ?? []) {
      if (o.output_type !== "display_data") continue;
      const svg = o.data["image/svg+xml"];
      const html = o.data["text/html"];
      const markup = svg !== undefined ? joinSource(svg as string | string[]) : html !== undefined ? joinSource(html as string | string[]) : null;
      if (markup === null || !/data-figure="/.test(markup)) continue;
      k++;
      const name = /data-figure="([^"]+)"/.exec(markup)![1].replace(/[^A-Za-z0-9._-]/g, "_");
      const file = join(dir, `${String(k).padStart(2, "0")}-${name}.${svg !== undefined ? "svg" : "html"}`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(file, svg !== undefined ? `<?xml version="1.0" encoding="UTF-8"?>\n${markup}\n` : markup);
      files.push(file);
    }
  });
  return files;
}
