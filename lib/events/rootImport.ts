/*
 * ROOT TTrees into a dataset of the event format (FORMAT.md). The files are read with jsroot,
 * ROOT's own JavaScript I/O (openFile, readObject, a TSelector run by treeProcess); it is loaded
 * only when an import runs, so the rest of the library does not load it. Entries stream through
 * the dataset's EventWriter in batches: memory stays at one batch whatever the tree's size.
 */
import { InputDataError, OptionError } from "../errors.js";
import { DatasetWriter, type DatasetInfo } from "./dataset.js";
import { EventDataError } from "./errors.js";
import type { EventWriter } from "./eventWriter.js";
import { EVENT_COLUMNS } from "./schema.js";
import type { RunTableInput } from "./types.js";

/** Where one event column comes from: a branch (times a factor) or a constant. */
export type RootColumnSource = { column: string; branch: string; factor: number } | { column: string; constant: number };

/** Leaf classes of a scalar numeric branch (ROOT TLeaf subclasses: int8..int64, float, double, bool). */
const NUMERIC_LEAVES = new Set(["TLeafB", "TLeafS", "TLeafI", "TLeafL", "TLeafG", "TLeafF", "TLeafD", "TLeafO", "TLeafF16", "TLeafD32"]);

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Parses `--map`: comma-separated `COLUMN=SOURCE` for every event column of FORMAT.md, where
 * SOURCE is a number (a constant for a column the tree lacks, e.g. `nai_kev=0`), a branch name,
 * or a branch times or divided by a number (`e1_kev=E1*1000`: MeV to keV). A SOURCE that reads as
 * a number is a constant. Every column must be given once; unknown columns are refused.
 *
 * @example
 * const m = parseRootMapping("time_s=0,run=1,e1_kev=E1*1000,e2_kev=E2/1e-3,e3_kev=E3,nai_kev=0,veto=0,pulser=0");
 * m.length; // => 8 (every event column of FORMAT.md)
 * m.map((s) => ("branch" in s ? `${s.branch}*${s.factor}` : s.constant)); // => [0, 1, "E1*1000", "E2*1000", "E3*1", 0, 0, 0] (E2/1e-3 is E2 times 1000)
 */
export function parseRootMapping(spec: string, option = "--map"): RootColumnSource[] {
  const bad = (msg: string): never => {
    throw new OptionError(`${option}: ${msg}`, { option, value: spec });
  };
  const names = EVENT_COLUMNS.map((c) => c.name);
  const out = new Map<string, RootColumnSource>();
  for (const item of spec.split(",")) {
    const eq = item.indexOf("=");
    if (eq < 0) bad(`${JSON.stringify(item)} is not COLUMN=BRANCH, COLUMN=BRANCH*FACTOR or COLUMN=NUMBER`);
    const column = item.slice(0, eq).trim();
    const source = item.slice(eq + 1).trim();
    if (!names.includes(column)) bad(`unknown column ${JSON.stringify(column)} (the event columns: ${names.join(", ")})`);
    if (out.has(column)) bad(`column ${column} is mapped twice`);
    if (source === "") bad(`column ${column} has no source`);
    if (NUMBER.test(source)) {
      out.set(column, { column, constant: Number(source) });
      continue;
    }
    const m = /^([^*/]+?)\s*([*/])\s*(\S+)$/.exec(source);
    let branch = source;
    let factor = 1;
    if (m) {
      if (!NUMBER.test(m[3]) || Number(m[3]) === 0 || !Number.isFinite(Number(m[3]))) bad(`column ${column}: ${JSON.stringify(m[3])} is not a finite non-zero number to scale ${m[1]} by`);
      branch = m[1];
      factor = m[2] === "*" ? Number(m[3]) : 1 / Number(m[3]);
    }
    if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(branch)) bad(`column ${column}: ${JSON.stringify(source)} is neither a number nor a branch name (optionally *FACTOR or /FACTOR)`);
    out.set(column, { column, branch, factor });
  }
  const missing = names.filter((n) => !out.has(n));
  if (missing.length > 0) bad(`no source for ${missing.join(", ")}: map every event column to a branch or a constant (e.g. nai_kev=0)`);
  return names.map((n) => out.get(n)!);
}

