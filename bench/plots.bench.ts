import { Plot, plotFigure, tableText } from "../lib/plots/index.js";
import type { Bench } from "./harness.js";

const points = Array.from({ length: 1000 }, (_, i) => ({ t: 1 + i * 0.1, rate: 1 / (1 + i * 0.1) }));

export const plotsBenches: Bench[] = [
  { name: "plotFigure: line of 1000 points (jsdom)", run: () => plotFigure("b", { marks: [Plot.line(points, { x: "t", y: "rate" })] }) },
  { name: "tableText: 1000 rows", items: 1000, unit: "rows", run: () => tableText(points) },
];
