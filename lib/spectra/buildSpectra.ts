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

/** The selection and the corrected spectra of a dataset (see the file header). */
export function buildSpectra(dir: string, options: BuildSpectraOptions = {}): BuildSpectraResult {
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
  return { spectra: r.spectra, periods: r.periods, selection, edgesKeV: r.edgesKeV, roiKeV: r.roiKeV, fourierEfficiency: r.fourierEfficiency };
}
