import { createHash } from "node:crypto";
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Bool, Field, RecordBatch, RecordBatchStreamWriter, Schema, Struct, Table, makeData, makeVector, tableFromArrays, tableToIPC } from "apache-arrow";
import * as aq from "arquero";
import { EventDataError, EventWriter, readEventBatches, readEvents, writeRuns } from "../../lib/events/index.js";
import type { EventColumns } from "../../lib/events/index.js";
import { EVENT_NAMES, bytesOf, foreignArrowFile, makeEvents, makeRuns, scratchDirs, sliceEvents } from "./helpers.js";

const tmp = scratchDirs();

const runs = makeRuns(6);
const events = makeEvents(3000, runs, 3);

function write(file: string, ev: EventColumns = events, batchRows = 1000): string {
  const w = new EventWriter(file, { batchRows, truth: ev.truth !== undefined });
  w.write(ev);
  w.close();
  return file;
}

/** Event columns as a plain record (optionally altered), for files written with apache-arrow directly. */
function plainColumns(ev: EventColumns, change: (c: Record<string, ArrayBufferView>) => void = () => {}): Record<string, ArrayBufferView> {
  const c: Record<string, ArrayBufferView> = {};
  for (const name of EVENT_NAMES) c[name] = ev[name].slice();
  change(c);
  return c;
}

/** Writes columns with apache-arrow's own file writer (which keeps the schema only in the footer). */
function writeForeign(file: string, columns: Record<string, ArrayBufferView>): string {
  writeFileSync(file, foreignArrowFile(columns));
  return file;
}

function errorOf(f: () => unknown): EventDataError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(EventDataError);
    return e as EventDataError;
  }
  throw new Error("expected an EventDataError");
}

const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

describe("readEventBatches", () => {
  it("streams record batches in file order, each with its first row, and truth only when asked", () => {
    const file = write(join(tmp(), "events-a.arrow"));
    const batches = [...readEventBatches(file)];
    expect(batches.map((b) => [b.index, b.firstRow, b.length])).toEqual([
      [0, 0, 1000],
      [1, 1000, 1000],
      [2, 2000, 1000],
    ]);
    expect(batches.every((b) => b.truth === undefined)).toBe(true);
    const withTruth = [...readEventBatches(file, { truth: true })];
    expect(bytesOf(withTruth[2].truth!.origin).equals(bytesOf(events.truth!.origin.subarray(2000, 3000)))).toBe(true);
  });

  it("returns columns that view the bytes read for their batch (zero copy), not the whole file", () => {
    const file = write(join(tmp(), "events-a.arrow"));
    const size = statSync(file).size;
    for (const b of readEventBatches(file)) {
      // All columns of a batch share one buffer: the batch body (~29 bytes per row), read once.
      expect(b.e1_kev.buffer).toBe(b.time_s.buffer);
      expect(b.veto.buffer).toBe(b.time_s.buffer);
      expect(b.time_s.buffer.byteLength).toBeLessThan(32 * b.length);
      expect(b.time_s.buffer.byteLength).toBeLessThan(size / 2);
    }
  });

  it("stops early without trouble (the file is closed when the loop is left)", () => {
    const file = write(join(tmp(), "events-a.arrow"));
    for (const b of readEventBatches(file)) {
      expect(b.index).toBe(0);
      break;
    }
    expect(readEvents(file).length).toBe(3000);
  });
});

describe("readEvents", () => {
  it("concatenates the batches; a single-batch file comes back as views, without a copy", () => {
    const dir = tmp();
    const multi = readEvents(write(join(dir, "events-a.arrow")));
    for (const name of EVENT_NAMES) expect(bytesOf(multi[name]).equals(bytesOf(events[name]))).toBe(true);
    const single = readEvents(write(join(dir, "events-b.arrow"), events, 5000));
    expect(single.e1_kev.buffer).toBe(single.time_s.buffer);
    expect(bytesOf(single.e2_kev).equals(bytesOf(events.e2_kev))).toBe(true);
  });

  it("reads files of other writers: apache-arrow's stock writer (schema only in the footer) and flechette", () => {
    const dir = tmp();
    const stock = readEvents(writeForeign(join(dir, "stock.arrow"), plainColumns(events)));
    for (const name of EVENT_NAMES) expect(bytesOf(stock[name]).equals(bytesOf(events[name])), name).toBe(true);
    // flechette keeps typed-array column types and writes the schema message after the magic.
    const table = aq.table(Object.fromEntries(EVENT_NAMES.map((n) => [n, events[n]])));
    const fle = join(dir, "flechette.arrow");
    writeFileSync(fle, aq.toArrowIPC(table, { format: "file" }));
    const back = readEvents(fle);
    for (const name of EVENT_NAMES) expect(bytesOf(back[name]).equals(bytesOf(events[name])), name).toBe(true);
  });

  it("accepts Arrow bool columns for flags (as pyarrow writes them) and unpacks them to 0/1", () => {
    const n = 20;
    const ev = sliceEvents(events, 0, n);
    const cols = plainColumns(ev);
    const fields = EVENT_NAMES.map((name) => new Field(name, name === "veto" ? new Bool() : makeVector(cols[name] as never).type, false));
    const vetoBits = new Uint8Array(Math.ceil(n / 8));
    ev.veto.forEach((v, i) => (vetoBits[i >> 3] |= v << (i & 7)));
    const children = EVENT_NAMES.map((name, k) =>
      name === "veto" ? makeData({ type: new Bool(), length: n, nullCount: 0, data: vetoBits }) : makeData({ type: fields[k].type, length: n, nullCount: 0, data: cols[name] as never }),
    );
    const schema = new Schema(fields);
    const batch = new RecordBatch(schema, makeData({ type: new Struct(fields), length: n, nullCount: 0, children }));
    const file = join(tmp(), "bool.arrow");
    writeFileSync(file, tableToIPC(new Table([batch]), "file"));
    expect(Array.from(readEvents(file).veto)).toEqual(Array.from(ev.veto));
  });
});

