import { join } from "node:path";
import { readRegularFile } from "../io/regularFile.js";
import { writeFileAtomic } from "../io/safeWrite.js";
import { EventDataError } from "./errors.js";
import { isValidPeriodName } from "./paths.js";
import { EVENTS_FORMAT_NAME, EVENTS_SCHEMA_VERSION } from "./schema.js";

/** Name of the manifest inside a dataset directory. */
export const DATASET_MANIFEST_FILE = "dataset.json";

/** One period (a month or a phase) of a dataset: its events file and optional truth file. */
export interface PeriodEntry {
  /** Period name, used in file names: letters, digits, `.`, `_`, `-` (e.g. "2005-08", "phase1"). */
  name: string;
  /** Events file name inside the dataset directory (`events-<name>.arrow`). */
  events: string;
  /** Truth file name (`truth-<name>.arrow`), or null. */
  truth: string | null;
  /** Number of events in the file. */
  rows: number;
  /** First and last run id in the file, or null when it has no rows. */
  first_run: number | null;
  last_run: number | null;
}

/** How a simulated dataset was made: enough to make it again. */
export interface SimulationInfo {
  /** The program that made it (e.g. "nuem/sim"). */
  generator: string;
  /** Seed of the random source. */
  seed: number | string;
  /** The full configuration (any JSON; written with keys sorted). */
  config?: unknown;
}

/** The dataset manifest, `dataset.json`. */
export interface DatasetManifest {
  format: string;
  schema_version: number;
  /** "GEMMA", "TEXONO", ... */
  experiment: string;
  /** Fiducial detector mass, kg (m_d of GEMMA (5)). */
  /** Fiducial mass, kg; null when not given (an import without --mass-kg): spectra refuse it. */
  detector_mass_kg: number | null;
  /** Free-text description of the detector. */
  detector?: string;
  description?: string;
  /**
   * Set by `nuem select` on the datasets it writes: the selection preset applied. A selected dataset
   * is refused by a second selection (and so by `nuem spectra`, which selects): the noble-gas
   * template is built from the runs the selection removes, which a selected dataset no longer has.
   */
  selection?: { settings: string };
  /** Names of the phase codes of the run table, e.g. { "1": "Phase I (2005-08 to 2006-09)" }. */
  phases?: Record<string, string>;
  /** Run table file name (`runs.arrow`). */
  runs: string;
  /** Periods in run order: run ranges do not overlap. */
  periods: PeriodEntry[];
  /**
   * SHA-256 (lower-case hex) of every file the manifest lists, keyed by file name; readers check
   * the files against it. Absent in datasets written by other tools (read with a warning;
   * `nuem validate DIR --rehash` adds it).
   */
  files_sha256?: Record<string, string>;
  /** How the data were simulated, or null for measured data. */
  simulation: SimulationInfo | null;
}

/** The files a manifest lists: the run table, then each period's events and truth files. */
export function manifestFiles(m: DatasetManifest): string[] {
  const out = [m.runs];
  for (const p of m.periods) {
    out.push(p.events);
    if (p.truth !== null) out.push(p.truth);
  }
  return out;
}

/** JSON with object keys sorted at every level (equal content, equal bytes). */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value as object).sort()) out[k] = canonical((value as Record<string, unknown>)[k]);
    return out;
  }
  return value;
}

/** Field order of the manifest as written. */
const ORDER: (keyof DatasetManifest)[] = [
  "format",
  "schema_version",
  "experiment",
  "detector_mass_kg",
  "detector",
  "description",
  "selection",
  "phases",
  "runs",
  "periods",
  "files_sha256",
  "simulation",
];

/** The manifest as the exact text written to disk: fixed field order, no timestamps. */
export function manifestText(m: DatasetManifest): string {
  const out: Record<string, unknown> = {};
  for (const k of ORDER) {
    const v = m[k];
    if (v === undefined) continue;
    if (k === "periods") {
      out[k] = m.periods.map((p) => ({ name: p.name, events: p.events, truth: p.truth, rows: p.rows, first_run: p.first_run, last_run: p.last_run }));
    } else if (k === "simulation" && m.simulation) {
      const s = m.simulation;
      out[k] = { generator: s.generator, seed: s.seed, ...(s.config === undefined ? {} : { config: canonical(s.config) }) };
    } else if (k === "files_sha256") {
      out[k] = Object.fromEntries(manifestFiles(m).map((f) => [f, m.files_sha256![f]]));
    } else {
      out[k] = k === "phases" ? canonical(v) : v;
    }
  }
  return `${JSON.stringify(out, null, 2)}\n`;
}

function isPlainName(name: unknown): name is string {
  return typeof name === "string" && name.length > 0 && !/[/\\]/.test(name) && name !== "." && name !== "..";
}

