/**
 * Mutated spectra files (data/README.md, "The spectra file") read by `nuem limit`: field
 * deletions, wrong types, out-of-domain numbers, array lengths that disagree, duplicate periods,
 * broken JSON text, and a missing file, a FIFO or a directory in its place.
 */
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Case, Expect } from "./case.js";
import type { Corpus } from "./corpus.js";
import { applyFileOp, FILE_OPS, jsonText } from "./files.js";
import type { Rng } from "./rng.js";
import { JSON_VALUES, type BadValue } from "./values.js";

type FieldType = "experiment" | "string" | "posnum" | "relunc" | "counts" | "edges" | "roi" | "periods" | "free";
interface Field {
  level: "top" | "period";
  type: FieldType;
  required: boolean;
}

/** The fields of the format, with what a valid value is. */
const FIELDS: Record<string, Field> = {
  experiment: { level: "top", type: "experiment", required: true },
  target: { level: "top", type: "string", required: true },
  mass_kg: { level: "top", type: "posnum", required: true },
  flux_per_cm2_s: { level: "top", type: "posnum", required: true },
  periods: { level: "top", type: "periods", required: true },
  provenance: { level: "top", type: "free", required: false },
  name: { level: "period", type: "string", required: true },
  edges_kev: { level: "period", type: "edges", required: true },
  on_counts: { level: "period", type: "counts", required: true },
  off_counts: { level: "period", type: "counts", required: true },
  on_variance: { level: "period", type: "counts", required: false },
  off_variance: { level: "period", type: "counts", required: false },
  t_on_days: { level: "period", type: "posnum", required: true },
  t_off_days: { level: "period", type: "posnum", required: true },
  tau_rel_uncertainty: { level: "period", type: "relunc", required: true },
  t_on_rel_uncertainty: { level: "period", type: "relunc", required: false },
  roi_kev: { level: "period", type: "roi", required: true },
  notes: { level: "period", type: "free", required: false },
};

/** What a whole-field replacement by `v` should give. */
function expectReplace(f: Field, v: BadValue): Expect {
  if (f.type === "free") return "either";
  if (v.kind === "nonnum") {
    // Any string is a valid name or target ("NaN" is a name like another); experiments are a list.
    if (f.type === "string" && typeof v.value === "string") return "either";
    return "refuse";
  }
  if (f.type === "posnum") return v.kind === "neg" || v.kind === "zero" ? "refuse" : v.kind === "frac" ? "accept" : "either";
  if (f.type === "relunc") return v.kind === "neg" ? "refuse" : "either";
  return "refuse"; // a number where a string, an array or the periods belong
}

type Json = Record<string, unknown>;

/** Limit options drawn for a case (each valid on its own). */
const LIMIT_OPTIONS: readonly string[][] = [[], [], ["--method", "profile"], ["--model", "epa"], ["--parameter", "delta-q"], ["--background", "raw"], ["--cl", "0.95"], ["--method", "fc"]];

