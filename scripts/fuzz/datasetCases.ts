/**
 * Mutated event datasets (lib/events/FORMAT.md) read by `nuem select`, `nuem spectra` and
 * `nuem bound --data`: Arrow files with the footer length off by 8, the middle 64 kB zeroed,
 * the file doubled or truncated; manifest rows, run ranges, paths and fields changed; files
 * missing, or a FIFO or a directory in their place.
 */
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Case, Expect } from "./case.js";
import type { Corpus, DatasetName } from "./corpus.js";
import { applyFileOp, FILE_OPS, jsonText } from "./files.js";
import type { Rng } from "./rng.js";
import { JSON_VALUES, type BadValue } from "./values.js";

const DS = "ds";

/** A dataset's command line, reading DS. */
function commandFor(name: DatasetName, rng: Rng): string[] {
  const args =
    name === "csi"
      ? ["bound", "--parameter", rng.pick(["sin2w", "r2"]), "--data", DS]
      : name === "gemma-selected" || rng.chance(0.2)
        ? ["validate", DS] // a selected dataset is refused by select and spectra whatever its mutation
        : rng.chance(0.5)
          ? ["select", "--in", DS, ...(rng.chance(0.5) ? ["--out", "selected"] : [])]
          : ["spectra", "--in", DS, "--out", "out.spectra.json"];
  if (rng.chance(0.6)) args.push("--json");
  return args;
}

type Json = Record<string, unknown>;

/** Arrow IPC byte mutations: [kind, description, expect, apply]. */
function arrowMutation(bytes: Buffer, rng: Rng): [string, string, Expect, Buffer] {
  const n = bytes.length;
  const op = rng.int(9);
  if (op === 0 || op === 1) {
    // The int32 footer length sits just before the trailing "ARROW1" magic.
    const b = Buffer.from(bytes);
    const d = op === 0 ? 8 : -8;
    b.writeInt32LE(b.readInt32LE(n - 10) + d, n - 10);
    return ["arrow-footer-length", `footer length ${d > 0 ? "+" : ""}${d}`, "refuse", b];
  }
  if (op === 2) {
    const b = Buffer.from(bytes);
    const w = Math.min(65536, n);
    const start = Math.floor((n - w) / 2);
    b.fill(0, start, start + w);
    // Inside a large file the zeros may land on plausible values (E = 0 keV); a small file is wiped.
    return ["arrow-middle-zeroed", `${w} bytes zeroed from byte ${start}`, w < 65536 || n < 65536 + 4096 ? "refuse" : "either", b];
  }
  if (op === 3) return ["arrow-doubled", "file written twice in a row", "refuse", Buffer.concat([bytes, bytes])];
  if (op === 4) {
    const cut = rng.pick([0, 8, Math.floor(n / 2), n - 1, 1 + rng.int(n - 2)]);
    return ["arrow-truncated", `truncated to ${cut} of ${n} bytes`, "refuse", bytes.subarray(0, cut)];
  }
  if (op === 5) {
    const b = Buffer.from(bytes);
    const atEnd = rng.chance(0.5);
    b.write("ARROW2", atEnd ? n - 6 : 0, "latin1");
    return ["arrow-magic", `magic "ARROW1" at the ${atEnd ? "end" : "start"} changed to "ARROW2"`, "refuse", b];
  }
  if (op === 6) return ["arrow-appended", "8 zero bytes appended", "refuse", Buffer.concat([bytes, Buffer.alloc(8)])];
  const b = Buffer.from(bytes);
  const k = 1 + rng.int(8);
  const at: number[] = [];
  for (let i = 0; i < k; i++) {
    const p = rng.int(n);
    b[p] ^= 1 << rng.int(8);
    at.push(p);
  }
  return ["arrow-bit-flips", `${k} bit(s) flipped at bytes ${at.join(",")}`, "either", b];
}

/** What a replacement by `v` of a manifest field should give. */
function manifestExpect(key: string, v: BadValue): Expect {
  switch (key) {
    case "detector":
    case "description":
    case "phases":
    case "simulation":
      return "either";
    case "experiment":
      return typeof v.value === "string" ? "either" : "refuse";
    case "detector_mass_kg":
      return v.kind === "nonnum" || v.kind === "neg" || v.kind === "zero" ? "refuse" : v.kind === "frac" ? "accept" : "either";
    case "truth":
      return v.value === null ? "accept" : "refuse";
    case "name":
      return typeof v.value === "string" ? "either" : "refuse"; // letters, digits, . _ - are allowed
    default:
      return "refuse"; // format, schema_version, runs, periods, events, rows, first_run, last_run
  }
}

const MANIFEST_TOP = ["format", "schema_version", "experiment", "detector_mass_kg", "detector", "description", "phases", "runs", "periods", "simulation"];
const MANIFEST_PERIOD = ["name", "events", "truth", "rows", "first_run", "last_run"];
const OPTIONAL = new Set(["detector", "description", "phases"]);

