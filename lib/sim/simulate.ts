import { FieldsRecord, quantityTable, ResultTable, ResultTables } from "../fit/resultTable.js";
import { DatasetWriter } from "../events/dataset.js";
import type { EventWriter } from "../events/eventWriter.js";
import { Origin, ORIGIN_NAMES } from "../events/origin.js";
import { RunState } from "../events/runState.js";
import { version } from "../version.js";
import { validateSimConfig, type SimConfig } from "./config.js";
import { clearPrevious, countsByOrigin, monthOf, SIMULATION_SUMMARY_FILE, writeSimulationSummary } from "./datasetFiles.js";
import { DetectorModel } from "./model.js";
import { ProgressBar, type ProgressStream } from "./progress.js";
import { checkSeed } from "./rng.js";
import { RunEvents } from "./runEvents.js";
import { RunGenerator } from "./runGenerator.js";
import { buildSchedule, isGoodRun, phasesFor, type ExposureChoice, type NobleGasEpisode } from "./schedule.js";
import { checkSimulationSize } from "./size.js";
import { validateOptions, type OptionRule } from "../validateOptions.js";
import type { SignalComponent, SignalInput } from "./signal.js";

/** Name of the simulation summary written next to the dataset (deterministic: no times, no paths). */
export { SIMULATION_SUMMARY_FILE };

/** Options of `simulate`. */
export interface SimulateOptions extends ExposureChoice {
  /** Seed (integer 0 .. 2^53 - 1): same seed, same configuration -> identical files. */
  seed: number;
  /** Dataset directory to write. */
  outDir: string;
  /** Injected neutrino spectrum at nominal power (e.g. `freeElectronClosedFormSignal(3e-11)`). */
  signal: SignalInput;
  /** Progress bar on stderr: true/false, default when stderr is a terminal. */
  progress?: boolean;
  /** Where the progress bar goes (default process.stderr). */
  progressStream?: ProgressStream;
  /** Replace a dataset already in `outDir` (default false). */
  overwrite?: boolean;
  /** Rows per record batch (default of the event format, 131072). */
  batchRows?: number;
}

/** Run-time rules of {@link SimulateOptions} (lib/validateOptions.ts). */
const SIMULATE_RULES: Readonly<Record<keyof Required<SimulateOptions>, OptionRule>> = {
  seed: { kind: "number", min: 0, max: Number.MAX_SAFE_INTEGER, integer: true },
  outDir: { kind: "string" },
  signal: { kind: "any" },
  progress: { kind: "boolean" },
  progressStream: { kind: "any" },
  overwrite: { kind: "boolean" },
  batchRows: { kind: "number", min: 1, integer: true },
  hoursOn: { kind: "number", min: 0, integer: true, unit: "h" },
  hoursOff: { kind: "number", min: 0, integer: true, unit: "h" },
  full: { kind: "boolean" },
};

/** Per-phase numbers of the summary. */
export interface PhaseSummary {
  phase: number;
  name: string;
  /** Logged / true thermal power of this phase (the power-log calibration offset). */
  power_log_scale: number;
  runs: number;
  runs_on: number;
  runs_off: number;
  runs_transition: number;
  /** Good runs (truth of GEMMA's run selection: no LN2, site work, strong noble gas; not TRANSITION). */
  good_runs_on: number;
  good_runs_off: number;
  /** Live time of the good ON / OFF runs, s (the exposure the configured hours describe). */
  live_time_on_s: number;
  live_time_off_s: number;
  /** Live time of all ON / OFF runs, s. */
  all_live_time_on_s: number;
  all_live_time_off_s: number;
  dead_time_s: number;
}

/** A signal component in the summary. */
export interface SignalSummary {
  label: string;
  origin: number;
  /** Integral of the injected spectrum at nominal power, counts/(kg day). */
  rate_per_kg_day: number;
  /** Expected counts (true energy, all energies of its grid, before the trigger) in the live time of all runs, at the true power. */
  expected_counts: number;
  /** The same in the good ON runs only, and in the ROI (true energy) of the good ON runs. */
  expected_counts_good_on: number;
  expected_counts_roi_good_on: number;
  /** Events recorded with this origin (after trigger and dead time). */
  recorded_counts: number;
}

