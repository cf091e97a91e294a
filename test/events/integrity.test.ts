// What a reader does with damaged or inconsistent datasets (issue 12): every case is refused with
// a message naming the file, or read with a warning when the manifest has no hashes to check.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { DatasetWriter, addDatasetHashes, openDataset, readEvents, readPeriod, validateDataset } from "../../lib/events/index.js";
import { makeEvents, makeRuns, scratchDirs, sliceEvents } from "./helpers.js";

const tmp = scratchDirs();
const runs = makeRuns(20);
const events = makeEvents(6000, runs, 7);
const firstOf = (r: number) => events.run.indexOf(r);
const info = { experiment: "GEMMA", detector_mass_kg: 1.5 };

/** Two periods (runs 1-10, 11-20), small record batches so a file has several. */
function writeDataset(dir: string): void {
  const ds = new DatasetWriter(dir, info, { truth: true, batchRows: 700 });
  ds.writeRuns(runs);
  const split = firstOf(11);
  ds.openPeriod("2005-08").write(sliceEvents(events, 0, split));
  ds.openPeriod("2005-09").write(sliceEvents(events, split, events.length));
  ds.close();
}

const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

/** The manifest without its hashes, as another tool would write it. */
function dropHashes(dir: string): void {
  const file = join(dir, "dataset.json");
  const m = JSON.parse(readFileSync(file, "utf8"));
  delete m.files_sha256;
  writeFileSync(file, JSON.stringify(m, null, 2) + "\n");
}

function editManifest(dir: string, edit: (m: { periods: { rows: number; first_run: number; last_run: number }[] }) => void): void {
  const file = join(dir, "dataset.json");
  const m = JSON.parse(readFileSync(file, "utf8"));
  edit(m);
  writeFileSync(file, JSON.stringify(m, null, 2) + "\n");
}

/** Damages of an Arrow file, each applied to a copy of the bytes. */
const damages: Record<string, (b: Buffer) => Buffer> = {
  "footer length off by 8": (b) => {
    const c = Buffer.from(b);
    c.writeInt32LE(c.readInt32LE(c.length - 10) + 8, c.length - 10);
    return c;
  },
  "file doubled": (b) => Buffer.concat([b, b]),
  "truncated by 100 bytes": (b) => b.subarray(0, b.length - 100),
  "middle 64 KB zeroed": (b) => {
    const c = Buffer.from(b);
    const at = Math.floor(c.length / 2) - 32768;
    c.fill(0, at, at + 65536);
    return c;
  },
};