export function datasetCase(id: number, rng: Rng, corpus: Corpus, dir: string): Case {
  const name = rng.pick<DatasetName>(["gemma", "gemma", "gemma-selected", "texono", "texono", "csi"]);
  cpSync(join(corpus.root, name), join(dir, DS), { recursive: true });
  const args = commandFor(name, rng);
  const manifestPath = join(dir, DS, "dataset.json");
  const doc = JSON.parse(readFileSync(manifestPath, "utf8")) as Json;
  const periods = doc.periods as Json[];
  const pi = rng.int(periods.length);
  const period = periods[pi];
  const files = ["dataset.json", String(doc.runs), String(period.events), ...(typeof period.truth === "string" ? [period.truth] : [])];
  const c = (kind: string, file: string, mutation: string, expect: Expect, field?: string[]): Case => ({
    id,
    group: "dataset",
    kind: `dataset/${kind}`,
    mutation: `${name}/${file}: ${mutation}`,
    args,
    expect,
    mustName: field === undefined ? [[file]] : [[file], field],
    inputs: [DS],
  });
  const save = () => writeFileSync(manifestPath, jsonText(doc));

  const roll = rng.next();
  if (roll < 0.36) {
    // Arrow bytes: mostly the events file, where the data are.
    const file = rng.pick([String(period.events), String(period.events), String(period.events), String(doc.runs), ...(typeof period.truth === "string" ? [period.truth] : [])]);
    const p = join(dir, DS, file);
    const [kind, what, expect, bytes] = arrowMutation(readFileSync(p), rng);
    writeFileSync(p, bytes);
    return c(kind, file, what, expect);
  }
  if (roll < 0.5) {
    const file = rng.pick([...files, "simulation.json"]);
    if (file === "simulation.json" && name === "gemma-selected") return datasetCase(id, rng, corpus, dir);
    const op = rng.pick(FILE_OPS);
    applyFileOp(join(dir, DS, file), op);
    // simulation.json is the simulator's record, not part of the format.
    return c(`file-${op}`, file, `replaced by ${op === "missing" ? "nothing" : `a ${op}`}`, file === "simulation.json" ? "accept" : "refuse");
  }
  if (roll < 0.53) {
    applyFileOp(join(dir, DS), rng.pick(["missing", "fifo"]));
    return c("dataset-dir-gone", DS, "the dataset directory replaced by nothing or a FIFO", "refuse");
  }
  if (roll < 0.6) {
    // Run counts and run ranges of the manifest against the events file.
    const rows = period.rows as number;
    const first = period.first_run as number;
    const last = period.last_run as number;
    const edits: [string, () => void, string[]][] = [
      [`rows ${rows} -> ${rows + 1}`, () => (period.rows = rows + 1), ["rows"]],
      [`rows ${rows} -> ${rows - 1}`, () => (period.rows = rows - 1), ["rows"]],
      [`rows ${rows} -> ${2 * rows}`, () => (period.rows = 2 * rows), ["rows"]],
      [`last_run ${last} -> ${last + 10} (range wider than the events)`, () => (period.last_run = last + 10), ["last_run", "run"]],
      [`first_run ${first} -> ${first - 1} (range wider than the events)`, () => (period.first_run = first - 1), ["first_run", "run"]],
      [`first_run ${first} -> ${first + 1} (range narrower than the events)`, () => (period.first_run = first + 1), ["first_run", "run"]],
      [`first_run and last_run swapped`, () => ((period.first_run = last), (period.last_run = first)), ["first_run", "last_run", "run"]],
    ];
    const [what, edit, field] = rng.pick(edits);
    edit();
    save();
    return c("manifest-rows-runs", "dataset.json", `periods[${pi}]: ${what}`, "refuse", field);
  }
  if (roll < 0.7) {
    // Paths in the manifest pointing elsewhere.
    const key = rng.pick(["runs", "events", "truth"]);
    const target = rng.pick(["dataset.json", key === "runs" ? String(period.events) : String(doc.runs), "missing.arrow", "/etc/passwd", "../ds/" + String(key === "runs" ? doc.runs : period[key]), "/proc/self/environ"]);
    const holder = key === "runs" ? doc : period;
    holder[key] = target;
    save();
    const expect: Expect = target.startsWith("../ds/") ? "either" : "refuse";
    // Naming the file the manifest points to is as clear as naming the manifest.
    const r = c("manifest-path", "dataset.json", `${key === "runs" ? "runs" : `periods[${pi}].${key}`} = ${JSON.stringify(target)}`, expect, [key, target]);
    r.mustName[0].push(target);
    return r;
  }
  if (roll < 0.74) {
    const op = rng.int(5);
    if (op === 0) {
      periods.push(structuredClone(period));
      save();
      return c("manifest-period-duplicated", "dataset.json", `period ${String(period.name)} listed twice`, "refuse", ["name", String(period.name), "duplicate", "twice", "period"]);
    }
    if (op === 1) {
      period.name = rng.pick(["", "../x", "a b", ".hidden"]);
      save();
      return c("manifest-period-name", "dataset.json", `periods[${pi}].name = ${JSON.stringify(period.name)}`, "refuse", ["name"]);
    }
    if (op === 2) {
      doc.schema_version = 2;
      save();
      return c("manifest-schema-newer", "dataset.json", "schema_version = 2", "refuse", ["schema_version", "version"]);
    }
    const t = readFileSync(manifestPath, "utf8");
    writeFileSync(manifestPath, op === 3 ? t.slice(0, rng.int(t.length)) : "");
    return c("manifest-text", "dataset.json", op === 3 ? "JSON text truncated" : "empty file", "refuse");
  }
  // A field deleted or replaced.
  const top = rng.chance(0.5);
  const key = rng.pick(top ? MANIFEST_TOP : MANIFEST_PERIOD);
  const holder = top ? doc : period;
  const at = top ? key : `periods[${pi}].${key}`;
  if (rng.chance(0.3)) {
    delete holder[key];
    save();
    const expect: Expect = OPTIONAL.has(key) ? "accept" : key === "simulation" || key === "truth" ? "either" : "refuse";
    return c("manifest-field-deleted", "dataset.json", `${at} deleted`, expect, [key]);
  }
  const v = rng.pick(JSON_VALUES);
  holder[key] = v.value;
  save();
  // A message may name the field or the value it holds (a path: "listed file abc does not exist").
  return c(`manifest-field-${v.kind}`, "dataset.json", `${at} = ${v.label}`, manifestExpect(key, v), typeof v.value === "string" ? [key, v.value] : [key]);
}