/** The one-run table of `--run-duration`/`--state`, when the data come without a run table. */
export interface OneRunSpec {
  durationS: number;
  /** Reactor state code (RunState: 0 OFF, 1 ON). */
  state: number;
  /** Run start, POSIX seconds UTC (default 0). */
  startUtc?: number;
  /** Mean thermal power, GW (default 0: recorded only; the analysis takes the flux from the experiment). */
  thermalPowerGW?: number;
  /** Measurement phase (default 1). */
  phase?: number;
}

/** Options of `importRootTrees`. */
export interface ImportRootOptions {
  /** Name (or path inside the file) of the TTree in every file. */
  tree: string;
  /** Where each event column comes from (`parseRootMapping`). */
  mapping: readonly RootColumnSource[];
  /** The run table; or `oneRun` to build one for the single run id of the data. */
  runs?: RunTableInput;
  oneRun?: OneRunSpec;
  /** Manifest fields of the new dataset. */
  info: DatasetInfo;
  /** The period (events file) the entries go to (default "root"). */
  period?: string;
  /** Entries per batch handed to the writer (default 65536). */
  batchEntries?: number;
  overwrite?: boolean;
}

/** What `importRootTrees` wrote. */
export interface ImportRootResult {
  dir: string;
  period: string;
  /** Entries read from each file, in order. */
  files: { file: string; entries: number }[];
  events: number;
  runs: number;
}

/** jsroot's TTree and branch objects, as far as this module reads them. */
interface RootLeaf {
  _typename: string;
  fName: string;
  fLen: number;
  fLeafCount?: { fName: string } | null;
}
interface RootBranch {
  _typename: string;
  fName: string;
  fLeaves: { arr: RootLeaf[] };
  fBranches: { arr: unknown[] };
}
interface RootTree {
  _typename: string;
  fEntries: number;
  fBranches: { arr: RootBranch[] };
}

type Jsroot = { openFile: (f: string) => Promise<{ readObject(name: string): Promise<unknown> }>; TSelector: new () => Selector; treeProcess: (t: RootTree, s: Selector, a?: object) => Promise<unknown> };
interface Selector {
  tgtobj: Record<string, unknown>;
  addBranch(branch: RootBranch, name: string): void;
  Process(entry: number): void;
  Abort(): void;
}

async function loadJsroot(): Promise<Jsroot> {
  // jsroot declares its subpaths untyped: the specifiers are held in variables so they load as `any`.
  const ioModule: string = "jsroot/io";
  const treeModule: string = "jsroot/tree";
  const io = await import(ioModule);
  const tree = await import(treeModule);
  return { openFile: io.openFile, TSelector: tree.TSelector, treeProcess: tree.treeProcess };
}

/** Opens `file` and reads the TTree `name`; a missing tree or another object is refused, naming both. */
async function openTree(jr: Jsroot, file: string, name: string): Promise<RootTree> {
  let f: { readObject(name: string): Promise<unknown> };
  try {
    f = await jr.openFile(file);
  } catch (e) {
    throw new InputDataError(`${file}: not a readable ROOT file (${(e as Error).message})`, { file }, { cause: e });
  }
  let obj: unknown;
  try {
    obj = await f.readObject(name);
  } catch (e) {
    throw new InputDataError(`${file}: no object "${name}" (--tree) in this file (${(e as Error).message})`, { file, field: name }, { cause: e });
  }
  const t = obj as RootTree | null;
  if (!t || t._typename !== "TTree" && t._typename !== "TNtuple" && t._typename !== "TNtupleD") {
    throw new InputDataError(`${file}: "${name}" is a ${t?._typename ?? "nothing"}, not a TTree`, { file, field: name });
  }
  return t;
}

/**
 * The branch of `tree` named `name`, checked to hold one number per entry. A jagged branch
 * (`Jet_Px[NJet]`), a fixed-size array, a string (`/C`), an object or a split branch is refused,
 * naming it: each entry must give exactly one value of the column.
 */
