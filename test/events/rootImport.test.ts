// The ROOT importer on real ROOT files (test/fixtures/root, written by ROOT; README there), checked
// against the values another reader (uproot) gives for them.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { InputDataError, OptionError } from "../../lib/errors.js";
import { RunState, importRootTrees, importRunsCsv, openDataset, parseRootMapping, readPeriod, validateDataset, type EventColumns } from "../../lib/events/index.js";
import { scratchDirs } from "./helpers.js";

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/root/${name}`, import.meta.url));
const tmp = scratchDirs();

/** The done-when mapping of issue 13: px1 stands in for the three energies, constants for the rest. */
const PX1_MAPPING = "time_s=0,run=1,e1_kev=px1,e2_kev=px1,e3_kev=px1,nai_kev=0,veto=0,pulser=0";
const info = { experiment: "Zmumu", detector_mass_kg: 1 };

/** uproot's reference: the first five px1 of uproot-Zmumu.root (GeV in the file, float64). */
const PX1_UPROOT = [-41.1952876442, 35.1180497674, 35.1180497674, 34.1444372454, 22.7835819537];

async function importOne(file: string, map = PX1_MAPPING, tree = "events"): Promise<{ dir: string; ev: EventColumns }> {
  const dir = join(tmp(), "ds");
  await importRootTrees([fixture(file)], { tree, mapping: parseRootMapping(map), oneRun: { durationS: 3600, state: RunState.ON }, info }, dir);
  return { dir, ev: readPeriod(openDataset(dir), "root") };
}

describe("parseRootMapping", () => {
  it("reads branches, scaled branches and constants for every event column", () => {
    const m = parseRootMapping("time_s=t,run=Run,e1_kev=E1*1000,e2_kev=E2/0.001,e3_kev=E3,nai_kev=0,veto=1e0,pulser=0");
    expect(m).toEqual([
      { column: "time_s", branch: "t", factor: 1 },
      { column: "run", branch: "Run", factor: 1 },
      { column: "e1_kev", branch: "E1", factor: 1000 },
      { column: "e2_kev", branch: "E2", factor: 1000 },
      { column: "e3_kev", branch: "E3", factor: 1 },
      { column: "nai_kev", constant: 0 },
      { column: "veto", constant: 1 },
      { column: "pulser", constant: 0 },
    ]);
  });
  it("refuses an unknown, repeated or missing column and a bad factor, naming it", () => {
    expect(() => parseRootMapping(PX1_MAPPING.replace("nai_kev", "nai_keV"))).toThrow(/unknown column "nai_keV"/);
    expect(() => parseRootMapping(`${PX1_MAPPING},veto=1`)).toThrow("column veto is mapped twice");
    expect(() => parseRootMapping(PX1_MAPPING.replace(",pulser=0", ""))).toThrow(/no source for pulser/);
    expect(() => parseRootMapping(PX1_MAPPING.replace("e1_kev=px1", "e1_kev=px1*0"))).toThrow(/not a finite non-zero number/);
    expect(() => parseRootMapping(PX1_MAPPING.replace("e1_kev=px1", "e1_kev=px1+3"))).toThrow(OptionError);
  });
});

describe("importRootTrees on ROOT's own files", () => {
  it("gives uproot's first five px1 (as float32, the format's energy type) and a dataset nuem validate accepts", async () => {
    const { dir, ev } = await importOne("uproot-Zmumu.root");
    expect(ev.length).toBe(2304);
    // e1_kev is float32 on disk (FORMAT.md): the reference values rounded to float32, exactly.
    expect(Array.from(ev.e1_kev.subarray(0, 5))).toEqual(PX1_UPROOT.map(Math.fround));
    expect(Array.from(ev.e3_kev.subarray(0, 5))).toEqual(PX1_UPROOT.map(Math.fround));
    expect(ev.nai_kev.every((v) => v === 0) && ev.veto.every((v) => v === 0) && ev.run.every((v) => v === 1)).toBe(true);
    const report = validateDataset(dir);
    expect(report.events).toBe(2304);
    const runs = openDataset(dir).runs;
    expect([runs.run[0], runs.duration_s[0], runs.live_time_s[0], runs.state[0]]).toEqual([1, 3600, 3600, RunState.ON]);
  });

  it("every compression codec gives the same columns", async () => {
    const reference = (await importOne("uproot-Zmumu.root")).ev;
    for (const codec of ["zlib", "lz4", "zstd", "lzma", "uncompressed"]) {
      const { ev } = await importOne(`uproot-Zmumu-${codec}.root`);
      for (const c of ["time_s", "run", "e1_kev", "e2_kev", "e3_kev", "nai_kev", "veto", "pulser"] as const) {
        expect(Array.from(ev[c]), `${codec}: ${c}`).toEqual(Array.from(reference[c]));
      }
    }
  });

  it("scales a branch (px1*1000) and reads int32 and float32 branches", async () => {
    const { ev } = await importOne("uproot-Zmumu-lz4.root", PX1_MAPPING.replace("e2_kev=px1", "e2_kev=px1*1000"));
    expect(Array.from(ev.e2_kev.subarray(0, 5))).toEqual(PX1_UPROOT.map((x) => Math.fround(x * 1000)));
    // uproot-simple.root: one = 1, 2, 3, 4 (int32), two = 1.1, 2.2, 3.3, 4.4 (float32), as uproot reads them.
    const simple = await importOne("uproot-simple.root", "time_s=one,run=1,e1_kev=two,e2_kev=two,e3_kev=two,nai_kev=0,veto=0,pulser=0", "tree");
    expect(Array.from(simple.ev.time_s)).toEqual([1, 2, 3, 4]);
    expect(Array.from(simple.ev.e1_kev)).toEqual([1.1, 2.2, 3.3, 4.4].map(Math.fround));
  });

  it("takes a run table and refuses entries out of run order, naming the file and entry", async () => {
    const csv = join(tmp(), "runs.csv");
    writeFileSync(csv, "run,start_utc,duration_s,live_time_s,dead_time_s,thermal_power_gw,state,phase,ln2_fill,site_work\n148029,0,3600,3600,0,3,ON,1,0,0\n148031,3600,3600,3600,0,3,ON,1,0,0\n");
    const file = fixture("uproot-Zmumu.root");
    const p = importRootTrees([file], { tree: "events", mapping: parseRootMapping(PX1_MAPPING.replace("run=1", "run=Run")), runs: importRunsCsv(csv), info }, join(tmp(), "ds"));
    // The file's first entries are run 148031, later ones 148029: the format keeps runs ascending.
    await expect(p).rejects.toThrow(new RegExp(`^${file}: tree events, entry \\d+: .*run`));
  });

  it("refuses a row the format refuses (a flag that is not 0/1), naming the ROOT file and entry", async () => {
    const file = fixture("uproot-Zmumu.root");
    const p = importRootTrees([file], { tree: "events", mapping: parseRootMapping(PX1_MAPPING.replace("veto=0", "veto=Q1")), oneRun: { durationS: 3600, state: 1 }, info }, join(tmp(), "ds"));
    await expect(p).rejects.toThrow(new RegExp(`^${file}: tree events, entry \\d+: .*veto`));
  });

  it("refuses jagged, string and missing branches and a missing tree, naming them; writes nothing", async () => {
    const hzz = fixture("uproot-HZZ.root");
    const out = join(tmp(), "ds");
    const run = (file: string, map: string, tree = "events") => importRootTrees([file], { tree, mapping: parseRootMapping(map), oneRun: { durationS: 3600, state: 1 }, info }, out);
    await expect(run(hzz, PX1_MAPPING.replace("e1_kev=px1", "e1_kev=Jet_Px"))).rejects.toThrow(`${hzz}: tree events: branch Jet_Px (mapped to e1_kev) is variable-length (a list per entry, counted by NJet)`);
    const e = await run(hzz, PX1_MAPPING.replace("e1_kev=px1", "e1_kev=Jet_Px")).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(InputDataError);
    expect((e as InputDataError).field).toBe("Jet_Px");
    const simple = fixture("uproot-simple.root");
    await expect(run(simple, PX1_MAPPING.replace("e1_kev=px1", "e1_kev=three"), "tree")).rejects.toThrow(`branch three (mapped to e1_kev) holds strings`);
    await expect(run(hzz, PX1_MAPPING)).rejects.toThrow(`${hzz}: tree events: no branch px1 (mapped to e1_kev)`);
    await expect(run(hzz, PX1_MAPPING, "nosuchtree")).rejects.toThrow(`${hzz}: no object "nosuchtree"`);
    expect(() => openDataset(out)).toThrow();
  });

  it("chains several files into one period, like a TChain", async () => {
    const dir = join(tmp(), "ds");
    const r = await importRootTrees([fixture("uproot-Zmumu-lz4.root"), fixture("uproot-Zmumu-zstd.root")], { tree: "events", mapping: parseRootMapping(PX1_MAPPING), oneRun: { durationS: 3600, state: 0 }, info, batchEntries: 1000 }, dir);
    expect(r.events).toBe(4608);
    const ev = readPeriod(openDataset(dir), "root");
    expect(Array.from(ev.e1_kev.subarray(2304, 2309))).toEqual(PX1_UPROOT.map(Math.fround));
  });
});
