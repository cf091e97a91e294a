import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DatasetWriter, Origin, openDataset, readPeriod } from "../../lib/events/index.js";
import { runSelection, selectDataset } from "../../lib/selection/index.js";
import { makeEvents, makeRuns, type EventRow } from "./fixtures.js";

const dir = mkdtempSync(join(tmpdir(), "nuem-selection-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("selectDataset", () => {
  it("selects each period and writes the kept events (with truth) to a new dataset", () => {
    const runs = makeRuns({ n: 6, durationS: 1000, liveTimeS: 900, state: (i) => (i < 4 ? 1 : 0), siteWork: [5] });
    const rows: EventRow[] = [];
    for (let r = 1; r <= 6; r++) {
      for (let k = 0; k < 40; k++) rows.push({ run: r, t: 5 + 20 * k, e: 5, origin: Origin.SIGNAL_WEAK });
      rows.push({ run: r, t: 5.04, e: 4, origin: Origin.RINGING });
      rows.push({ run: r, t: 7.5, e1: 6, e2: 0, e3: 3, origin: Origin.ARTEFACT });
    }
    const all = makeEvents(rows, true);
    const inDir = join(dir, "in");
    const w = new DatasetWriter(inDir, { experiment: "GEMMA", detector_mass_kg: 1.5, simulation: { generator: "test", seed: 1 } }, { truth: true });
    w.writeRuns(runs);
    const half = all.run.indexOf(4);
    const slice = (a: number, b: number) => ({
      time_s: all.time_s.subarray(a, b), run: all.run.subarray(a, b), e1_kev: all.e1_kev.subarray(a, b), e2_kev: all.e2_kev.subarray(a, b),
      e3_kev: all.e3_kev.subarray(a, b), nai_kev: all.nai_kev.subarray(a, b), veto: all.veto.subarray(a, b), pulser: all.pulser.subarray(a, b),
      truth: { origin: all.truth!.origin.subarray(a, b) },
    });
    const p1 = w.openPeriod("p1");
    p1.write(slice(0, half));
    p1.close();
    const p2 = w.openPeriod("p2");
    p2.write(slice(half, all.length));
    p2.close();
    w.close();

    const outDir = join(dir, "out");
    const res = selectDataset(inDir, { outDir, settings: "plain" });
    const j = res.cutFlow.toJSON() as { events_in: number; events_kept: number; live_time_kept_s: number; periods: { period: string }[] };
    expect(j.periods.map((p) => p.period)).toEqual(["p1", "p2"]);
    expect(j.events_in).toBe(all.length);
    expect(j.events_kept).toBe(5 * 40);
    const out = openDataset(outDir);
    const k1 = readPeriod(out, "p1", { truth: true });
    const k2 = readPeriod(out, "p2", { truth: true });
    expect(k1.length + k2.length).toBe(200);
    expect(Array.from(k2.truth!.origin).every((o) => o === Origin.SIGNAL_WEAK)).toBe(true);
    expect(Array.from(k2.run).includes(5)).toBe(false);
    // The same as selecting the periods by hand.
    const byHand = runSelection(readPeriod(openDataset(inDir), "p1", { truth: true }), runs, { runMask: Uint8Array.from([1, 1, 1, 0, 0, 0]) });
    expect(k1.length).toBe((byHand.cutFlow.toJSON() as { events_kept: number }).events_kept);
    expect(res.liveTimeS[4]).toBe(0);
    expect(j.live_time_kept_s).toBeCloseTo(res.liveTimeS.reduce((a, b) => a + b, 0), 9);
    // The output is marked as selected, and a second selection (which nuem spectra would make) is
    // refused naming its manifest: its noble-gas templates would lack the runs the first removed.
    expect(out.manifest.selection).toEqual({ settings: "plain" });
    expect(() => selectDataset(outDir, { settings: "plain" })).toThrow(/out\/dataset\.json.*already selected/);
  });
});
