import normalCdf from "@stdlib/stats-base-dists-normal-cdf";

/**
 * Energy resolution of the TEXONO CsI(Tl) crystals and the folding of true-energy spectra into
 * measured-energy bins. Energies in keV (the event format's unit).
 */

/** 137Cs gamma line, keV (NNDC / ENSDF: 661.657 keV): the reference energy of the resolution. */
export const CS137_LINE_KEV = 661.657;

/**
 * Relative energy resolution of a TEXONO CsI(Tl) module at 662 keV, FWHM / E = 10 %. The value
 * this project was given for the TEXONO CsI(Tl) array; it is the order the collaboration reports
 * for its 40 cm prototype modules read out at both ends (Li et al., NIM A 459 (2001) 93,
 * hep-ex/0001001; Liu et al., NIM A 482 (2002) 125, hep-ex/0105006), whose body text could not be
 * read with the tools available (check). Scaling as 1/sqrt(E) (photo-electron statistics) gives
 * FWHM 5.0 % at 2.6 MeV, 4.7 % at 3 MeV and 2.9 % at 8 MeV.
 */
export const CSI_FWHM_FRACTION_AT_662_KEV = 0.1;

/** FWHM / sigma of a Gaussian, 2 sqrt(2 ln 2). */
const FWHM_PER_SIGMA = 2 * Math.sqrt(2 * Math.LN2);

/**
 * Gaussian sigma (keV) of the measured energy at a true energy eKeV: FWHM/E = f sqrt(662 keV / E),
 * i.e. sigma = (f / 2.3548) sqrt(661.657 keV x E).
 *
 * @example
 * csiSigmaKeV(661.657); // => 28.098 (keV: 10 % FWHM at the 137Cs line, / 2.3548)
 */
export function csiSigmaKeV(eKeV: number, fwhmFractionAt662: number = CSI_FWHM_FRACTION_AT_662_KEV): number {
  return (fwhmFractionAt662 / FWHM_PER_SIGMA) * Math.sqrt(CS137_LINE_KEV * Math.max(eKeV, 0));
}

/**
 * A uniform grid from lo to hi (keV) with an even number of intervals of at most `stepKeV`,
 * for Simpson's rule.
 */
export function simpsonGrid(loKeV: number, hiKeV: number, stepKeV = 2): Float64Array {
  if (!(hiKeV > loKeV) || !(stepKeV > 0)) throw new Error(`simpsonGrid: need lo < hi and a positive step (got ${loKeV}, ${hiKeV}, ${stepKeV})`);
  let n = Math.ceil((hiKeV - loKeV) / stepKeV);
  if (n % 2 === 1) n += 1;
  const h = (hiKeV - loKeV) / n;
  return Float64Array.from({ length: n + 1 }, (_, i) => (i === n ? hiKeV : loKeV + i * h));
}

/**
 * Folding weights of a true-energy grid into measured-energy bins: w[b][i] = (Simpson weight of
 * point i) x P(measured in bin b | true x_i), P = Phi((hi - x)/sigma(x)) - Phi((lo - x)/sigma(x))
 * with the Gaussian resolution of {@link csiSigmaKeV}. Then the measured rate in bin b of a true
 * density f (per keV) is sum_i w[b][i] f(x_i) ({@link foldWithWeights}).
 *
 * @param xKeV uniform grid with an even number of intervals ({@link simpsonGrid})
 */
export function csiFoldWeights(xKeV: Float64Array, edgesKeV: ArrayLike<number>, fwhmFractionAt662: number = CSI_FWHM_FRACTION_AT_662_KEV): Float64Array[] {
  const n = xKeV.length - 1;
  if (n < 2 || n % 2 !== 0) throw new Error("csiFoldWeights: the grid needs an even number (>= 2) of intervals");
  const h = (xKeV[n] - xKeV[0]) / n;
  const nb = edgesKeV.length - 1;
  const w = Array.from({ length: nb }, () => new Float64Array(n + 1));
  for (let i = 0; i <= n; i++) {
    const simpson = ((i === 0 || i === n ? 1 : i % 2 === 1 ? 4 : 2) * h) / 3;
    const x = xKeV[i];
    const s = csiSigmaKeV(x, fwhmFractionAt662);
    let below = s > 0 ? normalCdf(edgesKeV[0], x, s) : edgesKeV[0] >= x ? 1 : 0;
    for (let b = 0; b < nb; b++) {
      const hi = edgesKeV[b + 1];
      const upTo = s > 0 ? normalCdf(hi, x, s) : hi >= x ? 1 : 0;
      w[b][i] = simpson * (upTo - below);
      below = upTo;
    }
  }
  return w;
}

/** Measured rate per bin, sum_i w[b][i] f[i] (weights of {@link csiFoldWeights}, f on the same grid). */
export function foldWithWeights(w: readonly Float64Array[], f: ArrayLike<number>): Float64Array {
  const out = new Float64Array(w.length);
  for (let b = 0; b < w.length; b++) {
    const wb = w[b];
    let s = 0;
    for (let i = 0; i < wb.length; i++) s += wb[i] * f[i];
    out[b] = s;
  }
  return out;
}

/** Share of a line at eKeV measured in each bin (Gaussian resolution). */
export function csiLineFractions(eKeV: number, edgesKeV: ArrayLike<number>, fwhmFractionAt662: number = CSI_FWHM_FRACTION_AT_662_KEV): Float64Array {
  const s = csiSigmaKeV(eKeV, fwhmFractionAt662);
  const nb = edgesKeV.length - 1;
  const out = new Float64Array(nb);
  for (let b = 0; b < nb; b++) out[b] = normalCdf(edgesKeV[b + 1], eKeV, s) - normalCdf(edgesKeV[b], eKeV, s);
  return out;
}
