import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { validateSpectra, type SpectraFile } from "../../lib/spectra/index.js";

const good = (): SpectraFile => ({
  experiment: "gemma",
  target: "Ge",
  mass_kg: 1.5,
  flux_per_cm2_s: 2.7e13,
  periods: [
    { name: "phase-1", edges_kev: [3, 4, 5], on_counts: [10, 12.5], off_counts: [3, 4], t_on_days: 216, t_off_days: 77.2, tau_rel_uncertainty: 0.021, roi_kev: [[3, 5]] },
    { name: "phase-2", edges_kev: [3, 4, 5], on_counts: [11, 13], off_counts: [2, 5], t_on_days: 250, t_off_days: 40, tau_rel_uncertainty: 0.02, roi_kev: [[3, 5]] },
  ],
});

describe("spectra file: meaning", () => {
  it("accepts the committed simulated spectra files", () => {
    for (const f of ["gemma-mu0-seed11", "gemma-mu5e-11-seed12", "texono-mu0-seed2007"]) {
      const path = `data/simulated/${f}.spectra.json`;
      expect(() => validateSpectra(JSON.parse(readFileSync(path, "utf8")), path)).not.toThrow();
    }
  });
  it("refuses a period listed twice, naming it and both places", () => {
    const s = good();
    s.periods[1].name = "phase-1";
    expect(() => validateSpectra(s, "s.json")).toThrow('s.json: periods[1].name: period "phase-1" is listed twice (also periods[0])');
  });
  it("refuses a negative count when the counts are their own variances", () => {
    const s = good();
    s.periods[0].on_counts[1] = -1;
    expect(() => validateSpectra(s, "s.json")).toThrow("s.json: periods[0].on_counts[1]: negative count -1");
  });
  it("allows a corrected count below zero by up to 3 standard deviations, not a bin of -1e6", () => {
    const s = good();
    s.periods[0].on_variance = [10, 4];
    s.periods[0].on_counts[1] = -5.9; // 2.95 sigma of sqrt(4) = 2
    expect(() => validateSpectra(s)).not.toThrow();
    s.periods[0].on_counts[1] = -6.1; // 3.05 sigma
    expect(() => validateSpectra(s, "s.json")).toThrow("s.json: periods[0].on_counts[1]: count -6.1 lies 3.05 standard deviations below zero");
    s.periods[0].on_counts[1] = -1e6;
    expect(() => validateSpectra(s, "s.json")).toThrow("5.00e+5 standard deviations below zero");
  });
  it("refuses a zero variance under a non-zero count, accepts it under a zero count", () => {
    const s = good();
    s.periods[1].off_variance = [0, 0];
    expect(() => validateSpectra(s, "s.json")).toThrow("s.json: periods[1].off_variance[0]: variance 0 under a non-zero count (2 in periods[1].off_counts[0])");
    s.periods[1].off_counts = [0, 0];
    expect(() => validateSpectra(s)).not.toThrow();
  });
  it("refuses relative uncertainties outside [0, 1), naming the field", () => {
    const s = good();
    s.periods[0].tau_rel_uncertainty = 1e300;
    expect(() => validateSpectra(s, "s.json")).toThrow("s.json: periods[0].tau_rel_uncertainty: 1e+300 is outside its domain: a number in [0, 1) (a relative uncertainty)");
    const t = good();
    t.periods[1].t_on_rel_uncertainty = 1;
    expect(() => validateSpectra(t, "s.json")).toThrow("s.json: periods[1].t_on_rel_uncertainty: 1 is outside its domain");
  });
  it("refuses impossible times, masses, fluxes and energies", () => {
    const cases: [(s: SpectraFile) => void, string][] = [
      [(s) => (s.periods[0].t_on_days = 1e6), "periods[0].t_on_days: 1000000 is outside its domain: a number in [0.001, 36525] days"],
      [(s) => (s.periods[1].t_off_days = 0), "periods[1].t_off_days: 0 is outside its domain"],
      [(s) => (s.mass_kg = 1e300), "mass_kg: 1e+300 is outside its domain: a number in [0.001, 100000000] kg"],
      [(s) => (s.flux_per_cm2_s = 1e300), "flux_per_cm2_s: 1e+300 is outside its domain"],
      [(s) => (s.periods[0].edges_kev = [-1, 4, 5]), "periods[0].edges_kev[0]: -1 is outside its domain"],
      [(s) => (s.target = "CsI"), 'target: "CsI" is not supported'],
      [(s) => (s.periods[0].roi_kev = [[3, 4.5], [4, 5]]), "periods[0].roi_kev[1]: [4, 5] overlaps or precedes [3, 4.5]"],
    ];
    for (const [edit, message] of cases) {
      const s = good();
      edit(s);
      expect(() => validateSpectra(s, "s.json")).toThrow(`s.json: ${message}`);
    }
  });
});