describe("dataset integrity", () => {
  it("the manifest lists the SHA-256 of every file, equal to the files' own hashes", () => {
    const dir = tmp();
    writeDataset(dir);
    const m = JSON.parse(readFileSync(join(dir, "dataset.json"), "utf8"));
    const names = ["runs.arrow", "events-2005-08.arrow", "truth-2005-08.arrow", "events-2005-09.arrow", "truth-2005-09.arrow"];
    expect(Object.keys(m.files_sha256)).toEqual(names);
    for (const f of names) expect(m.files_sha256[f]).toBe(sha(join(dir, f)));
  });

  for (const [name, damage] of Object.entries(damages)) {
    it(`an events file with its ${name} is refused by its hash, naming the file`, () => {
      const dir = tmp();
      writeDataset(dir);
      const file = join(dir, "events-2005-09.arrow");
      writeFileSync(file, damage(readFileSync(file)));
      const ds = openDataset(dir);
      expect(() => readPeriod(ds, "2005-09")).toThrow(`${file}: content does not match the SHA-256 in dataset.json`);
      expect(() => validateDataset(dir)).toThrow(file);
    });
  }

  for (const name of ["footer length off by 8", "file doubled", "truncated by 100 bytes"]) {
    it(`without hashes, an events file with its ${name} is still refused by its frame, naming the file`, () => {
      const dir = tmp();
      writeDataset(dir);
      dropHashes(dir);
      const file = join(dir, "events-2005-09.arrow");
      writeFileSync(file, damages[name](readFileSync(file)));
      expect(() => readEvents(file)).toThrow(new RegExp(`^${file}: (corrupt|truncated)`));
    });
  }

  it("a doubled file's message says where the extra bytes are", () => {
    const dir = tmp();
    writeDataset(dir);
    const file = join(dir, "events-2005-08.arrow");
    const size = readFileSync(file).length;
    writeFileSync(file, damages["file doubled"](readFileSync(file)));
    expect(() => readEvents(file)).toThrow(`${size} bytes between the end-of-stream marker`);
  });

  it("a manifest whose row count is wrong is refused, naming the period and both counts", () => {
    const dir = tmp();
    writeDataset(dir);
    const rows = 6000 - firstOf(11);
    editManifest(dir, (m) => (m.periods[1].rows = 22169));
    const ds = openDataset(dir);
    expect(() => readPeriod(ds, "2005-09")).toThrow(`period "2005-09": manifest says 22169 rows, events-2005-09.arrow has ${rows}`);
  });

  it("a manifest whose run range is wider than its events file is refused, naming the file and the runs", () => {
    // Runs 1..8 written, the manifest widened to 1..10: selecting would count the live time of runs 9, 10.
    const dir = tmp();
    const ds = new DatasetWriter(dir, info, { truth: false });
    ds.writeRuns(runs);
    ds.openPeriod("2005-08").write(sliceEvents(events, 0, firstOf(9)));
    ds.close();
    editManifest(dir, (m) => (m.periods[0].last_run = 10));
    expect(() => readPeriod(openDataset(dir), "2005-08")).toThrow(`period "2005-08": manifest says runs 1..10, events-2005-08.arrow has 1..8`);
    expect(() => validateDataset(dir)).toThrow("manifest says runs 1..10, events-2005-08.arrow has 1..8");
    // Widened into the next period: refused when the dataset is opened.
    const dir2 = tmp();
    writeDataset(dir2);
    editManifest(dir2, (m) => (m.periods[0].last_run = 12));
    expect(() => openDataset(dir2)).toThrow('period "2005-09" (runs 11..20) overlaps or precedes period "2005-08" (up to run 12)');
  });

  it("a dataset without hashes is read with one warning on stderr naming it, and --rehash adds the hashes the writer gives", () => {
    const dir = tmp();
    writeDataset(dir);
    const original = readFileSync(join(dir, "dataset.json"), "utf8");
    dropHashes(dir);
    const spy = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      const ds = openDataset(dir);
      readPeriod(ds, "2005-08");
      openDataset(dir);
      const warnings = spy.mock.calls.map((c) => String(c[0])).filter((t) => t.includes("no file hashes"));
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain(join(dir, "dataset.json"));
    } finally {
      spy.mockRestore();
    }
    const { rewritten } = addDatasetHashes(dir);
    expect(rewritten).toBe(true);
    expect(readFileSync(join(dir, "dataset.json"), "utf8")).toBe(original);
  });

  it("rehashing never blesses a damaged file: a dataset whose file differs from its hash stays refused", () => {
    const dir = tmp();
    writeDataset(dir);
    const file = join(dir, "events-2005-08.arrow");
    writeFileSync(file, damages["middle 64 KB zeroed"](readFileSync(file)));
    const before = sha(join(dir, "dataset.json"));
    expect(() => addDatasetHashes(dir)).toThrow(`${file}: content does not match the SHA-256`);
    expect(sha(join(dir, "dataset.json"))).toBe(before);
  });

  it("FIFOs in place of an events file or a manifest are refused at once, naming the file", () => {
    const dir = tmp();
    writeDataset(dir);
    const events = join(dir, "events-2005-09.arrow");
    rmSync(events);
    execFileSync("mkfifo", [events]);
    expect(() => readEvents(events)).toThrow(`${events}: is a FIFO (named pipe), not a regular file`);
    expect(() => openDataset(dir)).toThrow(`period "2005-09": listed file events-2005-09.arrow is a FIFO (named pipe), not a regular file`);
    const manifest = join(dir, "dataset.json");
    rmSync(manifest);
    execFileSync("mkfifo", [manifest]);
    expect(() => openDataset(dir)).toThrow(`${manifest}: cannot read the dataset manifest (is a FIFO (named pipe), not a regular file`);
  });

  it("a truncated run table is refused, naming it", () => {
    const dir = tmp();
    writeDataset(dir);
    dropHashes(dir);
    const file = join(dir, "runs.arrow");
    truncateSync(file, readFileSync(file).length - 3);
    expect(() => openDataset(dir)).toThrow(file);
  });
});
