import type { ParseArgsConfig } from "node:util";

/** Parsed option values of a command, as `util.parseArgs` returns them. */
export type OptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

/** What a command returns: a value for `--json` and the text a person reads. */
export interface CommandResult {
  json: unknown;
  text: string;
  /** Non-zero when the command ran but its check failed (e.g. a notebook failed). */
  exitCode?: number;
}

/** One `nuem <name>` subcommand. Every command also accepts `--json` and `--help`. */
export interface Command {
  name: string;
  summary: string;
  /** Usage lines shown by `nuem <name> --help`, after the option list. */
  usage: string;
  options: NonNullable<ParseArgsConfig["options"]>;
  /** Allows positional arguments (default: none). */
  positionals?: boolean;
  run(values: OptionValues, positionals: string[]): Promise<CommandResult> | CommandResult;
}

/** Reads a numeric option, with a clear error when it is not a number. */
export function numberOption(values: OptionValues, name: string, fallback?: number): number {
  const v = values[name];
  if (v === undefined) {
    if (fallback === undefined) throw new Error(`--${name} is required`);
    return fallback;
  }
  const x = Number(v);
  if (typeof v !== "string" || v.trim() === "" || !Number.isFinite(x)) throw new Error(`--${name}: expected a number, got ${JSON.stringify(v)}`);
  return x;
}

/** Reads a comma-separated list of numbers ("1,3,10"). */
export function numberListOption(values: OptionValues, name: string): number[] {
  const v = values[name];
  if (typeof v !== "string") throw new Error(`--${name} is required (comma-separated numbers)`);
  return v.split(",").map((s) => {
    const x = Number(s);
    if (s.trim() === "" || !Number.isFinite(x)) throw new Error(`--${name}: ${JSON.stringify(s)} is not a number`);
    return x;
  });
}

/** Reads an option restricted to a list of choices. */
export function choiceOption<T extends string>(values: OptionValues, name: string, choices: readonly T[], fallback?: T): T {
  const v = values[name];
  if (v === undefined) {
    if (fallback === undefined) throw new Error(`--${name} is required (one of ${choices.join(", ")})`);
    return fallback;
  }
  if (typeof v !== "string" || !(choices as readonly string[]).includes(v)) throw new Error(`--${name}: expected one of ${choices.join(", ")}, got ${JSON.stringify(v)}`);
  return v as T;
}