/** Structural checks of a manifest; errors name the manifest file. */
export function checkManifest(file: string, m: unknown): DatasetManifest {
  const bad = (what: string): never => {
    throw new EventDataError(file, what);
  };
  if (m === null || typeof m !== "object" || Array.isArray(m)) bad("not a JSON object");
  const o = m as Record<string, unknown>;
  if (o.format !== EVENTS_FORMAT_NAME) bad(o.format === undefined ? `format is missing (expected "${EVENTS_FORMAT_NAME}")` : `format is ${JSON.stringify(o.format)}, expected "${EVENTS_FORMAT_NAME}"`);
  if (!Number.isInteger(o.schema_version) || (o.schema_version as number) < 1 || (o.schema_version as number) > EVENTS_SCHEMA_VERSION) {
    bad(o.schema_version === undefined ? `schema_version is missing (this reader knows 1..${EVENTS_SCHEMA_VERSION})` : `schema_version ${JSON.stringify(o.schema_version)} is not supported (this reader knows 1..${EVENTS_SCHEMA_VERSION})`);
  }
  if (typeof o.experiment !== "string" || o.experiment === "") bad("experiment must be a non-empty string");
  // The same range as a spectra file's mass (lib/spectra/spectraFile.ts: 1 g to 1e8 kg).
  // null: the mass was not given (an import without --mass-kg); spectra refuse such a dataset.
  if (o.detector_mass_kg !== null && (typeof o.detector_mass_kg !== "number" || !(o.detector_mass_kg >= 1e-3 && o.detector_mass_kg <= 1e8))) bad(o.detector_mass_kg === undefined ? "detector_mass_kg is missing (a number in [0.001, 1e8] kg)" : `detector_mass_kg must be a number in [0.001, 1e8] kg, got ${JSON.stringify(o.detector_mass_kg)}`);
  for (const k of ["detector", "description"]) if (o[k] !== undefined && typeof o[k] !== "string") bad(`${k} must be a string`);
  if (o.selection !== undefined) {
    const s = o.selection as Record<string, unknown> | null;
    if (s === null || typeof s !== "object" || Array.isArray(s) || typeof s.settings !== "string") bad('selection must be an object { "settings": name of the preset }');
  }
  if (o.phases !== undefined) {
    if (o.phases === null || typeof o.phases !== "object" || Array.isArray(o.phases)) bad("phases must be an object { code: name }");
    for (const [k, v] of Object.entries(o.phases as object)) {
      if (!/^-?\d+$/.test(k) || typeof v !== "string") bad(`phases: entry ${JSON.stringify(k)}: expected an integer code and a name`);
    }
  }
  if (!isPlainName(o.runs)) bad("runs must be a file name inside the dataset directory");
  if (!Array.isArray(o.periods)) bad("periods must be an array");
  const seen = new Set<string>();
  (o.periods as unknown[]).forEach((p, i) => {
    const e = p as Record<string, unknown>;
    const where = `periods[${i}]`;
    if (e === null || typeof e !== "object") bad(`${where} is not an object`);
    if (e.name === undefined) bad(`${where}.name is missing`);
    if (typeof e.name !== "string" || !isValidPeriodName(e.name)) bad(`${where}.name ${JSON.stringify(e.name)}: use letters, digits, ".", "_", "-"`);
    if (seen.has(e.name as string)) bad(`${where}: period "${e.name}" listed twice`);
    seen.add(e.name as string);
    if (!isPlainName(e.events)) bad(`${where}.events must be a file name inside the dataset directory`);
    if (e.truth !== null && !isPlainName(e.truth)) bad(`${where}.truth must be a file name or null`);
    if (!Number.isInteger(e.rows) || (e.rows as number) < 0) bad(`${where}.rows must be an integer >= 0`);
    for (const k of ["first_run", "last_run"]) if (e[k] !== null && !Number.isInteger(e[k])) bad(`${where}.${k} must be an integer or null`);
  });
  if (o.files_sha256 !== undefined) {
    const h = o.files_sha256 as Record<string, unknown>;
    if (h === null || typeof h !== "object" || Array.isArray(h)) bad("files_sha256 must be an object { file name: SHA-256 hex }");
    const listed = manifestFiles(o as unknown as DatasetManifest);
    for (const f of listed) {
      if (typeof h[f] !== "string" || !/^[0-9a-f]{64}$/.test(h[f] as string)) bad(`files_sha256: no SHA-256 (64 lower-case hex digits) for ${f}; run nuem validate with --rehash to recompute the hashes`);
    }
    for (const f of Object.keys(h)) if (!listed.includes(f)) bad(`files_sha256: ${f} is not a file of this dataset (listed: ${listed.join(", ")})`);
  }
  if (o.simulation !== null) {
    const s = o.simulation as Record<string, unknown> | undefined;
    if (!s || typeof s !== "object") bad("simulation must be an object { generator, seed, config } or null");
    if (typeof s!.generator !== "string") bad("simulation.generator must be a string");
    if (typeof s!.seed !== "number" && typeof s!.seed !== "string") bad("simulation.seed must be a number or a string");
  }
  return o as unknown as DatasetManifest;
}

/** Read and check `dataset.json` of a dataset directory. */
export function readManifest(dir: string): DatasetManifest {
  const file = join(dir, DATASET_MANIFEST_FILE);
  let text: string;
  try {
    text = readRegularFile(file);
  } catch (e) {
    throw new EventDataError(file, `cannot read the dataset manifest (${(e as Error).message.slice(file.length + 2)})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new EventDataError(file, `not valid JSON (${(e as Error).message})`);
  }
  return checkManifest(file, json);
}

/** Check and write `dataset.json` (through a temporary file, so a reader never sees half of it). */
export function writeManifest(dir: string, m: DatasetManifest): void {
  const file = join(dir, DATASET_MANIFEST_FILE);
  checkManifest(file, JSON.parse(JSON.stringify(m)));
  writeFileAtomic(file, manifestText(m));
}