function scalarBranch(file: string, treeName: string, tree: RootTree, name: string, column: string): RootBranch {
  const where = { file, field: name };
  const b = tree.fBranches.arr.find((x) => x.fName === name);
  if (!b) {
    const have = tree.fBranches.arr.map((x) => x.fName);
    throw new InputDataError(`${file}: tree ${treeName}: no branch ${name} (mapped to ${column}); the branches: ${have.slice(0, 30).join(", ")}${have.length > 30 ? ", ..." : ""}`, where);
  }
  const leaves = b.fLeaves?.arr ?? [];
  const refuse = (why: string): never => {
    throw new InputDataError(`${file}: tree ${treeName}: branch ${name} (mapped to ${column}) ${why}; only branches of one number per entry can be imported`, where);
  };
  if (b._typename !== "TBranch" || (b.fBranches?.arr.length ?? 0) > 0) refuse(`is an object branch (${b._typename})`);
  if (leaves.length !== 1) refuse(`has ${leaves.length} leaves`);
  const leaf = leaves[0];
  if (leaf.fLeafCount) refuse(`is variable-length (a list per entry, counted by ${leaf.fLeafCount.fName})`);
  if (leaf._typename === "TLeafC") refuse("holds strings");
  if (!NUMERIC_LEAVES.has(leaf._typename)) refuse(`holds ${leaf._typename} values, not numbers`);
  if (leaf.fLen !== 1) refuse(`is a fixed-size array of ${leaf.fLen} values per entry`);
  return b;
}

/** Fills one batch of event columns from selector values, then hands it to the writer. */
class BatchBuffer {
  readonly cols: Float64Array[];
  used = 0;
  constructor(readonly capacity: number) {
    this.cols = EVENT_COLUMNS.map(() => new Float64Array(capacity));
  }
}

/**
 * Turns the TTree `options.tree` of each ROOT file (in order, like a TChain) into a dataset in
 * `dir` (FORMAT.md), every event column mapped from a scalar numeric branch (scaled if asked) or a
 * constant. Entries must already be in (run, time_s) order, as the format keeps them; the writer
 * checks every row (finite energies, flags 0/1, runs in the run table, times within their run) and
 * a refusal names the ROOT file and entry. Nothing appears at `dir` unless the whole import succeeds.
 * Tested on ROOT's own files against another reader's values: test/events/rootImport.test.ts.
 */
export async function importRootTrees(files: readonly string[], options: ImportRootOptions, dir: string): Promise<ImportRootResult> {
  if (files.length === 0) throw new OptionError("no ROOT file to import", { option: "FILE" });
  if ((options.runs === undefined) === (options.oneRun === undefined)) throw new OptionError("give either a run table (--runs) or a one-run description (--run-duration and --state)", { option: "--runs" });
  const batchEntries = options.batchEntries ?? 65536;
  const period = options.period ?? "root";
  const jr = await loadJsroot();
  const trees: RootTree[] = [];
  for (const f of files) trees.push(await openTree(jr, f, options.tree));
  // Check every mapped branch of every file before any entry is read.
  const branches = trees.map((t, i) => options.mapping.map((s) => ("branch" in s ? scalarBranch(files[i], options.tree, t, s.branch, s.column) : null)));

  let runs = options.runs;
  if (runs === undefined) runs = oneRunTable(options.oneRun!, await singleRunId(jr, files, options, trees, branches));

  const ds = new DatasetWriter(dir, options.info, { overwrite: options.overwrite });
  const summary: { file: string; entries: number }[] = [];
  try {
    ds.writeRuns(runs);
    const writer = ds.openPeriod(period);
    let rows = 0;
    for (let i = 0; i < files.length; i++) {
      const entries = await streamTree(jr, files[i], options, trees[i], branches[i], writer, batchEntries, rows);
      rows += entries;
      summary.push({ file: files[i], entries });
    }
    writer.close();
    ds.close();
  } catch (e) {
    ds.abort();
    throw e;
  }
  return { dir, period, files: summary, events: summary.reduce((a, s) => a + s.entries, 0), runs: runs.run.length };
}