describe("validation errors name the file and the problem", () => {
  it("empty file", () => {
    const file = join(tmp(), "events-a.arrow");
    writeFileSync(file, "");
    expect(errorOf(() => readEvents(file)).message).toBe(`${file}: empty file (0 bytes)`);
  });

  it("truncated file: chopped anywhere, the reader says so (and never returns partial data)", () => {
    const dir = tmp();
    const file = write(join(dir, "events-a.arrow"));
    const bytes = readFileSync(file);
    for (const keep of [bytes.length - 1, bytes.length - 7, bytes.length - 500, Math.floor(bytes.length / 2), 100, 12, 6]) {
      const cut = join(dir, `cut-${keep}.arrow`);
      writeFileSync(cut, bytes.subarray(0, keep));
      const err = errorOf(() => readEvents(cut));
      expect(err.message.startsWith(`${cut}: `)).toBe(true);
      expect(err.message).toMatch(/truncated/);
    }
  });

  it("not an Arrow file, or an Arrow stream instead of a file", () => {
    const dir = tmp();
    const csv = join(dir, "events.arrow");
    writeFileSync(csv, "time_s,run,e1_kev\n0.5,1,3.2\n".repeat(10));
    expect(errorOf(() => readEvents(csv)).message).toBe(`${csv}: not an Arrow IPC file (does not start with "ARROW1")`);
    const stream = join(dir, "stream.arrow");
    writeFileSync(stream, RecordBatchStreamWriter.writeAll(tableFromArrays(plainColumns(events) as unknown as Record<string, Float64Array>)).toUint8Array(true));
    expect(errorOf(() => readEvents(stream)).message).toMatch(/is an Arrow IPC stream, not an Arrow IPC file/);
  });

  it("missing column", () => {
    const file = writeForeign(join(tmp(), "x.arrow"), plainColumns(events, (c) => delete c.e3_kev));
    const err = errorOf(() => readEvents(file));
    expect(err.message).toBe(`${file}: missing column "e3_kev" (events table; the file has: time_s, run, e1_kev, e2_kev, nai_kev, veto, pulser)`);
    expect(err.column).toBe("e3_kev");
  });

  it("wrong type", () => {
    // A narrowing (float32 times) is refused; float64 energies are a widening, read as float32 (FORMAT.md).
    const file = writeForeign(join(tmp(), "x.arrow"), plainColumns(events, (c) => (c.time_s = Float32Array.from(events.time_s))));
    expect(errorOf(() => readEvents(file)).message).toBe(`${file}: column "time_s" has type Float32, expected Float64 (float64; see FORMAT.md for the types accepted on reading)`);
    const wide = writeForeign(join(tmp(), "w.arrow"), plainColumns(events, (c) => (c.e1_kev = Float64Array.from(events.e1_kev))));
    expect(readEvents(wide).e1_kev).toEqual(events.e1_kev);
    const file2 = writeForeign(join(tmp(), "y.arrow"), plainColumns(events, (c) => (c.run = Float64Array.from(events.run))));
    expect(errorOf(() => readEvents(file2)).message).toMatch(/column "run" has type Float64, expected Int32/);
  });

  it("NaN and infinite energies: which row and which column", () => {
    const file = writeForeign(join(tmp(), "x.arrow"), plainColumns(events, (c) => ((c.e2_kev as Float32Array)[1234] = NaN)));
    const err = errorOf(() => readEvents(file));
    expect(err.message).toBe(`${file}: row 1234: e2_kev is NaN (run ${events.run[1234]}), expected a finite energy`);
    expect([err.row, err.column]).toEqual([1234, "e2_kev"]);
    const file2 = writeForeign(join(tmp(), "y.arrow"), plainColumns(events, (c) => ((c.nai_kev as Float32Array)[7] = -Infinity)));
    expect(errorOf(() => readEvents(file2)).message).toBe(`${file2}: row 7: nai_kev is -Infinity (run ${events.run[7]}), expected a finite energy`);
  });

  it("unsorted times within a run, and runs out of order", () => {
    const i = 501;
    expect(events.run[i]).toBe(events.run[i + 1]);
    const file = writeForeign(
      join(tmp(), "x.arrow"),
      plainColumns(events, (c) => {
        const t = c.time_s as Float64Array;
        [t[i], t[i + 1]] = [t[i + 1], t[i]];
      }),
    );
    expect(errorOf(() => readEvents(file)).message).toBe(
      `${file}: row ${i + 1}: rows not sorted by (run, time_s): time_s ${events.time_s[i]} after ${events.time_s[i + 1]} in run ${events.run[i]}`,
    );
    const file2 = writeForeign(join(tmp(), "y.arrow"), plainColumns(events, (c) => ((c.run as Int32Array)[2999] = 1)));
    expect(errorOf(() => readEvents(file2)).message).toBe(`${file2}: row 2999: rows not sorted by (run, time_s): run 1 after run 6`);
  });

  it("negative or non-finite times, and flags other than 0/1", () => {
    const file = writeForeign(join(tmp(), "x.arrow"), plainColumns(events, (c) => ((c.time_s as Float64Array)[0] = -1e-3)));
    expect(errorOf(() => readEvents(file)).message).toMatch(/row 0: time_s is -0.001, expected a finite time >= 0 s/);
    const file2 = writeForeign(join(tmp(), "y.arrow"), plainColumns(events, (c) => ((c.veto as Uint8Array)[5] = 2)));
    expect(errorOf(() => readEvents(file2)).message).toBe(`${file2}: row 5: veto is 2, expected 0 or 1`);
  });

  it("unknown run ids, and times past the end of their run, against the run table", () => {
    const dir = tmp();
    const file = write(join(dir, "events-a.arrow"));
    const short = makeRuns(4);
    expect(errorOf(() => readEvents(file, { runs: short, runsFile: "runs.arrow" })).message).toMatch(
      new RegExp(`row ${events.run.indexOf(5)}: run 5 is not in the run table runs\\.arrow`),
    );
    const tight = makeRuns(6);
    tight.duration_s[0] = 1000;
    tight.live_time_s[0] = 990;
    tight.dead_time_s[0] = 10;
    const k = events.time_s.findIndex((t, i) => events.run[i] === 1 && t > 1000);
    expect(errorOf(() => readEvents(file, { runs: tight })).message).toBe(
      `${file}: row ${k}: time_s ${events.time_s[k]} is after the end of run 1 (duration_s 1000 in the run table)`,
    );
    expect(readEvents(file, { runs }).length).toBe(3000);
  });

  it("a truth column inside an events file, or a file of another table", () => {
    const dir = tmp();
    const file = writeForeign(join(dir, "x.arrow"), { ...plainColumns(events), origin: events.truth!.origin });
    expect(errorOf(() => readEvents(file)).message).toMatch(/truth column "origin" found in an events file: truth labels belong in the separate truth-<period>\.arrow file/);
    const runsFile = join(dir, "runs.arrow");
    writeRuns(runsFile, runs);
    expect(errorOf(() => readEvents(runsFile)).message).toBe(`${runsFile}: is a runs table (schema metadata nuem.table = "runs"), expected nuem.table = "events"`);
  });

  it("truth asked for but missing, or out of step with the events", () => {
    const dir = tmp();
    const { truth: _t, ...noTruth } = events;
    const file = write(join(dir, "events-a.arrow"), noTruth);
    expect(errorOf(() => readEvents(file, { truth: true })).message).toMatch(/truth-a\.arrow: no truth file for .*events-a\.arrow/);
    write(join(dir, "events-b.arrow"), sliceEvents(events, 0, 2500));
    expect(errorOf(() => readEvents(file, { truth: true, truthFile: join(dir, "truth-b.arrow") })).message).toMatch(
      /truth-b\.arrow: out of step with .*events-a\.arrow: record batch 2 has 500 rows here, 1000 there/,
    );
  });

  it("never modifies the files it reads, valid or not", () => {
    const dir = tmp();
    const good = write(join(dir, "events-a.arrow"));
    const bad = writeForeign(join(dir, "x.arrow"), plainColumns(events, (c) => ((c.e1_kev as Float32Array)[10] = NaN)));
    const before = [sha(good), sha(bad), statSync(good).mtimeMs, statSync(bad).mtimeMs];
    readEvents(good, { truth: true });
    expect(() => readEvents(bad)).toThrow(EventDataError);
    expect([sha(good), sha(bad), statSync(good).mtimeMs, statSync(bad).mtimeMs]).toEqual(before);
  });
});
