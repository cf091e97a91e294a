import { describe, expect, it } from "vitest";
import { fitOffBackground, SPLINE_MIN_NDF_FRACTION } from "../../lib/analysis/backgroundFit.js";
import { analyseSpectra } from "../../lib/analysis/limit.js";
import { gemmaToyConditions, toySpectraFile } from "../../lib/analysis/spectraToy.js";
import { FitRefusedError } from "../../lib/fit/fitQuality.js";
import { maskedIndices, roiMask } from "../../lib/fit/roi.js";
import type { SpectraFile } from "../../lib/spectra/spectraFile.js";

const month = (overrides = {}) => gemmaToyConditions({ periods: [{ name: "phase-1", onDays: 30, offDays: 30 }], ...overrides });
const signal = { model: "fe" as const, muB: 0 };
// No internal function or class name (camelCase identifiers, the root finder) in a user message.
const internal = /[a-z]+[A-Z][A-Za-z]*\(|\bbrent\b|profileFit|GemmaChi2|fitSpectrumLM/;

function refusalOf(f: () => unknown): FitRefusedError {
  try {
    f();
  } catch (e) {
    if (e instanceof FitRefusedError) return e;
    throw e;
  }
  throw new Error("expected a refusal");
}

describe("fit quality: results carry their checks, bad fits are refused", () => {
  it("a one-month toy gives results whose fits all pass, with fit_quality in the JSON and no extra text line", () => {
    const file = toySpectraFile(month(), signal, 3);
    for (const background of ["gel", "spline"] as const) {
      const r = analyseSpectra(file, { background });
      const q = r.toJSON().fit_quality as ReturnType<typeof r.fitQuality>;
      expect(q).toHaveLength(1);
      expect(q[0].ok).toBe(true);
      expect(q[0].period).toBe("phase-1");
      // K of a toy made with K_true = 1 lies in its plausible range, which contains 1.
      expect(q[0].profile.k_range[0]).toBeLessThan(1);
      expect(q[0].profile.k_range[1]).toBeGreaterThan(1);
      expect(String(r)).not.toMatch(/fit quality/);
    }
  });

  it("an ON spectrum recorded with a time 1.6 x too long (K_true = 1.6, time ratio known to 2.1 %) is refused for its K, naming the period", () => {
    const file = toySpectraFile(month({ kTrue: 1.6 }), signal, 4);
    const e = refusalOf(() => analyseSpectra(file, { background: "gel" }));
    expect(e.period).toBe("phase-1");
    expect(e.message).toMatch(/^period phase-1: .*K = 1\.[5-7]\d* lies outside the plausible/);
    expect(e.message).toMatch(/Try another background/);
    expect(e.message).not.toMatch(internal);
  });

  it("a spectrum whose OFF counts drop to -47 over 2 keV (a failed subtraction) is refused naming the period and the model", () => {
    const file: SpectraFile = toySpectraFile(month(), signal, 5);
    const p = file.periods[0];
    const bad = { ...p, off_counts: [...p.off_counts], off_variance: p.off_counts.map((c) => Math.max(c, 1)), on_variance: p.on_counts.map((c) => Math.max(c, 1)) };
    p.edges_kev.forEach((lo, i) => {
      if (lo >= 12 - 1e-9 && lo < 14 - 1e-9) {
        bad.off_counts[i] = -47;
        bad.off_variance[i] = 176 ** 2;
      }
    });
    const e = refusalOf(() => analyseSpectra({ ...file, periods: [bad] }, { background: "polynomial" }));
    expect(e.message).toMatch(/^period phase-1: the OFF background fit \(Legendre polynomial, degree 5\) is refused: /);
    expect(e.message).not.toMatch(internal);
  });

  it("the smoothing spline keeps an effective ndf of at least a quarter of its bins when the stated variances dwarf the scatter", () => {
    const file = toySpectraFile(month(), signal, 6);
    const p = file.periods[0];
    const edges = Float64Array.from(p.edges_kev);
    // Variances 200 x the counts (as from a subtraction with large correlated errors).
    const bg = fitOffBackground({ edgesKeV: edges, counts: p.off_counts, exposureKgDay: file.mass_kg * p.t_off_days, variance: p.off_counts.map((c) => 200 * Math.max(c, 1)) }, p.roi_kev, "spline");
    const knots = maskedIndices(bg.fit!.mask).length;
    expect(bg.ndf).toBeGreaterThanOrEqual(SPLINE_MIN_NDF_FRACTION * knots - 1e-6);
    expect(bg.ndf).toBeGreaterThan(5);
  });

  it("corrected counts at or below zero get the period's median variance/count ratio, not 1 (their file variance is kept in scale)", () => {
    const file = toySpectraFile(month(), signal, 7);
    const p = file.periods[0];
    const roi = roiMask(p.edges_kev, p.roi_kev);
    // Every count carries variance 3 x counts; one ROI bin is a subtraction's -2 +- sqrt(60).
    const i0 = maskedIndices(roi)[40];
    const off = [...p.off_counts];
    off[i0] = -2;
    const offVar = off.map((c) => 3 * Math.max(c, 1));
    offVar[i0] = 60;
    const r = analyseSpectra({ ...file, periods: [{ ...p, off_counts: off, off_variance: offVar, on_variance: p.on_counts.map((c) => 3 * Math.max(c, 1)) }] }, { background: "raw" });
    const pa = r.alternatives[0].periods[0];
    expect(pa.offRatio[i0]).toBeCloseTo(3, 12);
  });
});
