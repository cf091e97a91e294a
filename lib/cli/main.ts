import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { NuemError, OptionError } from "../errors.js";
import { describeDomain, type Command } from "./command.js";
import { nonFinitePath } from "./finiteJson.js";
import { commands } from "./registry.js";

function version(): string {
  return (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;
}

function mainHelp(): string {
  const w = Math.max(...commands.map((c) => c.name.length));
  return [
    `nuem ${version()}: reactor-neutrino electromagnetic-property analyses (GEMMA, TEXONO)`,
    "",
    "usage: nuem <command> [options] [--json]",
    "",
    "commands:",
    ...commands.map((c) => `  ${c.name.padEnd(w)}  ${c.summary}`),
    "",
    "nuem <command> --help shows a command's options; --json prints machine-readable output.",
  ].join("\n");
}

function commandHelp(c: Command): string {
  const heads = Object.entries(c.options).map(([name, o]) => `  --${name}${o.type === "string" ? " VALUE" : ""}${o.short ? `, -${o.short}` : ""}`);
  const w = Math.max(...heads.map((h) => h.length));
  const opts = Object.keys(c.options).map((name, i) => {
    const d = c.domains?.[name];
    return d ? `${heads[i].padEnd(w)}  ${describeDomain(d)}` : heads[i];
  });
  return [`nuem ${c.name}: ${c.summary}`, "", "options:", ...opts, "  --json", "  --help", "", c.usage].join("\n");
}

/** Exit codes: 0 success, 1 a refused input, fit or output (or any other failure), 2 a usage error. */
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** parseArgs' own errors (unknown option, missing value, stray positional) as option errors. */
function asOptionError(e: unknown): unknown {
  const code = (e as NodeJS.ErrnoException).code;
  if (typeof code !== "string" || !code.startsWith("ERR_PARSE_ARGS_")) return e;
  const option = /'(--?[^'\s]+)/.exec((e as Error).message)?.[1] ?? "(arguments)";
  return new OptionError((e as Error).message, { option }, { cause: e });
}

/**
 * The `--json` error object: `error` is the message (a string, as it was before the kinds), `kind` the
 * class of error ("input-data", "option", "fit", "output"; "other" for anything else), followed by
 * the fields that locate it (file, field, row, line; option, value, domain; period, model,
 * parameter; path).
 */
export function jsonError(e: unknown): Record<string, unknown> {
  const message = e instanceof Error ? e.message : String(e);
  if (!(e instanceof NuemError)) return { error: message, kind: "other" };
  const { kind, message: _m, ...where } = e.toJSON();
  return { error: message, kind, ...where };
}

/**
 * Runs `nuem` with the given arguments; returns the exit code. Errors are reported on stderr
 * (and as `{"error": message, "kind": ..., ...}` on stdout with --json, see `jsonError`), never
 * as a stack trace. An option error (usage) exits with 2 and points at `--help`; any other with 1.
 */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    console.log(mainHelp());
    return 0;
  }
  if (name === "--version" || name === "-v") {
    console.log(version());
    return 0;
  }
  const cmd = commands.find((c) => c.name === name);
  if (!cmd) {
    if (rest.includes("--json")) console.log(JSON.stringify({ error: `unknown command "${name}" (the commands: ${commands.map((c) => c.name).join(", ")})`, kind: "option", option: name }, null, 2));
    console.error(`nuem: unknown command "${name}"\n\n${mainHelp()}`);
    return EXIT_USAGE;
  }
  const json = rest.includes("--json");
  try {
    let parsed: ReturnType<typeof parseArgs>;
    try {
      parsed = parseArgs({
        args: rest,
        options: { ...cmd.options, json: { type: "boolean" }, help: { type: "boolean", short: "h" } },
        allowPositionals: cmd.positionals ?? false,
        strict: true,
      });
    } catch (e) {
      throw asOptionError(e);
    }
    const { values, positionals } = parsed;
    if (values.help) {
      console.log(commandHelp(cmd));
      return 0;
    }
    const result = await cmd.run(values, positionals);
    if (json) {
      const bad = nonFinitePath(result.json);
      if (bad) throw new Error(`the result's field ${bad} is not a finite number; refusing to print it as JSON (please report this with the command line)`);
    }
    console.log(json ? JSON.stringify(result.json, null, 2) : result.text);
    return result.exitCode ?? 0;
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (json) console.log(JSON.stringify(jsonError(e), null, 2));
    if (e instanceof OptionError) {
      console.error(`nuem ${name}: ${msg}\n(nuem ${name} --help lists the options and the values they take)`);
      return EXIT_USAGE;
    }
    console.error(`nuem ${name}: ${msg}`);
    return EXIT_FAILURE;
  }
}
