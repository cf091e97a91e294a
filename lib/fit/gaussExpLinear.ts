/**
 * The GEMMA smooth background function, "a sum of Gaussian, exponential and linear functions"
 * (GEMMA paper, Sec. 3, text after Eq. 8: the OFF spectrum in the ROI is fitted by this or by
 * splines). The paper gives no formula; this parametrisation is ours:
 *
 *   f(E) = gaussAmp exp(-(E - gaussMeanKeV)^2 / (2 gaussSigmaKeV^2))
 *        + expAmp exp(-(E - E_ref) / expSlopeKeV)
 *        + constant + slopePerKeV (E - E_ref)
 *
 * in counts / (keV x exposure unit), E in keV. E_ref (default 0) is a fixed reference energy;
 * set it to the lower end of the fit range so that expAmp and constant are the exponential and
 * linear parts there and correlate less. Limits: gaussSigmaKeV and expSlopeKeV positive.
 */
import { FitError } from "../errors.js";
import { BinIntegrator } from "./binIntegrator.js";
import type { CurveModel } from "./curveModel.js";
import { weightedLeastSquares } from "../math/weightedLeastSquares.js";
import { maskedIndices } from "./roi.js";
import { countVariance, type BinnedSpectrum } from "./spectrum.js";

/** Parameter names of {@link gaussExpLinearModel}, in order. */
export const GAUSS_EXP_LINEAR_PARAMETERS = ["gaussAmp", "gaussMeanKeV", "gaussSigmaKeV", "expAmp", "expSlopeKeV", "constant", "slopePerKeV"] as const;

/** The GEMMA "Gaussian + exponential + linear" background curve (see the file header). */
export function gaussExpLinearModel(referenceKeV = 0): CurveModel {
  const ref = referenceKeV;
  const model: CurveModel = {
    name: `gauss+exp+linear (E_ref = ${ref} keV)`,
    parameterNames: GAUSS_EXP_LINEAR_PARAMETERS,
    limits: [null, null, [1e-6, Infinity], null, [1e-6, Infinity], null, null],
    density(p, energyKeV, out) {
      const [ag, m, s, ae, lam, c0, c1] = [p[0], p[1], p[2], p[3], p[4], p[5], p[6]];
      const inv2s2 = 1 / (2 * s * s);
      for (let i = 0; i < energyKeV.length; i++) {
        const e = energyKeV[i];
        const d = e - m;
        out[i] = ag * Math.exp(-d * d * inv2s2) + ae * Math.exp(-(e - ref) / lam) + c0 + c1 * (e - ref);
      }
    },
    gradient(p, energyKeV, out) {
      const [ag, m, s, ae, lam] = [p[0], p[1], p[2], p[3], p[4]];
      const inv2s2 = 1 / (2 * s * s);
      for (let i = 0; i < energyKeV.length; i++) {
        const e = energyKeV[i];
        const d = e - m;
        const g = Math.exp(-d * d * inv2s2);
        const x = Math.exp(-(e - ref) / lam);
        const o = i * 7;
        out[o] = g;
        out[o + 1] = (ag * g * d) / (s * s);
        out[o + 2] = (ag * g * d * d) / (s * s * s);
        out[o + 3] = x;
        out[o + 4] = (ae * x * (e - ref)) / (lam * lam);
        out[o + 5] = 1;
        out[o + 6] = e - ref;
      }
    },
    guess(spectrum, mask) {
      return gaussExpLinearGuess(spectrum, mask, ref);
    },
  };
  return model;
}

/** The coarse grid of {@link gaussExpLinearGuess}. */
export interface GaussExpLinearScanGrid {
  /** Number of Gaussian means, spread evenly across the fit range. */
  means: number;
  /** Gaussian widths as fractions of the fit range, floored at `minSigmaKeV`. */
  sigmaFractions: readonly number[];
  /** Exponential slopes as fractions of the fit range, floored at `minSlopeKeV`. */
  slopeFractions: readonly number[];
  minSigmaKeV?: number;
  minSlopeKeV?: number;
  /** Gauss-Legendre nodes per bin (default 8). */
  quadOrder?: number;
  /** Least-squares weights: 1/variance of the spectrum (default) or 1/max(counts, 1). */
  weights?: "variance" | "counts";
}

