/**
 * Tables of numbers behind the statistics figures (notebooks 07-10, GEMMA Figs. 4-9), as arrays of
 * plain rows that `nuem.Plot` marks take directly: the OFF spectrum with its fitted curve and the
 * pulls, the chi^2(X, K) map, the profile and the section, the probability curves and their sum,
 * and the differential ON - OFF spectrum.
 */
import type { Chi2Map } from "../stats/gemmaChi2.js";
import type { Chi2XK } from "../stats/gemmaChi2Correlated.js";
import type { SpectraFile } from "../spectra/spectraFile.js";
import { maskedIndices, roiMask, type Roi } from "../fit/roi.js";
import type { SpectraLimit } from "./limit.js";
import type { PeriodAnalysis } from "./periodAnalysis.js";
import { rebinValues, roiBinning } from "./roiBinning.js";

/** One ROI bin of an OFF fit. */
export interface OffFitRow {
  energyKeV: number;
  /** OFF counts / (keV kg day), with the Poisson error. */
  offRate: number;
  offError: number;
  /** Fitted curve / (keV kg day) and its 1-sigma error from the fit. */
  curveRate: number;
  curveError: number;
  /** (OFF - curve) / sqrt(curve counts). */
  pull: number;
}

/** The OFF spectrum of a period analysis with its fitted background, per ROI bin. */
export function offFitRows(pa: PeriodAnalysis, massKg: number): OffFitRow[] {
  const edges = pa.binning.edgesKeV;
  const idx = maskedIndices(roiMask(edges, pa.binning.roi));
  const exposure = massKg * pa.offDays;
  return Array.from(idx, (i) => {
    const w = edges[i + 1] - edges[i];
    const scale = 1 / (exposure * w);
    const c = pa.background.counts[i];
    const v = Math.max(pa.offCounts[i] * pa.offRatio[i], 1);
    return {
      energyKeV: 0.5 * (edges[i] + edges[i + 1]),
      offRate: pa.offCounts[i] * scale,
      offError: Math.sqrt(v) * scale,
      curveRate: c * scale,
      curveError: Math.sqrt(pa.background.variance[i]) * scale,
      pull: (pa.offCounts[i] - c) / Math.sqrt(Math.max(c * pa.offRatio[i], 1e-9)),
    };
  });
}

/** The cells of a chi^2(X, K) map, chi2 relative to the grid minimum. */
export function chi2MapRows(map: Chi2Map): { x: number; k: number; dchi2: number }[] {
  const rows: { x: number; k: number; dchi2: number }[] = [];
  const min = map.gridMinimum.chi2;
  for (let ik = 0; ik < map.nk; ik++) for (let ix = 0; ix < map.nx; ix++) rows.push({ x: map.x[ix], k: map.k[ik], dchi2: map.at(ix, ik) - min });
  return rows;
}

/** The profile (minimum over K, GEMMA's "projection") and the section at K = `k` of a chi-square, relative to its minimum. */
export function profileSectionRows(chi2: Chi2XK, xs: ArrayLike<number>, k = 1): { x: number; dchi2: number; curve: string }[] {
  const min = chi2.minimum().chi2;
  const rows: { x: number; dchi2: number; curve: string }[] = [];
  for (let i = 0; i < xs.length; i++) rows.push({ x: xs[i], dchi2: chi2.profileK(xs[i]).chi2 - min, curve: "profile (min over K)" });
  for (let i = 0; i < xs.length; i++) rows.push({ x: xs[i], dchi2: chi2.chi2(xs[i], k) - min, curve: `section at K = ${k}` });
  return rows;
}

/**
 * The probability curves of a limit (GEMMA Fig. 6): every alternative's product P(X), their
 * weighted sum, and the renormalised X >= 0 part of the sum, each as a density on the combination
 * grid (thinned to about `points` points).
 */
