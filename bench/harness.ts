/** A benchmark: a function timed over repeated calls, reporting `items` processed per call. */
export interface Bench {
  name: string;
  /** What one call processes (events, grid points, ...), for a throughput figure. */
  items?: number;
  unit?: string;
  run(): unknown;
}

/** Times each benchmark (warm-up, then repeated calls for at least `minMs`) and prints a table. */
export function runBenches(benches: Bench[], minMs = 500): void {
  for (const b of benches) {
    b.run();
    let n = 0;
    const t0 = performance.now();
    let t = t0;
    while (t - t0 < minMs) {
      b.run();
      n++;
      t = performance.now();
    }
    const perCallMs = (t - t0) / n;
    const rate = b.items ? `  ${((b.items / perCallMs) * 1000).toExponential(3)} ${b.unit ?? "items"}/s` : "";
    console.log(`${b.name.padEnd(56)} ${perCallMs.toFixed(3).padStart(10)} ms/call${rate}`);
  }
}
