/**
 * How every writer of the project puts files on disk (issue 12, "never silently wrong"):
 * - `assertOutputSafe(outputs, inputs)`: before any work, on real paths (symlinks and `dir/./`
 *   resolved): no output is, contains or lies inside an input or another output; an existing
 *   output needs `--overwrite` and must be of the right kind (a regular file, a directory); the
 *   place it goes is writable (a probe file is created and removed, so `/proc` fails at once).
 * - `writeFileAtomic(file, data)`: the bytes go to a temporary sibling, are flushed, and the
 *   sibling is renamed over `file`: a full disk or a kill leaves the old file, never part of one.
 * - `stageDir(dir)`: a directory is built in a temporary sibling and swapped in by `commit()`,
 *   so an interrupted run leaves the old directory or the new one, never a mixture.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, realpathSync, renameSync, rmSync, statSync, unlinkSync, writeSync, type Stats } from "node:fs";
import { basename, dirname, join, resolve, sep } from "node:path";
import { OutputPathError } from "../errors.js";
import { kindOf } from "./regularFile.js";

export { OutputPathError } from "../errors.js";

/**
 * The real absolute path of `p`, whether or not it exists: the longest existing prefix is
 * resolved through `realpath` (symlinks, `.`, `..`), the rest appended.
 */
export function realPath(p: string): string {
  const abs = resolve(p);
  let head = abs;
  const rest: string[] = [];
  for (;;) {
    try {
      const real = realpathSync(head);
      return rest.length === 0 ? real : join(real, ...rest.reverse());
    } catch (e) {
      // Only a missing component sends us one level up; any other error (permissions, loops) is real.
      if (!isMissing(e)) throw e;
      const up = dirname(head);
      if (up === head) return abs;
      rest.push(basename(head));
      head = up;
    }
  }
}


/** A path component does not exist (ENOENT) or is not a directory (ENOTDIR). */
function isMissing(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException).code;
  return code === "ENOENT" || code === "ENOTDIR";
}

function statOrNull(p: string): Stats | null {
  try {
    return statSync(p);
  } catch (e) {
    if (isMissing(e)) return null;
    throw e;
  }
}

/** `a` is `b` or lies inside it. */
function within(a: string, b: string): boolean {
  return a === b || a.startsWith(b.endsWith(sep) ? b : b + sep);
}

/** One path a command will write. */
export interface OutputSpec {
  /** The path as the user gave it (messages quote it). */
  path: string;
  /** The option that names it, e.g. "--out". */
  option: string;
  /** "file": one file written whole; "dir": a directory written whole (e.g. a dataset). */
  kind: "file" | "dir";
  /** Whether an existing output may be replaced (the command's --overwrite). */
  overwrite: boolean;
  /**
   * For "dir" outputs that exist: what in the directory would not belong to the kind of output
   * being replaced (e.g. files that are not part of a dataset); the replacement is refused when
   * this is non-empty, so `--overwrite` never deletes anything else.
   */
  foreign?: (dir: string) => string[];
  /** For "dir" outputs: the marker file of an existing output that needs --overwrite (default: any entry). */
  marker?: string;
}

/** One path a command reads. */
export interface InputSpec {
  path: string;
  option: string;
}

/** Checks that a new file can be created in the directory that will hold `real` (creates and removes a probe). */
function assertWritablePlace(spec: OutputSpec, real: string): void {
  let dir = dirname(real);
  while (!existsSync(dir)) {
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  const s = statOrNull(dir);
  if (!s || !s.isDirectory()) throw new OutputPathError(spec.path, `${spec.option} ${spec.path}: ${dir} is ${s ? kindOf(s) : "missing"}, not a directory: choose another path`, spec.option);
  const probe = join(dir, `.nuem-probe-${process.pid}-${Math.random().toString(36).slice(2)}`);
  try {
    closeSync(openSync(probe, "wx"));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new OutputPathError(spec.path, `${spec.option} ${spec.path}: cannot write in ${dir} (${err.code ?? err.message}): choose a writable location`, spec.option);
  }
  unlinkSync(probe);
}

/**
 * Refuses, before any work starts, outputs that would destroy an input or each other, that exist
 * already without `overwrite`, that are of the wrong kind, or that cannot be written. Paths are
 * compared as real paths. Throws an `OutputPathError` naming the option and the path.
 */
export function assertOutputSafe(outputs: readonly OutputSpec[], inputs: readonly InputSpec[]): void {
  const realOut = outputs.map((o) => realPath(o.path));
  const realIn = inputs.map((i) => realPath(i.path));
  outputs.forEach((o, k) => {
    const out = realOut[k];
    inputs.forEach((inp, j) => {
      const src = realIn[j];
      const what =
        out === src ? "is" : within(out, src) ? "lies inside" : within(src, out) ? "contains" : null;
      if (what) {
        throw new OutputPathError(o.path, `${o.option} ${o.path} ${what} the input ${inp.option} ${inp.path}: inputs are never written; choose an output outside it`, o.option);
      }
    });
    for (let j = 0; j < k; j++) {
      if (within(out, realOut[j]) || within(realOut[j], out)) {
        throw new OutputPathError(o.path, `${o.option} ${o.path} and ${outputs[j].option} ${outputs[j].path} overlap: give them separate paths`, o.option);
      }
    }
    const s = statOrNull(out);
    if (s) {
      if (o.kind === "file" && !s.isFile()) throw new OutputPathError(o.path, `${o.option} ${o.path} is ${kindOf(s)}, not a regular file: choose a file path`, o.option);
      if (o.kind === "dir" && !s.isDirectory()) throw new OutputPathError(o.path, `${o.option} ${o.path} is ${kindOf(s)}, not a directory: choose a directory path`, o.option);
      const occupied = o.kind === "file" || (o.marker ? existsSync(join(out, o.marker)) : readdirSync(out).length > 0);
      if (occupied && !o.overwrite) throw new OutputPathError(o.path, `${o.option} ${o.path} exists already: pass --overwrite to replace it, or choose another path`, o.option);
      if (o.kind === "dir" && o.foreign) {
        const extra = o.foreign(out);
        if (extra.length > 0) {
          throw new OutputPathError(o.path, `${o.option} ${o.path} holds files that are not part of what this command writes (${extra.slice(0, 5).join(", ")}${extra.length > 5 ? ", ..." : ""}): it is not replaced; choose a new or empty directory`, o.option);
        }
      }
    }
    assertWritablePlace(o, out);
  });
}

function tmpSibling(real: string, tag: string): string {
  return join(dirname(real), `.${basename(real)}.${tag}-${process.pid}-${Math.random().toString(36).slice(2, 10)}`);
}

function writeAllSync(fd: number, bytes: Uint8Array): void {
  let done = 0;
  while (done < bytes.byteLength) done += writeSync(fd, bytes, done, bytes.byteLength - done);
}

/** Removes a temporary file; one that was never created (no such file, or no such directory) is fine. */
function removeIfThere(file: string): void {
  try {
    unlinkSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== "ENOENT" && code !== "ENOTDIR") throw e;
  }
}

