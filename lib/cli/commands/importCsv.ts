import { DatasetWriter, datasetOutput, validateDataset } from "../../events/dataset.js";
import { importEventsCsv, importRunsCsv } from "../../events/csvImport.js";
import { OptionError } from "../../errors.js";
import { assertOutputSafe } from "../../io/safeWrite.js";
import { valueOptions, type Command, type CommandResult, type OptionValues } from "../command.js";

/** Usage of `nuem import csv` (shown by `nuem import --help`). */
export const importCsvUsage = [
  "nuem import csv --runs R.csv --events E.csv --period NAME --experiment NAME --mass-kg M --out DIR [--overwrite]",
  "  Turns a run table and the events of one period, as CSV files (columns of lib/events/FORMAT.md,",
  "  any order, header line, no quoting), into a dataset directory, checked like nuem validate.",
  "  Numbers are decimal only: 0x10, 0b11, 0o17 are refused with the file, line and column named.",
  "  start_utc is POSIX seconds or an ISO-8601 date-time with a zone; milliseconds since 1970",
  "  (13 digits) are refused, never read as seconds.",
  "  The inputs are never written; an existing dataset at --out is replaced only with --overwrite.",
  "example:",
  "  nuem import csv --runs runs.csv --events events.csv --period 2005-08 --experiment GEMMA --mass-kg 1.5 --out out/mydata",
].join("\n");

/** Options of `nuem import csv`. */
export const importCsvOptions = {
  ...valueOptions("runs", "events", "period", "experiment", "mass-kg", "out"),
  overwrite: { type: "boolean" as const },
};

function required(values: OptionValues, name: string, what: string): string {
  const v = values[name];
  if (typeof v !== "string" || v === "") throw new OptionError(`--${name} is required (${what})`, { option: `--${name}` });
  return v;
}

/** `nuem import csv`: a validated dataset from a run-table CSV and an events CSV. */
export function runImportCsv(values: OptionValues): CommandResult {
  const runsFile = required(values, "runs", "the run-table CSV file");
  const eventsFile = required(values, "events", "the events CSV file");
  const period = required(values, "period", "the name of the period the events belong to, e.g. 2005-08");
  const experiment = required(values, "experiment", "the experiment name written to dataset.json");
  const massText = required(values, "mass-kg", "the detector mass in kg");
  const mass = Number(massText);
  if (!/^\d+(\.\d*)?([eE][+-]?\d+)?$/.test(massText) || !(mass >= 1e-3 && mass <= 1e8)) {
    throw new OptionError(`--mass-kg: expected a decimal number in [0.001, 1e8] kg, got ${massText}`, { option: "--mass-kg", value: massText });
  }
  const out = required(values, "out", "the dataset directory to write");
  const overwrite = values.overwrite === true;
  assertOutputSafe([datasetOutput(out, "--out", overwrite)], [
    { path: runsFile, option: "--runs" },
    { path: eventsFile, option: "--events" },
  ]);
  const runs = importRunsCsv(runsFile);
  const events = importEventsCsv(eventsFile, { runs, runsFile });
  const ds = new DatasetWriter(out, { experiment, detector_mass_kg: mass }, { truth: false, overwrite });
  try {
    ds.writeRuns(runs);
    const w = ds.openPeriod(period);
    w.write(events);
    w.close();
    ds.close();
  } catch (e) {
    ds.abort();
    throw e;
  }
  const report = validateDataset(out);
  const text = `${out}: ${report.experiment} dataset written from ${runsFile} and ${eventsFile}: ${report.runs} runs, ${report.events} events in period ${period}; validated`;
  return { json: { ...report, out_dir: out, valid: true }, text };
}

/** `nuem import csv` as a format of `nuem import` (commands/import.ts). */
export const importCsvCommand: Command = {
  name: "csv",
  summary: "a run-table CSV and an events CSV into a validated event dataset",
  usage: importCsvUsage,
  options: importCsvOptions,
  run(values, positionals) {
    if (positionals.length > 0) throw new OptionError(`import csv takes no positional arguments (got ${positionals.join(" ")}): name the files with --runs and --events`, { option: "import csv" });
    return runImportCsv(values);
  },
};
