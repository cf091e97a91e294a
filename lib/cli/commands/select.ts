import { InputDataError, OptionError } from "../../errors.js";
import { existsSync } from "node:fs";
import { datasetOutput, validateDataset } from "../../events/dataset.js";
import { assertOutputSafe } from "../../io/safeWrite.js";
import { SELECTION_SETTINGS, selectDataset, type SelectDatasetResult, type SelectionSettings } from "../../selection/index.js";
import { choiceOption, type Command, type OptionValues } from "../command.js";

const h = (s: number): string => (s / 3600).toFixed(2);

/** The JSON of a selection: totals, per-cut lines, per-period breakdown, calibration, truth. */
export function selectionJson(r: SelectDatasetResult, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const flow = r.cutFlow.toJSON();
  return {
    ...extra,
    ...flow,
    calibration: r.periods.map((p) => ({ period: p.name, gains: p.calibration?.gains ?? null, noise_sigma_kev: p.calibration?.noiseSigmaKeV ?? null, noise_source: p.calibration?.noiseSource ?? null, weights: p.weights })),
    noble_gas_runs: Array.from(r.nobleGasRuns),
    truth: r.truth ? r.truth.toJSON() : null,
  };
}

/** Text of a selection: the cut-flow table and, with truth, the efficiencies. */
export function selectionText(r: SelectDatasetResult): string {
  const lines = [r.cutFlow.toString()];
  if (r.truth) {
    const t = r.truth.totalEfficiency();
    if (t.raw.total === 0) lines.push(`truth: no signal event above ${r.truth.minTrueKeV} keV in the data (no efficiency to state)`);
    else lines.push(
      `truth: signal above ${r.truth.minTrueKeV} keV kept ${t.raw.passed}/${t.raw.total}; efficiency ${t.raw.value.toFixed(4)} +- ${t.raw.error.toFixed(4)}, ` +
        `corrected for the removed live time ${t.corrected.toFixed(4)} +- ${t.correctedError.toFixed(4)}`,
    );
  }
  const c = r.cutFlow.total;
  lines.push(`kept ${c.eventsKept} of ${c.eventsIn} events, ${h(c.liveTimeKeptS)} of ${h(c.liveTimeInS)} h of live time`);
  return lines.join("\n");
}

/**
 * The selection preset of `--settings` (or its alias `--selection`): gemma, texono, plain, or auto
 * (default: by the dataset's experiment).
 */
export function settingsOption(values: OptionValues): SelectionSettings | "auto" {
  const a = values.settings;
  const b = values.selection;
  if (a !== undefined && b !== undefined && a !== b) throw new OptionError(`--settings ${String(a)} and --selection ${String(b)} disagree (they are the same option)`, { option: "--settings" });
  return choiceOption({ settings: a ?? b }, "settings", [...SELECTION_SETTINGS, "auto"] as const, "auto");
}

/** `nuem select`: the GEMMA (or TEXONO) run selection of a dataset, written as a new dataset. */
export const selectCommand: Command = {
  name: "select",
  summary: "run selection (GEMMA: pulser, bad runs, noble gas, noise, audio frequency, Fourier, anticoincidence; TEXONO preset) of an event dataset",
  usage: [
    "Reads the dataset DIR (simulated or converted data, lib/events/FORMAT.md), applies the selection of",
    "GEMMA section 3 per data period and writes the kept events to DIR2 (same run table). Prints the",
    "cut-flow: events and live time removed by each cut, per period and reactor state; with truth labels",
    "(simulated data) also each cut's signal efficiency and its rejection of each event origin.",
    "  --settings gemma|texono|plain|auto   (alias --selection) the project's GEMMA settings, the TEXONO preset",
    "                           (ACV, CRV, PSD as the shaping-channel cut, no noble-gas step; lib/selection/",
    "                           texonoSelection.ts) or the plain cuts; auto (default): texono for a TEXONO dataset, else gemma",
    "example:",
    "  nuem select --in out/gemma-sim --out out/gemma-selected --json",
    "  nuem select --in out/texono-sim --settings texono",
  ].join("\n"),
  options: { in: { type: "string" }, out: { type: "string" }, overwrite: { type: "boolean" }, settings: { type: "string" }, selection: { type: "string" } },
  run(values) {
    const input = values.in;
    if (typeof input !== "string" || input === "") throw new OptionError("--in is required (the dataset directory to select)", { option: "--in" });
    if (!existsSync(input)) throw new InputDataError(`--in: ${input} does not exist`, { file: input });
    const out = values.out;
    if (out !== undefined && (typeof out !== "string" || out === "")) throw new OptionError("--out: expected a directory", { option: "--out" });
    const settings = settingsOption(values);
    // Before any work: the output never touches the input, exists only with --overwrite, is writable.
    if (typeof out === "string") assertOutputSafe([datasetOutput(out, "--out", values.overwrite === true)], [{ path: input, option: "--in" }]);
    validateDataset(input);
    const r = selectDataset(input, { outDir: out as string | undefined, overwrite: values.overwrite === true, settings });
    return { json: selectionJson(r, { in_dir: input, out_dir: out ?? null, settings: r.settings }), text: `settings: ${r.settings}\n${selectionText(r)}` };
  },
};