/**
 * Writes `data` to `file` through a temporary sibling that is flushed and renamed over `file`
 * (missing parent directories are created).
 * On any failure (full disk, no permission) the temporary file is removed, `file` keeps its
 * previous content (or stays absent), and the error names `file`. A symlink is followed: its
 * target is replaced.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  const real = realPath(file);
  const s = statOrNull(real);
  if (s && !s.isFile()) throw new OutputPathError(file, `${file} is ${kindOf(s)}, not a regular file: not written`);
  const tmp = tmpSibling(real, "tmp");
  const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
  let fd: number | null = null;
  try {
    mkdirSync(dirname(real), { recursive: true });
    fd = openSync(tmp, "wx", s ? s.mode & 0o777 : 0o666);
    writeAllSync(fd, bytes);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    renameSync(tmp, real);
  } catch (e) {
    if (fd !== null) closeSync(fd);
    removeIfThere(tmp);
    const err = e as NodeJS.ErrnoException;
    throw new OutputPathError(file, `${file}: cannot write (${err.message}); ${s ? "the previous file is unchanged" : "nothing was written"}`);
  }
}

/** Temporary directories not yet committed, removed if the process exits without committing. */
const pending = new Set<string>();
let exitHookInstalled = false;

function removePendingOnExit(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on("exit", () => {
    for (const d of pending) rmSync(d, { recursive: true, force: true });
  });
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: alive but another user's; ESRCH: no such process. Anything else is not an answer.
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EPERM") return true;
    if (code === "ESRCH") return false;
    throw e;
  }
}

/**
 * What a killed run left beside `real`: its temporary directories are removed; and if it was killed
 * between the two renames of a swap (the old directory moved aside, the new one not yet in place),
 * the old directory is moved back.
 */
function recoverInterrupted(real: string): void {
  const parent = dirname(real);
  const prefix = `.${basename(real)}.`;
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch (e) {
    if (isMissing(e)) return; // no parent yet: nothing was left behind
    throw e;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const m = /^(staging|old)-(\d+)-[A-Za-z0-9]+$/.exec(name.slice(prefix.length));
    if (!m || processAlive(Number(m[2]))) continue;
    const p = join(parent, name);
    if (m[1] === "old" && !existsSync(real)) renameSync(p, real);
    else rmSync(p, { recursive: true, force: true });
  }
}

/** A directory being built beside its final place. */
export interface StagedDir {
  /** The final directory (real path). */
  readonly dir: string;
  /** The temporary sibling to write into. */
  readonly tmp: string;
  /** Swap the temporary directory in place of `dir` (the previous `dir`, if any, is removed). */
  commit(): void;
  /** Remove the temporary directory; `dir` is untouched. */
  abort(): void;
}

/**
 * Starts building directory `dir` in a temporary sibling (same file system, so the swap is a
 * rename). `commit()` moves an existing `dir` aside, renames the new one into place and deletes
 * the old one: readers see the old directory or the new one. A run killed between those two
 * renames leaves the old directory aside; the next `stageDir` of the same path moves it back.
 */
export function stageDir(dir: string): StagedDir {
  const real = realPath(dir);
  mkdirSync(dirname(real), { recursive: true });
  recoverInterrupted(real);
  // mkdirSync (not mkdtemp, which makes it private) so the dataset gets the permissions of any new directory.
  const tmp = tmpSibling(real, "staging");
  mkdirSync(tmp);
  pending.add(tmp);
  removePendingOnExit();
  let done = false;
  return {
    dir: real,
    tmp,
    commit() {
      if (done) throw new Error(`${dir}: already committed or aborted`);
      done = true;
      const s = statOrNull(real);
      if (s && !s.isDirectory()) throw new OutputPathError(dir, `${dir} is ${kindOf(s)}, not a directory: not replaced`);
      if (!s) {
        renameSync(tmp, real);
      } else {
        const old = tmpSibling(real, "old");
        renameSync(real, old);
        try {
          renameSync(tmp, real);
        } catch (e) {
          renameSync(old, real);
          throw e;
        }
        rmSync(old, { recursive: true, force: true });
      }
      pending.delete(tmp);
    },
    abort() {
      if (done) return;
      done = true;
      rmSync(tmp, { recursive: true, force: true });
      pending.delete(tmp);
    },
  };
}
