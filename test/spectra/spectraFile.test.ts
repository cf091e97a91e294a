import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readSpectraFile, validateSpectra, writeSpectraFile, type SpectraFile } from "../../lib/spectra/index.js";

const good = (): SpectraFile => ({
  experiment: "gemma",
  target: "Ge",
  mass_kg: 1.5,
  flux_per_cm2_s: 2.7e13,
  periods: [{ name: "phase-1", edges_kev: [3, 4, 5], on_counts: [10, 12.5], off_counts: [3, 4], t_on_days: 216, t_off_days: 77.2, tau_rel_uncertainty: 0.021, roi_kev: [[3, 5]] }],
});

describe("spectra file", () => {
  it("round-trips the documented example fields", () => {
    const file = join(mkdtempSync(join(tmpdir(), "nuem-spectra-")), "spectra.json");
    writeSpectraFile(file, good());
    expect(readSpectraFile(file)).toEqual(good());
  });
  it("names the file, the field and the problem", () => {
    const bad = good();
    bad.periods[0].off_counts = [1];
    expect(() => validateSpectra(bad, "s.json")).toThrow("s.json: periods[0].off_counts: expected 2 values (one per bin of edges_kev, which has 3 edges), found 1");
    const nan = good() as unknown as { periods: { on_counts: unknown[] }[] };
    nan.periods[0].on_counts[1] = null;
    expect(() => validateSpectra(nan, "s.json")).toThrow("s.json: periods[0].on_counts[1]: expected a finite number, found null");
    const roi = good();
    roi.periods[0].roi_kev = [[3, 9.4]];
    expect(() => validateSpectra(roi, "s.json")).toThrow("lies outside the binning [3, 5]");
    const noPeriods = { ...good(), periods: [] };
    expect(() => validateSpectra(noPeriods, "s.json")).toThrow("s.json: periods: expected a non-empty array");
  });
  it("reports a truncated file as invalid JSON", () => {
    const file = join(mkdtempSync(join(tmpdir(), "nuem-spectra-")), "cut.json");
    writeFileSync(file, JSON.stringify(good()).slice(0, 40));
    expect(() => readSpectraFile(file)).toThrow(/cut\.json: not valid JSON/);
  });
});