export function spectraCase(id: number, rng: Rng, corpus: Corpus, dir: string): Case {
  // The tiny file and the small TEXONO one most often: a limit on them takes about a second.
  const base = rng.pick(["gemma-tiny.spectra.json", "gemma-tiny.spectra.json", "gemma-tiny.spectra.json", "texono-mu0.spectra.json", "texono-mu0.spectra.json", "gemma-mu0.spectra.json", "gemma-mu5e-11.spectra.json"]);
  const file = base.replace(".spectra.json", "-in.spectra.json");
  const path = join(dir, file);
  copyFileSync(join(corpus.root, base), path);
  const args = ["limit", "--spectra", file, ...rng.pick(LIMIT_OPTIONS)];
  if (rng.chance(0.7)) args.push("--json");
  const c = (kind: string, mutation: string, expect: Expect, field?: string | string[]): Case => ({
    id,
    group: "spectra",
    kind: `spectra/${kind}`,
    mutation: `${base}: ${mutation}`,
    args,
    expect,
    mustName: field === undefined ? [[file]] : [[file], Array.isArray(field) ? field : [field]],
    inputs: [file],
  });

  const roll = rng.next();
  if (roll < 0.06) {
    const op = rng.pick(FILE_OPS);
    applyFileOp(path, op);
    return c(`file-${op}`, `the file replaced by ${op === "missing" ? "nothing" : `a ${op}`}`, "refuse");
  }
  const text = readFileSync(path, "utf8");
  if (roll < 0.14) {
    const ops: [string, string, Expect][] = [
      ["text-truncated", text.slice(0, 1 + rng.int(text.length - 2)), "refuse"],
      ["text-empty", "", "refuse"],
      ["text-not-json", "spectra: not json\n", "refuse"],
      ["text-trailing-garbage", text + "}\n", "refuse"],
      ["text-top-array", "[]\n", "refuse"],
      ["text-top-null", "null\n", "refuse"],
      ["text-bom", "\ufeff" + text, "either"],
      ["text-duplicate-key", text.replace("{", '{\n  "mass_kg": -1,'), "either"],
    ];
    const [kind, t, expect] = rng.pick(ops);
    writeFileSync(path, t);
    return c(kind, kind.replace("text-", "JSON text: "), expect);
  }

  const doc = JSON.parse(text) as Json;
  const periods = doc.periods as Json[];
  const pi = rng.int(periods.length);
  const period = periods[pi];
  const save = () => writeFileSync(path, jsonText(doc));
  const at = (key: string) => (FIELDS[key].level === "top" ? key : `periods[${pi}].${key}`);

  if (roll < 0.2) {
    const op = rng.int(3);
    if (op === 0) {
      periods.push(structuredClone(period));
      save();
      return c("period-duplicated", `period ${String(period.name)} listed twice`, "refuse", ["name", String(period.name), "duplicate", "twice"]);
    }
    if (op === 1) {
      doc.periods = [];
      save();
      return c("periods-empty", "periods: []", "refuse", "periods");
    }
    period.name = "";
    save();
    return c("period-name-empty", `periods[${pi}].name: ""`, "refuse", "name");
  }

  const keys = Object.keys(FIELDS).filter((k) => (FIELDS[k].level === "top" ? k in doc : k in period));
  const key = rng.pick(keys);
  const f = FIELDS[key];
  const holder = f.level === "top" ? doc : period;

  if (roll < 0.35) {
    delete holder[key];
    save();
    return c("field-deleted", `${at(key)} deleted`, f.required ? "refuse" : "accept", key);
  }
  const arrayField = f.type === "edges" || f.type === "counts" || f.type === "roi";
  if (roll < 0.62 || !arrayField) {
    const v = rng.pick(JSON_VALUES);
    holder[key] = v.value;
    save();
    return c(`field-${v.kind}`, `${at(key)} = ${v.label}`, expectReplace(f, v), key);
  }
  const arr = holder[key] as unknown[];
  if (roll < 0.85) {
    // One element of an array.
    if (f.type === "roi") {
      const k = rng.int(arr.length);
      const l = rng.int(2);
      const v = rng.pick(JSON_VALUES);
      const interval = arr[k] as unknown[];
      interval[l] = v.value;
      const edges = period.edges_kev as number[];
      const [lo, hi] = interval as number[];
      const ok = typeof lo === "number" && typeof hi === "number" && lo < hi && lo >= edges[0] && hi <= edges[edges.length - 1];
      save();
      return c(`roi-${v.kind}`, `${at(key)}[${k}][${l}] = ${v.label}`, ok ? "either" : "refuse", key);
    }
    const j = rng.int(arr.length);
    const v = rng.pick(JSON_VALUES);
    const before = arr[j - 1] as number | undefined;
    const after = arr[j + 1] as number | undefined;
    arr[j] = v.value;
    save();
    let expect: Expect;
    if (v.kind === "nonnum") expect = "refuse";
    else if (f.type === "edges") {
      const x = v.value as number;
      expect = (before === undefined || x > before) && (after === undefined || x < after) ? "either" : "refuse";
    } else expect = v.kind === "neg" ? "refuse" : "either";
    return c(`element-${v.kind}`, `${at(key)}[${j}] = ${v.label}`, expect, key);
  }
  // The array's length or order.
  const op = rng.int(5);
  if (op === 0) {
    arr.pop();
    save();
    return c("array-shorter", `${at(key)}: last element removed`, f.type === "roi" && arr.length > 0 ? "either" : "refuse", key);
  }
  if (op === 1) {
    arr.push(f.type === "roi" ? [60, 70] : f.type === "edges" ? (arr[arr.length - 1] as number) + 0.2 : 1);
    save();
    return c("array-longer", `${at(key)}: one element appended`, "refuse", key);
  }
  if (op === 2) {
    holder[key] = new Array(100000).fill(f.type === "roi" ? [3, 9] : 1);
    save();
    return c("array-huge", `${at(key)}: 100000 elements`, "refuse", key);
  }
  if (op === 3) {
    holder[key] = [];
    save();
    return c("array-empty", `${at(key)}: []`, "refuse", key);
  }
  if (arr.length < 2) {
    arr.reverse();
    save();
    return c("array-reversed", `${at(key)}: reversed`, "either", key);
  }
  const a = rng.int(arr.length);
  let b = rng.int(arr.length - 1);
  if (b >= a) b++;
  [arr[a], arr[b]] = [arr[b], arr[a]];
  save();
  const same = JSON.stringify(arr[a]) === JSON.stringify(arr[b]);
  return c("array-swapped", `${at(key)}: elements ${a} and ${b} swapped`, f.type === "counts" || f.type === "roi" || same ? "either" : "refuse", key);
}
