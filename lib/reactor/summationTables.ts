import { dataPath } from "../data/paths.js";
import { numericColumn, readCsv } from "../data/csv.js";
import { FISSION_ISOTOPES, type FissionIsotope } from "./isotopes.js";

/**
 * Tabulated antineutrino spectra of the BESTIOLE summation model: Perisse et al., Phys. Rev. C 108,
 * 055501 (2023), arXiv:2304.14992, ancillary file BESTIOLE_2023.root (25 keV histograms).
 * Stored in `data/reactor/bestiole_fission_low_energy.csv` (per fission, 0-3 MeV) and
 * `data/reactor/bestiole_capture.csv` (per decay of 239U and 239Np).
 *
 * A histogram is evaluated as piecewise constant (the bin-averaged value inside each bin), so its
 * integral over whole bins is exactly the number of antineutrinos in them.
 */
export interface SpectrumHistogram {
  /** Bin edges, MeV, increasing, uniform. */
  readonly edgesMeV: Float64Array;
  /** Bin-averaged density per bin (antineutrinos / MeV per fission or per decay). */
  readonly values: Float64Array;
}

/** Value of a histogram at E (MeV): the content of the bin holding E; 0 outside the edges. */
export function histogramValue(h: SpectrumHistogram, eMeV: number): number {
  const e = h.edgesMeV;
  const n = h.values.length;
  if (!(eMeV >= e[0]) || eMeV >= e[n]) return 0;
  const width = (e[n] - e[0]) / n;
  let i = Math.floor((eMeV - e[0]) / width);
  if (i >= n) i = n - 1;
  // Guard against rounding at an edge.
  if (eMeV < e[i]) i--;
  else if (eMeV >= e[i + 1]) i++;
  return h.values[i];
}

/** Integral of a histogram over [a, b] (MeV), exact for the piecewise-constant reading. */
export function histogramIntegral(h: SpectrumHistogram, a: number, b: number): number {
  let s = 0;
  const e = h.edgesMeV;
  for (let i = 0; i < h.values.length; i++) {
    const lo = Math.max(a, e[i]);
    const hi = Math.min(b, e[i + 1]);
    if (hi > lo) s += h.values[i] * (hi - lo);
  }
  return s;
}

function histogramsFrom(file: string, names: readonly string[]): Record<string, SpectrumHistogram> {
  const t = readCsv(file);
  const lo = numericColumn(t, "e_lo_mev");
  const hi = numericColumn(t, "e_hi_mev");
  const edges = new Float64Array(lo.length + 1);
  edges.set(lo);
  edges[lo.length] = hi[hi.length - 1];
  for (let i = 0; i < lo.length; i++) {
    if (i > 0 && Math.abs(lo[i] - hi[i - 1]) > 1e-9) throw new Error(`${file}: row ${i + 1}: bins are not contiguous (${hi[i - 1]} then ${lo[i]})`);
  }
  const out: Record<string, SpectrumHistogram> = {};
  for (const n of names) out[n] = Object.freeze({ edgesMeV: edges, values: numericColumn(t, n) });
  return out;
}

let fissionCache: Record<FissionIsotope, SpectrumHistogram> | undefined;
let captureCache: { U239: SpectrumHistogram; Np239: SpectrumHistogram } | undefined;

/** BESTIOLE spectra per fission, 0-3 MeV, antineutrinos / (MeV fission) (cached). */
export function summationFissionHistograms(): Readonly<Record<FissionIsotope, SpectrumHistogram>> {
  if (!fissionCache) fissionCache = histogramsFrom(dataPath("reactor/bestiole_fission_low_energy.csv"), FISSION_ISOTOPES) as Record<FissionIsotope, SpectrumHistogram>;
  return fissionCache;
}

/** BESTIOLE spectra per decay of 239U and 239Np, antineutrinos / (MeV decay) (cached). */
export function summationCaptureHistograms(): Readonly<{ U239: SpectrumHistogram; Np239: SpectrumHistogram }> {
  if (!captureCache) captureCache = histogramsFrom(dataPath("reactor/bestiole_capture.csv"), ["U239", "Np239"]) as { U239: SpectrumHistogram; Np239: SpectrumHistogram };
  return captureCache;
}
