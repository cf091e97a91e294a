import normalCdf from "@stdlib/stats-base-dists-normal-cdf";

/**
 * Detector response for folding: Gaussian resolution sigma(E_true) and an efficiency applied at the
 * measured energy (e.g. GEMMA (4) threshold efficiency). Energies in MeV.
 */
export interface DetectorResponse {
  /** Resolution sigma (MeV) for a deposit of true energy E (MeV); must be > 0. */
  sigmaMeV: (energyMeV: number) => number;
  /** Efficiency at measured energy E (MeV), in [0, 1]; default 1. */
  efficiency?: (energyMeV: number) => number;
}

/** Contributions beyond this many sigma are dropped (Phi(-10) = 7.6e-24). */
export const FOLD_WINDOW_SIGMAS = 10;

const stdPhi = normalCdf.factory(0, 1);
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

function pdf(u: number): number {
  return INV_SQRT_2PI * Math.exp(-0.5 * u * u);
}

/** Phi(ub) - Phi(ua) for ua <= ub, computed on the tail side to keep precision. */
function gaussianMass(ua: number, ub: number): number {
  return ua > 0 ? stdPhi(-ua) - stdPhi(-ub) : stdPhi(ub) - stdPhi(ua);
}

/** Antiderivative of Phi: Psi(x) = x Phi(x) + phi(x). */
function psi(x: number): number {
  return x * stdPhi(x) + pdf(x);
}