/** What `simulate` made: written to `simulation.json` (without `out_dir`, `wall_time_s`, `peak_rss_mb`). */
export interface SimulationSummary {
  generator: string;
  experiment: string;
  seed: number;
  detector_mass_kg: number;
  exposure: "full" | { hours_on: number; hours_off: number };
  files: string[];
  runs: { total: number; on: number; off: number; transition: number; ln2_fill: number; site_work: number; noble_gas_strong: number; pulser: number; good_on: number; good_off: number };
  events: number;
  counts_by_origin: Record<string, number>;
  /** Live time of the good ON / OFF runs, s (sum over phases). */
  live_time_on_s: number;
  live_time_off_s: number;
  dead_time_s: number;
  phases: PhaseSummary[];
  roi_kev: [number, number][];
  signal: SignalSummary[];
  pulser: { amplitudes_kev: number[]; sent: number[]; recorded: number[] };
  noble_gas_episodes: NobleGasEpisode[];
  out_dir?: string;
  wall_time_s?: number;
  peak_rss_mb?: number;
}


function signalList(signal: SignalInput): readonly SignalComponent[] {
  return (Array.isArray(signal) ? signal : [signal]) as readonly SignalComponent[];
}


/**
 * Simulates a GEMMA- or TEXONO-like dataset and writes it to `outDir` through `DatasetWriter`
 * (events by month, truth files, run table, manifest) plus `simulation.json` (the summary).
 * Runs are generated one at a time from their own random streams, so memory stays bounded:
 * a first pass computes each run's dead time (the run table comes first in the format), a second
 * pass regenerates the identical events and writes them.
 *
 * @example
 * // Two hours ON and two OFF of GEMMA-like one-hour runs (GEMMA Sec. 3), no magnetic moment.
 * const s = simulate(gemmaConfig(), { seed: 1, outDir: "out/gemma-sim", signal: freeElectronClosedFormSignal(0), hoursOn: 2, hoursOff: 2 });
 * s.runs.good_on; // => 2 (one-hour runs)
 * s.counts_by_origin["signal-em"]; // => 0 (mu = 0)
 */
