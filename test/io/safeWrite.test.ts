import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { assertOutputSafe, realPath, stageDir, writeFileAtomic } from "../../lib/io/safeWrite.js";

let dirs: string[] = [];
afterEach(() => {
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
  dirs = [];
});
function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), "nuem-io-"));
  dirs.push(d);
  return d;
}

/** An input dataset directory with one file. */
function input(root: string): string {
  const d = join(root, "in");
  mkdirSync(d);
  writeFileSync(join(d, "dataset.json"), "{}\n");
  return d;
}

const file = (path: string, overwrite = false) => ({ path, option: "--out", kind: "file" as const, overwrite });
const dir = (path: string, overwrite = false) => ({ path, option: "--out", kind: "dir" as const, overwrite, marker: "dataset.json" });

describe("assertOutputSafe", () => {
  it("refuses an output that is the input, however spelled (dir/./, dir/../dir, a symlink to it)", () => {
    const root = tmp();
    const inp = input(root);
    symlinkSync(inp, join(root, "link"));
    for (const spelled of [inp, `${inp}/./`, join(inp, "..", "in"), join(root, "link")]) {
      expect(() => assertOutputSafe([dir(spelled, true)], [{ path: inp, option: "--in" }])).toThrow(`--out ${spelled} is the input --in ${inp}`);
    }
  });

  it("refuses an output inside an input, or containing one", () => {
    const root = tmp();
    const inp = input(root);
    expect(() => assertOutputSafe([file(join(inp, "dataset.json"), true)], [{ path: inp, option: "--in" }])).toThrow("lies inside the input --in");
    expect(() => assertOutputSafe([file(join(inp, "new", "spectra.json"))], [{ path: inp, option: "--in" }])).toThrow("lies inside the input --in");
    expect(() => assertOutputSafe([dir(root, true)], [{ path: inp, option: "--in" }])).toThrow("contains the input --in");
  });

  it("refuses two outputs that overlap", () => {
    const root = tmp();
    expect(() => assertOutputSafe([dir(join(root, "sel")), { ...file(join(root, "sel", "s.json")), option: "--selected-out" }], [])).toThrow("overlap");
  });

  it("an existing output needs overwrite; an existing FIFO is refused even with it", () => {
    const root = tmp();
    const out = join(root, "s.json");
    writeFileSync(out, "old\n");
    expect(() => assertOutputSafe([file(out)], [])).toThrow(`--out ${out} exists already: pass --overwrite to replace it`);
    expect(() => assertOutputSafe([file(out, true)], [])).not.toThrow();
    const fifo = join(root, "fifo.json");
    execFileSync("mkfifo", [fifo]);
    expect(() => assertOutputSafe([file(fifo, true)], [])).toThrow(`--out ${fifo} is a FIFO (named pipe), not a regular file`);
  });

  it("an output under /proc fails at once, naming the directory", () => {
    expect(() => assertOutputSafe([file("/proc/nuem-spectra.json")], [])).toThrow("--out /proc/nuem-spectra.json: cannot write in /proc");
    expect(() => assertOutputSafe([dir("/proc/nuem-sel")], [])).toThrow("cannot write in /proc");
  });

  it("a dir output holding foreign files is not replaced", () => {
    const root = tmp();
    const out = join(root, "out");
    mkdirSync(out);
    writeFileSync(join(out, "dataset.json"), "{}\n");
    writeFileSync(join(out, "thesis.tex"), "\n");
    expect(() => assertOutputSafe([{ ...dir(out, true), foreign: (d: string) => readdirSync(d).filter((n) => n !== "dataset.json") }], [])).toThrow("holds files that are not part of what this command writes (thesis.tex)");
  });

  it("realPath resolves the existing part of a path and keeps the rest", () => {
    const root = tmp();
    symlinkSync(root, join(root, "self"));
    expect(realPath(join(root, "self", "a", "..", "b", "c.json"))).toBe(join(realPath(root), "b", "c.json"));
  });
});

describe("writeFileAtomic", () => {
  it("creates missing parent directories", () => {
    const root = tmp();
    writeFileAtomic(join(root, "a", "b", "s.json"), "x\n");
    expect(readFileSync(join(root, "a", "b", "s.json"), "utf8")).toBe("x\n");
  });

  it("replaces the content and leaves no temporary file", () => {
    const root = tmp();
    const f = join(root, "s.json");
    writeFileSync(f, "old\n");
    writeFileAtomic(f, "new\n");
    expect(readFileSync(f, "utf8")).toBe("new\n");
    expect(readdirSync(root)).toEqual(["s.json"]);
  });

  it("a write that fails leaves the old file and an error naming the path", () => {
    const root = tmp();
    const f = join(root, "s.json");
    writeFileSync(f, "old\n");
    // A file where a parent directory should be; a directory in place of the file.
    expect(() => writeFileAtomic(join(f, "x.json"), "new\n")).toThrow(`${join(f, "x.json")}: cannot write`);
    expect(() => writeFileAtomic(root, "new\n")).toThrow(`${root} is a directory, not a regular file`);
    expect(readFileSync(f, "utf8")).toBe("old\n");
    expect(readdirSync(root)).toEqual(["s.json"]);
  });
});

describe("stageDir", () => {
  it("commit swaps the new directory in; abort leaves the old one untouched", () => {
    const root = tmp();
    const d = join(root, "ds");
    mkdirSync(d);
    writeFileSync(join(d, "a"), "old");
    const s1 = stageDir(d);
    writeFileSync(join(s1.tmp, "a"), "new");
    expect(readFileSync(join(d, "a"), "utf8")).toBe("old");
    s1.commit();
    expect(readFileSync(join(d, "a"), "utf8")).toBe("new");
    const s2 = stageDir(d);
    writeFileSync(join(s2.tmp, "a"), "newer");
    s2.abort();
    expect(readFileSync(join(d, "a"), "utf8")).toBe("new");
    expect(readdirSync(root)).toEqual(["ds"]);
  });

  it("after a kill between the two renames of a swap, the next stageDir moves the old directory back", async () => {
    const root = tmp();
    const d = join(root, "ds");
    // A dead process's leftovers: the old directory moved aside, and its staging directory.
    const child = spawn(process.execPath, ["-e", "0"]);
    const pid = child.pid!;
    await new Promise((r) => child.on("exit", r));
    mkdirSync(join(root, `.ds.old-${pid}-abc123`));
    writeFileSync(join(root, `.ds.old-${pid}-abc123`, "a"), "old");
    mkdirSync(join(root, `.ds.staging-${pid}-def456`));
    const s = stageDir(d);
    expect(readFileSync(join(d, "a"), "utf8")).toBe("old");
    s.abort();
    expect(readdirSync(root)).toEqual(["ds"]);
    expect(existsSync(join(root, `.ds.staging-${pid}-def456`))).toBe(false);
  });
});
