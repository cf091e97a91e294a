import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { notRegularFile } from "../io/regularFile.js";
import { stageDir, type OutputSpec, type StagedDir } from "../io/safeWrite.js";
import { sha256File } from "../io/sha256File.js";
import { EventDataError } from "./errors.js";
import { readEventBatches, readEvents } from "./eventReader.js";
import { EventWriter, type EventFileSummary } from "./eventWriter.js";
import { DATASET_MANIFEST_FILE, manifestFiles, readManifest, writeManifest, type DatasetManifest, type PeriodEntry, type SimulationInfo } from "./manifest.js";
import { eventsFileName, isValidPeriodName, truthFileName } from "./paths.js";
import { readRuns, writeRuns } from "./runsTable.js";
import { EVENTS_FORMAT_NAME, EVENTS_SCHEMA_VERSION } from "./schema.js";
import type { EventBatch, EventColumns, RunTable, RunTableInput } from "./types.js";

/** Name of the run table inside a dataset directory. */
export const DATASET_RUNS_FILE = "runs.arrow";

/** An opened dataset: its manifest and run table (events are read on demand). */
export interface EventDataset {
  readonly dir: string;
  readonly manifest: DatasetManifest;
  /** Path of the run table. */
  readonly runsFile: string;
  readonly runs: RunTable;
}

/** Datasets already warned about (the warning comes once per dataset and process). */
const warnedNoHashes = new Set<string>();

/** Files of an opened dataset whose SHA-256 has been checked against the manifest. */
const verified = new WeakMap<EventDataset, Set<string>>();

/**
 * Checks `name` (a file of the dataset) against the SHA-256 in the manifest, once per opened
 * dataset; a dataset without hashes is not checked (openDataset warned about it).
 */
function verifyHash(ds: EventDataset, name: string): void {
  const want = ds.manifest.files_sha256?.[name];
  if (want === undefined) return;
  let done = verified.get(ds);
  if (!done) verified.set(ds, (done = new Set()));
  if (done.has(name)) return;
  const file = join(ds.dir, name);
  const got = sha256File(file);
  if (got !== want) {
    throw new EventDataError(
      file,
      `content does not match the SHA-256 in ${DATASET_MANIFEST_FILE} (manifest ${want.slice(0, 16)}..., file ${got.slice(0, 16)}...): the file was altered or damaged after it was written; restore it or make the dataset again`,
    );
  }
  done.add(name);
}

/**
 * Checks the period entries of a manifest against the run table: run ranges ascending, disjoint,
 * first <= last, both ends run ids of the run table (the files must then hold exactly these
 * ranges: `checkPeriodRead`).
 */
function checkPeriodRanges(manifestFile: string, m: DatasetManifest, runs: RunTable, runsFile: string): void {
  const known = new Set(runs.run);
  let previous: { name: string; last: number } | null = null;
  for (const p of m.periods) {
    if ((p.first_run === null) !== (p.last_run === null)) throw new EventDataError(manifestFile, `period "${p.name}": first_run and last_run must both be null (no events) or both run ids`);
    if ((p.first_run === null) !== (p.rows === 0)) throw new EventDataError(manifestFile, `period "${p.name}": ${p.rows} rows with runs ${p.first_run}..${p.last_run}: a period has runs exactly when it has rows`);
    if (p.first_run === null || p.last_run === null) continue;
    if (p.first_run > p.last_run) throw new EventDataError(manifestFile, `period "${p.name}": first_run ${p.first_run} > last_run ${p.last_run}`);
    for (const k of ["first_run", "last_run"] as const) if (!known.has(p[k]!)) throw new EventDataError(manifestFile, `period "${p.name}": ${k} ${p[k]} is not a run of the run table ${runsFile}`);
    if (previous && p.first_run <= previous.last) {
      throw new EventDataError(manifestFile, `period "${p.name}" (runs ${p.first_run}..${p.last_run}) overlaps or precedes period "${previous.name}" (up to run ${previous.last}): periods must hold disjoint, ascending run ranges`);
    }
    previous = { name: p.name, last: p.last_run };
  }
}

