import * as Plot from "@observablehq/plot";
import { JSDOM } from "jsdom";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { notebookDisplay } from "./display.js";

/** A rendered figure: standalone SVG (or HTML when Plot wraps it with a legend or caption). */
export class Figure {
  constructor(
    /** Markup of the figure: `<svg ...>` with its xmlns, or a `<figure>` element. */
    readonly markup: string,
    /** Short name used for file names (`out/figures/<notebook>/<name>.svg`). */
    readonly name: string,
  ) {}

  /** True when the markup is a bare SVG document (no HTML wrapper). */
  get isSvg(): boolean {
    return this.markup.startsWith("<svg");
  }

  /** Shows the figure in a tslab cell; outside a notebook prints where it would go. */
  display(): void {
    const d = notebookDisplay();
    if (d) {
      if (this.isSvg) d.svg(this.markup);
      else d.html(this.markup);
    } else {
      console.log(`[figure ${this.name}: ${this.markup.length} bytes of ${this.isSvg ? "SVG" : "HTML"}; use .save(path)]`);
    }
  }

  /** Writes the figure to a file (`.svg` for SVG, `.html` otherwise); returns the path written. */
  save(path: string): string {
    const file = this.isSvg ? path.replace(/\.(html|svg)$/i, "") + ".svg" : path.replace(/\.(html|svg)$/i, "") + ".html";
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, this.isSvg ? `<?xml version="1.0" encoding="UTF-8"?>\n${this.markup}\n` : this.markup);
    return file;
  }

  toString(): string {
    return this.markup;
  }
}

let sharedDocument: Document | null = null;
function plotDocument(): Document {
  sharedDocument ??= new JSDOM("<!DOCTYPE html><body></body>").window.document;
  return sharedDocument;
}

/**
 * Renders an Observable Plot specification in Node, with jsdom as the document (as Plot's own
 * tests do). The SVG gets its `xmlns` so it stands alone as a file and as `image/svg+xml`.
 *
 * @param name short name of the figure, used in file names and as `data-figure`.
 * @param options any `Plot.plot` options (marks, scales, width, ...).
 */
export function plotFigure(name: string, options: Plot.PlotOptions): Figure {
  const el = Plot.plot({ ...options, document: plotDocument() }) as unknown as Element;
  const svgs = el.tagName.toLowerCase() === "svg" ? [el] : Array.from(el.querySelectorAll("svg"));
  for (const svg of svgs) {
    svg.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  }
  el.setAttribute("data-figure", name);
  return new Figure(el.outerHTML, name);
}

/**
 * Renders and displays in one step (the usual notebook call). Returns nothing, so a cell
 * ending with it prints no value; use {@link plotFigure} to keep the figure for saving.
 */
export function showPlot(name: string, options: Plot.PlotOptions): void {
  plotFigure(name, options).display();
}

export { Plot };
