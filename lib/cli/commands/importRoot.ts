import { existsSync } from "node:fs";
import { InputDataError, OptionError } from "../../errors.js";
import { datasetOutput } from "../../events/dataset.js";
import { importRunsCsv } from "../../events/csvImport.js";
import { importRootTrees, parseRootMapping, type OneRunSpec } from "../../events/rootImport.js";
import { RunState } from "../../events/runState.js";
import { assertOutputSafe } from "../../io/safeWrite.js";
import { choiceOption, numberOption, refuseTogether, type Command } from "../command.js";

/** `nuem import root`: ROOT TTrees into a dataset of the event format. */
export const importRootCommand: Command = {
  name: "root",
  summary: "ROOT TTrees (read with jsroot, ROOT's JavaScript I/O) into an event dataset",
  usage: [
    "nuem import root FILE... --tree NAME --map COLUMN=SOURCE,... (--runs RUNS.csv | --run-duration S --state on|off) --out DIR",
    "Reads the TTree NAME of each FILE in order (like a TChain), entry by entry in batches, into one",
    "period of a new dataset DIR (lib/events/FORMAT.md), checked as every writer of the format checks.",
    "  --map        every event column (time_s, run, e1_kev, e2_kev, e3_kev, nai_kev, veto, pulser) from",
    "               a scalar numeric branch (BRANCH), a scaled one (E1*1000: MeV to keV; E/1000) or a",
    "               constant (nai_kev=0) for a column the tree lacks. Variable-length (jagged), array,",
    "               string and missing branches are refused, naming the branch.",
    "  --runs       the run table as CSV (columns of FORMAT.md); or, for data of a single run,",
    "  --run-duration S --state on|off [--start-utc T] [--thermal-power-gw P]: a one-run table, live",
    "               for the whole S seconds (no dead time recorded), for the one run id of the data",
    "  --experiment NAME (default ROOT-import), --mass-kg M (fiducial mass; without it the manifest's",
    "               detector_mass_kg is null and nuem spectra refuses the dataset), --period NAME",
    "               (default root), --overwrite",
    "Entries must be in (run, time_s) order; a refusal names the file, entry and column.",
    "example:",
    "  nuem import root a.root b.root --tree events --map time_s=t,run=run,e1_kev=E1*1000,e2_kev=E2*1000,e3_kev=E3*1000,nai_kev=0,veto=0,pulser=0 --runs runs.csv --out data/mine",
  ].join("\n"),
  options: {
    tree: { type: "string" },
    map: { type: "string" },
    runs: { type: "string" },
    "run-duration": { type: "string" },
    state: { type: "string" },
    "start-utc": { type: "string" },
    "thermal-power-gw": { type: "string" },
    experiment: { type: "string" },
    "mass-kg": { type: "string" },
    period: { type: "string" },
    out: { type: "string" },
    overwrite: { type: "boolean" },
  },
  domains: {
    "run-duration": { min: 0, max: 1e9, minExclusive: true, unit: "s" },
    "start-utc": { min: 0, max: 1e11, unit: "s (POSIX, UTC)" },
    "thermal-power-gw": { min: 0, max: 1e3, unit: "GW" },
    "mass-kg": { min: 1e-3, max: 1e8, unit: "kg", note: "the manifest's range" },
  },
  positionals: true,
  async run(values, positionals) {
    if (positionals.length === 0) throw new OptionError("expected one or more ROOT files", { option: "FILE" });
    for (const f of positionals) if (!existsSync(f)) throw new InputDataError(`${f} does not exist`, { file: f });
    const tree = values.tree;
    if (typeof tree !== "string" || tree === "") throw new OptionError("--tree is required (the TTree's name in every file)", { option: "--tree" });
    if (typeof values.map !== "string") throw new OptionError("--map is required (COLUMN=BRANCH, COLUMN=BRANCH*FACTOR or COLUMN=NUMBER for every event column)", { option: "--map" });
    const out = values.out;
    if (typeof out !== "string" || out === "") throw new OptionError("--out is required (the dataset directory to write)", { option: "--out" });
    const mapping = parseRootMapping(values.map);
    const d = importRootCommand.domains!;
    refuseTogether(values, ["runs", "run-duration"], "--runs gives the run table, --run-duration builds a one-run table");
    refuseTogether(values, ["runs", "state"], "the state of each run is in the --runs table");
    let runs;
    let oneRun: OneRunSpec | undefined;
    if (typeof values.runs === "string") {
      for (const o of ["start-utc", "thermal-power-gw"]) if (values[o] !== undefined) throw new OptionError(`--${o} is for the one-run table of --run-duration; the --runs table has its own`, { option: `--${o}` });
      runs = importRunsCsv(values.runs);
    } else {
      if (values["run-duration"] === undefined) throw new OptionError("give the run table with --runs RUNS.csv, or --run-duration S and --state on|off for data of one run", { option: "--runs" });
      const state = choiceOption(values, "state", ["on", "off"] as const);
      oneRun = {
        durationS: numberOption(values, "run-duration", undefined, d["run-duration"]),
        state: state === "on" ? RunState.ON : RunState.OFF,
        startUtc: numberOption(values, "start-utc", 0, d["start-utc"]),
        thermalPowerGW: numberOption(values, "thermal-power-gw", 0, d["thermal-power-gw"]),
      };
    }
    const experiment = typeof values.experiment === "string" && values.experiment !== "" ? values.experiment : "ROOT-import";
    const massGiven = values["mass-kg"] !== undefined;
    // No mass given: the manifest says null (not known), and nuem spectra refuses the dataset naming the field.
    const mass = massGiven ? numberOption(values, "mass-kg", undefined, d["mass-kg"]) : null;
    const period = typeof values.period === "string" ? values.period : "root";
    assertOutputSafe([datasetOutput(out, "--out", values.overwrite === true)], positionals.map((p) => ({ path: p, option: "FILE" })));
    const description = `imported from ROOT: tree ${tree} of ${positionals.join(", ")}; --map ${values.map}${massGiven ? "" : "; detector mass not given (--mass-kg): detector_mass_kg is null"}`;
    const r = await importRootTrees(positionals, { tree, mapping, runs, oneRun, period, overwrite: values.overwrite === true, info: { experiment, detector_mass_kg: mass, description } }, out);
    const text = [
      `${out}: ${r.events} events from ${r.files.length} file(s) into period ${r.period}, ${r.runs} run(s)`,
      ...r.files.map((f) => `  ${f.file}: ${f.entries} entries`),
      ...(massGiven ? [] : ["note: no --mass-kg given: the manifest's detector_mass_kg is null; nuem validate and select accept the dataset, nuem spectra refuses it until it is imported again with --mass-kg"]),
    ].join("\n");
    return { json: { ...r, experiment, detector_mass_kg: mass, mass_given: massGiven }, text };
  },
};
