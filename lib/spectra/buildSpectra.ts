/*
 * From an event dataset to the corrected ON and OFF spectra (Beda et al., section 3): the run
 * selection (`selectDataset`; GEMMA settings, or the TEXONO preset for a TEXONO dataset) feeds a
 * `SpectraAccumulator` one data period (month) at a time (`accumulator.ts`: the histograms of E~,
 * line counts, live times, noble-gas template blocks, pulser counts per measurement phase and
 * reactor state); `spectraFromAccumulated` (`spectraFromAccumulated.ts`) turns the sums into the
 * `SpectraFile` (data/README.md, "The spectra file"): noble-gas, threshold and active-time
 * corrections, and a report with every intermediate number and, for simulated data, the same
 * numbers against truth. This file is the edge: it reads the dataset (through the selection) and
 * the experiment's published data; the steps it joins read nothing.
 * Memory: one data period (month) of events at a time.
 */
import { selectDataset, type SelectDatasetResult, type SelectionOptions, type SelectionSettings } from "../selection/index.js";
import { EXPERIMENT_NAMES, loadExperiment, type ExperimentName } from "../reactor/index.js";
import { SpectraAccumulator } from "./accumulator.js";
import { uniformEdgesKeV } from "./binning.js";
import { spectraFromAccumulated, type AccumulatedSpectra } from "./spectraFromAccumulated.js";
import { validateOptions, type OptionRule } from "../validateOptions.js";
import type { PulserSettings } from "./threshold.js";
import { measured, quantityTable, ResultTable, ResultTables, type ResultCell } from "../fit/resultTable.js";
import { spectraFileTable, type SpectraFile } from "./spectraFile.js";
import type { PeriodReport } from "./spectraFromAccumulated.js";

export interface BuildSpectraOptions {
  /** Bin edges of the spectra, keV (default 2-60 keV by 0.2 keV). */
  edgesKeV?: ArrayLike<number>;
  /** ROI written to the file (default the experiment's from data/experiments, else a simulated dataset's, else GEMMA's). */
  roiKeV?: [number, number][];
  /** Width of the noble-gas template bins, keV (default 2). */
  templateBinKeV?: number;
  /** Selection options merged into the preset of `settings`. */
  selection?: Omit<SelectionOptions, "period" | "runMask" | "origin">;
  /** The selection preset (`selectDataset`): "gemma", "texono", "plain" or "auto" (default: by the dataset's experiment). */
  settings?: SelectionSettings | "auto";
  /** The test pulser (default: from a simulated dataset's manifest; none: no threshold correction). */
  pulser?: PulserSettings;
  /** Data periods to use (default all). */
  periods?: readonly string[];
  /** Compare with truth when the dataset has it (default true). */
  truth?: boolean;
  /** Also write the selected events to this dataset directory. */
  selectedOutDir?: string;
  overwrite?: boolean;
}

/** Run-time rules of {@link BuildSpectraOptions} (lib/validateOptions.ts). */
const BUILD_SPECTRA_RULES: Readonly<Record<keyof Required<BuildSpectraOptions>, OptionRule>> = {
  edgesKeV: { kind: "any" },
  roiKeV: { kind: "any" },
  templateBinKeV: { kind: "number", min: 0, minExclusive: true, unit: "keV" },
  selection: { kind: "any" },
  settings: { kind: "choice", choices: ["gemma", "texono", "plain", "auto"] },
  pulser: { kind: "any" },
  periods: { kind: "any" },
  truth: { kind: "boolean" },
  selectedOutDir: { kind: "string" },
  overwrite: { kind: "boolean" },
};

export interface BuildSpectraResult extends AccumulatedSpectra {
  readonly selection: SelectDatasetResult;
}

/**
 * The selection and the corrected spectra of a dataset (see the file header).
 *
 * @example
 * simulate(gemmaConfig(), { seed: 1, outDir: "out/gemma-sim", signal: sim.freeElectronClosedFormSignal(0), hoursOn: 6, hoursOff: 6 });
 * const b = buildSpectra("out/gemma-sim");
 * b.spectra.periods.map((p) => p.name); // => ["phase-1"]
 * b.fourierEfficiency.closedForm; // => 0.98889 (1 - exp(-k^2/2) at k = 3)
 */
