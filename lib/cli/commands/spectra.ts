import { InputDataError, OptionError } from "../../errors.js";
import { existsSync } from "node:fs";
import { datasetOutput, validateDataset } from "../../events/dataset.js";
import { assertOutputSafe, type OutputSpec } from "../../io/safeWrite.js";
import { buildSpectra, roiSum, uniformEdgesKeV, writeSpectraFile, type BuildSpectraResult } from "../../spectra/index.js";
import { numberListOption, numberOption, type Command, type Domain } from "../command.js";

const DOMAINS: Readonly<Record<string, Domain>> = {
  "bin-kev": { min: 0.01, max: 10, unit: "keV", note: "and at most 1e5 bins over --range" },
  range: { min: 0, max: 1e4, unit: "keV", note: "two values LO,HI with LO < HI" },
};
import { selectionJson, settingsOption } from "./select.js";

const r6 = (x: number): number => (Number.isFinite(x) ? Number(x.toPrecision(6)) : x);
/** Six digits, or null for a quantity the period does not have (a skipped period's active time). */
const r6n = (x: number): number | null => (Number.isFinite(x) ? Number(x.toPrecision(6)) : null);

/** Per analysis period: active times, threshold fit, noble-gas correction (and truth when simulated). */
export function spectraSummary(r: BuildSpectraResult): Record<string, unknown>[] {
  return r.periods.map((p) => {
    const st = (s: typeof p.on) =>
      s && {
        active_time_days: r6n(s.activeTime.activeTimeS / 86400),
        active_time_rel_error: r6n(s.activeTime.relError),
        line_statistics_rel_error: r6n(s.activeTime.lineStatisticsRelError),
        raw_live_time_days: r6n(s.activeTime.rawLiveTimeS / 86400),
        ledger_live_time_days: r6n(s.ledgerLiveTimeS / 86400),
        roi_counts: s.nobleGasRoi.rawCounts,
        noble_gas_roi_counts: r6n(s.nobleGasRoi.counts),
        noble_gas_roi_error: r6n(s.nobleGasRoi.error),
        noble_gas_roi_fraction: r6n(s.nobleGasRoiFraction),
        truth_noble_gas_roi_counts: s.truthNobleGas ? roiSum(s.truthNobleGas, r.edgesKeV, p.roiKeV) : null,
      };
    return {
      period: p.name,
      skipped: p.skipped ?? null,
      on: st(p.on) ?? null,
      off: st(p.off) ?? null,
      tau: p.tau ? { value: r6(p.tau.tau), rel_error: r6(p.tau.relError) } : null,
      threshold: p.threshold ? { e0_kev: r6(p.threshold.e0KeV), e0_error_kev: r6(p.threshold.e0ErrorKeV), sigma_kev: r6(p.threshold.sigmaKeV), sigma_error_kev: r6(p.threshold.sigmaErrorKeV), source: p.threshold.source, deviance: r6(p.threshold.deviance), ndf: p.threshold.ndf } : null,
      noble_gas_templates: { mode: p.templates.mode, blocks: p.templates.blocks },
    };
  });
}

