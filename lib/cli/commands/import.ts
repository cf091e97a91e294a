import { OptionError } from "../../errors.js";
import type { Command } from "../command.js";
import { importCsvCommand } from "./importCsv.js";
import { importRootCommand } from "./importRoot.js";

/** The formats `nuem import` reads, each a command of its own (options, usage, run). */
const formats: Record<string, Command> = {
  csv: importCsvCommand,
  root: importRootCommand,
};

/** Every option of every format: the CLI parses them once; each format refuses the others'. */
const allOptions: Command["options"] = Object.assign({}, ...Object.values(formats).map((c) => c.options));

/** `nuem import FORMAT ...`: data written by other programs into an event dataset. */
export const importCommand: Command = {
  name: "import",
  summary: `data written by other programs into an event dataset (${Object.keys(formats).join(", ")})`,
  usage: Object.entries(formats)
    .map(([name, c]) => `nuem import ${name}: ${c.summary}\n${c.usage}`)
    .join("\n\n"),
  options: allOptions,
  domains: Object.assign({}, ...Object.values(formats).map((c) => c.domains ?? {})),
  positionals: true,
  run(values, positionals) {
    const [format, ...rest] = positionals;
    const c = format === undefined ? undefined : formats[format];
    if (!c) throw new OptionError(`expected a format after "import" (${Object.keys(formats).join(", ")}), got ${format === undefined ? "none" : JSON.stringify(format)}`, { option: "FORMAT", value: format });
    for (const [k, v] of Object.entries(values)) {
      if (v === undefined || k === "json" || k === "help") continue;
      if (!(k in c.options)) throw new OptionError(`--${k} is not an option of nuem import ${format}`, { option: `--${k}` });
    }
    return c.run(values, rest);
  },
};
