/**
 * Judges one case: exit code, message, unchanged inputs, finite --json output. Each case falls in
 * one column of the campaign's table; `reasons` say why, for grouping failures into kinds.
 */
import { createHash } from "node:crypto";
import { lstatSync, readdirSync, readFileSync, readlinkSync } from "node:fs";
import { join } from "node:path";
import type { Case } from "./case.js";
import type { ExecResult } from "./exec.js";

export const CATEGORIES = ["clear error", "accepted (valid)", "silent wrong answer or crash", "hang", "unclear message", "input modified"] as const;
export type Category = (typeof CATEGORIES)[number];

export interface Verdict {
  category: Category;
  /** Short, stable phrases ("exit 0 on invalid input", "message does not name the file", ...). */
  reasons: string[];
  /** A refusal of a case the oracle thought valid: counted as clear error, listed for review. */
  refusedValid: boolean;
}

/** SHA-256 of every regular file under the inputs (FIFOs and directories by their kind only). */
export function snapshot(dir: string, inputs: string[]): Map<string, string> {
  const m = new Map<string, string>();
  const walk = (rel: string) => {
    const p = join(dir, rel);
    let st;
    try {
      st = lstatSync(p);
    } catch {
      m.set(rel, "absent");
      return;
    }
    if (st.isSymbolicLink()) m.set(rel, `link ${readlinkSync(p)}`);
    else if (st.isDirectory()) {
      m.set(rel, "dir");
      for (const e of readdirSync(p).sort()) walk(join(rel, e));
    } else if (st.isFile()) m.set(rel, createHash("sha256").update(readFileSync(p)).digest("hex"));
    else m.set(rel, st.isFIFO() ? "fifo" : "special");
  };
  inputs.forEach(walk);
  return m;
}

/** Paths whose bytes or kind changed, or that went away (new files beside them are outputs). */
export function changedInputs(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...before].filter(([p, h]) => after.get(p) !== h && !(h === "absent" && after.get(p) === undefined)).map(([p]) => p);
}

/** Text a person or a script must never see from the CLI: a crash escaped the error handling. */
const CRASH_PATTERNS: readonly [RegExp, string][] = [
  [/^\s+at .+(:\d+:\d+\)?|\(native\)|<anonymous>\)?)$/m, "stack trace"],
  [/\bat Object\.|\bat async\b|node:internal/, "stack trace"],
  [/TypeError|ReferenceError|Cannot read propert|is not a function|is not iterable|Cannot convert|Maximum call stack|heap out of memory|Invalid (typed )?array length|Invalid string length|ERR_STRING_TOO_LONG/, "JavaScript error text"],
];

/** Internal names that mean nothing to a user. */
const INTERNAL_PATTERNS: readonly RegExp[] = [
  /\bbrent:/,
  /\bGemmaChi2\./,
  /\b[a-z]+[A-Z][a-z][A-Za-z0-9]*\s*[(:]/, // a camelCase function name followed by ( or :
  /\b[A-Z][a-z]+[A-Z0-9][A-Za-z0-9]*\.[a-z]/, // Class.method
  /\bundefined\b/,
];

/** Non-numbers in --json output: null under a key never null in valid runs, or NaN/Infinity strings. */
export function nonNumbers(v: unknown, nullable: Set<string>, key = "", path = "$", found: string[] = []): string[] {
  if (found.length >= 5) return found;
  if (v === null) {
    if (!nullable.has(key)) found.push(`${path} is null`);
  } else if (typeof v === "string") {
    if (/^-?(NaN|Infinity)$/.test(v)) found.push(`${path} is "${v}"`);
  } else if (Array.isArray(v)) v.forEach((x, i) => nonNumbers(x, nullable, key, `${path}[${i}]`, found));
  else if (typeof v === "object") for (const [k, x] of Object.entries(v as object)) nonNumbers(x, nullable, k, `${path}.${k}`, found);
  return found;
}

export function judge(c: Case, r: ExecResult, changed: string[], nullable: Set<string>): Verdict {
  const reasons: string[] = [];
  const all = `${r.stderr}\n${r.stdout}`;
  const json = c.args.includes("--json");
  if (changed.length > 0) reasons.push(`input modified (${changed.slice(0, 3).join(", ")})`);
  if (r.timedOut) reasons.push("hang (killed at the time limit)");
  if (!r.timedOut && r.code !== 0 && r.code !== 1 && r.code !== 2) reasons.push(r.code === null ? `killed by ${r.signal}` : `exit code ${r.code}`);
  for (const [re, what] of CRASH_PATTERNS) if (re.test(all)) reasons.push(what);
  const crashed = reasons.length > (changed.length > 0 ? 1 : 0) + (r.timedOut ? 1 : 0);
  let refusedValid = false;
  let silent = false;
  let unclear = false;
  if (!r.timedOut && !crashed) {
    if (r.code === 0) {
      if (c.expect === "refuse") {
        reasons.push("exit 0 on invalid input");
        silent = true;
      }
      if (json) {
        let parsed: unknown;
        try {
          parsed = JSON.parse(r.stdout);
        } catch {
          reasons.push("--json output is not JSON");
          silent = true;
        }
        // A "NaN" string the case itself put in a name comes back as that name: not a lost number.
        const echoed = /"(NaN|Infinity)"/.test(c.mutation);
        const bad = parsed === undefined ? [] : nonNumbers(parsed, nullable).filter((b) => !(echoed && / is "/.test(b)));
        if (bad.length > 0) {
          reasons.push(`non-numbers in --json output (${bad.slice(0, 2).join("; ")})`);
          silent = true;
        }
      } else if (/\bNaN\b|\bInfinity\b/.test(r.stdout) && !/"(NaN|Infinity)"/.test(c.mutation)) {
        reasons.push("NaN or Infinity in the output");
        silent = true;
      }
    } else {
      if (c.expect === "accept") refusedValid = true;
      const msg = r.stderr;
      if (msg.trim() === "") {
        reasons.push("refused with an empty message");
        unclear = true;
      }
      for (const re of INTERNAL_PATTERNS)
        if (re.test(msg)) {
          reasons.push(`message holds an internal name or value (${msg.match(re)![0].trim()})`);
          unclear = true;
          break;
        }
      for (const names of c.mustName)
        if (!names.some((n) => msg.includes(n))) {
          reasons.push(`message does not name ${names.length === 1 ? names[0] : `any of ${names.join(" | ")}`}`);
          unclear = true;
        }
      if (json) {
        let ok = false;
        try {
          const e = JSON.parse(r.stdout) as { error?: unknown };
          ok = typeof e.error === "string";
        } catch {
          /* not JSON */
        }
        if (!ok) {
          reasons.push('--json refusal is not {"error": ...}');
          unclear = true;
        }
      }
    }
  }
  const category: Category =
    changed.length > 0 ? "input modified" : r.timedOut ? "hang" : crashed || silent ? "silent wrong answer or crash" : unclear ? "unclear message" : r.code === 0 ? "accepted (valid)" : "clear error";
  return { category, reasons, refusedValid };
}