/** Default grid: 9 means, sigma in {0.03, 0.1, 0.3} x range, slope in {0.02, 0.05, 0.1, 0.25, 1} x range. */
export const GAUSS_EXP_LINEAR_SCAN: GaussExpLinearScanGrid = Object.freeze({ means: 9, sigmaFractions: [0.03, 0.1, 0.3], slopeFractions: [0.02, 0.05, 0.1, 0.25, 1] });

/**
 * Starting values by a separable scan: for each (mean, sigma, slope) on a coarse grid the four
 * amplitudes (gaussAmp, expAmp, constant, slopePerKeV) enter linearly and are solved by weighted
 * least squares; the grid point of lowest chi-square wins.
 */
export function gaussExpLinearGuess(spectrum: BinnedSpectrum, mask: Uint8Array, referenceKeV = 0, grid: GaussExpLinearScanGrid = GAUSS_EXP_LINEAR_SCAN): Float64Array {
  const idx = maskedIndices(mask);
  if (idx.length < 8) throw new Error(`gaussExpLinearGuess: need at least 8 bins, got ${idx.length}`);
  const lo = spectrum.edgesKeV[idx[0]];
  const hi = spectrum.edgesKeV[idx[idx.length - 1] + 1];
  const range = hi - lo;
  const integ = new BinIntegrator(spectrum.edgesKeV, idx, grid.quadOrder ?? 8);
  const y = Float64Array.from(idx, (i) => spectrum.counts[i]);
  const varAll = countVariance(spectrum);
  const w = grid.weights === "counts" ? Float64Array.from(y, (c) => 1 / Math.max(c, 1)) : Float64Array.from(idx, (i) => 1 / varAll[i]);
  const model = gaussExpLinearModel(referenceKeV);
  const m = idx.length;
  const design = new Float64Array(m * 4);
  const col = new Float64Array(m);
  const p = new Float64Array(7);
  let best: Float64Array | null = null;
  let bestChi2 = Infinity;
  for (let a = 0; a < grid.means; a++) {
    const mean = lo + ((a + 0.5) / grid.means) * range;
    for (const sf of grid.sigmaFractions) {
      const sigma = Math.max(grid.minSigmaKeV ?? 0, sf * range);
      for (const lf of grid.slopeFractions) {
        const slope = Math.max(grid.minSlopeKeV ?? 0, lf * range);
        for (let k = 0; k < 4; k++) {
          p.set([k === 0 ? 1 : 0, mean, sigma, k === 1 ? 1 : 0, slope, k === 2 ? 1 : 0, k === 3 ? 1 : 0]);
          integ.expected(model, p, spectrum.exposure, col);
          for (let i = 0; i < m; i++) design[i * 4 + k] = col[i];
        }
        let sol: Float64Array;
        try {
          sol = weightedLeastSquares(design, m, 4, y, w).solution;
        } catch (e) {
          // A degenerate design at this grid point (FitError): the scan skips the point.
          if (!(e instanceof FitError)) throw e;
          continue;
        }
        let chi2 = 0;
        for (let i = 0; i < m; i++) {
          let mu = 0;
          for (let k = 0; k < 4; k++) mu += design[i * 4 + k] * sol[k];
          chi2 += w[i] * (y[i] - mu) * (y[i] - mu);
        }
        if (chi2 < bestChi2) {
          bestChi2 = chi2;
          best = Float64Array.from([sol[0], mean, sigma, sol[1], slope, sol[2], sol[3]]);
        }
      }
    }
  }
  if (!best) throw new Error("gaussExpLinearGuess: no grid point gave a solvable least-squares problem");
  return best;
}