/** First index i with a[i] >= x (a ascending). */
function lowerBound(a: Float64Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function checkAscending(name: string, a: Float64Array): void {
  for (let i = 1; i < a.length; i++) if (!(a[i] >= a[i - 1])) throw new Error(`${name}: energies must be ascending (index ${i})`);
}

/**
 * Folds a spectral density (per MeV) given at grid points `energiesMeV` (piecewise linear between
 * them, zero outside) with the Gaussian resolution, and applies the efficiency; returns the density
 * (per MeV) at `outEnergiesMeV`:
 *   out(E') = eta(E') integral S(E) N(E'; E, sigma(E)) dE,
 * exact for each linear piece with sigma taken at the piece's midpoint:
 *   integral_a^b (c0 + c1 E) N(E'; E, s) dE = (c0 + c1 E')[Phi(ub) - Phi(ua)] + c1 s [phi(ua) - phi(ub)],
 *   ua = (a - E')/s, ub = (b - E')/s.
 * A constant density is returned unchanged away from the grid ends (for constant sigma exactly).
 */
export function foldDensity(
  energiesMeV: Float64Array,
  density: Float64Array,
  outEnergiesMeV: Float64Array,
  response: DetectorResponse,
): Float64Array {
  if (energiesMeV.length !== density.length) throw new Error(`foldDensity: ${energiesMeV.length} energies but ${density.length} densities`);
  checkAscending("foldDensity (input)", energiesMeV);
  checkAscending("foldDensity (output)", outEnergiesMeV);
  const out = new Float64Array(outEnergiesMeV.length);
  for (let i = 0; i + 1 < energiesMeV.length; i++) {
    const a = energiesMeV[i];
    const b = energiesMeV[i + 1];
    const h = b - a;
    if (!(h > 0)) continue;
    const sa = density[i];
    const sb = density[i + 1];
    if (sa === 0 && sb === 0) continue;
    const s = response.sigmaMeV(0.5 * (a + b));
    const c1 = (sb - sa) / h;
    const c0 = sa - c1 * a;
    const lo = a - FOLD_WINDOW_SIGMAS * s;
    const hi = b + FOLD_WINDOW_SIGMAS * s;
    for (let j = lowerBound(outEnergiesMeV, lo); j < outEnergiesMeV.length && outEnergiesMeV[j] <= hi; j++) {
      const e = outEnergiesMeV[j];
      const ua = (a - e) / s;
      const ub = (b - e) / s;
      out[j] += (c0 + c1 * e) * gaussianMass(ua, ub) + c1 * s * (pdf(ua) - pdf(ub));
    }
  }
  const eff = response.efficiency;
  if (eff !== undefined) for (let j = 0; j < out.length; j++) out[j] *= eff(outEnergiesMeV[j]);
  return out;
}

/**
 * Folds a mono-energetic line of `counts` at `lineMeV`: the density (per MeV) at `outEnergiesMeV`,
 * counts x N(E'; E_line, sigma(E_line)) x eta(E'). Its integral is `counts` when eta = 1.
 *
 * @example
 * const e = math.linearGrid(0.98, 1.02, 401); // MeV
 * const d = foldLine(1.0, 100, e, { sigmaMeV: () => 0.002 });
 * math.trapezoid(e, d); // => 100.0 (the counts: +-10 sigma holds all but 2e-23 of a Gaussian)
 */
export function foldLine(lineMeV: number, counts: number, outEnergiesMeV: Float64Array, response: DetectorResponse): Float64Array {
  const s = response.sigmaMeV(lineMeV);
  const out = new Float64Array(outEnergiesMeV.length);
  const eff = response.efficiency;
  for (let j = 0; j < out.length; j++) {
    const e = outEnergiesMeV[j];
    out[j] = ((counts * pdf((e - lineMeV) / s)) / s) * (eff === undefined ? 1 : eff(e));
  }
  return out;
}

/**
 * Calls visit(i, j, w) for every input bin i and output bin j it reaches: w is the fraction of
 * input bin i's counts (spread uniformly over the bin, resolution sigma at its centre) measured in
 * output bin j, before efficiency:
 *   w = (s/(b-a)) [Psi((h-a)/s) - Psi((h-b)/s) - Psi((l-a)/s) + Psi((l-b)/s)],  Psi(x) = x Phi(x) + phi(x),
 * the exact integral of the Gaussian over both bins.
 */
function visitBinned(
  edgesMeV: Float64Array,
  outEdgesMeV: Float64Array,
  response: DetectorResponse,
  visit: (i: number, j: number, w: number) => void,
): void {
  checkAscending("folding (input edges)", edgesMeV);
  checkAscending("folding (output edges)", outEdgesMeV);
  const nOut = outEdgesMeV.length - 1;
  for (let i = 0; i + 1 < edgesMeV.length; i++) {
    const a = edgesMeV[i];
    const b = edgesMeV[i + 1];
    const width = b - a;
    if (!(width > 0)) continue;
    const s = response.sigmaMeV(0.5 * (a + b));
    const lo = a - FOLD_WINDOW_SIGMAS * s;
    const hi = b + FOLD_WINDOW_SIGMAS * s;
    // First output bin whose upper edge exceeds lo.
    let j = Math.max(0, lowerBound(outEdgesMeV, lo) - 1);
    for (; j < nOut && outEdgesMeV[j] < hi; j++) {
      const l = outEdgesMeV[j];
      const u = outEdgesMeV[j + 1];
      const w = (s / width) * (psi((u - a) / s) - psi((u - b) / s) - psi((l - a) / s) + psi((l - b) / s));
      if (w !== 0) visit(i, j, w);
    }
  }
}

/**
 * Folds a histogram: `counts[i]` in bin [edgesMeV[i], edgesMeV[i+1]] (uniform within the bin) with the
 * Gaussian resolution (sigma at the bin centre), into bins `outEdgesMeV`, then multiplies each output
 * bin by the efficiency at its centre. Counts are conserved exactly (up to the 10-sigma window) when
 * the output bins cover the spectrum and eta = 1.
 */
export function foldBinned(
  edgesMeV: Float64Array,
  counts: Float64Array,
  outEdgesMeV: Float64Array,
  response: DetectorResponse,
): Float64Array {
  if (edgesMeV.length !== counts.length + 1) throw new Error(`foldBinned: ${edgesMeV.length} edges need ${edgesMeV.length - 1} counts, got ${counts.length}`);
  const out = new Float64Array(Math.max(outEdgesMeV.length - 1, 0));
  visitBinned(edgesMeV, outEdgesMeV, response, (i, j, w) => {
    out[j] += counts[i] * w;
  });
  const eff = response.efficiency;
  if (eff !== undefined) for (let j = 0; j < out.length; j++) out[j] *= eff(0.5 * (outEdgesMeV[j] + outEdgesMeV[j + 1]));
  return out;
}

/**
 * The dense response matrix of foldBinned, row-major by output bin: R[j * nIn + i] is the fraction of
 * input bin i's counts measured in output bin j, efficiency included; foldBinned(...) = R x counts.
 * Build it once when the same response folds many spectra (fits).
 */
export function binnedResponseMatrix(edgesMeV: Float64Array, outEdgesMeV: Float64Array, response: DetectorResponse): Float64Array {
  const nIn = Math.max(edgesMeV.length - 1, 0);
  const nOut = Math.max(outEdgesMeV.length - 1, 0);
  const r = new Float64Array(nIn * nOut);
  visitBinned(edgesMeV, outEdgesMeV, response, (i, j, w) => {
    r[j * nIn + i] += w;
  });
  const eff = response.efficiency;
  if (eff !== undefined) {
    for (let j = 0; j < nOut; j++) {
      const e = eff(0.5 * (outEdgesMeV[j] + outEdgesMeV[j + 1]));
      for (let i = 0; i < nIn; i++) r[j * nIn + i] *= e;
    }
  }
  return r;
}
