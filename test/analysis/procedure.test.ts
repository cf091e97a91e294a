import { describe, expect, it } from "vitest";
import { analyseSpectra, GEMMA_ALTERNATIVES, type AnalyseSpectraOptions } from "../../lib/analysis/limit.js";
import { choiceRoi } from "../../lib/analysis/periodAnalysis.js";
import { applyProcedure, procedureAlternatives, procedureSettings } from "../../lib/analysis/procedure.js";
import { gemmaToyConditions, texonoToyConditions, toySpectraFile } from "../../lib/analysis/spectraToy.js";

const texono = toySpectraFile(texonoToyConditions(), { model: "fe", muB: 0 }, 5);

describe("named procedures (GEMMA Sec. 3)", () => {
  it("paper: the OFF curve as the background (no fit errors), K projected, PDG; full: the fit covariance propagated", () => {
    expect(procedureSettings("paper")).toMatchObject({ offErrors: "none", method: "pdg", fixK: undefined });
    expect(procedureSettings("full")).toMatchObject({ offErrors: "correlated", method: "pdg", fixK: undefined });
  });

  it("GEMMA sums GEL/spline x ROI edge at 2.9/3.0 keV x two bin widths (the library's gemma set); another experiment keeps its ROI", () => {
    expect(procedureAlternatives({ experiment: "gemma" }).map((a) => a.label)).toEqual(GEMMA_ALTERNATIVES.map((a) => a.label));
    const t = procedureAlternatives({ experiment: "texono" });
    expect(t.map((a) => a.label)).toEqual(["gel, file bins", "gel, 1 keV bins", "spline, file bins", "spline, 1 keV bins"]);
    expect(t.every((a) => a.roiLowKeV === undefined)).toBe(true);
  });

  it("GEMMA's 2.9(3.0) keV ROI edges are each period's own edge and 0.1 keV below it (the edge differed between Phase II periods)", () => {
    const gemma = procedureAlternatives({ experiment: "gemma" });
    expect(gemma.map((a) => a.roiLowShiftKeV)).toEqual([-0.1, -0.1, 0, 0, -0.1, -0.1, 0, 0]);
    expect(gemma[0].label).toBe("gel, ROI edge -0.1 keV, file bins");
    expect(gemma[2].label).toBe("gel, file bins");
    const p = { name: "phase-3", roi_kev: [[3.2, 9.4], [11.2, 55]] as [number, number][] };
    expect(choiceRoi(p, { roiLowShiftKeV: -0.1 })[0][0]).toBeCloseTo(3.1, 12);
    expect(choiceRoi(p, { roiLowShiftKeV: -0.1 })[1]).toEqual([11.2, 55]);
    expect(choiceRoi(p, { roiLowKeV: 2.9 })).toEqual([[2.9, 9.4], [11.2, 55]]);
    expect(choiceRoi(p, {})).toEqual(p.roi_kev);
    expect(() => choiceRoi(p, { roiLowKeV: 2.9, roiLowShiftKeV: 0 })).toThrow("period phase-3: an analysis choice gives both roiLowKeV and roiLowShiftKeV; give one");
  });

  it("procedure paper gives the same limit as the same options spelled out", () => {
    const named = analyseSpectra(texono, { procedure: "paper" });
    const spelled = analyseSpectra(texono, { offErrors: "none", method: "pdg", alternatives: procedureAlternatives(texono) });
    expect(named.xUpper).toBe(spelled.xUpper);
    expect(named.procedure).toBe("paper");
    expect(named.toJSON().procedure).toBe("paper");
    expect(spelled.toJSON().procedure).toBe(null);
    // Propagating the OFF-curve covariance can only widen each period's dX (a constrained
    // nuisance added to the fit), hence a wider combined P(X).
    const full = analyseSpectra(texono, { procedure: "full" });
    expect(full.xErr).toBeGreaterThan(named.xErr);
  });

  it("options that contradict the procedure are refused with their names; equal ones are accepted", () => {
    expect(() => analyseSpectra(texono, { procedure: "paper", offErrors: "correlated" })).toThrow(/procedure paper fixes these options.*offErrors correlated \(the procedure uses none\)/);
    expect(() => analyseSpectra(texono, { procedure: "full", fixK: 1 })).toThrow(/a section is not the paper's procedure/);
    expect(() => analyseSpectra(texono, { procedure: "full", method: "fc" })).toThrow(/method fc/);
    expect(() => analyseSpectra(texono, { procedure: "full", background: "raw" })).toThrow(/background/);
    expect(() => analyseSpectra(texono, { procedure: "full", alternatives: "gemma" })).toThrow(/alternatives/);
    expect(() => analyseSpectra(texono, { procedure: "nope" as "paper" })).toThrow(/option "procedure" is "nope", expected one of "paper", "full"/);
    expect(applyProcedure(texono, { procedure: "full", offErrors: "correlated", method: "pdg" }).offErrors).toBe("correlated");
  });

  it("a GEMMA file gets the 2.9/3.0 keV ROI alternatives", () => {
    const g = toySpectraFile(gemmaToyConditions(), { model: "fe", muB: 0 }, 5);
    const options: AnalyseSpectraOptions = { procedure: "paper" };
    expect(applyProcedure(g, options).alternatives).toHaveLength(8);
  });
});