/**
 * Open a dataset directory: read and check `dataset.json`, check that every file it lists is a
 * regular file, check the run table against its SHA-256, read and validate it, and check the
 * periods' run ranges against it. Events are not read here; the readers of this module check
 * each events and truth file against its SHA-256, its row count and its run range in the manifest
 * when they read it. A manifest without hashes gives one warning on stderr.
 *
 * @example
 * // A shipped spectra file is not a dataset: a two-hour simulation is (see simulate).
 * simulate(gemmaConfig(), { seed: 1, outDir: "out/gemma-sim", signal: sim.freeElectronClosedFormSignal(0), hoursOn: 2, hoursOff: 2 });
 * const ds = openDataset("out/gemma-sim");
 * ds.runs.length; // => 10 (2 ON + 2 OFF + 6 transition runs of one hour)
 */
export function openDataset(dir: string): EventDataset {
  const manifest = readManifest(dir);
  const manifestFile = join(dir, DATASET_MANIFEST_FILE);
  for (const p of manifest.periods) {
    for (const f of [p.events, p.truth]) {
      if (f === null) continue;
      const why = notRegularFile(join(dir, f));
      if (why) throw new EventDataError(manifestFile, `period "${p.name}": listed file ${f} ${why === "does not exist" ? why : why.replace(/: refused$/, "")}`);
    }
  }
  const runsFile = join(dir, manifest.runs);
  const ds0 = { dir, manifest, runsFile, runs: null as unknown as RunTable };
  if (manifest.files_sha256 === undefined) {
    if (!warnedNoHashes.has(dir)) {
      warnedNoHashes.add(dir);
      process.stderr.write(`nuem: warning: ${manifestFile} has no file hashes (files_sha256), so damaged files cannot be detected; run nuem validate ${dir} --rehash to add them\n`);
    }
  } else {
    verifyHash(ds0, manifest.runs);
  }
  const runs = readRuns(runsFile);
  checkPeriodRanges(manifestFile, manifest, runs, runsFile);
  const ds: EventDataset = { dir, manifest, runsFile, runs };
  if (verified.has(ds0)) verified.set(ds, verified.get(ds0)!);
  return ds;
}

/** After reading a period whole: its row count and run range must be the manifest's. */
function checkPeriodRead(ds: EventDataset, p: PeriodEntry, rows: number, first: number | null, last: number | null): void {
  const manifestFile = join(ds.dir, DATASET_MANIFEST_FILE);
  if (rows !== p.rows) throw new EventDataError(manifestFile, `period "${p.name}": manifest says ${p.rows} rows, ${p.events} has ${rows}: the dataset is inconsistent; make it again or run nuem validate`);
  if (first !== p.first_run || last !== p.last_run) {
    throw new EventDataError(manifestFile, `period "${p.name}": manifest says runs ${p.first_run}..${p.last_run}, ${p.events} has ${first}..${last}: the dataset is inconsistent; make it again or run nuem validate`);
  }
}

/** Checks the period's files against their hashes before they are read. */
function verifyPeriodFiles(ds: EventDataset, p: PeriodEntry, truth: boolean): void {
  verifyHash(ds, p.events);
  if (truth && p.truth !== null) verifyHash(ds, p.truth);
}

function period(ds: EventDataset, name: string): PeriodEntry {
  const p = ds.manifest.periods.find((x) => x.name === name);
  if (!p) {
    throw new EventDataError(join(ds.dir, DATASET_MANIFEST_FILE), `no period "${name}" (periods: ${ds.manifest.periods.map((x) => x.name).join(", ") || "none"})`);
  }
  return p;
}

function periodReadOptions(ds: EventDataset, p: PeriodEntry, truth: boolean) {
  if (truth && p.truth === null) throw new EventDataError(join(ds.dir, p.events), `period "${p.name}" has no truth file (truth labels exist only for simulated data)`);
  return { truth, truthFile: p.truth === null ? undefined : join(ds.dir, p.truth), runs: ds.runs, runsFile: ds.runsFile };
}

/** All events of one period, validated against the run table (see `readEvents`). */
export function readPeriod(ds: EventDataset, name: string, options: { truth?: boolean } = {}): EventColumns {
  const p = period(ds, name);
  const readOptions = periodReadOptions(ds, p, options.truth === true);
  verifyPeriodFiles(ds, p, options.truth === true);
  const ev = readEvents(join(ds.dir, p.events), readOptions);
  checkPeriodRead(ds, p, ev.length, ev.length > 0 ? ev.run[0] : null, ev.length > 0 ? ev.run[ev.length - 1] : null);
  return ev;
}

