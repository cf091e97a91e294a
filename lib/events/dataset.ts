import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { EventDataError } from "./errors.js";
import { readEventBatches, readEvents } from "./eventReader.js";
import { EventWriter, type EventFileSummary } from "./eventWriter.js";
import { DATASET_MANIFEST_FILE, readManifest, writeManifest, type DatasetManifest, type PeriodEntry, type SimulationInfo } from "./manifest.js";
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

/**
 * Open a dataset directory: read and check `dataset.json`, read and validate the run table, and
 * check that every file the manifest lists exists. Events are not read here.
 */
export function openDataset(dir: string): EventDataset {
  const manifest = readManifest(dir);
  const runsFile = join(dir, manifest.runs);
  const runs = readRuns(runsFile);
  for (const p of manifest.periods) {
    for (const f of [p.events, p.truth]) {
      if (f !== null && !existsSync(join(dir, f))) throw new EventDataError(join(dir, DATASET_MANIFEST_FILE), `period "${p.name}": listed file ${f} does not exist`);
    }
  }
  return { dir, manifest, runsFile, runs };
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
  return readEvents(join(ds.dir, p.events), periodReadOptions(ds, p, options.truth === true));
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
    for (const b of readEventBatches(join(ds.dir, p.events), periodReadOptions(ds, p, options.truth === true))) {
      yield { ...b, period: p.name };
    }
  }
}

/** What `validateDataset` found. */
export interface DatasetReport {
  dir: string;
  experiment: string;
  runs: number;
  events: number;
  periods: { name: string; rows: number; batches: number; first_run: number | null; last_run: number | null; truth: boolean }[];
}

/**
 * Read the whole dataset once, streaming, and check everything FORMAT.md promises: the manifest,
 * the run table, every events and truth file (columns, types, values, order), run ids known to the
 * run table and times within their runs, row counts and run ranges as listed in the manifest, and
 * periods whose run ranges do not overlap. Throws an `EventDataError` at the first problem.
 */
export function validateDataset(dir: string): DatasetReport {
  const ds = openDataset(dir);
  const manifestFile = join(dir, DATASET_MANIFEST_FILE);
  const report: DatasetReport = { dir, experiment: ds.manifest.experiment, runs: ds.runs.length, events: 0, periods: [] };
  let previous: { name: string; last: number } | null = null;
  for (const p of ds.manifest.periods) {
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
  detector_mass_kg: number;
  detector?: string;
  description?: string;
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
 * table), and at `close()` the manifest `dataset.json` with the files, row counts and run ranges.
 * Same inputs give the same bytes in every file.
 *
 * @example
 * const ds = new DatasetWriter("out/gemma-sim", { experiment: "GEMMA", detector_mass_kg: 1.5, simulation: { generator: "nuem/sim", seed: 1 } }, { truth: true });
 * ds.writeRuns(runs);
 * const w = ds.openPeriod("2005-08"); w.write(batch); w.close();
 * ds.close();
 */
export class DatasetWriter {
  readonly dir: string;
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
    mkdirSync(dir, { recursive: true });
  }

  /** Write (and validate) the run table; must come before `openPeriod`. */
  writeRuns(input: RunTableInput): RunTable {
    if (this.runs) throw new EventDataError(join(this.dir, DATASET_RUNS_FILE), "run table written already");
    this.runs = writeRuns(join(this.dir, DATASET_RUNS_FILE), input, { overwrite: this.options.overwrite });
    return this.runs;
  }

  /** A streaming writer for the events (and truth) file of a period; periods in run order. */
  openPeriod(name: string): EventWriter {
    if (this.closed) throw new EventDataError(this.dir, "dataset writer is closed");
    if (!this.runs) throw new EventDataError(join(this.dir, DATASET_RUNS_FILE), "write the run table (writeRuns) before the events");
    if (!isValidPeriodName(name)) throw new EventDataError(this.dir, `period name ${JSON.stringify(name)}: use letters, digits, ".", "_", "-"`);
    if (this.writers.some((w) => w.name === name)) throw new EventDataError(this.dir, `period "${name}" opened twice`);
    const writer = new EventWriter(join(this.dir, eventsFileName(name)), {
      truth: this.options.truth,
      truthFile: this.options.truth ? join(this.dir, truthFileName(name)) : undefined,
      batchRows: this.options.batchRows,
      runs: this.runs,
      runsFile: join(this.dir, DATASET_RUNS_FILE),
      metadata: { "nuem.period": name },
      overwrite: this.options.overwrite,
    });
    this.writers.push({ name, writer });
    return writer;
  }

  /** Close the period writers still open, write `dataset.json`, and return the manifest. */
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
      ...(i.phases === undefined ? {} : { phases: i.phases }),
      runs: DATASET_RUNS_FILE,
      periods,
      simulation: i.simulation ?? null,
    };
    writeManifest(this.dir, manifest);
    this.closed = true;
    return manifest;
  }
}
