/*
 * The selection over a dataset directory: each period is read whole (its runs then sit together,
 * so time neighbours never cross a batch boundary, and the period-wide medians of the noble-gas and
 * rate tests see every block), selected with `runSelection`, and its kept events written to a new
 * dataset through `DatasetWriter`. Memory: one period's events at a time. The output run table is
 * the input one, unchanged (recorded live times); the live time left by the selection is returned
 * per run (`liveTimeS`) and in the cut-flow.
 */
import { join } from "node:path";
import { DatasetWriter, EventDataError, openDataset, readPeriod, type EventColumns, type EventDataset, type RunTable } from "../events/index.js";
import type { ChannelCalibration } from "./channelCalibration.js";
import { CutFlow } from "./cutFlow.js";
import { runSelection, type SelectionOptions, type SelectionResult } from "./select.js";
import { SELECTION_SETTINGS, selectionOptionsFor, selectionSettingsFor, texonoTruthTally, type SelectionSettings } from "./texonoSelection.js";
import { selectionTable, SelectionTruth, type TruthTallyOptions } from "./truthTally.js";
import { validateOptions, type OptionRule } from "../validateOptions.js";

/** What `onPeriod` receives for each data period, after its selection. */
export interface PeriodSelection {
  readonly name: string;
  readonly dataset: EventDataset;
  readonly events: EventColumns;
  readonly runs: RunTable;
  /** Run-table rows of this period. */
  readonly runMask: Uint8Array;
  readonly selection: SelectionResult;
}

export interface SelectDatasetOptions extends Omit<SelectionOptions, "period" | "runMask" | "origin"> {
  /** Write the kept events to a new dataset directory (none: only the cut-flow). */
  outDir?: string;
  /** Replace an existing output dataset. Default false. */
  overwrite?: boolean;
  /** Periods to select (default all, in manifest order). */
  periods?: readonly string[];
  /**
   * The preset the options are merged into: "gemma" (`GEMMA_SELECTION`), "texono"
   * (`texonoSelectionOptions`), "plain" (the options alone), or "auto" (default): by the dataset's
   * experiment, "texono" for a TEXONO dataset and "gemma" otherwise.
   */
  settings?: SelectionSettings | "auto";
  /**
   * Tally the selection against truth when the dataset has it (default true; false to skip reading
   * truth). With the TEXONO preset the default tally is above 12 keV and in 12-60 keV.
   */
  truth?: boolean | TruthTallyOptions;
  /** Called for every period after its selection (the spectra step accumulates its histograms here). */
  onPeriod?: (p: PeriodSelection) => void;
}

/** Per data period: the channel calibration and E~ weights the Fourier cut used. */
export interface PeriodSettings {
  readonly name: string;
  readonly calibration?: ChannelCalibration;
  readonly weights: readonly [number, number, number];
}

export interface SelectDatasetResult {
  readonly cutFlow: CutFlow;
  /** Live time left after the selection, s, per run-table row. */
  readonly liveTimeS: Float64Array;
  /** Run ids removed by the noble-gas cut (the template sample), ascending. */
  readonly nobleGasRuns: Int32Array;
  /** Efficiencies and rejections against truth (simulated data only). */
  readonly truth?: SelectionTruth;
  readonly periods: readonly PeriodSettings[];
  /** Events read (all periods). */
  readonly events: number;
  /** The preset used ("auto" resolved). */
  readonly settings: SelectionSettings;
}

/** Run-time rules of {@link SelectDatasetOptions} (lib/validateOptions.ts); the nested cut options are checked by each cut. */
export const SELECT_DATASET_RULES: Readonly<Record<keyof Required<SelectDatasetOptions>, OptionRule>> = {
  outDir: { kind: "string" },
  overwrite: { kind: "boolean" },
  periods: { kind: "any" },
  settings: { kind: "choice", choices: [...SELECTION_SETTINGS, "auto"] },
  truth: { kind: "any" },
  onPeriod: { kind: "function" },
  badRuns: { kind: "any" },
  nobleGas: { kind: "any" },
  noise: { kind: "any" },
  audio: { kind: "any" },
  fourier: { kind: "any" },
  anticoincidence: { kind: "any" },
  pulser: { kind: "boolean" },
};

