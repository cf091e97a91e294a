import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { EventWriter, Origin, RunState, importEventsCsv, importRunsCsv, readEvents, writeRuns, readRuns } from "../../lib/events/index.js";
import { EVENT_NAMES, bytesOf, scratchDirs } from "./helpers.js";

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/events/${name}`, import.meta.url));

const tmp = scratchDirs();

describe("importRunsCsv", () => {
  it("reads ISO-8601 or POSIX start times, state names or codes, and 0/1/true/false flags", () => {
    const runs = importRunsCsv(fixture("runs-small.csv"));
    expect(runs.length).toBe(6);
    expect(Array.from(runs.run)).toEqual([101, 102, 103, 104, 105, 106]);
    // 2005-08-01T00:00:00Z = 1122854400 s after the POSIX epoch; runs one hour apart.
    expect(Array.from(runs.start_utc)).toEqual([1122854400, 1122858000, 1122861600, 1122865200, 1122868800, 1122872400]);
    expect(Array.from(runs.state)).toEqual([RunState.ON, RunState.ON, RunState.ON, RunState.TRANSITION, RunState.OFF, RunState.OFF]);
    expect(Array.from(runs.ln2_fill)).toEqual([0, 1, 0, 0, 0, 0]);
    expect(Array.from(runs.site_work)).toEqual([0, 0, 0, 1, 0, 0]);
    expect(Array.from(runs.phase)).toEqual([1, 1, 1, 1, 1, 2]);
    expect(runs.duration_s[3]).toBe(1800);
  });

  it("errors name the file and line", () => {
    const overlap = fixture("runs-overlap.csv");
    expect(() => importRunsCsv(overlap)).toThrow(`${overlap}: line 3: run 2 starts at 1122856200, before the end of run 1 (1122858000): runs overlap or are out of time order`);
    const date = fixture("runs-baddate.csv");
    expect(() => importRunsCsv(date)).toThrow(`${date}: line 2, column start_utc: "2005-08-01 00:00:00" is not an ISO-8601 date-time with a zone (e.g. 2005-08-01T00:00:00Z)`);
  });
});

describe("importEventsCsv", () => {
  const runs = importRunsCsv(fixture("runs-small.csv"));

  it("reads the columns in any order, into the same typed columns as readEvents; truth only when asked", () => {
    const ev = importEventsCsv(fixture("events-small.csv"), { runs });
    expect(ev.length).toBe(12);
    expect(ev.truth).toBeUndefined();
    expect(ev.time_s).toBeInstanceOf(Float64Array);
    expect(ev.e1_kev).toBeInstanceOf(Float32Array);
    expect(ev.run).toBeInstanceOf(Int32Array);
    expect(Array.from(ev.run)).toEqual([101, 101, 101, 102, 102, 103, 103, 104, 104, 105, 106, 106]);
    expect(ev.e3_kev[3]).toBe(Math.fround(-0.4));
    expect(ev.nai_kev[2]).toBe(120.5);
    expect(Array.from(ev.veto)).toEqual([0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0]);
    expect(Array.from(ev.pulser)).toEqual([0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0]);
    const t = importEventsCsv(fixture("events-small.csv"), { truth: true }).truth!;
    expect(Array.from(t.origin)).toEqual([
      Origin.SIGNAL_EM,
      Origin.LINE,
      Origin.CONTINUUM,
      Origin.ARTEFACT,
      Origin.MUON,
      Origin.NOBLE_GAS,
      Origin.PULSER,
      Origin.RINGING,
      Origin.NOISE_BURST,
      Origin.CONTINUUM,
      Origin.NEUTRON,
      Origin.SIGNAL_WEAK,
    ]);
    expect(t.e_true_kev![5]).toBe(81);
  });

  it("CSV -> Arrow -> read gives the same columns bit for bit", () => {
    const s = { dir: tmp() };
    const ev = importEventsCsv(fixture("events-small.csv"), { truth: true });
    writeRuns(join(s.dir, "runs.arrow"), runs);
    const w = new EventWriter(join(s.dir, "events-small.arrow"), { truth: true, runs: readRuns(join(s.dir, "runs.arrow")) });
    w.write(ev);
    w.close();
    const back = readEvents(join(s.dir, "events-small.arrow"), { truth: true, runs });
    for (const name of EVENT_NAMES) expect(bytesOf(back[name]).equals(bytesOf(ev[name])), name).toBe(true);
    expect(bytesOf(back.truth!.origin).equals(bytesOf(ev.truth!.origin))).toBe(true);
  });

  const bad: [string, string, object?][] = [
    ["events-nan.csv", "line 4: e2_kev is NaN (run 101), expected a finite energy"],
    ["events-unsorted.csv", "line 4: rows not sorted by (run, time_s): time_s 0.5 after 1 in run 101"],
    ["events-badfields.csv", "line 3: expected 8 fields (time_s,run,e1_kev,e2_kev,e3_kev,nai_kev,veto,pulser), found 7"],
    ["events-missing.csv", 'line 1: missing column "e3_kev" (have time_s, run, e1_kev, e2_kev, nai_kev, veto, pulser)'],
    ["events-typo.csv", 'line 1: unknown column "e3_keV" (expected time_s, run, e1_kev, e2_kev, e3_kev, nai_kev, veto, pulser, origin, e_true_kev)'],
    ["events-badorigin.csv", 'line 3, column origin: "cosmic-rays" is not a valid code (unknown, signal-em, signal-weak, continuum, line, noble-gas, noise-burst, ringing, pickup, artefact, pulser, muon, neutron)'],
    ["events-badnumber.csv", 'line 3, column e2_kev: not a number ("3.0 keV")'],
    ["events-badrun.csv", "line 3: run 107 is not in the run table runs-small.csv", { runs, runsFile: "runs-small.csv" }],
  ];
  for (const [name, message, options] of bad) {
    it(`${name}: "${message.slice(0, 50)}..."`, () => {
      const file = fixture(name);
      expect(() => importEventsCsv(file, options)).toThrow(`${file}: ${message}`);
    });
  }
});
