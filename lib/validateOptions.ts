/**
 * One validator for option objects and numeric domains, used by the library's entry points
 * (`analyseSpectra`, `selectDataset`, `buildSpectra`, `simulate`, the sensitivity and
 * pseudo-experiment options) and by the CLI's option readers, so that a wrong option is refused
 * the same way everywhere: an unknown key names itself and the allowed ones, a value outside its
 * domain names the domain, and options that cannot apply together are refused naming both.
 */

import { OptionError } from "./errors.js";

/**
 * The values a number accepts: bounds (inclusive unless marked exclusive), integer or not, its
 * unit, and why the bounds are what they are.
 */
export interface Domain {
  min?: number;
  max?: number;
  minExclusive?: boolean;
  maxExclusive?: boolean;
  integer?: boolean;
  unit?: string;
  /** Why the bounds (shown with the domain). */
  note?: string;
}

/** A domain in words: "a number in (0, 1)", "an integer in [1, 100000]", "a number >= 0 keV". */
export function describeDomain(d: Domain): string {
  const f = (x: number) => (x === Number.MAX_SAFE_INTEGER ? "2^53 - 1" : String(x));
  const kind = d.integer ? "an integer" : "a number";
  const unit = d.unit ? ` ${d.unit}` : "";
  let range: string;
  if (d.min !== undefined && d.max !== undefined) range = ` in ${d.minExclusive ? "(" : "["}${f(d.min)}, ${f(d.max)}${d.maxExclusive ? ")" : "]"}${unit}`;
  else if (d.min !== undefined) range = ` ${d.minExclusive ? ">" : ">="} ${f(d.min)}${unit}`;
  else if (d.max !== undefined) range = ` ${d.maxExclusive ? "<" : "<="} ${f(d.max)}${unit}`;
  else range = unit ? ` (${d.unit})` : "";
  return `${kind}${range}${d.note ? ` (${d.note})` : ""}`;
}

/** Whether x is a finite number inside the domain. */
export function inDomain(x: unknown, d: Domain): x is number {
  if (typeof x !== "number" || !Number.isFinite(x)) return false;
  if (d.integer && !Number.isInteger(x)) return false;
  if (d.min !== undefined && (d.minExclusive ? !(x > d.min) : !(x >= d.min))) return false;
  if (d.max !== undefined && (d.maxExclusive ? !(x < d.max) : !(x <= d.max))) return false;
  return true;
}

/** How one key of an option object is checked. */
export type OptionRule =
  | ({ kind: "number" } & Domain)
  | { kind: "choice"; choices: readonly (string | number | boolean)[] }
  | { kind: "boolean" }
  | { kind: "string" }
  | { kind: "function" }
  /** Any value (checked where it is used, or free-form). */
  | { kind: "any" };

/** The rules of an option object, by key. */
export type OptionRules = Readonly<Record<string, OptionRule>>;

/** Options that cannot apply together, and why. */
export interface OptionConflict {
  keys: readonly string[];
  why: string;
}

function show(v: unknown): string {
  if (typeof v === "number" && !Number.isFinite(v)) return String(v);
  if (typeof v === "function") return "a function";
  try {
    return JSON.stringify(v) ?? String(v);
  } catch (e) {
    // JSON refuses a BigInt or a circular object (TypeError): those are shown with String.
    if (!(e instanceof TypeError)) throw e;
    return String(v);
  }
}

/**
 * Checks an option object: every key known, every value of the right kind and in its domain,
 * no two conflicting options set. `where` says whose options they are ("analyseSpectra options").
 * `undefined` values count as absent (the default applies); in a conflict, so does `false`.
 */
export function validateOptions(where: string, options: unknown, rules: OptionRules, conflicts: readonly OptionConflict[] = []): void {
  if (options === undefined) return;
  if (options === null || typeof options !== "object" || Array.isArray(options)) throw new OptionError(`${where}: expected an object of options, got ${show(options)}`, { option: where, value: options });
  const o = options as Record<string, unknown>;
  const allowed = Object.keys(rules);
  for (const [k, v] of Object.entries(o)) {
    const rule = rules[k];
    if (rule === undefined) throw new OptionError(`${where}: unknown option "${k}" (allowed: ${allowed.join(", ")})`, { option: k });
    if (v === undefined) continue;
    checkRule(where, k, v, rule);
  }
  for (const c of conflicts) {
    const set = c.keys.filter((k) => o[k] !== undefined && o[k] !== false);
    if (set.length > 1) throw new OptionError(`${where}: ${set.map((k) => `"${k}"`).join(" and ")} cannot be combined: ${c.why}`, { option: set.join(" ") });
  }
}

/** The numeric domain of a number rule (the rule without its `kind`). */
function domainOf({ kind: _kind, ...domain }: { kind: "number" } & Domain): Domain {
  return domain;
}

function checkRule(where: string, key: string, v: unknown, rule: OptionRule): void {
  const bad = (expected: string): never => {
    throw new OptionError(`${where}: option "${key}" is ${show(v)}, expected ${expected}`, { option: key, value: v, domain: rule.kind === "number" ? domainOf(rule) : undefined });
  };
  switch (rule.kind) {
    case "number":
      if (!inDomain(v, rule)) bad(describeDomain(rule));
      return;
    case "choice":
      if (!rule.choices.includes(v as string)) bad(`one of ${rule.choices.map((c) => show(c)).join(", ")}`);
      return;
    case "boolean":
      if (typeof v !== "boolean") bad("true or false");
      return;
    case "string":
      if (typeof v !== "string" || v === "") bad("a non-empty string");
      return;
    case "function":
      if (typeof v !== "function") bad("a function");
      return;
    case "any":
      return;
  }
}

/** The confidence level's domain, shared by every limit. */
export const CL_DOMAIN: Domain = { min: 0, max: 1, minExclusive: true, maxExclusive: true, note: "a confidence level" };
