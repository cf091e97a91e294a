import { OptionError } from "../../errors.js";
import type { Command } from "../command.js";
import { importCsvOptions, importCsvUsage, runImportCsv } from "./importCsv.js";

/**
 * `nuem import FORMAT ...`: other formats into a dataset directory. Each format lives in its own
 * file (importCsv.ts, ...) and adds its options, usage and one dispatch line here.
 */
export const importCommand: Command = {
  name: "import",
  summary: "turn data in another format (CSV) into a validated event dataset",
  usage: [
    importCsvUsage,
    // --- import root: usage goes here ---
  ].join("\n"),
  options: {
    ...importCsvOptions,
    // --- import root: options go here ---
  },
  positionals: true,
  run(values, positionals) {
    const [format, ...rest] = positionals;
    const formats = ["csv" /* --- import root: "root" goes here --- */];
    if (format === undefined || !formats.includes(format)) {
      throw new OptionError(`expected a format after "import" (${formats.join(", ")}), got ${format === undefined ? "none" : JSON.stringify(format)}`, { option: "import" });
    }
    if (format === "csv") {
      if (rest.length > 0) throw new OptionError(`import csv takes no positional arguments (got ${rest.join(" ")}): name the files with --runs and --events`, { option: "import csv" });
      return runImportCsv(values);
    }
    // --- import root: dispatch goes here ---
    throw new OptionError(`import ${format} is not available`, { option: "import" });
  },
};
