import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as aq from "arquero";
import { EventDataError, EventWriter, readEventBatches, readEvents } from "../../lib/events/index.js";
import { EVENT_NAMES, bytesOf, makeEvents, makeRuns, scratchDirs, sliceEvents } from "./helpers.js";

const tmp = scratchDirs();

const runs = makeRuns(12);
const events = makeEvents(5000, runs, 7);

/** Write `ev` in chunks of the given sizes (cycled), return the summary. */
function writeChunked(file: string, ev = events, chunks: number[] = [1, 17, 333, 1000, 2], options = {}) {
  const w = new EventWriter(file, { truth: true, batchRows: 700, ...options });
  let at = 0;
  for (let k = 0; at < ev.length; k++) {
    const to = Math.min(ev.length, at + chunks[k % chunks.length]);
    w.write(sliceEvents(ev, at, to));
    at = to;
  }
  return w.close();
}

describe("EventWriter", () => {
  it("round trip: written in many irregular batches, reads back bit for bit (events and truth)", () => {
    const file = join(tmp(), "events-2005-08.arrow");
    const s = writeChunked(file);
    expect(s).toMatchObject({ rows: 5000, batches: Math.ceil(5000 / 700), firstRun: 1, lastRun: 12 });
    expect(s.truthFile).toBe(join(file, "..", "truth-2005-08.arrow"));
    const back = readEvents(file, { truth: true });
    expect(back.length).toBe(5000);
    for (const name of EVENT_NAMES) {
      expect(back[name].constructor).toBe(events[name].constructor);
      expect(bytesOf(back[name]).equals(bytesOf(events[name])), name).toBe(true);
    }
    expect(bytesOf(back.truth!.origin).equals(bytesOf(events.truth!.origin))).toBe(true);
    expect(bytesOf(back.truth!.e_true_kev!).equals(bytesOf(events.truth!.e_true_kev!))).toBe(true);
  });

  it("round trip at the default batch size (large column buffers), checked by an independent reader too", () => {
    const big = makeEvents(300_000, runs, 11);
    const file = join(tmp(), "events-big.arrow");
    const w = new EventWriter(file);
    for (let at = 0; at < big.length; at += 50_000) w.write(sliceEvents(big, at, Math.min(big.length, at + 50_000)));
    expect(w.close()).toMatchObject({ rows: 300_000, batches: 3 });
    const back = readEvents(file);
    for (const name of EVENT_NAMES) expect(bytesOf(back[name]).equals(bytesOf(big[name])), name).toBe(true);
    const t = aq.fromArrow(readFileSync(file));
    expect(t.numRows()).toBe(300_000);
    expect(t.get("e1_kev", 299_999)).toBe(big.e1_kev[299_999]);
    expect(t.get("time_s", 150_000)).toBe(big.time_s[150_000]);
  });

  it("record batches on disk have batchRows rows, whatever the write() sizes", () => {
    const file = join(tmp(), "events-x.arrow");
    writeChunked(file, events, [4999, 1]);
    const sizes = [...readEventBatches(file)].map((b) => b.length);
    expect(sizes).toEqual([700, 700, 700, 700, 700, 700, 700, 100]);
  });

  it("is deterministic: the same data give identical bytes, however they are chunked (no timestamps, no random ids)", () => {
    const dir = tmp();
    const a = join(dir, "events-a.arrow");
    const b = join(dir, "events-b.arrow");
    writeChunked(a, events, [5000]);
    writeChunked(b, events, [3, 997, 1, 64]);
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
    expect(readFileSync(join(dir, "truth-a.arrow")).equals(readFileSync(join(dir, "truth-b.arrow")))).toBe(true);
  });

  it("writes the standard Arrow IPC file layout: magic, schema message, batches, end-of-stream, footer, magic", () => {
    const file = join(tmp(), "events-x.arrow");
    writeChunked(file);
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 8).toString("latin1")).toBe("ARROW1\0\0");
    expect(bytes.subarray(bytes.length - 6).toString("latin1")).toBe("ARROW1");
    // The stream part starts with a continuation marker and a Schema message (header type 1).
    expect(bytes.readInt32LE(8)).toBe(-1);
    const footerLength = bytes.readInt32LE(bytes.length - 10);
    const footerStart = bytes.length - 10 - footerLength;
    // End-of-stream marker (0xFFFFFFFF 00000000) just before the footer, which starts 8-byte aligned.
    expect(bytes.readInt32LE(footerStart - 8)).toBe(-1);
    expect(bytes.readInt32LE(footerStart - 4)).toBe(0);
    expect(footerStart % 8).toBe(0);
  });

  it("its files are read by an independent Arrow implementation (flechette, through arquero)", () => {
    const file = join(tmp(), "events-x.arrow");
    writeChunked(file);
    const t = aq.fromArrow(readFileSync(file));
    expect(t.numRows()).toBe(5000);
    expect(t.columnNames()).toEqual([...EVENT_NAMES]);
    for (const i of [0, 1234, 4999]) {
      expect(t.get("time_s", i)).toBe(events.time_s[i]);
      expect(t.get("run", i)).toBe(events.run[i]);
      expect(t.get("e3_kev", i)).toBe(events.e3_kev[i]);
      expect(t.get("veto", i)).toBe(events.veto[i]);
    }
  });

  it("writes a valid empty file when closed without rows", () => {
    const file = join(tmp(), "events-empty.arrow");
    const s = new EventWriter(file).close();
    expect(s).toMatchObject({ rows: 0, batches: 0, firstRun: null, lastRun: null, truthFile: null });
    const back = readEvents(file);
    expect(back.length).toBe(0);
    expect(back.e1_kev).toBeInstanceOf(Float32Array);
  });

  it("rejects a bad batch with the file, row and column, writes none of it, and stays usable", () => {
    const file = join(tmp(), "events-x.arrow");
    const w = new EventWriter(file);
    w.write(sliceEvents(events, 0, 10));
    const bad = sliceEvents(makeEvents(5000, runs, 7), 10, 20);
    bad.e2_kev[3] = NaN;
    const err = (() => {
      try {
        w.write(bad);
      } catch (e) {
        return e as EventDataError;
      }
    })();
    expect(err).toBeInstanceOf(EventDataError);
    expect(err!.message).toBe(`${file}: row 13: e2_kev is NaN (run ${bad.run[3]}), expected a finite energy`);
    expect(err!.row).toBe(13);
    expect(err!.column).toBe("e2_kev");
    w.write(sliceEvents(events, 10, 20));
    expect(w.close().rows).toBe(20);
  });

  it("refuses rows out of (run, time_s) order across batches", () => {
    const w = new EventWriter(join(tmp(), "events-x.arrow"));
    w.write(sliceEvents(events, 100, 200));
    expect(() => w.write(sliceEvents(events, 0, 10))).toThrow(/row 100: rows not sorted by \(run, time_s\)/);
    w.abort();
  });

  it("checks run ids and times against a run table", () => {
    const dir = tmp();
    const w = new EventWriter(join(dir, "events-x.arrow"), { runs: makeRuns(3), runsFile: "runs.arrow" });
    const ev = sliceEvents(events, 0, events.length);
    expect(() => w.write(ev)).toThrow(/run 4 is not in the run table runs\.arrow/);
    w.abort();
    expect(readdirSync(dir)).toEqual([]);
  });

  it("needs truth on every batch when writing truth, and converts plain arrays (refusing non-integer ids)", () => {
    const file = join(tmp(), "events-x.arrow");
    const w = new EventWriter(file, { truth: true });
    const { truth: _t, ...noTruth } = sliceEvents(events, 0, 5);
    expect(() => w.write(noTruth)).toThrow(/every batch needs `truth`/);
    const plain = {
      time_s: [0.5, 1.5],
      run: [1, 1],
      e1_kev: [3, 4],
      e2_kev: [3, 4],
      e3_kev: [3, 4],
      nai_kev: [0, 0],
      veto: [0, 1],
      pulser: [0, 0],
      truth: { origin: [1, 3] },
    };
    expect(() => w.write({ ...plain, run: [1, 1.5] })).toThrow(/row 1: run = 1.5 is not a int32 integer/);
    w.write(plain);
    w.close();
    const back = readEvents(file, { truth: true });
    expect(Array.from(back.veto)).toEqual([0, 1]);
    expect(Array.from(back.truth!.origin)).toEqual([1, 3]);
    expect(back.truth!.e_true_kev).toBeUndefined();
  });

  it("refuses to replace an existing file unless told to; leaves no file behind on abort", () => {
    const dir = tmp();
    const file = join(dir, "events-x.arrow");
    new EventWriter(file).close();
    expect(() => new EventWriter(file)).toThrow(/exists already/);
    const w = new EventWriter(file, { overwrite: true });
    w.write(sliceEvents(events, 0, 3));
    expect(existsSync(`${file}.partial`)).toBe(true);
    w.abort();
    expect(readdirSync(dir)).toEqual(["events-x.arrow"]);
  });
});