/** A record batch of a dataset, with the period it belongs to. */
export interface DatasetBatch extends EventBatch {
  readonly period: string;
}

/**
 * The record batches of all periods (or of the named ones), in manifest order, validated against
 * the run table; memory stays at about one record batch.
 */
export function* datasetBatches(ds: EventDataset, options: { truth?: boolean; periods?: readonly string[] } = {}): Generator<DatasetBatch, void, undefined> {
  const entries = options.periods ? options.periods.map((n) => period(ds, n)) : ds.manifest.periods;
  for (const p of entries) {
    const readOptions = periodReadOptions(ds, p, options.truth === true);
    verifyPeriodFiles(ds, p, options.truth === true);
    let rows = 0;
    let first: number | null = null;
    let last: number | null = null;
    for (const b of readEventBatches(join(ds.dir, p.events), readOptions)) {
      if (b.length > 0) {
        if (first === null) first = b.run[0];
        last = b.run[b.length - 1];
      }
      rows += b.length;
      yield { ...b, period: p.name };
    }
    checkPeriodRead(ds, p, rows, first, last);
  }
}

/** What `validateDataset` found. */
export interface DatasetReport {
  dir: string;
  experiment: string;
  runs: number;
  events: number;
  periods: { name: string; rows: number; batches: number; first_run: number | null; last_run: number | null; truth: boolean }[];
  /** Whether the manifest has SHA-256 hashes (checked) for its files. */
  hashes: boolean;
}

/**
 * Read the whole dataset once, streaming, and check everything FORMAT.md promises: the manifest,
 * every file against its SHA-256 in the manifest (when it has hashes), the run table, every events and truth file (columns, types, values, order), run ids known to the
 * run table and times within their runs, row counts and run ranges as listed in the manifest, and
 * periods whose run ranges do not overlap. Throws an `EventDataError` at the first problem.
 */
export function validateDataset(dir: string): DatasetReport {
  const ds = openDataset(dir);
  const manifestFile = join(dir, DATASET_MANIFEST_FILE);
  const report: DatasetReport = { dir, experiment: ds.manifest.experiment, runs: ds.runs.length, events: 0, periods: [], hashes: ds.manifest.files_sha256 !== undefined };
  let previous: { name: string; last: number } | null = null;
  for (const p of ds.manifest.periods) {
    verifyPeriodFiles(ds, p, true);
    let rows = 0;
    let batches = 0;
    let first: number | null = null;
    let last: number | null = null;
    for (const b of readEventBatches(join(dir, p.events), periodReadOptions(ds, p, p.truth !== null))) {
      if (b.length > 0) {
        if (first === null) first = b.run[0];
        last = b.run[b.length - 1];
      }
      rows += b.length;
      batches += 1;
    }
    if (rows !== p.rows) throw new EventDataError(manifestFile, `period "${p.name}": manifest says ${p.rows} rows, ${p.events} has ${rows}`);
    if (first !== p.first_run || last !== p.last_run) {
      throw new EventDataError(manifestFile, `period "${p.name}": manifest says runs ${p.first_run}..${p.last_run}, ${p.events} has ${first}..${last}`);
    }
    if (first !== null && last !== null) {
      if (previous && first <= previous.last) {
        throw new EventDataError(manifestFile, `period "${p.name}" (runs ${first}..${last}) overlaps or precedes period "${previous.name}" (up to run ${previous.last}): periods must hold disjoint, ascending run ranges`);
      }
      previous = { name: p.name, last };
    }
    report.periods.push({ name: p.name, rows, batches, first_run: first, last_run: last, truth: p.truth !== null });
    report.events += rows;
  }
  return report;
}

/** Descriptive fields of a new dataset (see `DatasetManifest`). */
export interface DatasetInfo {
  experiment: string;
  /** Fiducial mass, kg; null when not known (`nuem spectra` then refuses the dataset). */
  detector_mass_kg: number | null;
  detector?: string;
  description?: string;
  /** The selection preset applied (set by `nuem select`; see DatasetManifest.selection). */
  selection?: { settings: string };
  phases?: Record<string, string>;
  /** How the data were simulated; omit or null for measured data. */
  simulation?: SimulationInfo | null;
}

