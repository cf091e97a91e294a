import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { csiConfig } from "../../lib/sim/csi.js";
import { simulateCsi } from "../../lib/sim/csiSimulate.js";
import { csiSpectrumFromDataset } from "../../lib/spectra/csiSpectrum.js";
import { scratch } from "./helpers.js";

describe("CsiSimulationResult and CsiDatasetSpectrum", () => {
  const tmp = scratch();
  afterAll(() => tmp.cleanup());
  // One tenth of the published exposure: 2988.2 / 736.9 kg day.
  const dir = join(tmp.dir, "csi");
  const r = simulateCsi(csiConfig({ onKgDays: 2988.2, offKgDays: 736.9 }), { seed: 5, outDir: dir });

  it("keeps the fields of simulation.json (written from the plain summary) plus out_dir, byte for byte", () => {
    const file = readFileSync(join(dir, "simulation.json"), "utf8");
    expect(JSON.stringify({ ...r.toJSON(), out_dir: undefined }, null, 2) + "\n").toBe(file);
    expect(r.toJSON().out_dir).toBe(dir);
  });

  it("shows the exposures, the events and each source's counts in the window", () => {
    const t = r.toString();
    expect(t).toContain("2988.2");
    expect(t).toContain("736.9");
    expect(t).toContain(`${r.runs.on} / ${r.runs.off}`);
    const signal = r.components.find((c) => c.name === "signal")!;
    expect(r.componentTable().toHTML()).toContain(`<td style="text-align:right">${signal.recorded_window_on}</td>`);
  });

  it("the dataset's ON/OFF spectra show their exposures and keep their fields", () => {
    const sp = csiSpectrumFromDataset(dir);
    const t = sp.toString();
    expect(t).toContain("2988.2");
    expect(t).toContain("runs ON / OFF / left out");
    expect(Object.keys(sp.toJSON())).toEqual(["edgesKeV", "on", "off", "onKgDays", "offKgDays", "residual", "residualErr", "expectedSignal", "basis", "experiment", "massKg", "fwhmFractionAt662", "runs", "vetoed"]);
    // Bin 1: residual and error by the PDG rule, as formatValueError prints them.
    expect(sp.toHTML()).toMatch(/<td style="text-align:right">-?\d\.\d+ ± \d\.\d+<\/td>/);
  });
});
