import type { ParseArgsConfig } from "node:util";
import { OptionError } from "../errors.js";
import { describeDomain, inDomain, type Domain } from "../validateOptions.js";

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
  /** Domains of the numeric options (shown by --help; each run passes them to numberOption). */
  domains?: Readonly<Record<string, Domain>>;
  /** Allows positional arguments (default: none). */
  positionals?: boolean;
  run(values: OptionValues, positionals: string[]): Promise<CommandResult> | CommandResult;
}

export { describeDomain, inDomain, type Domain } from "../validateOptions.js";

/** The domain of every `--seed`: a positive safe integer (the seeded generators take any such seed). */
export const SEED_DOMAIN: Domain = { min: 1, max: Number.MAX_SAFE_INTEGER, integer: true };

/** Option specs for options that take a value (`--name VALUE`), read as strings and parsed by the command. */
export function valueOptions(...names: string[]): Record<string, { type: "string" }> {
  return Object.fromEntries(names.map((n) => [n, { type: "string" as const }]));
}

/** Throws `--name: expected <domain>, got V` when x lies outside the domain. */
export function checkDomain(name: string, x: number, d: Domain, given: unknown = x): number {
  if (!inDomain(x, d)) throw new OptionError(`--${name}: expected ${describeDomain(d)}, got ${typeof given === "string" ? given : JSON.stringify(given)}`, { option: `--${name}`, value: given, domain: d });
  return x;
}

/**
 * Reads a numeric option, with a clear error when it is not a number or lies outside its domain.
 * The fallback (used when the option is absent) is not checked: it is the command's own choice.
 */
export function numberOption(values: OptionValues, name: string, fallback?: number, domain?: Domain): number {
  const v = values[name];
  if (v === undefined) {
    if (fallback === undefined) throw new OptionError(`--${name} is required${domain ? ` (${describeDomain(domain)})` : ""}`, { option: `--${name}`, domain });
    return fallback;
  }
  const x = Number(v);
  if (typeof v !== "string" || v.trim() === "" || Number.isNaN(x)) throw new OptionError(`--${name}: expected a number, got ${JSON.stringify(v)}`, { option: `--${name}`, value: v, domain });
  if (!Number.isFinite(x)) throw new OptionError(`--${name}: expected a finite number${domain ? `, ${describeDomain(domain)}` : ""}, got ${v}`, { option: `--${name}`, value: v, domain });
  if (domain) checkDomain(name, x, domain, v);
  return x;
}

/** Reads a comma-separated list of numbers ("1,3,10"), each checked against the domain when given. */
export function numberListOption(values: OptionValues, name: string, domain?: Domain): number[] {
  const v = values[name];
  if (typeof v !== "string") throw new OptionError(`--${name} is required (comma-separated numbers${domain ? `, each ${describeDomain(domain)}` : ""})`, { option: `--${name}`, domain });
  return v.split(",").map((s) => {
    const x = Number(s);
    if (s.trim() === "" || !Number.isFinite(x)) throw new OptionError(`--${name}: ${JSON.stringify(s)} is not a number`, { option: `--${name}`, value: v, domain });
    if (domain && !inDomain(x, domain)) throw new OptionError(`--${name}: expected each value ${describeDomain(domain)}, got ${s.trim()}`, { option: `--${name}`, value: v, domain });
    return x;
  });
}

/** Refuses options given together that cannot both apply ("--a and --b cannot be combined: why"). */
export function refuseTogether(values: OptionValues, names: readonly string[], why: string): void {
  const given = names.filter((n) => values[n] !== undefined && values[n] !== false);
  if (given.length > 1) throw new OptionError(`${given.map((n) => `--${n}`).join(" and ")} cannot be combined: ${why}`, { option: given.map((n) => `--${n}`).join(" ") });
}

/** Reads an option restricted to a list of choices. */
export function choiceOption<T extends string>(values: OptionValues, name: string, choices: readonly T[], fallback?: T): T {
  const v = values[name];
  if (v === undefined) {
    if (fallback === undefined) throw new OptionError(`--${name} is required (one of ${choices.join(", ")})`, { option: `--${name}` });
    return fallback;
  }
  if (typeof v !== "string" || !(choices as readonly string[]).includes(v)) throw new OptionError(`--${name}: expected one of ${choices.join(", ")}, got ${JSON.stringify(v)}`, { option: `--${name}`, value: v });
  return v as T;
}