/** Options of `DatasetWriter`. */
export interface DatasetWriterOptions {
  /** Write truth files next to the events files (simulated data). */
  truth?: boolean;
  /** Rows per record batch on disk (default 131072). */
  batchRows?: number;
  /** Replace an existing dataset in the directory (default false: refuse). */
  overwrite?: boolean;
}

/**
 * Writes a dataset directory: first the run table (`writeRuns`), then one events file per period
 * (`openPeriod` returns a streaming `EventWriter`, checking run ids and times against the run
 * table), and at `close()` the manifest `dataset.json` with the files, row counts, run ranges and
 * SHA-256 hashes. Everything is written in a temporary sibling directory that replaces `dir` at
 * `close()`: an interrupted writer leaves the previous dataset (or none), never a mixture.
 * Same inputs give the same bytes in every file.
 *
 * @example
 * const ds = new DatasetWriter("out/tiny", { experiment: "GEMMA", detector_mass_kg: 1.5 });
 * ds.writeRuns({ run: [1], start_utc: [1.1226e9], duration_s: [3600], live_time_s: [3590], dead_time_s: [10], thermal_power_gw: [3.0], state: [1], phase: [1], ln2_fill: [0], site_work: [0] });
 * const w = ds.openPeriod("2005-08");
 * w.write({ run: [1, 1], time_s: [0.5, 2.0], e1_kev: [10, 20], e2_kev: [10, 20], e3_kev: [10, 20], nai_kev: [0, 0], veto: [0, 0], pulser: [0, 0] });
 * w.close();
 * ds.close();
 * openDataset("out/tiny").manifest.periods.length; // => 1
 */
export class DatasetWriter {
  /** The dataset directory (it appears, or replaces the previous one, at `close()`). */
  readonly dir: string;
  /** Where the files are written until `close()`: a temporary sibling of `dir`. */
  private readonly work: string;
  private readonly staged: StagedDir;
  private readonly info: DatasetInfo;
  private readonly options: DatasetWriterOptions;
  private runs: RunTable | null = null;
  private readonly writers: { name: string; writer: EventWriter }[] = [];
  private closed = false;

  constructor(dir: string, info: DatasetInfo, options: DatasetWriterOptions = {}) {
    this.dir = dir;
    this.info = info;
    this.options = options;
    if (!options.overwrite && existsSync(join(dir, DATASET_MANIFEST_FILE))) {
      throw new EventDataError(join(dir, DATASET_MANIFEST_FILE), "a dataset exists already in this directory (pass { overwrite: true } to replace it)");
    }
    if (existsSync(dir)) {
      if (!statSync(dir).isDirectory()) throw new EventDataError(dir, "exists and is not a directory: write the dataset to a directory path");
      const extra = foreignDatasetEntries(dir);
      if (extra.length > 0) throw new EventDataError(dir, `holds files that are not part of a dataset (${extra.slice(0, 5).join(", ")}): it is not replaced; write the dataset to a new or empty directory`);
    }
    this.staged = stageDir(dir);
    this.work = this.staged.tmp;
  }

  /** Write (and validate) the run table; must come before `openPeriod`. */
  writeRuns(input: RunTableInput): RunTable {
    if (this.runs) throw new EventDataError(join(this.dir, DATASET_RUNS_FILE), "run table written already");
    this.runs = writeRuns(join(this.work, DATASET_RUNS_FILE), input);
    return this.runs;
  }

  /** A streaming writer for the events (and truth) file of a period; periods in run order. */
  openPeriod(name: string): EventWriter {
    if (this.closed) throw new EventDataError(this.dir, "dataset writer is closed");
    if (!this.runs) throw new EventDataError(join(this.dir, DATASET_RUNS_FILE), "write the run table (writeRuns) before the events");
    if (!isValidPeriodName(name)) throw new EventDataError(this.dir, `period name ${JSON.stringify(name)}: use letters, digits, ".", "_", "-"`);
    if (this.writers.some((w) => w.name === name)) throw new EventDataError(this.dir, `period "${name}" opened twice`);
    const writer = new EventWriter(join(this.work, eventsFileName(name)), {
      truth: this.options.truth,
      truthFile: this.options.truth ? join(this.work, truthFileName(name)) : undefined,
      batchRows: this.options.batchRows,
      runs: this.runs,
      runsFile: join(this.dir, DATASET_RUNS_FILE),
      metadata: { "nuem.period": name },
    });
    this.writers.push({ name, writer });
    return writer;
  }

