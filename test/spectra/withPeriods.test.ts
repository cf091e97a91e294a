import { describe, expect, it } from "vitest";
import { analyseSpectra } from "../../lib/analysis/limit.js";
import { dataPath } from "../../lib/data/paths.js";
import { readSpectraFile, withPeriods } from "../../lib/spectra/spectraFile.js";

const file = readSpectraFile(dataPath("simulated/gemma-mu0-seed11.spectra.json"));

describe("withPeriods", () => {
  it("keeps the named periods; each period's fit is the one it has in the whole file (GEMMA fits periods separately, Sec. 3)", () => {
    const both = analyseSpectra(file);
    const phase1 = analyseSpectra(withPeriods(file, ["phase-1"]));
    expect(phase1.periods.map((p) => p.name)).toEqual(["phase-1"]);
    expect(phase1.periods[0].x_hat).toBeCloseTo(both.periods[0].x_hat, 9);
    expect(phase1.periods[0].x_err).toBeCloseTo(both.periods[0].x_err, 9);
    // One period alone is less precise than all together (the product of the periods' P_j(X)).
    expect(phase1.xErr).toBeGreaterThan(both.xErr);
  });
  it("refuses an unknown or repeated period, listing the file's periods", () => {
    expect(() => withPeriods(file, ["phase-4"], "f.json")).toThrow('f.json: no period "phase-4"; the file has phase-1, phase-2, phase-3');
    expect(() => withPeriods(file, ["phase-1", "phase-1"], "f.json")).toThrow('f.json: period "phase-1" named twice');
  });
});
