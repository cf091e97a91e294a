// No placeholder flux: a spectra file of an experiment the project has no description of says
// null, and an analysis refuses it naming flux_per_cm2_s (issue: "no flux of 1, without a word").
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { analyseSpectra } from "../../lib/analysis/limit.js";
import { dataPath } from "../../lib/data/paths.js";
import { freeElectronClosedFormSignal, gemmaConfig, simulate } from "../../lib/sim/index.js";
import { buildSpectra } from "../../lib/spectra/buildSpectra.js";
import { readSpectraFile, validateSpectra } from "../../lib/spectra/spectraFile.js";

describe("flux of an experiment without a description", () => {
  const dir = mkdtempSync(join(tmpdir(), "nuem-unknown-flux-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("nuem spectra writes null for a dataset of another experiment (GEMMA's data renamed), not a flux of 1", () => {
    const d = join(dir, "d");
    simulate(gemmaConfig(), { seed: 4, outDir: d, signal: freeElectronClosedFormSignal(0), hoursOn: 6, hoursOff: 6, progress: false });
    const m = JSON.parse(readFileSync(join(d, "dataset.json"), "utf8"));
    writeFileSync(join(d, "dataset.json"), JSON.stringify({ ...m, experiment: "MyDet" }, null, 1));
    const r = buildSpectra(d, { settings: "gemma" });
    expect(r.spectra.experiment).toBe("mydet");
    expect(r.spectra.flux_per_cm2_s).toBeNull();
    expect(validateSpectra(JSON.parse(JSON.stringify(r.spectra)), "f.json").flux_per_cm2_s).toBeNull();
  });

  it("an analysis refuses a null flux, naming the field", () => {
    const s = readSpectraFile(dataPath("simulated/gemma-mu0-seed11.spectra.json"));
    const noFlux = { ...s, flux_per_cm2_s: null };
    expect(() => analyseSpectra(noFlux)).toThrow(/flux_per_cm2_s is null/);
    // the published GEMMA flux in the file (2.7e13, GEMMA abstract) is what an analysis uses otherwise
    expect(s.flux_per_cm2_s).toBe(2.7e13);
  });
});
