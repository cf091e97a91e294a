import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as aq from "arquero";
import { EventDataError, RUN_COLUMNS, readRuns, writeRuns } from "../../lib/events/index.js";
import type { RunTable } from "../../lib/events/index.js";
import { bytesOf, foreignArrowFile, makeRuns, scratchDirs } from "./helpers.js";

const tmp = scratchDirs();

function copyRuns(r: RunTable, change: (r: RunTable) => void): RunTable {
  const c = { ...r } as unknown as Record<string, unknown>;
  for (const s of RUN_COLUMNS) c[s.name] = (r as unknown as Record<string, Float64Array>)[s.name].slice();
  change(c as unknown as RunTable);
  return c as unknown as RunTable;
}

describe("run table", () => {
  const runs = makeRuns(48);

  it("round trip bit for bit; an independent reader sees the same numbers", () => {
    const file = join(tmp(), "runs.arrow");
    writeRuns(file, runs);
    const back = readRuns(file);
    expect(back.length).toBe(48);
    for (const s of RUN_COLUMNS) {
      const name = s.name as keyof RunTable;
      expect(bytesOf(back[name] as Float64Array).equals(bytesOf(runs[name] as Float64Array)), s.name).toBe(true);
    }
    const t = aq.fromArrow(readFileSync(file));
    expect(t.get("start_utc", 0)).toBe(Date.UTC(2005, 7, 1) / 1000);
    expect(t.get("state", 4)).toBe(0);
  });

  it("writes and reads an empty run table", () => {
    const file = join(tmp(), "runs.arrow");
    writeRuns(file, makeRuns(0));
    expect(readRuns(file).length).toBe(0);
  });

  const cases: [string, (r: RunTable) => void, string][] = [
    ["duplicate run ids", (r) => (r.run[5] = r.run[4]), "row 5: run ids not strictly ascending: run 5 after run 5"],
    ["live + dead longer than the run", (r) => (r.live_time_s[2] = 3600), "row 2: run 3: live_time_s + dead_time_s = 3614.5 exceeds duration_s 3600"],
    ["overlapping runs", (r) => (r.start_utc[10] -= 60), `row 10: run 11 starts at ${Date.UTC(2005, 7, 1) / 1000 + 36000 - 60}, before the end of run 10`],
    ["unknown state code", (r) => (r.state[3] = 7), "row 3: state code 7 of run 4 is unknown (known: 0=OFF, 1=ON, 2=TRANSITION)"],
    ["NaN power", (r) => (r.thermal_power_gw[1] = NaN), "row 1: thermal_power_gw of run 2 is NaN, expected a number in [0, 100] GW"],
    ["flag not 0/1", (r) => (r.ln2_fill[0] = 3), "row 0: ln2_fill of run 1 is 3, expected 0 or 1"],
    ["zero duration", (r) => (r.duration_s[9] = 0), "row 9: duration_s of run 10 is 0, expected > 0"],
  ];
  for (const [what, change, message] of cases) {
    it(`refuses ${what}, on writing and on reading`, () => {
      const dir = tmp();
      const bad = copyRuns(runs, change);
      expect(() => writeRuns(join(dir, "runs.arrow"), bad)).toThrow(EventDataError);
      // Written by another program, the reader catches it.
      const file = join(dir, "foreign.arrow");
      const cols = Object.fromEntries(RUN_COLUMNS.map((s) => [s.name, (bad as unknown as Record<string, unknown>)[s.name]]));
      writeFileSync(file, foreignArrowFile(cols as Record<string, ArrayBufferView>));
      expect(() => readRuns(file)).toThrow(`${file}: ${message}`);
    });
  }

  it("missing column", () => {
    const file = join(tmp(), "runs.arrow");
    const cols = Object.fromEntries(RUN_COLUMNS.filter((s) => s.name !== "dead_time_s").map((s) => [s.name, (runs as unknown as Record<string, unknown>)[s.name]]));
    writeFileSync(file, foreignArrowFile(cols as Record<string, ArrayBufferView>));
    expect(() => readRuns(file)).toThrow(`${file}: missing column "dead_time_s" (runs table;`);
  });
});