  /**
   * Close the period writers still open, write `dataset.json` with the files' SHA-256, and put the
   * dataset in place of `dir` (one rename; a previous dataset there is removed after it). Returns
   * the manifest.
   */
  close(): DatasetManifest {
    if (this.closed) throw new EventDataError(this.dir, "dataset writer is closed");
    if (!this.runs) throw new EventDataError(join(this.dir, DATASET_RUNS_FILE), "no run table written");
    const periods: PeriodEntry[] = [];
    let previous: { name: string; last: number } | null = null;
    for (const { name, writer } of this.writers) {
      const s: EventFileSummary | null = writer.isClosed ? writer.summary : writer.close();
      if (s === null) continue; // aborted
      if (s.firstRun !== null && s.lastRun !== null) {
        if (previous && s.firstRun <= previous.last) {
          throw new EventDataError(s.file, `period "${name}" (runs ${s.firstRun}..${s.lastRun}) overlaps or precedes period "${previous.name}" (up to run ${previous.last})`);
        }
        previous = { name, last: s.lastRun };
      }
      periods.push({
        name,
        events: eventsFileName(name),
        truth: s.truthFile === null ? null : truthFileName(name),
        rows: s.rows,
        first_run: s.firstRun,
        last_run: s.lastRun,
      });
    }
    const i = this.info;
    const manifest: DatasetManifest = {
      format: EVENTS_FORMAT_NAME,
      schema_version: EVENTS_SCHEMA_VERSION,
      experiment: i.experiment,
      detector_mass_kg: i.detector_mass_kg,
      ...(i.detector === undefined ? {} : { detector: i.detector }),
      ...(i.description === undefined ? {} : { description: i.description }),
      ...(i.selection === undefined ? {} : { selection: i.selection }),
      ...(i.phases === undefined ? {} : { phases: i.phases }),
      runs: DATASET_RUNS_FILE,
      periods,
      simulation: i.simulation ?? null,
    };
    manifest.files_sha256 = Object.fromEntries(manifestFiles(manifest).map((f) => [f, sha256File(join(this.work, f))]));
    writeManifest(this.work, manifest);
    this.staged.commit();
    this.closed = true;
    return manifest;
  }

  /** Give up: delete what was written; the directory keeps its previous dataset (or stays absent). */
  abort(): void {
    this.closed = true;
    for (const { writer } of this.writers) if (!writer.isClosed) writer.abort();
    this.staged.abort();
  }
}

/** Names a dataset directory may hold: the manifest, the run table, events, truth and partial files, the simulation summary. */
const DATASET_ENTRY = /^(dataset\.json|runs\.arrow|simulation\.json|(events|truth)-[A-Za-z0-9_-][A-Za-z0-9._-]*\.arrow|.*\.partial)$/;

/**
 * Entries of an existing directory that are not part of a dataset: a dataset output is written
 * over a directory only when this is empty, so `--overwrite` never deletes anything else.
 */
export function foreignDatasetEntries(dir: string): string[] {
  return readdirSync(dir).filter((n) => !DATASET_ENTRY.test(n));
}

/** The output spec of a dataset directory for `assertOutputSafe`. */
export function datasetOutput(path: string, option: string, overwrite: boolean): OutputSpec {
  return { path, option, kind: "dir", overwrite, marker: DATASET_MANIFEST_FILE, foreign: foreignDatasetEntries };
}

/**
 * Adds the SHA-256 of every listed file to the manifest of a dataset that has none (written by
 * another tool), after `validateDataset` found everything else in order; the manifest is replaced
 * atomically. A dataset with hashes is only validated: a file that no longer matches its hash is
 * an error, never re-hashed (that would bless damaged data). Returns the report and whether the
 * manifest was rewritten.
 */
export function addDatasetHashes(dir: string): { report: DatasetReport; rewritten: boolean } {
  const report = validateDataset(dir);
  if (report.hashes) return { report, rewritten: false };
  const manifest = readManifest(dir);
  manifest.files_sha256 = Object.fromEntries(manifestFiles(manifest).map((f) => [f, sha256File(join(dir, f))]));
  writeManifest(dir, manifest);
  return { report: { ...report, hashes: true }, rewritten: true };
}