/** Reads every entry of one tree through a TSelector into batches for the writer; returns the entry count. */
async function streamTree(jr: Jsroot, file: string, options: ImportRootOptions, tree: RootTree, branches: (RootBranch | null)[], writer: EventWriter, batchEntries: number, rowsBefore: number): Promise<number> {
  const buf = new BatchBuffer(batchEntries);
  let firstEntry = 0;
  let entries = 0;
  let failure: unknown = null;
  const flush = (): void => {
    if (buf.used === 0) return;
    const n = buf.used;
    const input = Object.fromEntries(EVENT_COLUMNS.map((c, k) => [c.name, buf.cols[k].subarray(0, n)]));
    try {
      writer.write(input as never);
    } catch (e) {
      if (e instanceof EventDataError) {
        // The writer counts rows over the whole events file; the entry is within this ROOT file.
        const entry = e.row !== undefined ? e.row - rowsBefore : undefined;
        const at = entry !== undefined ? `entry ${entry}` : `entries ${firstEntry}..${firstEntry + n - 1}`;
        // Said of the ROOT file and entry, not of the events file being staged.
        const what = e.message.startsWith(`${e.file}: `) ? e.message.slice(e.file.length + 2).replace(/^row \d+(, |: )/, "") : e.message;
        throw new InputDataError(`${file}: tree ${options.tree}, ${at}: ${what}`, { file, field: e.column, row: entry }, { cause: e });
      }
      throw e;
    }
    firstEntry += n;
    buf.used = 0;
  };
  const sources = options.mapping;
  const sel = new jr.TSelector();
  // A branch mapped to several columns (e2_kev=px1,e3_kev=px1) is read once: jsroot reads each branch into one member.
  const member: string[] = [];
  const members = new Map<string, string>();
  sources.forEach((s, k) => {
    const b = branches[k];
    if (!b) return;
    if (!members.has(b.fName)) {
      members.set(b.fName, `b${members.size}`);
      sel.addBranch(b, members.get(b.fName)!);
    }
    member[k] = members.get(b.fName)!;
  });
  sel.Process = function (this: Selector) {
    try {
      const at = buf.used;
      for (let k = 0; k < sources.length; k++) {
        const s = sources[k];
        let v: number;
        if ("constant" in s) v = s.constant;
        else {
          const raw = this.tgtobj[member[k]];
          v = (typeof raw === "boolean" ? Number(raw) : Number(raw as number | bigint)) * s.factor;
        }
        buf.cols[k][at] = v;
      }
      buf.used += 1;
      entries += 1;
      if (buf.used === buf.capacity) flush();
    } catch (e) {
      failure = e;
      this.Abort();
    }
  };
  if (branches.every((b) => b === null)) {
    // Constants only: no branch to drive the selector, so one row per entry of the tree.
    for (let e = 0; e < tree.fEntries; e++) sel.Process.call(sel, e);
  } else {
    await jr.treeProcess(tree, sel);
  }
  if (failure) throw failure;
  flush();
  if (entries !== tree.fEntries) throw new InputDataError(`${file}: tree ${options.tree}: read ${entries} of its ${tree.fEntries} entries`, { file, field: options.tree });
  return entries;
}

/** The run id of every entry, for `--run-duration`: the data must hold exactly one. */
async function singleRunId(jr: Jsroot, files: readonly string[], options: ImportRootOptions, trees: RootTree[], branches: (RootBranch | null)[][]): Promise<number> {
  const k = options.mapping.findIndex((s) => s.column === "run");
  const s = options.mapping[k];
  if ("constant" in s) return s.constant;
  const ids = new Set<number>();
  for (let i = 0; i < files.length; i++) {
    const sel = new jr.TSelector();
    sel.addBranch(branches[i][k]!, "run");
    sel.Process = function (this: Selector) {
      ids.add(Number(this.tgtobj.run as number) * s.factor);
    };
    await jr.treeProcess(trees[i], sel);
  }
  if (ids.size !== 1) {
    throw new OptionError(`--run-duration builds a table of one run, but branch ${s.branch} (run) holds ${ids.size === 0 ? "no entries" : `${ids.size} run ids (${[...ids].slice(0, 5).join(", ")}${ids.size > 5 ? ", ..." : ""})`}: give the run table with --runs`, { option: "--run-duration" });
  }
  return [...ids][0];
}

/** The run table of one run: live for its whole duration (no dead time recorded). */
function oneRunTable(r: OneRunSpec, run: number): RunTableInput {
  return {
    run: [run],
    start_utc: [r.startUtc ?? 0],
    duration_s: [r.durationS],
    live_time_s: [r.durationS],
    dead_time_s: [0],
    thermal_power_gw: [r.thermalPowerGW ?? 0],
    state: [r.state],
    phase: [r.phase ?? 1],
    ln2_fill: [0],
    site_work: [0],
  };
}
