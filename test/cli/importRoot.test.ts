// `nuem import root`: the done-when commands of issue 13 (item 3) on ROOT's own files.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDataset, readPeriod } from "../../lib/events/index.js";

const nuem = (...args: string[]) => spawnSync(process.execPath, ["bin/nuem.js", ...args], { encoding: "utf8" });
const root = mkdtempSync(join(tmpdir(), "nuem-import-root-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const MAP = "time_s=0,run=1,e1_kev=px1,e2_kev=px1,e3_kev=px1,nai_kev=0,veto=0,pulser=0";
/** uproot's first five px1 of uproot-Zmumu.root (test/fixtures/root/README.md). */
const PX1_UPROOT = [-41.1952876442, 35.1180497674, 35.1180497674, 34.1444372454, 22.7835819537];

describe("nuem import root", () => {
  it("imports every codec variant of the Zmumu file into a dataset nuem validate accepts, with the same columns", () => {
    const hashes = new Set<string>();
    for (const codec of ["lz4", "zlib", "zstd", "lzma", "uncompressed"]) {
      const out = join(root, codec);
      const r = nuem("import", "root", `test/fixtures/root/uproot-Zmumu-${codec}.root`, "--tree", "events", "--map", MAP, "--run-duration", "3600", "--state", "on", "--out", out);
      expect(r.status, r.stderr).toBe(0);
      const v = nuem("validate", out, "--json");
      expect(v.status, v.stderr).toBe(0);
      expect(JSON.parse(v.stdout).events).toBe(2304);
      // e1_kev is float32 (FORMAT.md): uproot's values rounded to float32, exactly.
      const ev = readPeriod(openDataset(out), "root");
      expect(Array.from(ev.e1_kev.subarray(0, 5))).toEqual(PX1_UPROOT.map(Math.fround));
      // The same columns give the same bytes: one events-file hash for all five codecs.
      hashes.add(JSON.parse(readFileSync(join(out, "dataset.json"), "utf8")).files_sha256["events-root.arrow"]);
    }
    expect(hashes.size).toBe(1);
  });

  it("refuses the jagged branch Jet_Px of uproot-HZZ.root, naming it, and writes nothing", () => {
    const out = join(root, "hzz");
    const r = nuem("import", "root", "test/fixtures/root/uproot-HZZ.root", "--tree", "events", "--map", MAP.replace("e1_kev=px1", "e1_kev=Jet_Px"), "--run-duration", "3600", "--state", "on", "--out", out, "--json");
    expect(r.status).toBe(1);
    const e = JSON.parse(r.stdout);
    expect(e.kind).toBe("input-data");
    expect(e.field).toBe("Jet_Px");
    expect(e.error).toMatch(/branch Jet_Px \(mapped to e1_kev\) is variable-length/);
    expect(nuem("validate", out).status).toBe(1);
  });

  it("records --experiment and --mass-kg in the manifest; without a mass it writes null, validate accepts it and spectra refuse it naming detector_mass_kg", () => {
    const file = "test/fixtures/root/uproot-Zmumu-zstd.root";
    const given = join(root, "given");
    const r = nuem("import", "root", file, "--tree", "events", "--map", MAP, "--run-duration", "3600", "--state", "off", "--experiment", "MyDet", "--mass-kg", "0.5", "--out", given, "--json");
    expect(r.status, r.stderr).toBe(0);
    const m = JSON.parse(readFileSync(join(given, "dataset.json"), "utf8"));
    expect([m.experiment, m.detector_mass_kg, JSON.parse(r.stdout).mass_given]).toEqual(["MyDet", 0.5, true]);
    expect(openDataset(given).runs.state[0]).toBe(0);
    const noMass = join(root, "no-mass");
    const p = nuem("import", "root", file, "--tree", "events", "--map", MAP, "--run-duration", "3600", "--state", "on", "--out", noMass);
    expect(p.stdout).toMatch(/no --mass-kg given: the manifest's detector_mass_kg is null/);
    expect(JSON.parse(readFileSync(join(noMass, "dataset.json"), "utf8")).detector_mass_kg).toBeNull();
    expect(nuem("validate", noMass).status).toBe(0);
    const s = nuem("spectra", "--in", noMass, "--out", join(root, "no-mass.spectra.json"), "--selection", "plain", "--json");
    expect(s.status).toBe(1);
    expect(JSON.parse(s.stdout)).toMatchObject({ kind: "input-data", field: "detector_mass_kg" });
  });

  it("usage errors exit 2 naming the option", () => {
    const base = ["import", "root", "test/fixtures/root/uproot-Zmumu.root", "--tree", "events", "--map", MAP, "--out", join(root, "x")];
    expect(nuem("import").stderr).toMatch(/expected a format after "import"/);
    const noRuns = nuem(...base);
    expect([noRuns.status, /--runs RUNS.csv, or --run-duration S and --state/.test(noRuns.stderr)]).toEqual([2, true]);
    const both = nuem(...base, "--runs", "r.csv", "--run-duration", "3600", "--state", "on");
    expect([both.status, /--runs and --run-duration cannot be combined/.test(both.stderr)]).toEqual([2, true]);
    const state = nuem(...base, "--run-duration", "3600", "--state", "maybe");
    expect([state.status, /--state: expected one of on, off/.test(state.stderr)]).toEqual([2, true]);
  });
});
