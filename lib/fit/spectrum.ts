/**
 * A binned energy spectrum: what the background fits take. Counts per bin over an exposure
 * (kg day for GEMMA); the fitted curves are densities in counts / (keV x exposure unit), i.e.
 * counts/(keV kg day) when the exposure is in kg day.
 */

/** Binned counts on keV edges. */
export interface BinnedSpectrum {
  /** n + 1 increasing bin edges, keV. */
  readonly edgesKeV: ArrayLike<number>;
  /** n counts (may be non-integer for Asimov data or corrected spectra). */
  readonly counts: ArrayLike<number>;
  /** Exposure (kg day, or 1 for plain counts). */
  readonly exposure: number;
  /** Optional per-bin variance of the counts (default: the counts themselves, at least 1). */
  readonly variance?: ArrayLike<number>;
}

/** Checks the shapes of a spectrum; throws with a message naming the mismatch. */
export function checkSpectrum(s: BinnedSpectrum): number {
  const n = s.edgesKeV.length - 1;
  if (n < 1) throw new Error("spectrum: need at least two edges");
  if (s.counts.length !== n) throw new Error(`spectrum: ${s.counts.length} counts for ${n} bins`);
  if (s.variance && s.variance.length !== n) throw new Error(`spectrum: ${s.variance.length} variances for ${n} bins`);
  if (!(s.exposure > 0)) throw new Error(`spectrum: exposure must be positive, got ${s.exposure}`);
  for (let i = 0; i < n; i++) if (!(s.edgesKeV[i + 1] > s.edgesKeV[i])) throw new Error(`spectrum: edges must increase at ${i}`);
  return n;
}

/**
 * Bin centres, keV.
 *
 * @example
 * binCentresKeV([0, 1, 3]); // => [0.5, 2]
 */
export function binCentresKeV(edgesKeV: ArrayLike<number>): Float64Array {
  const n = edgesKeV.length - 1;
  const c = new Float64Array(n);
  for (let i = 0; i < n; i++) c[i] = 0.5 * (edgesKeV[i] + edgesKeV[i + 1]);
  return c;
}

/**
 * Bin widths, keV.
 *
 * @example
 * binWidthsKeV([0, 1, 3]); // => [1, 2]
 */
export function binWidthsKeV(edgesKeV: ArrayLike<number>): Float64Array {
  const n = edgesKeV.length - 1;
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) w[i] = edgesKeV[i + 1] - edgesKeV[i];
  return w;
}

/**
 * Variance of the counts used by a Gaussian chi-square: the given variance, else the counts
 * (Neyman's chi-square), with empty bins given variance 1 so that they keep a finite weight.
 */
export function countVariance(s: BinnedSpectrum): Float64Array {
  const n = s.counts.length;
  const v = new Float64Array(n);
  for (let i = 0; i < n; i++) v[i] = s.variance ? s.variance[i] : Math.max(s.counts[i], 1);
  return v;
}