export function simulate(config: SimConfig, options: SimulateOptions): SimulationResult {
  const t0 = Date.now();
  validateOptions("simulate options", options, SIMULATE_RULES, [{ keys: ["full", "hoursOn"], why: "full is the published exposure" }, { keys: ["full", "hoursOff"], why: "full is the published exposure" }]);
  validateSimConfig(config);
  if (options.signal === undefined) throw new Error('simulate options: "signal" is required (freeElectronClosedFormSignal(0) for none)');
  const seed = checkSeed(options.seed);
  const exposure: ExposureChoice = { hoursOn: options.hoursOn, hoursOff: options.hoursOff, full: options.full };
  phasesFor(config, exposure);
  checkSimulationSize(config, options.signal, exposure);
  const plan = buildSchedule(config, seed, exposure);
  const model = new DetectorModel(config, options.signal);
  const gen = new RunGenerator(model, plan, seed);
  const out = new RunEvents();
  const n = plan.length;
  const stream = ProgressBar.enabled(options.progress, options.progressStream ?? process.stderr) ? (options.progressStream ?? process.stderr) : null;

  // Pass 1: dead time of every run (needs the events; the run table is written before them).
  const dead = new Float64Array(n);
  const bar1 = new ProgressBar("simulate 1/2 (dead time)", n, stream);
  for (let i = 0; i < n; i++) {
    dead[i] = gen.generate(i, out).deadTimeS;
    if ((i & 63) === 0) bar1.update(i);
  }
  bar1.update(n);
  bar1.done();

  if (options.overwrite) clearPrevious(options.outDir);
  const signals = signalList(options.signal);
  const exposureJson = options.full ? "full" : { hours_on: plan.phases.reduce((a, p) => a + p.good_on_runs, 0), hours_off: plan.phases.reduce((a, p) => a + p.good_off_runs, 0) };
  const generator = `nuem ${version} lib/sim`;
  const ds = new DatasetWriter(
    options.outDir,
    {
      experiment: config.experiment,
      detector_mass_kg: config.detectorMassKg,
      detector: config.detector,
      description: config.description,
      phases: Object.fromEntries(plan.phases.map((p) => [String(p.id), p.name])),
      simulation: {
        generator,
        seed,
        config: {
          config,
          exposure: exposureJson,
          signal: signals.map((s) => ({ label: s.label ?? null, origin: s.origin ?? Origin.SIGNAL_EM, energies_kev: Array.from(s.energiesKeV), rate_per_kev_kg_day: Array.from(s.ratePerKeVKgDay) })),
        },
      },
    },
    { truth: true, overwrite: options.overwrite, batchRows: options.batchRows },
  );
  const D = plan.duration_s;
  const live = new Float64Array(n);
  for (let i = 0; i < n; i++) live[i] = D[i] - dead[i];
  ds.writeRuns({
    run: plan.run,
    start_utc: plan.start_utc,
    duration_s: D,
    live_time_s: live,
    dead_time_s: dead,
    thermal_power_gw: plan.loggedPowerGW,
    state: plan.state,
    phase: plan.phase,
    ln2_fill: plan.ln2_fill,
    site_work: plan.site_work,
  });

  // Pass 2: the same events again, written month by month; the summary on the way.
  const counts = new Float64Array(ORIGIN_NAMES.length);
  const amps = config.pulser.amplitudesKeV;
  const ampsF32 = amps.map((a) => Math.fround(a));
  const sent = new Float64Array(amps.length);
  const recorded = new Float64Array(amps.length);
  const sig = signals.map(() => ({ all: 0, goodOn: 0, roiGoodOn: 0 }));
  const phases = new Map<number, PhaseSummary>();
  for (const p of plan.phases) {
    phases.set(p.id, {
      phase: p.id,
      name: p.name,
      power_log_scale: p.power_log_scale,
      runs: 0,
      runs_on: 0,
      runs_off: 0,
      runs_transition: 0,
      good_runs_on: 0,
      good_runs_off: 0,
      live_time_on_s: 0,
      live_time_off_s: 0,
      all_live_time_on_s: 0,
      all_live_time_off_s: 0,
      dead_time_s: 0,
    });
  }
  const runCounts = { total: n, on: 0, off: 0, transition: 0, ln2_fill: 0, site_work: 0, noble_gas_strong: 0, pulser: 0, good_on: 0, good_off: 0 };
  const files: string[] = [];
  let writer: EventWriter | null = null;
  let period = "";
  let events = 0;
  const bar2 = new ProgressBar("simulate 2/2 (write)     ", n, stream);
  try {
    for (let i = 0; i < n; i++) {
      const month = monthOf(plan.start_utc[i]);
      if (month !== period) {
        writer?.close();
        writer = ds.openPeriod(month);
        period = month;
        files.push(`events-${month}.arrow`, `truth-${month}.arrow`);
      }
      const r = gen.generate(i, out);
      if (r.deadTimeS !== dead[i]) throw new Error(`run ${plan.run[i]}: the second pass differs from the first (dead time ${r.deadTimeS} vs ${dead[i]}): generation is not deterministic`);
      writer!.write(out.columns());
      events += out.length;
      for (let j = 0; j < out.length; j++) {
        const o = out.origin[j];
        counts[o]++;
        if (o === Origin.PULSER) {
          const k = ampsF32.indexOf(out.e_true_kev[j]);
          if (k >= 0) recorded[k]++;
        }
      }
      if (r.pulsesSent) for (let k = 0; k < amps.length; k++) sent[k] += r.pulsesSent[k];
      const ph = phases.get(plan.phase[i])!;
      const good = isGoodRun(plan, i);
      const st = plan.state[i];
      ph.runs++;
      ph.dead_time_s += dead[i];
      if (st === RunState.ON) {
        ph.runs_on++;
        ph.all_live_time_on_s += live[i];
        runCounts.on++;
        if (good) {
          ph.good_runs_on++;
          ph.live_time_on_s += live[i];
          runCounts.good_on++;
        }
      } else if (st === RunState.OFF) {
        ph.runs_off++;
        ph.all_live_time_off_s += live[i];
        runCounts.off++;
        if (good) {
          ph.good_runs_off++;
          ph.live_time_off_s += live[i];
          runCounts.good_off++;
        }
      } else {
        ph.runs_transition++;
        runCounts.transition++;
      }
      runCounts.ln2_fill += plan.ln2_fill[i];
      runCounts.site_work += plan.site_work[i];
      runCounts.noble_gas_strong += plan.nobleStrong[i];
      runCounts.pulser += plan.pulser[i];
      for (let k = 0; k < signals.length; k++) {
        sig[k].all += r.signalExpected[k];
        if (good && st === RunState.ON) {
          sig[k].goodOn += r.signalExpected[k];
          sig[k].roiGoodOn += r.signalExpectedRoi[k];
        }
      }
      if ((i & 63) === 0) bar2.update(i);
    }
    writer?.close();
    ds.close();
  } catch (e) {
    writer?.abort();
    throw e;
  }
  bar2.update(n);
  bar2.done();

  const phaseList = [...phases.values()];
  const byOrigin = countsByOrigin(counts);
  const summary: SimulationSummary = {
    generator,
    experiment: config.experiment,
    seed,
    detector_mass_kg: config.detectorMassKg,
    exposure: exposureJson,
    files: ["dataset.json", "runs.arrow", ...files, SIMULATION_SUMMARY_FILE],
    runs: runCounts,
    events,
    counts_by_origin: byOrigin,
    live_time_on_s: phaseList.reduce((a, p) => a + p.live_time_on_s, 0),
    live_time_off_s: phaseList.reduce((a, p) => a + p.live_time_off_s, 0),
    dead_time_s: phaseList.reduce((a, p) => a + p.dead_time_s, 0),
    phases: phaseList,
    roi_kev: config.roiKeV,
    signal: signals.map((s, k) => ({
      label: model.signals[k].label,
      origin: model.signals[k].origin,
      rate_per_kg_day: model.signals[k].spectrum.total,
      expected_counts: sig[k].all,
      expected_counts_good_on: sig[k].goodOn,
      expected_counts_roi_good_on: sig[k].roiGoodOn,
      recorded_counts: counts[model.signals[k].origin],
    })),
    pulser: { amplitudes_kev: [...amps], sent: Array.from(sent), recorded: Array.from(recorded) },
    noble_gas_episodes: plan.episodes,
  };
  writeSimulationSummary(options.outDir, summary);
  return new SimulationResult({
    ...summary,
    out_dir: options.outDir,
    wall_time_s: (Date.now() - t0) / 1000,
    peak_rss_mb: process.resourceUsage().maxRSS / 1024,
  });
}

/** What `simulate` returns: the summary's fields as they are (its JSON is the summary's), shown as two tables. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface SimulationResult extends SimulationSummary {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class SimulationResult extends FieldsRecord<SimulationSummary> {
  /** Run and event counts, live times; then events by origin (origins with events). */
  view(): ResultTables {
    const r = this.runs;
    const h = (s: number) => s / 3600;
    const counts = quantityTable(`simulation: ${this.experiment}, seed ${this.seed}`, [
      ["runs", r.total],
      ["good ON runs", r.good_on],
      ["good OFF runs", r.good_off],
      ["transition runs", r.transition],
      ["LN2-filling runs", r.ln2_fill],
      ["site-work runs", r.site_work],
      ["strong noble-gas runs (truth)", r.noble_gas_strong],
      ["noble-gas episodes", this.noble_gas_episodes.length],
      ["events", this.events],
      ["live time of good ON runs (h)", h(this.live_time_on_s)],
      ["live time of good OFF runs (h)", h(this.live_time_off_s)],
    ]);
    const origins = new ResultTable("events by origin", ["origin", "events"], Object.entries(this.counts_by_origin).filter(([, n]) => n > 0).map(([o, n]) => [o, n]));
    return new ResultTables([counts, origins]);
  }
}