/** `nuem spectra`: selection and corrected ON/OFF spectra of a dataset, written as a spectra file. */
export const spectraCommand: Command = {
  name: "spectra",
  summary: "corrected ON/OFF spectra (noble gas, threshold, active times) of an event dataset, as a spectra file",
  usage: [
    "Runs the selection on the dataset DIR (nuem select) and builds, per measurement phase, the",
    "ON and OFF spectra of E~ with the noble-gas and threshold corrections and the active times T~ON,",
    "T~OFF, tau~ from the 238/1173/1333/1461 keV lines; writes FILE (data/README.md, 'The spectra file').",
    "  --bin-kev W        bin width (default 0.2 keV)        --range LO,HI   spectrum range (default 2,60 keV)",
    "  --selected-out D   also write the selected events to D",
    "  --overwrite        replace an existing FILE (and D); without it an existing output is an error",
    "  --selection gemma|texono|plain|auto   (alias --settings) the selection preset; auto (default): texono",
    "                     for a TEXONO dataset (lib/selection/texonoSelection.ts), else gemma",
    "example:",
    "  nuem spectra --in out/gemma-sim --out out/spectra.json --json",
  ].join("\n"),
  options: { in: { type: "string" }, out: { type: "string" }, "bin-kev": { type: "string" }, range: { type: "string" }, "selected-out": { type: "string" }, overwrite: { type: "boolean" }, selection: { type: "string" }, settings: { type: "string" } },
  domains: DOMAINS,
  run(values) {
    const input = values.in;
    if (typeof input !== "string" || input === "") throw new OptionError("--in is required (the dataset directory)", { option: "--in" });
    if (!existsSync(input)) throw new InputDataError(`--in: ${input} does not exist`, { file: input });
    const out = values.out;
    if (typeof out !== "string" || out === "") throw new OptionError("--out is required (the spectra file to write)", { option: "--out" });
    const range = values.range === undefined ? [2, 60] : numberListOption(values, "range", DOMAINS.range);
    if (range.length !== 2 || !(range[0] < range[1])) throw new OptionError(`--range: expected two values LO,HI with LO < HI (keV), got ${String(values.range)}`, { option: "--range" });
    const [lo, hi] = range;
    const binKeV = numberOption(values, "bin-kev", 0.2, DOMAINS["bin-kev"]);
    if ((hi - lo) / binKeV > 1e5) throw new OptionError(`--bin-kev ${binKeV} over --range ${lo},${hi} gives ${Math.round((hi - lo) / binKeV)} bins; at most 1e5`, { option: "--bin-kev" });
    let edges;
    try {
      edges = uniformEdgesKeV(lo, hi, binKeV);
    } catch (e) {
      throw new OptionError(`--bin-kev ${binKeV} with --range ${lo},${hi}: ${(e as Error).message.replace(/^spectrum binning: /, "")}`, { option: "--bin-kev", value: binKeV }, { cause: e });
    }
    const selOut = values["selected-out"];
    if (selOut !== undefined && (typeof selOut !== "string" || selOut === "")) throw new OptionError("--selected-out: expected a directory", { option: "--selected-out" });
    // Before any work: no output touches the input or the other output; existing ones need --overwrite.
    const overwrite = values.overwrite === true;
    const outputs: OutputSpec[] = [{ path: out, option: "--out", kind: "file", overwrite }];
    if (typeof selOut === "string") outputs.push(datasetOutput(selOut, "--selected-out", overwrite));
    assertOutputSafe(outputs, [{ path: input, option: "--in" }]);
    validateDataset(input);
    const r = buildSpectra(input, { edgesKeV: edges, selectedOutDir: typeof selOut === "string" ? selOut : undefined, overwrite: values.overwrite === true, settings: settingsOption(values) });
    writeSpectraFile(out, r.spectra);
    const summary = spectraSummary(r);
    const json = { in_dir: input, out_file: out, periods: summary, fourier_efficiency: r.fourierEfficiency, selection: selectionJson(r.selection, { settings: r.selection.settings }) };
    const text = [
      `spectra of ${input} written to ${out} (selection: ${r.selection.settings})`,
      ...summary.map((p) => {
        const on = p.on as Record<string, number> | null;
        const off = p.off as Record<string, number> | null;
        const th = p.threshold as Record<string, number> | null;
        if (p.skipped) return `${p.period}: skipped (${p.skipped})`;
        return [
          `${p.period}: T~ON ${on!.active_time_days.toFixed(3)} d (+-${(100 * on!.active_time_rel_error).toFixed(2)} %), T~OFF ${off!.active_time_days.toFixed(3)} d (+-${(100 * off!.active_time_rel_error).toFixed(2)} %)`,
          `  noble-gas correction in the ROI: ON ${(100 * on!.noble_gas_roi_fraction).toFixed(2)} %, OFF ${(100 * off!.noble_gas_roi_fraction).toFixed(2)} %`,
          th ? `  threshold GEMMA (4): E0 = ${th.e0_kev.toFixed(3)} +- ${th.e0_error_kev.toFixed(3)} keV, sigma = ${th.sigma_kev.toFixed(3)} +- ${th.sigma_error_kev.toFixed(3)} keV` : "  no pulser data: no threshold correction",
        ].join("\n");
      }),
    ].join("\n");
    return { json, text };
  },
};
