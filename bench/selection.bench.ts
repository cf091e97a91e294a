// Selection and histogramming throughput on a simulated GEMMA dataset (48 h ON + 48 h OFF, seed 269,
// made once in a temporary directory), and the same cuts in numpy (bench/selection_numpy.py) on the
// same columns. `node --import tsx bench/selection.bench.ts` runs these benches alone and then the
// numpy comparison (python3 with numpy and scipy); `npm run bench` runs the benches only.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openDataset, readPeriod, type EventColumns, type RunTable } from "../lib/events/index.js";
import { gemmaSelectionOptions, runSelection, type SelectionResult } from "../lib/selection/index.js";
import { gemmaConfig, physicsSignal, simulate } from "../lib/sim/index.js";
import { ACTIVE_TIME_LINES, histogram, LineTally, NOBLE_GAS_CORRECTION_LINES, uniformEdgesKeV } from "../lib/spectra/index.js";
import { runBenches, type Bench } from "./harness.js";

const dir = mkdtempSync(join(tmpdir(), "nuem-bench-selection-"));
process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
simulate(gemmaConfig(), { seed: 269, outDir: dir, signal: physicsSignal("gemma", 3.2e-11, "fe"), hoursOn: 48, hoursOff: 48 });
const ds = openDataset(dir);
const events: EventColumns = readPeriod(ds, ds.manifest.periods[0].name);
const runs: RunTable = ds.runs;
const options = gemmaSelectionOptions();
const edges = uniformEdgesKeV();
let last: SelectionResult = runSelection(events, runs, options);

/** Histograms of E~ of the kept events (the ON/OFF spectra) and the line tallies of the spectra step. */
function histogramKept(sel: SelectionResult): number {
  const h = histogram(sel.combinedKeV, edges, sel.keep);
  new LineTally(ACTIVE_TIME_LINES).add(sel.combinedKeV, sel.keep);
  new LineTally(NOBLE_GAS_CORRECTION_LINES).add(sel.combinedKeV, sel.keep);
  return h[0];
}

export const selectionBenches: Bench[] = [
  { name: `selection: GEMMA cuts on ${events.length} events (${runs.length} runs)`, items: events.length, unit: "events", run: () => (last = runSelection(events, runs, options)) },
  { name: "selection: E~ histogram and line tallies of the kept events", items: events.length, unit: "events", run: () => histogramKept(last) },
  { name: "selection: cuts + histograms", items: events.length, unit: "events", run: () => histogramKept(runSelection(events, runs, options)) },
];

/** Writes the columns numpy needs as raw little-endian float64 files plus a manifest; returns the directory. */
export function exportColumns(out: string): string {
  const cols: Record<string, ArrayLike<number>> = {
    time_s: events.time_s,
    run: events.run,
    e1_kev: events.e1_kev,
    e2_kev: events.e2_kev,
    e3_kev: events.e3_kev,
    nai_kev: events.nai_kev,
    veto: events.veto,
    pulser: events.pulser,
    runs_run: runs.run,
    runs_start_utc: runs.start_utc,
    runs_duration_s: runs.duration_s,
    runs_live_time_s: runs.live_time_s,
    runs_state: runs.state,
    runs_ln2_fill: runs.ln2_fill,
    runs_site_work: runs.site_work,
  };
  for (const [k, v] of Object.entries(cols)) writeFileSync(join(out, `${k}.f64`), Buffer.from(Float64Array.from(v).buffer));
  const sel = runSelection(events, runs, options);
  const kept = sel.keep.reduce((a, b) => a + b, 0);
  const st = sel.states[sel.states.length - 1];
  const reference = {
    events: events.length,
    runs: runs.length,
    cuts: sel.cuts.map((c) => ({ name: c.name, events_removed: c.eventsRemoved, live_time_removed_s: c.liveTimeRemovedS })),
    events_kept: kept,
    live_time_kept_s: st.liveTimeS.reduce((a, b) => a + b, 0),
    weights: sel.fourier.weights,
    gains: sel.calibration?.gains,
    noise_sigma_kev: sel.calibration?.noiseSigmaKeV,
    histogram_sum: histogram(sel.combinedKeV, edges, sel.keep).reduce((a, b) => a + b, 0),
  };
  writeFileSync(join(out, "reference.json"), JSON.stringify(reference, null, 1));
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  runBenches(selectionBenches, 2000);
  // The same cuts in numpy on the same columns.
  const out = exportColumns(mkdtempSync(join(tmpdir(), "nuem-bench-numpy-")));
  const t0 = performance.now();
  let n = 0;
  while (performance.now() - t0 < 2000) {
    runSelection(events, runs, options);
    n++;
  }
  const tsPerS = (events.length * n) / ((performance.now() - t0) / 1000);
  const py = spawnSync("python3", [fileURLToPath(new URL("./selection_numpy.py", import.meta.url)), out], { encoding: "utf8" });
  rmSync(out, { recursive: true, force: true });
  if (py.status !== 0) {
    console.log(`numpy comparison not run: ${py.stderr || py.error?.message}`);
  } else {
    process.stdout.write(py.stdout);
    const m = /events\/s\s+([0-9.e+]+)/.exec(py.stdout);
    if (m) console.log(`TypeScript ${tsPerS.toExponential(3)} events/s, numpy ${Number(m[1]).toExponential(3)} events/s: TypeScript / numpy = ${(tsPerS / Number(m[1])).toFixed(2)}`);
  }
}
