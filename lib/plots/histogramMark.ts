import * as Plot from "@observablehq/plot";

/** One bin of a histogram, as a plot row. */
export interface HistogramRow {
  lo: number;
  hi: number;
  value: number;
  [key: string]: unknown;
}

/** Rows {lo, hi, value} of a binned spectrum (edges n + 1, values n), with extra fields added to each. */
export function histogramRows(edges: ArrayLike<number>, values: ArrayLike<number>, extra: Record<string, unknown> = {}): HistogramRow[] {
  if (edges.length !== values.length + 1) throw new Error(`histogramRows: ${edges.length} edges for ${values.length} values (need one more edge than values)`);
  return Array.from({ length: values.length }, (_, i) => ({ lo: edges[i], hi: edges[i + 1], value: values[i], ...extra }));
}

/**
 * A histogram as bars that work on a log y scale too: the bars start at `floor` (default 0.5,
 * below one count) instead of 0, which a log scale cannot show; empty bins are left out on log
 * scales by the floor itself. Options are passed to Plot.rectY (fill, fx, ...).
 */
export function histogramMark(rows: HistogramRow[], options: Plot.RectYOptions & { floor?: number } = {}): Plot.Markish {
  const { floor = 0.5, ...rest } = options;
  return Plot.rectY(rows.filter((r) => r.value > floor), { x1: "lo", x2: "hi", y1: floor, y2: "value", ...rest });
}
