// Arrow files written by an independent implementation (polars, Rust arrow2/arrow-rs lineage) with
// its default types (int64 ids, float64 energies, bool flags) and its three codecs: a dataset built
// around them reads exactly as the project's own writer's dataset of the same values.
import { spawnSync } from "node:child_process";
import { copyFileSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import pl from "nodejs-polars";
import { describe, expect, it } from "vitest";
import { DatasetWriter, addDatasetHashes, openDataset, readEvents, readPeriod, readRuns } from "../../lib/events/index.js";
import type { EventColumns, RunTable } from "../../lib/events/index.js";
import { EVENT_NAMES, bytesOf, makeEvents, makeRuns, rng, scratchDirs } from "./helpers.js";

const tmp = scratchDirs();
const info = { experiment: "GEMMA", detector_mass_kg: 1.5 };
const runs = makeRuns(6);
const base = makeEvents(3000, runs);
// Energies as float64 with full double precision (as pandas/polars hold them): the project's
// writer rounds them to float32; a float64 file must read as the same float32 values.
const r = rng(7);
const energy = (k: number): number[] => Array.from(base.e1_kev, (e) => e + k + r() * 1e-3);
const e64 = { e1_kev: energy(0), e2_kev: energy(1), e3_kev: energy(2), nai_kev: Array.from(base.nai_kev, (e) => (e === 0 ? 0 : e + r() * 1e-3)) };
const events: EventColumns = { ...base, truth: undefined, ...{ e1_kev: new Float32Array(e64.e1_kev), e2_kev: new Float32Array(e64.e2_kev), e3_kev: new Float32Array(e64.e3_kev), nai_kev: new Float32Array(e64.nai_kev) } };

function ownDataset(dir: string): void {
  const ds = new DatasetWriter(dir, info, { truth: false });
  ds.writeRuns(runs);
  const w = ds.openPeriod("2005-08");
  // The float64 energies go in as plain numbers: the writer rounds them to float32.
  w.write({ ...events, ...e64 } as unknown as EventColumns);
  w.close();
  ds.close();
}

const i64 = (name: string, a: ArrayLike<number>) => pl.Series(name, Array.from(a), pl.Int64);
const f64 = (name: string, a: ArrayLike<number>) => pl.Series(name, Array.from(a), pl.Float64);
const bool = (name: string, a: ArrayLike<number>) => pl.Series(name, Array.from(a, (x) => x === 1), pl.Bool);

function polarsEvents(run: ArrayLike<number> = events.run): pl.DataFrame {
  return pl.DataFrame([
    f64("time_s", events.time_s),
    i64("run", run),
    f64("e1_kev", e64.e1_kev),
    f64("e2_kev", e64.e2_kev),
    f64("e3_kev", e64.e3_kev),
    f64("nai_kev", e64.nai_kev),
    bool("veto", events.veto),
    bool("pulser", events.pulser),
  ]);
}

function polarsRuns(t: RunTable): pl.DataFrame {
  return pl.DataFrame([
    i64("run", t.run),
    f64("start_utc", t.start_utc),
    f64("duration_s", t.duration_s),
    f64("live_time_s", t.live_time_s),
    f64("dead_time_s", t.dead_time_s),
    f64("thermal_power_gw", t.thermal_power_gw),
    i64("state", t.state),
    i64("phase", t.phase),
    bool("ln2_fill", t.ln2_fill),
    bool("site_work", t.site_work),
  ]);
}

function dropHashes(dir: string): void {
  const file = join(dir, "dataset.json");
  const m = JSON.parse(readFileSync(file, "utf8"));
  delete m.files_sha256;
  writeFileSync(file, JSON.stringify(m, null, 2) + "\n");
}

/** LZ4 frame and ZSTD frame magic numbers, as they open each compressed buffer. */
const MAGIC = { lz4: Buffer.from([0x04, 0x22, 0x4d, 0x18]), zstd: Buffer.from([0x28, 0xb5, 0x2f, 0xfd]) };

describe("Arrow files from polars", () => {
  for (const compression of ["lz4", "zstd", "uncompressed"] as const) {
    it(`${compression}: int64 ids, float64 energies and times, bool flags read as the project's own file of the same values`, () => {
      const own = tmp();
      ownDataset(own);
      const dir = tmp();
      for (const f of readdirSync(own)) copyFileSync(join(own, f), join(dir, f));
      polarsEvents().writeIPC(join(dir, "events-2005-08.arrow"), { compression });
      polarsRuns(runs).writeIPC(join(dir, "runs.arrow"), { compression });
      const bytes = readFileSync(join(dir, "events-2005-08.arrow"));
      if (compression !== "uncompressed") expect(bytes.includes(MAGIC[compression])).toBe(true);
      else expect(bytes.includes(MAGIC.lz4) || bytes.includes(MAGIC.zstd)).toBe(false);
      // Not the project's bytes: polars writes no nuem metadata and other types.
      expect(bytes.equals(readFileSync(join(own, "events-2005-08.arrow")))).toBe(false);
      dropHashes(dir);
      expect(addDatasetHashes(dir).report).toMatchObject({ runs: 6, events: 3000 });
      const got = readPeriod(openDataset(dir), "2005-08");
      const want = readPeriod(openDataset(own), "2005-08");
      for (const name of EVENT_NAMES) {
        expect(got[name].constructor).toBe(want[name].constructor);
        expect(bytesOf(got[name]).equals(bytesOf(want[name])), name).toBe(true);
      }
      const gotRuns = readRuns(join(dir, "runs.arrow"));
      const wantRuns = readRuns(join(own, "runs.arrow"));
      for (const name of Object.keys(wantRuns) as (keyof RunTable)[]) {
        if (name === "length") continue;
        expect(bytesOf(gotRuns[name] as ArrayBufferView).equals(bytesOf(wantRuns[name] as ArrayBufferView)), name).toBe(true);
      }
    });
  }

  it("an int64 run id outside the int32 range is refused, naming the file, the column and the row", () => {
    const dir = tmp();
    const run = Array.from(events.run);
    run[2999] = 2 ** 31;
    const file = join(dir, "events-x.arrow");
    polarsEvents(run).writeIPC(file, { compression: "lz4" });
    expect(() => readEvents(file)).toThrow(`${file}: row 2999: run = 2147483648 (Int64) is outside the int32 range -2147483648..2147483647 of the format`);
  });

  it("a utf8 column where the format has a number is still refused, naming the column", () => {
    const dir = tmp();
    const file = join(dir, "events-x.arrow");
    polarsEvents().withColumn(pl.Series("veto", Array.from(events.veto, String))).writeIPC(file, { compression: "zstd" });
    expect(() => readEvents(file)).toThrow(/column "veto" has type (Utf8|LargeUtf8|Utf8View), expected Uint8/);
  });
});

/** Rows of the events in runs 1..5 (run 6 left out, so a manifest can claim it). */
const ROWS_TO_RUN_5 = events.run.indexOf(6);

/**
 * A polars-written dataset (LZ4), as in the tests above, without hashes, holding the events of
 * runs 1..5 only and a manifest that says so (the run table still has runs 1..6).
 */
function polarsDataset(): string {
  const own = tmp();
  ownDataset(own);
  const dir = tmp();
  for (const f of readdirSync(own)) copyFileSync(join(own, f), join(dir, f));
  polarsEvents().head(ROWS_TO_RUN_5).writeIPC(join(dir, "events-2005-08.arrow"), { compression: "lz4" });
  polarsRuns(runs).writeIPC(join(dir, "runs.arrow"), { compression: "lz4" });
  dropHashes(dir);
  editManifest(dir, (p) => {
    p.rows = ROWS_TO_RUN_5;
    p.last_run = 5;
  });
  return dir;
}

function editManifest(dir: string, edit: (p: { rows: number; first_run: number; last_run: number }) => void): void {
  const file = join(dir, "dataset.json");
  const m = JSON.parse(readFileSync(file, "utf8"));
  edit(m.periods[0]);
  writeFileSync(file, JSON.stringify(m, null, 2) + "\n");
}

describe("a manifest that disagrees with an independent writer's files is refused", () => {
  const nuem = (...args: string[]) => spawnSync(process.execPath, ["bin/nuem.js", ...args], { encoding: "utf8", timeout: 60_000 });
  const cases: [string, (p: { rows: number; first_run: number; last_run: number }) => void, string][] = [
    // The run table has runs 1..6; the events file holds runs 1..5.
    ["a run range wider than the events (last_run 6)", (p) => (p.last_run = 6), "manifest says runs 1..6, events-2005-08.arrow has 1..5"],
    ["a run range narrower than the events (first_run 2)", (p) => (p.first_run = 2), "manifest says runs 2..5, events-2005-08.arrow has 1..5"],
    ["a row count one short", (p) => (p.rows -= 1), `manifest says ${ROWS_TO_RUN_5 - 1} rows, events-2005-08.arrow has ${ROWS_TO_RUN_5}`],
  ];
  for (const [name, edit, message] of cases) {
    it(`${name}: nuem validate exits 1 naming the manifest and the file`, () => {
      const dir = polarsDataset();
      // As written, the dataset is valid.
      const ok = nuem("validate", dir);
      expect(ok.status, ok.stderr).toBe(0);
      editManifest(dir, edit);
      const r = nuem("validate", dir);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`${join(dir, "dataset.json")}: period "2005-08": ${message}`);
    });
  }
});

describe("damaged compressed files", () => {
  it("a truncated LZ4 or ZSTD file is refused by the frame check, before any decoding", () => {
    for (const compression of ["lz4", "zstd"] as const) {
      const file = join(tmp(), `events-${compression}.arrow`);
      polarsEvents().writeIPC(file, { compression });
      const bytes = readFileSync(file);
      writeFileSync(file, bytes.subarray(0, bytes.length - 100));
      expect(() => readEvents(file)).toThrow(`${file}: truncated or incomplete Arrow IPC file: it does not end with "ARROW1"`);
    }
  });

  it("a flipped byte inside an LZ4 body is refused (polars writes LZ4 block checksums), naming the file and the batch", () => {
    const file = join(tmp(), "events-lz4.arrow");
    polarsEvents().writeIPC(file, { compression: "lz4" });
    const bytes = readFileSync(file);
    // Inside the first LZ4 frame's data: a few bytes past its header.
    const at = bytes.indexOf(MAGIC.lz4) + 64;
    bytes[at] ^= 0x55;
    writeFileSync(file, bytes);
    expect(() => readEvents(file)).toThrow(`${file}: cannot decode record batch 0 (from row 0): BlockChecksumError`);
  });
});
