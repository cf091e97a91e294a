// `nuem import csv` on good and bad input, through the built CLI (npm run build first).
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDataset, readPeriod, readRuns } from "../../lib/events/index.js";

const root = mkdtempSync(join(tmpdir(), "nuem-import-csv-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const nuem = (...args: string[]) => spawnSync(process.execPath, ["bin/nuem.js", ...args], { encoding: "utf8", timeout: 60_000 });

const RUNS_HEADER = "run,start_utc,duration_s,live_time_s,dead_time_s,thermal_power_gw,state,phase,ln2_fill,site_work";
const RUNS = [RUNS_HEADER, "1,2005-08-01T00:00:00Z,3600,3590,10,3.0,ON,1,0,0", "2,1122858000,3600,3588.5,11.5,0,OFF,1,true,0"].join("\n") + "\n";
const EVENTS_HEADER = "time_s,run,e1_kev,e2_kev,e3_kev,nai_kev,veto,pulser";
const EVENTS = [EVENTS_HEADER, "0.5,1,10.25,10.3,10.2,0,0,0", "1799.125,1,3.1,3.0,3.2,55.5,1,0", "2.0,2,20,20.1,1e1,0,false,1"].join("\n") + "\n";

let n = 0;
/** A fresh folder holding R.csv and E.csv with the given texts. */
function inputs(runs = RUNS, events = EVENTS): { dir: string; r: string; e: string } {
  const dir = join(root, `in${n++}`);
  mkdirSync(dir);
  writeFileSync(join(dir, "R.csv"), runs);
  writeFileSync(join(dir, "E.csv"), events);
  return { dir, r: join(dir, "R.csv"), e: join(dir, "E.csv") };
}

const args = (r: string, e: string, out: string, ...more: string[]) => ["import", "csv", "--runs", r, "--events", e, "--period", "2005-08", "--experiment", "GEMMA", "--mass-kg", "1.5", "--out", out, ...more];

describe("nuem import csv", () => {
  it("writes a dataset that nuem validate accepts, holding the CSV's values", () => {
    const { r, e } = inputs();
    const out = join(root, "good");
    const res = nuem(...args(r, e, out));
    expect(res.status, res.stderr).toBe(0);
    expect(res.stdout).toContain("2 runs, 3 events in period 2005-08; validated");
    const v = nuem("validate", out);
    expect(v.status, v.stderr).toBe(0);
    const ds = openDataset(out);
    expect(ds.manifest).toMatchObject({ experiment: "GEMMA", detector_mass_kg: 1.5 });
    const ev = readPeriod(ds, "2005-08");
    expect(Array.from(ev.time_s)).toEqual([0.5, 1799.125, 2.0]);
    expect(Array.from(ev.run)).toEqual([1, 1, 2]);
    expect(Array.from(ev.e1_kev)).toEqual([10.25, Math.fround(3.1), 20]);
    expect(Array.from(ev.e3_kev)).toEqual([Math.fround(10.2), Math.fround(3.2), 10]);
    expect(Array.from(ev.veto)).toEqual([0, 1, 0]);
    expect(Array.from(ev.pulser)).toEqual([0, 0, 1]);
    const runs = readRuns(join(out, "runs.arrow"));
    // 2005-08-01T00:00:00Z = 1122854400 s (Date.UTC(2005, 7, 1) / 1000).
    expect(Array.from(runs.start_utc)).toEqual([1122854400, 1122858000]);
    expect(Array.from(runs.state)).toEqual([1, 0]);
    expect(Array.from(runs.ln2_fill)).toEqual([0, 1]);
  });

  const bad: [string, () => { r: string; e: string }, (p: { r: string; e: string }) => string][] = [
    ["a hex run id", () => inputs(RUNS, EVENTS.replace("0.5,1,", "0.5,0x1,")), (p) => `${p.e}: line 2, column run: a hexadecimal, binary or octal literal, not a decimal number ("0x1")`],
    ["a hex energy", () => inputs(RUNS, EVENTS.replace("20,20.1", "0x14,20.1")), (p) => `${p.e}: line 4, column e1_kev: a hexadecimal, binary or octal literal, not a decimal number ("0x14")`],
    ["a binary flag", () => inputs(RUNS, EVENTS.replace("55.5,1,0", "55.5,0b1,0")), (p) => `${p.e}: line 3, column veto: a hexadecimal, binary or octal literal`],
    ["a hex phase in the run table", () => inputs(RUNS.replace("ON,1,", "ON,0x1,"), EVENTS), (p) => `${p.r}: line 2, column phase: a hexadecimal`],
    ["start_utc in milliseconds", () => inputs(RUNS.replace("1122858000", "1122858000000"), EVENTS), (p) => `${p.r}: line 3: start_utc of run 2 is 1122858000000, after the year 5000 in POSIX seconds: milliseconds since 1970 (13 digits)?`],
    ["an event of an unknown run", () => inputs(RUNS, EVENTS.replace("2.0,2,", "2.0,3,")), (p) => `${p.e}: line 4: run 3 is not in the run table ${p.r}`],
  ];
  for (const [name, make, message] of bad) {
    it(`${name}: exit 1 naming the file, line and column; no output, inputs unchanged`, () => {
      const p = make();
      const before = [readFileSync(p.r), readFileSync(p.e)];
      const out = join(root, `bad${n++}`);
      const res = nuem(...args(p.r, p.e, out));
      expect(res.status).toBe(1);
      expect(res.stderr).toContain(message(p));
      expect(() => readFileSync(join(out, "dataset.json"))).toThrow();
      expect([readFileSync(p.r), readFileSync(p.e)]).toEqual(before);
    });
  }

  it("never writes over an input, and replaces an existing dataset only with --overwrite", () => {
    const p = inputs();
    const into = nuem(...args(p.r, p.e, p.dir, "--overwrite"));
    expect(into.status).toBe(1);
    expect(into.stderr).toContain(`--out ${p.dir} contains the input --runs ${p.r}`);
    const out = join(root, "twice");
    expect(nuem(...args(p.r, p.e, out)).status).toBe(0);
    const again = nuem(...args(p.r, p.e, out));
    expect(again.status).toBe(1);
    expect(again.stderr).toContain(`--out ${out} exists already: pass --overwrite`);
    const fewer = inputs(RUNS, EVENTS.split("\n").slice(0, 3).join("\n") + "\n");
    const replaced = nuem(...args(fewer.r, fewer.e, out, "--overwrite"));
    expect(replaced.status, replaced.stderr).toBe(0);
    expect(openDataset(out).manifest.periods[0].rows).toBe(2);
  });

  it("a missing option or format is named, with the usage-error exit code 2", () => {
    const p = inputs();
    const noPeriod = nuem("import", "csv", "--runs", p.r, "--events", p.e, "--experiment", "GEMMA", "--mass-kg", "1.5", "--out", join(root, "x"));
    expect(noPeriod.status).toBe(2);
    expect(noPeriod.stderr).toContain("--period is required");
    const noFormat = nuem("import", "--runs", p.r);
    expect(noFormat.status).toBe(2);
    expect(noFormat.stderr).toContain('expected a format after "import" (csv, root), got none');
    const hexMass = nuem(...args(p.r, p.e, join(root, "y")).map((a) => (a === "1.5" ? "0x2" : a)));
    expect(hexMass.status).toBe(2);
    expect(hexMass.stderr).toContain("--mass-kg: expected a decimal number in [0.001, 1e8] kg, got 0x2");
  });
});
