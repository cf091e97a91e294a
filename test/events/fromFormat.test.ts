// A dataset written from lib/events/FORMAT.md alone: plain apache-arrow tables (no nuem metadata,
// the column types of the format's tables) and a dataset.json typed by hand, with SHA-256 hashes
// computed here. It must validate and read exactly as the project's own writer's dataset.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tableFromArrays, tableToIPC } from "apache-arrow";
import { describe, expect, it } from "vitest";
import { DatasetWriter, openDataset, readPeriod, readRuns, validateDataset } from "../../lib/events/index.js";
import type { RunTable } from "../../lib/events/index.js";
import { EVENT_NAMES, bytesOf, makeEvents, makeRuns, scratchDirs, sliceEvents } from "./helpers.js";

const tmp = scratchDirs();
const runs = makeRuns(4);
const all = makeEvents(2000, runs);
const events = { ...sliceEvents(all, 0, all.length), truth: undefined };

const sha256 = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

describe("a dataset written from FORMAT.md alone", () => {
  it("validates and reads as the project's writer's dataset of the same values", () => {
    const dir = join(tmp(), "by-hand");
    mkdirSync(dir);
    // Events table (FORMAT.md, "Events"): float64 time_s, int32 run, float32 energies, uint8 flags.
    const ev = tableFromArrays({
      time_s: Float64Array.from(events.time_s),
      run: Int32Array.from(events.run),
      e1_kev: Float32Array.from(events.e1_kev),
      e2_kev: Float32Array.from(events.e2_kev),
      e3_kev: Float32Array.from(events.e3_kev),
      nai_kev: Float32Array.from(events.nai_kev),
      veto: Uint8Array.from(events.veto),
      pulser: Uint8Array.from(events.pulser),
    });
    writeFileSync(join(dir, "events-p1.arrow"), tableToIPC(ev, "file"));
    // Run table (FORMAT.md, "Run table").
    const rt = tableFromArrays({
      run: Int32Array.from(runs.run),
      start_utc: Float64Array.from(runs.start_utc),
      duration_s: Float64Array.from(runs.duration_s),
      live_time_s: Float64Array.from(runs.live_time_s),
      dead_time_s: Float64Array.from(runs.dead_time_s),
      thermal_power_gw: Float64Array.from(runs.thermal_power_gw),
      state: Uint8Array.from(runs.state),
      phase: Int32Array.from(runs.phase),
      ln2_fill: Uint8Array.from(runs.ln2_fill),
      site_work: Uint8Array.from(runs.site_work),
    });
    writeFileSync(join(dir, "runs.arrow"), tableToIPC(rt, "file"));
    const manifest = {
      format: "nuem-events",
      schema_version: 1,
      experiment: "GEMMA",
      detector_mass_kg: 1.5,
      runs: "runs.arrow",
      periods: [{ name: "p1", events: "events-p1.arrow", truth: null, rows: events.length, first_run: 1, last_run: 4 }],
      files_sha256: { "runs.arrow": sha256(join(dir, "runs.arrow")), "events-p1.arrow": sha256(join(dir, "events-p1.arrow")) },
      simulation: null,
    };
    writeFileSync(join(dir, "dataset.json"), JSON.stringify(manifest, null, 2) + "\n");

    expect(validateDataset(dir)).toMatchObject({ runs: 4, events: 2000, hashes: true, periods: [{ name: "p1", rows: 2000, first_run: 1, last_run: 4 }] });

    const own = join(tmp(), "own");
    const ds = new DatasetWriter(own, { experiment: "GEMMA", detector_mass_kg: 1.5 }, { truth: false });
    ds.writeRuns(runs);
    const w = ds.openPeriod("p1");
    w.write(events);
    w.close();
    ds.close();

    const got = readPeriod(openDataset(dir), "p1");
    const want = readPeriod(openDataset(own), "p1");
    for (const name of EVENT_NAMES) expect(bytesOf(got[name]).equals(bytesOf(want[name])), name).toBe(true);
    const gotRuns = readRuns(join(dir, "runs.arrow"));
    for (const name of Object.keys(runs) as (keyof RunTable)[]) {
      if (name !== "length") expect(bytesOf(gotRuns[name] as ArrayBufferView).equals(bytesOf(runs[name] as ArrayBufferView)), name).toBe(true);
    }
  });
});