/** Refuses a requested period the dataset does not have (it would be skipped without a word). */
export function checkPeriodNames(dir: string, known: readonly string[], requested: readonly string[] | undefined): void {
  if (requested === undefined) return;
  if (!Array.isArray(requested)) throw new Error(`${dir}: option "periods" must be an array of period names (the dataset has ${known.join(", ")})`);
  for (const p of requested) if (!known.includes(p)) throw new Error(`${dir}: no period ${JSON.stringify(p)} in the dataset (it has ${known.join(", ")})`);
}

/** Rows of `events` where mask is 1, as new columns (truth included when present). */
export function filterEvents(events: EventColumns, mask: Uint8Array): EventColumns {
  let n = 0;
  for (let i = 0; i < events.length; i++) if (mask[i]) n++;
  const idx = new Int32Array(n);
  for (let i = 0, j = 0; i < events.length; i++) if (mask[i]) idx[j++] = i;
  const pick = <T extends Float64Array | Float32Array | Int32Array | Uint8Array>(a: T): T => {
    const out = new (a.constructor as new (n: number) => T)(n);
    for (let j = 0; j < n; j++) out[j] = a[idx[j]];
    return out;
  };
  const out: EventColumns = {
    length: n,
    time_s: pick(events.time_s),
    run: pick(events.run),
    e1_kev: pick(events.e1_kev),
    e2_kev: pick(events.e2_kev),
    e3_kev: pick(events.e3_kev),
    nai_kev: pick(events.nai_kev),
    veto: pick(events.veto),
    pulser: pick(events.pulser),
  };
  if (events.truth) out.truth = { length: n, origin: pick(events.truth.origin), ...(events.truth.e_true_kev ? { e_true_kev: pick(events.truth.e_true_kev) } : {}) };
  return out;
}

/** Run-table mask of the runs with ids in [firstRun, lastRun]. */
export function runRangeMask(runs: RunTable, firstRun: number, lastRun: number): Uint8Array {
  const m = new Uint8Array(runs.length);
  for (let r = 0; r < runs.length; r++) m[r] = runs.run[r] >= firstRun && runs.run[r] <= lastRun ? 1 : 0;
  return m;
}

/** The result of {@link selectDataset}; shows itself as the cut-flow table (with truth columns when present). */
export class DatasetSelection implements SelectDatasetResult {
  readonly cutFlow: CutFlow;
  readonly liveTimeS: Float64Array;
  readonly nobleGasRuns: Int32Array;
  readonly truth?: SelectionTruth;
  readonly periods: readonly PeriodSettings[];
  readonly events: number;
  readonly settings: SelectionSettings;

  constructor(r: SelectDatasetResult) {
    this.cutFlow = r.cutFlow;
    this.liveTimeS = r.liveTimeS;
    this.nobleGasRuns = r.nobleGasRuns;
    this.truth = r.truth;
    this.periods = r.periods;
    this.events = r.events;
    this.settings = r.settings;
  }

  toString(): string {
    return selectionTable(this.cutFlow, this.truth).toString();
  }

  toHTML(): string {
    return selectionTable(this.cutFlow, this.truth).toHTML();
  }
}

/**
 * Applies the selection (GEMMA or TEXONO preset, see `settings`) to every period of the dataset in `dir`.
 *
 * @example
 * const s = simulate(gemmaConfig(), { seed: 1, outDir: "out/gemma-sim", signal: sim.freeElectronClosedFormSignal(0), hoursOn: 2, hoursOff: 2 });
 * const sel = selectDataset("out/gemma-sim");
 * sel.events === s.events; // => true (every event written is read)
 * sel.cutFlow.total.liveTimeInS; // => 3.600e4 (s: ten one-hour runs, 2 ON + 2 OFF + 6 transition, less their dead time)
 * sel.cutFlow.total.eventsKept; // => 600 (this seed)
 */