export function probabilityCurveRows(limit: SpectraLimit, points = 400): { x: number; density: number; curve: string }[] {
  const rows: { x: number; density: number; curve: string }[] = [];
  const total = limit.combination.total;
  const step = Math.max(1, Math.floor(total.x.length / points));
  const add = (label: string, x: Float64Array, d: Float64Array) => {
    for (let i = 0; i < x.length; i += step) rows.push({ x: x[i], density: d[i], curve: label });
  };
  if (limit.alternatives.length > 1) for (const a of limit.alternatives) add(a.label, a.curve.x, a.curve.density());
  add(limit.alternatives.length > 1 ? "weighted sum" : "P(X) = product of the periods", total.x, total.density());
  // Renormalised part: X >= 0, scaled so that its area is 1.
  const d = total.density();
  const x = total.x;
  let area = 0;
  for (let i = 1; i < x.length; i++) if (x[i - 1] >= 0) area += 0.5 * (d[i] + d[i - 1]) * (x[i] - x[i - 1]);
  for (let i = 0; i < x.length; i += step) if (x[i] >= 0) rows.push({ x: x[i], density: d[i] / area, curve: "renormalised (X >= 0)" });
  return rows;
}

/**
 * The differential spectrum ON/T_ON - OFF/T_OFF of a period in counts/(keV kg day), regrouped
 * to `binKeV` inside the ROI, with its statistical error (GEMMA Figs. 5 and 8).
 */
export function differentialSpectrum(spectra: SpectraFile, periodIndex: number, options: { binKeV?: number; roi?: Roi } = {}): { energyKeV: number; rate: number; error: number }[] {
  const p = spectra.periods[periodIndex];
  if (!p) throw new Error(`the spectra file has no period ${periodIndex} (periods 0 to ${spectra.periods.length - 1})`);
  const b = roiBinning(p.edges_kev, options.roi ?? p.roi_kev, options.binKeV);
  const on = rebinValues(p.on_counts, b);
  const off = rebinValues(p.off_counts, b);
  const onVar = rebinValues(p.on_variance ?? p.on_counts, b);
  const offVar = rebinValues(p.off_variance ?? p.off_counts, b);
  const idx = maskedIndices(roiMask(b.edgesKeV, b.roi));
  return Array.from(idx, (i) => {
    const w = b.edgesKeV[i + 1] - b.edgesKeV[i];
    const norm = spectra.mass_kg * w;
    return {
      energyKeV: 0.5 * (b.edgesKeV[i] + b.edgesKeV[i + 1]),
      rate: (on[i] / p.t_on_days - off[i] / p.t_off_days) / norm,
      error: Math.sqrt(onVar[i] / p.t_on_days ** 2 + offVar[i] / p.t_off_days ** 2) / norm,
    };
  });
}

/**
 * OFF counts and the fitted curve summed over an energy window of a period analysis, with the
 * curve's error from its full covariance (the correlated sum, not the quadrature of bin errors).
 */
export function offCurveWindow(pa: PeriodAnalysis, loKeV: number, hiKeV: number): { counts: number; curve: number; curveError: number; bins: number[] } {
  const e = pa.binning.edgesKeV;
  const r = pa.background.rank;
  const sumRow = new Float64Array(r);
  let counts = 0;
  let curve = 0;
  let diag = 0;
  const bins: number[] = [];
  for (let i = 0; i < e.length - 1; i++) {
    if (pa.binning.groups[i].length === 0 || e[i] < loKeV - 1e-9 || e[i + 1] > hiKeV + 1e-9) continue;
    bins.push(i);
    counts += pa.offCounts[i];
    curve += pa.background.counts[i];
    for (let c = 0; c < r; c++) sumRow[c] += pa.background.factor[i * r + c];
    if (r === 0) diag += pa.background.variance[i];
  }
  const variance = r > 0 ? sumRow.reduce((s, v) => s + v * v, 0) : diag;
  return { counts, curve, curveError: Math.sqrt(variance), bins };
}
