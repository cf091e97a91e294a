/**
 * The expected (median) limit of GEMMA's procedure on an Asimov data set with a flat background:
 * ON = (B + SM) and OFF = B in every bin, the OFF spectrum smoothed by a cubic Legendre curve with
 * its covariance ("smooth", GEMMA Sec. 3) or used bin by bin ("raw"), chi^2(X, K) of GEMMA Eq. (7)
 * per period with K profiled (or fixed at 1), the X-proportional systematic of Eq. (8), the product
 * of the periods' probability curves and the PDG renormalisation to X >= 0. The signal shape (EM at
 * X = 1, or any coupling's) and the SM rates come in per bin, so the magnetic-moment sensitivity
 * (`sensitivity.ts`) and the coupling limits of lib/prospects share this one computation.
 */
import { fitSpectrum } from "../fit/fitSpectrum.js";
import { polynomialModel } from "../fit/polynomial.js";
import type { Roi } from "../fit/roi.js";
import { combineGemma, GEMMA_NORMALISATION_SYSTEMATICS, quadratureSum, type GemmaLimit } from "../stats/gemmaCombination.js";
import { GemmaChi2 } from "../stats/gemmaChi2.js";

/** What the Asimov limit is computed from. */
export interface AsimovGemmaInput {
  /** Equal-width bin edges, keV, covering the ROI. */
  edgesKeV: Float64Array;
  roi: Roi;
  binKeV: number;
  massKg: number;
  /** Flat background, counts/(keV kg day), in ON and OFF. */
  backgroundPerKeVKgDay: number;
  /** Signal per bin at X = 1, counts/(keV kg day). */
  signalPerKeVKgDay: ArrayLike<number>;
  /** Known SM terms per bin (the weak term W of GEMMA (5)), counts/(keV kg day). */
  smPerKeVKgDay: ArrayLike<number>;
  periods: readonly { name: string; onDays: number; offDays: number }[];
}

/** Choices of the Asimov analysis. */
export interface AsimovGemmaOptions {
  /** OFF spectrum as a fitted cubic Legendre curve ("smooth", default) or bin by bin ("raw"). */
  off?: "smooth" | "raw";
  /** Profile over K (default) or fix K = 1. */
  profileK?: boolean;
  /** Relative systematic on X (default GEMMA (8): 3.99 %). */
  relSyst?: number;
  cl?: number;
}

/** Per-period X errors and the combined limit (X_hat = 0 by construction). */
export function asimovGemmaLimit(input: AsimovGemmaInput, opts: AsimovGemmaOptions = {}): { periods: { name: string; onDays: number; offDays: number; xErr: number }[]; limit: GemmaLimit; relSyst: number; cl: number } {
  const { edgesKeV: edges, roi, binKeV, massKg, backgroundPerKeVKgDay: b, signalPerKeVKgDay: signal, smPerKeVKgDay: sm } = input;
  const lo = Math.min(...roi.map((r) => r[0]));
  const hi = Math.max(...roi.map((r) => r[1]));
  const off = opts.off ?? "smooth";
  const periods = input.periods.map((p) => {
    const onCounts = Float64Array.from(sm, (w) => (b + w) * massKg * p.onDays * binKeV);
    const offCounts = new Float64Array(sm.length).fill(b * massKg * p.offDays * binKeV);
    let offUsed: Float64Array = offCounts;
    let offVariance: Float64Array | undefined;
    if (off === "smooth") {
      const fit = fitSpectrum({ edgesKeV: edges, counts: offCounts, exposure: massKg * p.offDays }, polynomialModel(3, lo, hi), { roi });
      const bc = fit.binCounts();
      offUsed = bc.counts;
      offVariance = bc.variance;
    }
    const chi2 = new GemmaChi2({ edgesKeV: edges, onCounts, offCounts: offUsed, offVariance, tauTilde: p.onDays / p.offDays, onDays: p.onDays, massKg, emPerKeVKgDay: signal, weakPerKeVKgDay: sm, roi });
    const xErr = opts.profileK === false ? chi2.section(1).dx : chi2.profileFit().dx;
    return { name: p.name, onDays: p.onDays, offDays: p.offDays, xErr };
  });
  const relSyst = opts.relSyst ?? quadratureSum(GEMMA_NORMALISATION_SYSTEMATICS);
  const cl = opts.cl ?? 0.9;
  const limit = combineGemma([{ periods: periods.map((p) => ({ x: 0, dx: p.xErr, label: p.name })) }], { relSyst, cl });
  return { periods, limit, relSyst, cl };
}
