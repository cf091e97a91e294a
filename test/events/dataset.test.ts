import { readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  DatasetWriter,
  EventDataError,
  datasetBatches,
  openDataset,
  readManifest,
  readPeriod,
  validateDataset,
} from "../../lib/events/index.js";
import type { DatasetManifest, EventColumns, RunTable } from "../../lib/events/index.js";
import { EVENT_NAMES, bytesOf, makeEvents, makeRuns, scratchDirs, sliceEvents } from "./helpers.js";

const tmp = scratchDirs();

const runs = makeRuns(20);
const events = makeEvents(4000, runs, 5);
/** Index of the first event of run `r`. */
const firstOf = (r: number) => events.run.indexOf(r);

const info = {
  experiment: "GEMMA",
  detector_mass_kg: 1.5,
  detector: "HPGe 1.5 kg in NaI anti-Compton cup, 13.9 m from the core",
  phases: { "1": "Phase I", "2": "Phase II" },
  simulation: { generator: "nuem/test", seed: 5, config: { rate_per_h: 200, alpha: [1, 2], nested: { z: 1, a: 2 } } },
};

/** A simulated dataset: runs 1-10 in period "2005-08", 11-20 in "2005-09", written in pieces. */
function writeDataset(dir: string, ev: EventColumns = events, r: RunTable = runs): DatasetManifest {
  const ds = new DatasetWriter(dir, info, { truth: true, batchRows: 512 });
  ds.writeRuns(r);
  const split = firstOf(11);
  const a = ds.openPeriod("2005-08");
  for (let at = 0; at < split; at += 300) a.write(sliceEvents(ev, at, Math.min(split, at + 300)));
  a.close();
  const b = ds.openPeriod("2005-09");
  b.write(sliceEvents(ev, split, ev.length));
  return ds.close(); // closes "2005-09"
}