export function buildSpectra(dir: string, options: BuildSpectraOptions = {}): SpectraBuild {
  validateOptions("buildSpectra options", options, BUILD_SPECTRA_RULES);
  const edges = options.edgesKeV ? Float64Array.from(options.edgesKeV) : uniformEdgesKeV();
  const acc = new SpectraAccumulator(edges, { templateBinKeV: options.templateBinKeV, pulser: options.pulser });
  const selection = selectDataset(dir, {
    ...(options.selection ?? {}),
    settings: options.settings,
    periods: options.periods,
    truth: options.truth,
    outDir: options.selectedOutDir,
    overwrite: options.overwrite,
    onPeriod: acc.add,
  });
  const expName = (acc.dataset?.experiment ?? "").toLowerCase();
  const experiment = (EXPERIMENT_NAMES as readonly string[]).includes(expName) ? loadExperiment(expName as ExperimentName) : undefined;
  const r = spectraFromAccumulated(acc, { source: dir, selection, roiKeV: options.roiKeV, experiment, fourierK: options.selection?.fourier?.k ?? 3 });
  return new SpectraBuild({ spectra: r.spectra, periods: r.periods, selection, edgesKeV: r.edgesKeV, roiKeV: r.roiKeV, fourierEfficiency: r.fourierEfficiency });
}

/**
 * What `buildSpectra` returns (same fields); shows itself as the spectra file's periods and the
 * estimates behind them: active times, tau~, the trigger-threshold fit, the noble-gas correction.
 * Values with errors by the PDG rule.
 */
export class SpectraBuild implements BuildSpectraResult {
  readonly spectra: SpectraFile;
  readonly periods: readonly PeriodReport[];
  readonly selection: SelectDatasetResult;
  readonly edgesKeV: Float64Array;
  readonly roiKeV: [number, number][];
  readonly fourierEfficiency: { truth?: { value: number; error: number }; closedForm: number };

  constructor(r: BuildSpectraResult) {
    this.spectra = r.spectra;
    this.periods = r.periods;
    this.selection = r.selection;
    this.edgesKeV = r.edgesKeV;
    this.roiKeV = r.roiKeV;
    this.fourierEfficiency = r.fourierEfficiency;
  }

  tables(): ResultTables {
    const file = spectraFileTable(this.spectra);
    const states: ResultCell[][] = [];
    for (const p of this.periods) {
      for (const [state, s] of [["ON", p.on], ["OFF", p.off]] as const) {
        if (!s) continue;
        const a = s.activeTime;
        states.push([p.name, state, measured(a.activeTimeS / 3600, a.errorS / 3600), s.ledgerLiveTimeS / 3600, s.nobleGasRoi.rawCounts, measured(s.nobleGasRoi.counts, s.nobleGasRoi.error), s.nobleGasRoiFraction]);
      }
      if (p.tau) states.push([p.name, "τ~ = T~ON/T~OFF", measured(p.tau.tau, p.tau.tau * p.tau.relError), null, null, null, null]);
    }
    const active = new ResultTable("active time and noble-gas correction", ["period", "state", "T~ (h)", "live time left by the selection (h)", "ROI events", "noble-gas correction in the ROI", "its share of the ROI"], states);
    const withFit = this.periods.filter((p) => p.threshold);
    const threshold = new ResultTable("trigger threshold, GEMMA (4)", ["period", "E0 (keV)", "σ (keV)", "correlation", "deviance / ndf", "pulser counts from"], withFit.map((p) => {
      const t = p.threshold!;
      return [p.name, measured(t.e0KeV, t.e0ErrorKeV), measured(t.sigmaKeV, t.sigmaErrorKeV), t.correlation, `${sig4(t.deviance)} / ${t.ndf}`, t.source];
    }));
    const templates = new ResultTable("noble-gas templates", ["period", "mode", "blocks", "line excess"], this.periods.map((p) => [p.name, p.templates.mode, p.templates.blocks, p.templates.lines.map((l, k) => `${l.name}: ${p.templates.lineExcess[k]?.toFixed(1) ?? "-"}`).join(", ")]));
    const fe = this.fourierEfficiency;
    const fourier = quantityTable("Fourier (shaping-channel) cut", [
      ["share of physical events kept (truth)", fe.truth ? measured(fe.truth.value, fe.truth.error) : "no truth"],
      ["closed form 1 − exp(−k²/2)", fe.closedForm],
    ]);
    return new ResultTables([file, active, ...(withFit.length > 0 ? [threshold] : []), templates, fourier]);
  }

  toString(): string {
    return this.tables().toString();
  }

  toHTML(): string {
    return this.tables().toHTML();
  }
}

/** 4 significant digits, without trailing zeros (a bin width, a deviance). */
function sig4(v: number): string {
  return String(Number(v.toPrecision(4)));
}

/** A list of [lo, hi] intervals read from a manifest's simulation configuration (undefined when absent). */
function roiOrUndefined(x: unknown, where: string): [number, number][] | undefined {
  if (x === undefined) return undefined;
  if (!Array.isArray(x) || x.length === 0 || !x.every((r) => Array.isArray(r) && r.length === 2 && r.every((v) => typeof v === "number" && Number.isFinite(v)) && r[1] > r[0])) {
    throw new Error(`${where}: expected a non-empty list of [lo, hi] keV intervals, found ${JSON.stringify(x)}`);
  }
  return (x as number[][]).map((r) => [r[0], r[1]] as [number, number]);
}
