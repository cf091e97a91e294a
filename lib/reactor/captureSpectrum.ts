import { type DecaySpectrum, allowedAntineutrinoSpectrum } from "./betaSpectrum.js";
import { integrate } from "../math/integrate.js";
import { type SpectrumHistogram, histogramIntegral, histogramValue, summationCaptureHistograms } from "./summationTables.js";

/**
 * Antineutrinos from neutron capture on 238U: 238U(n,γ)239U, then
 * 239U --β-, 23.45 min--> 239Np --β-, 2.356 d--> 239Pu: two antineutrinos per capture, all below
 * 1.3 MeV. In equilibrium every capture yields one decay of each.
 */

/**
 * Q value of 239U β- decay, MeV (AME2020 as recalled: 1261.7 keV; consistent with the BESTIOLE
 * 239U table, whose last non-empty bin is 1.250-1.275 MeV: see test/reactor/captureSpectrum.test.ts).
 */
export const Q_BETA_U239_MeV = 1.2617;
/**
 * Q value of 239Np β- decay, MeV (AME2020 as recalled: 722.6 keV; consistent with the BESTIOLE
 * 239Np table, whose last non-empty bin is 0.700-0.725 MeV).
 */
export const Q_BETA_NP239_MeV = 0.7226;

/**
 * 238U captures per fission in a typical PWR at equilibrium: 0.6. Source read: the TEXONO overview
 * talk (shared seeds, "~6 fission-ν ⊕ ~1.2 238U capture-ν per fission", i.e. 0.6 captures giving
 * two antineutrinos each). The value usually quoted in the literature (Kopeikin, Mikaelyan, Sinev,
 * Phys. At. Nucl. 67, 1892 (2004)) was not checked here. It depends on fuel burn-up.
 */
export const CAPTURES_PER_FISSION_TYPICAL_PWR = 0.6;

/**
 * Shape of the capture antineutrino spectra:
 * - "summation": the BESTIOLE per-decay histograms of 239U and 239Np (Perisse et al., PRC 108
 *   055501 (2023)), which contain the real branch structure (the 239U histogram shows a dominant
 *   branch ending near 1.19 MeV, the 239Np one branches ending near 0.33 and 0.44 MeV and a weak
 *   one near 0.71 MeV);
 * - "allowed": ONE allowed branch per nuclide with the full Q value (the branch fractions of these
 *   decays were not sourced here). Same number of antineutrinos, harder shape (see the mean
 *   energies in test/reactor/captureSpectrum.test.ts).
 */
export type CaptureShape = "summation" | "allowed";

/** The capture antineutrino spectrum per capture (two decays), and its parts. */
export interface CaptureSpectrumFunction {
  readonly shape: CaptureShape;
  /** dN/dE per capture at E (MeV), antineutrinos / (MeV capture): 239U + 239Np. */
  (eMeV: number): number;
  /** 239U part, per MeV per decay. */
  readonly u239: (eMeV: number) => number;
  /** 239Np part, per MeV per decay. */
  readonly np239: (eMeV: number) => number;
  /** Energies (MeV) of jumps/kinks (bin edges or endpoints): quadrature panel edges. */
  readonly breaksMeV: Float64Array;
  /** Largest antineutrino energy, MeV. */
  readonly endpointMeV: number;
  /** Antineutrinos per capture in [a, b] (MeV), exact for histograms, quadrature otherwise. */
  integral(aMeV: number, bMeV: number): number;
}

const cache = new Map<CaptureShape, CaptureSpectrumFunction>();

/** The allowed-shape 239U spectrum (one branch, Q = 1.2617 MeV, daughter 239Np, Z = 93). */
export function u239AllowedSpectrum(): DecaySpectrum {
  return allowedAntineutrinoSpectrum({ endpointMeV: Q_BETA_U239_MeV, zDaughter: 93, massNumber: 239 });
}

/** The allowed-shape 239Np spectrum (one branch, Q = 0.7226 MeV, daughter 239Pu, Z = 94). */
export function np239AllowedSpectrum(): DecaySpectrum {
  return allowedAntineutrinoSpectrum({ endpointMeV: Q_BETA_NP239_MeV, zDaughter: 94, massNumber: 239 });
}

/** The capture antineutrino spectrum per 238U capture for a shape choice (built once, cached). */
export function captureSpectrumFunction(shape: CaptureShape = "summation"): CaptureSpectrumFunction {
  const hit = cache.get(shape);
  if (hit) return hit;
  let u239: (e: number) => number;
  let np239: (e: number) => number;
  let breaks: number[];
  let endpointMeV: number;
  let integral: (a: number, b: number) => number;
  if (shape === "summation") {
    const h = summationCaptureHistograms();
    const hu: SpectrumHistogram = h.U239;
    const hn: SpectrumHistogram = h.Np239;
    u239 = (e) => histogramValue(hu, e);
    np239 = (e) => histogramValue(hn, e);
    breaks = Array.from(hu.edgesMeV).filter((x) => x > 0);
    endpointMeV = hu.edgesMeV[hu.edgesMeV.length - 1];
    integral = (a, b) => histogramIntegral(hu, a, b) + histogramIntegral(hn, a, b);
  } else if (shape === "allowed") {
    const su = u239AllowedSpectrum();
    const sn = np239AllowedSpectrum();
    u239 = su;
    np239 = sn;
    breaks = [Q_BETA_NP239_MeV, Q_BETA_U239_MeV];
    endpointMeV = Q_BETA_U239_MeV;
    integral = (a, b) => allowedIntegral(su, a, b) + allowedIntegral(sn, a, b);
  } else {
    throw new Error(`captureShape must be "summation" or "allowed", got ${JSON.stringify(shape)}`);
  }
  const f = ((e: number): number => u239(e) + np239(e)) as CaptureSpectrumFunction;
  Object.assign(f, { shape, u239, np239, breaksMeV: Float64Array.from(breaks), endpointMeV, integral });
  Object.freeze(f);
  cache.set(shape, f);
  return f;
}

function allowedIntegral(s: DecaySpectrum, a: number, b: number): number {
  const lo = Math.max(0, a);
  const hi = Math.min(b, s.branch.endpointMeV);
  if (!(hi > lo)) return 0;
  return integrate(s, lo, hi, { order: 10, maxPanel: 0.02 });
}
