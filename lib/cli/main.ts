import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
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

/**
 * Runs `nuem` with the given arguments; returns the exit code. Errors are reported on stderr
 * (and as `{"error": ...}` on stdout with --json), never as a stack trace.
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
    if (rest.includes("--json")) console.log(JSON.stringify({ error: `unknown command "${name}" (the commands: ${commands.map((c) => c.name).join(", ")})` }, null, 2));
    console.error(`nuem: unknown command "${name}"\n\n${mainHelp()}`);
    return 2;
  }
  const json = rest.includes("--json");
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      options: { ...cmd.options, json: { type: "boolean" }, help: { type: "boolean", short: "h" } },
      allowPositionals: cmd.positionals ?? false,
      strict: true,
    });
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
    const msg = (e as Error).message;
    if (json) console.log(JSON.stringify({ error: msg }, null, 2));
    console.error(`nuem ${name}: ${msg}`);
    return 1;
  }
}
