import { addDatasetHashes, validateDataset } from "../../events/dataset.js";
import type { Command } from "../command.js";

/** `nuem validate`: every check of the event-data format on a dataset directory. */
export const validateCommand: Command = {
  name: "validate",
  summary: "check an event dataset (manifest, file hashes, Arrow files, run table, events, row counts, run ranges)",
  usage: [
    "Reads the dataset DIR once and checks everything lib/events/FORMAT.md promises: the manifest; every",
    "file against its SHA-256 in the manifest; each Arrow file's frame against its size; the run table;",
    "every event (values, order, runs known and times within them); row counts and run ranges as listed.",
    "Exits 1 at the first problem, naming the file (and row, column or run).",
    "  --rehash   for a dataset without hashes (written by another tool): after the checks, add the",
    "             SHA-256 of every file to dataset.json (the manifest is replaced atomically). A file that",
    "             no longer matches a hash it has is an error, never re-hashed.",
    "example:",
    "  nuem validate out/gemma-sim",
    "  nuem validate converted/gemma-2005 --rehash",
  ].join("\n"),
  options: { rehash: { type: "boolean" } },
  positionals: true,
  run(values, positionals) {
    if (positionals.length !== 1) throw new Error(`expected one dataset directory, got ${positionals.length === 0 ? "none" : positionals.join(" ")}`);
    const dir = positionals[0];
    const { report, rewritten } = values.rehash === true ? addDatasetHashes(dir) : { report: validateDataset(dir), rewritten: false };
    const hashes = rewritten ? "hashes added to dataset.json" : report.hashes ? "every file matches its SHA-256" : "no file hashes in dataset.json (add them with --rehash)";
    const text = [
      `${dir}: valid ${report.experiment} dataset: ${report.runs} runs, ${report.events} events in ${report.periods.length} period(s); ${hashes}`,
      ...report.periods.map((p) => `  ${p.name}: ${p.rows} events, runs ${p.first_run ?? "-"}..${p.last_run ?? "-"}${p.truth ? ", truth" : ""}`),
    ].join("\n");
    return { json: { ...report, valid: true, hashes_added: rewritten }, text };
  },
};