describe("dataset directory", () => {
  it("DatasetWriter writes runs.arrow, events-/truth-<period>.arrow and dataset.json listing them", () => {
    const dir = tmp();
    const m = writeDataset(dir);
    expect(readdirSync(dir).sort()).toEqual(["dataset.json", "events-2005-08.arrow", "events-2005-09.arrow", "runs.arrow", "truth-2005-08.arrow", "truth-2005-09.arrow"]);
    expect(m.periods).toEqual([
      { name: "2005-08", events: "events-2005-08.arrow", truth: "truth-2005-08.arrow", rows: firstOf(11), first_run: 1, last_run: 10 },
      { name: "2005-09", events: "events-2005-09.arrow", truth: "truth-2005-09.arrow", rows: 4000 - firstOf(11), first_run: 11, last_run: 20 },
    ]);
    expect(readManifest(dir)).toEqual(m);
    const text = readFileSync(join(dir, "dataset.json"), "utf8");
    expect(text.startsWith('{\n  "format": "nuem-events",\n  "schema_version": 1,\n  "experiment": "GEMMA",\n  "detector_mass_kg": 1.5,')).toBe(true);
    // Config keys are sorted, so equal configs give equal bytes.
    expect(text).toMatch(/"nested": \{\n\s+"a": 2,\n\s+"z": 1\n/);
  });

  it("is deterministic: writing the same dataset twice gives identical bytes in every file", () => {
    const a = tmp();
    const b = tmp();
    writeDataset(a);
    writeDataset(b);
    for (const f of readdirSync(a)) expect(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), f).toBe(true);
  });

  it("validateDataset reads everything once and reports counts", () => {
    const dir = tmp();
    writeDataset(dir);
    expect(validateDataset(dir)).toEqual({
      dir,
      experiment: "GEMMA",
      runs: 20,
      events: 4000,
      periods: [
        { name: "2005-08", rows: firstOf(11), batches: Math.ceil(firstOf(11) / 512), first_run: 1, last_run: 10, truth: true },
        { name: "2005-09", rows: 4000 - firstOf(11), batches: Math.ceil((4000 - firstOf(11)) / 512), first_run: 11, last_run: 20, truth: true },
      ],
      hashes: true,
    });
  });

  it("readPeriod and datasetBatches give back the events, with truth only when asked", () => {
    const dir = tmp();
    writeDataset(dir);
    const ds = openDataset(dir);
    expect(ds.runs.length).toBe(20);
    const p = readPeriod(ds, "2005-09", { truth: true });
    const want = sliceEvents(events, firstOf(11), 4000);
    for (const name of EVENT_NAMES) expect(bytesOf(p[name]).equals(bytesOf(want[name])), name).toBe(true);
    expect(bytesOf(p.truth!.e_true_kev!).equals(bytesOf(want.truth!.e_true_kev!))).toBe(true);
    expect(readPeriod(ds, "2005-08").truth).toBeUndefined();
    let rows = 0;
    const periods = new Set<string>();
    for (const b of datasetBatches(ds)) {
      rows += b.length;
      periods.add(b.period);
      expect(b.truth).toBeUndefined();
    }
    expect([rows, [...periods]]).toEqual([4000, ["2005-08", "2005-09"]]);
    expect(() => readPeriod(ds, "2006-01")).toThrow(/no period "2006-01" \(periods: 2005-08, 2005-09\)/);
  });

  it("refuses events of runs the run table does not have, naming the file and row", () => {
    const dir = tmp();
    const ds = new DatasetWriter(dir, info);
    ds.writeRuns(makeRuns(10));
    const w = ds.openPeriod("2005-08");
    expect(() => w.write(events)).toThrow(new RegExp(`events-2005-08\\.arrow: row ${firstOf(11)}: run 11 is not in the run table .*runs\\.arrow`));
  });

  it("refuses periods whose run ranges overlap", () => {
    const ds = new DatasetWriter(tmp(), info);
    ds.writeRuns(runs);
    ds.openPeriod("b").write(sliceEvents(events, firstOf(11), 4000));
    ds.openPeriod("a").write(sliceEvents(events, 0, firstOf(11)));
    expect(() => ds.close()).toThrow(/period "a" \(runs 1\.\.10\) overlaps or precedes period "b" \(up to run 20\)/);
  });

  it("validateDataset catches a manifest that disagrees with the files, a missing file, a broken manifest", () => {
    const dir = tmp();
    writeDataset(dir);
    const manifestFile = join(dir, "dataset.json");
    const good = readFileSync(manifestFile, "utf8");
    writeFileSync(manifestFile, good.replace(`"rows": ${firstOf(11)}`, `"rows": ${firstOf(11) + 1}`));
    expect(() => validateDataset(dir)).toThrow(`${manifestFile}: period "2005-08": manifest says ${firstOf(11) + 1} rows, events-2005-08.arrow has ${firstOf(11)}`);
    writeFileSync(manifestFile, good.replace('"schema_version": 1', '"schema_version": 9'));
    expect(() => validateDataset(dir)).toThrow(`${manifestFile}: schema_version 9 is not supported (this reader knows 1..1)`);
    writeFileSync(manifestFile, good.slice(0, 100));
    expect(() => openDataset(dir)).toThrow(/dataset\.json: not valid JSON/);
    writeFileSync(manifestFile, good);
    rmSync(join(dir, "truth-2005-09.arrow"));
    expect(() => openDataset(dir)).toThrow(`${manifestFile}: period "2005-09": listed file truth-2005-09.arrow does not exist`);
  });

  it("refuses to write over an existing dataset unless told to", () => {
    const dir = tmp();
    writeDataset(dir);
    expect(() => new DatasetWriter(dir, info)).toThrow(EventDataError);
    const ds = new DatasetWriter(dir, info, { overwrite: true });
    ds.writeRuns(runs);
    ds.close();
    expect(readManifest(dir).periods).toEqual([]);
  });
});
