/*
 * Energy binning of the ON/OFF spectra. GEMMA compares the spectra "channel by channel" (sec. 3)
 * without giving the channel width; the default here is 0.2 keV from 2 to 60 keV, so that the ROI
 * edges 3.0, 9.4, 11.2 and 55 keV (sec. 3 footnote 4) fall on bin edges (the 2.9 keV start of the
 * paper's background fit needs 0.1 keV bins: `uniformEdgesKeV(2, 60, 0.1)`).
 */

/** Default bin width, keV. */
export const DEFAULT_BIN_WIDTH_KeV = 0.2;
/** Default energy range of the spectra, keV. */
export const DEFAULT_SPECTRUM_RANGE_KeV: readonly [number, number] = [2.0, 60.0];

/**
 * Uniform bin edges from lo to hi (keV) with the given width; hi - lo must be a whole number of widths.
 *
 * @example
 * uniformEdgesKeV().length; // => 291 (290 bins of 0.2 keV from 2 to 60 keV)
 */
export function uniformEdgesKeV(loKeV: number = DEFAULT_SPECTRUM_RANGE_KeV[0], hiKeV: number = DEFAULT_SPECTRUM_RANGE_KeV[1], widthKeV: number = DEFAULT_BIN_WIDTH_KeV): Float64Array {
  if (!(hiKeV > loKeV) || !(widthKeV > 0)) throw new Error(`spectrum binning: need lo < hi and a bin width > 0 keV, got [${loKeV}, ${hiKeV}] keV by ${widthKeV} keV`);
  const n = Math.round((hiKeV - loKeV) / widthKeV);
  if (Math.abs(n * widthKeV - (hiKeV - loKeV)) > 1e-9 * Math.max(1, hiKeV)) throw new Error(`spectrum binning: the range [${loKeV}, ${hiKeV}] keV is not a whole number of ${widthKeV} keV bins`);
  const e = new Float64Array(n + 1);
  // Rounded to 1e-9 keV so that edges such as 9.4 are exact decimal values in the JSON.
  for (let i = 0; i <= n; i++) e[i] = Math.round((loKeV + i * widthKeV) * 1e9) / 1e9;
  return e;
}

/** 1 for bins lying inside one of the ROI intervals (bin centre inside), per bin. */
export function roiBinMask(edges: ArrayLike<number>, roiKeV: readonly (readonly [number, number])[]): Uint8Array {
  const m = new Uint8Array(edges.length - 1);
  for (let i = 0; i < m.length; i++) {
    const c = 0.5 * (edges[i] + edges[i + 1]);
    for (const [lo, hi] of roiKeV) if (c > lo && c < hi) m[i] = 1;
  }
  return m;
}

/** Whether every ROI edge is a bin edge (to 1e-6 keV). */
export function roiOnEdges(edges: ArrayLike<number>, roiKeV: readonly (readonly [number, number])[]): boolean {
  const on = (x: number): boolean => {
    for (let i = 0; i < edges.length; i++) if (Math.abs(edges[i] - x) < 1e-6) return true;
    return false;
  };
  return roiKeV.every(([lo, hi]) => on(lo) && on(hi));
}

/**
 * Sum of per-bin values over the bins whose centre lies inside the ROI intervals.
 *
 * @example
 * roiSum([1, 2, 3, 4], [0, 1, 2, 3, 4], [[1, 3]]); // => 5 (the bins 1-2 and 2-3 keV)
 */
export function roiSum(values: ArrayLike<number>, edges: ArrayLike<number>, roiKeV: readonly (readonly [number, number])[]): number {
  const m = roiBinMask(edges, roiKeV);
  let t = 0;
  for (let j = 0; j < m.length; j++) if (m[j]) t += values[j];
  return t;
}