export function selectDataset(dir: string, options: SelectDatasetOptions = {}): SelectDatasetResult {
  validateOptions("selectDataset options", options, SELECT_DATASET_RULES);
  const ds = openDataset(dir);
  if (ds.manifest.selection !== undefined) {
    throw new EventDataError(
      join(dir, "dataset.json"),
      `this dataset was already selected (nuem select, ${ds.manifest.selection.settings} settings); a second selection would build the noble-gas templates without the runs the first one removed. Select (or make spectra from) the dataset that was given to nuem select`,
    );
  }
  checkPeriodNames(dir, ds.manifest.periods.map((p) => p.name), options.periods);
  const entries = ds.manifest.periods.filter((p) => !options.periods || options.periods.includes(p.name));
  const hasTruth = options.truth !== false && entries.length > 0 && entries.every((p) => p.truth !== null);
  const { outDir: _o, overwrite: _w, periods: _p, settings: settingsOpt = "auto", truth: truthOpt, onPeriod, ...selOptions } = options;
  let settings: SelectionSettings;
  try {
    settings = settingsOpt === "auto" ? selectionSettingsFor(ds.manifest.experiment) : settingsOpt;
  } catch (e) {
    throw new EventDataError(join(dir, "dataset.json"), `experiment: ${(e as Error).message}`);
  }
  const selectionOptions = selectionOptionsFor(settings, selOptions);
  const tally = hasTruth ? new SelectionTruth(typeof truthOpt === "object" ? truthOpt : settings === "texono" ? texonoTruthTally() : {}) : undefined;
  const settingsOut: PeriodSettings[] = [];
  let nEvents = 0;
  const writer = options.outDir
    ? new DatasetWriter(
        options.outDir,
        {
          experiment: ds.manifest.experiment,
          detector_mass_kg: ds.manifest.detector_mass_kg,
          ...(ds.manifest.detector === undefined ? {} : { detector: ds.manifest.detector }),
          selection: { settings },
          description: `${settings === "gemma" ? "GEMMA selection" : settings === "texono" ? "TEXONO selection" : "plain selection"} (nuem lib/selection) of ${ds.manifest.description ?? ds.manifest.experiment}`,
          ...(ds.manifest.phases === undefined ? {} : { phases: ds.manifest.phases }),
          simulation: ds.manifest.simulation,
        },
        { truth: hasTruth, overwrite: options.overwrite },
      )
    : null;
  writer?.writeRuns(ds.runs);
  const liveTimeS = new Float64Array(ds.runs.length);
  const nobleGas: number[] = [];
  const flows: CutFlow[] = [];
  for (const p of entries) {
    if (p.first_run === null || p.last_run === null) continue;
    const events = readPeriod(ds, p.name, { truth: hasTruth });
    nEvents += events.length;
    const runMask = runRangeMask(ds.runs, p.first_run, p.last_run);
    const sel = runSelection(events, ds.runs, { ...selectionOptions, period: p.name, runMask });
    const last = sel.states[sel.states.length - 1];
    for (let r = 0; r < ds.runs.length; r++) if (sel.states[0].runActive[r]) liveTimeS[r] = last.liveTimeS[r];
    nobleGas.push(...sel.nobleGas.removedRuns);
    flows.push(sel.cutFlow);
    tally?.add(events, ds.runs, sel);
    settingsOut.push({ name: p.name, calibration: sel.calibration, weights: sel.fourier.weights });
    onPeriod?.({ name: p.name, dataset: ds, events, runs: ds.runs, runMask, selection: sel });
    if (writer) {
      const w = writer.openPeriod(p.name);
      w.write(filterEvents(events, sel.keep));
      w.close();
    }
  }
  writer?.close();
  if (flows.length === 0) throw new Error(`${dir}: no period of the dataset holds events`);
  return new DatasetSelection({ cutFlow: CutFlow.combine(flows), liveTimeS, nobleGasRuns: Int32Array.from(nobleGas), truth: tally, periods: settingsOut, events: nEvents, settings });
}
