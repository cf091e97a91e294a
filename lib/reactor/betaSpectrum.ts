import { ALPHA, HBARC_MeVcm, M_ELECTRON_MeV } from "../constants.js";
import { integrate } from "../math/integrate.js";

/**
 * Allowed beta-minus spectra with the relativistic Fermi function, and the antineutrino spectrum
 * that goes with them.
 *
 * Electron spectrum (allowed shape, no finite-size, screening or radiative corrections):
 *   dN/dW ∝ p W (W0 - W)^2 F0(Z, W)
 * with W the total electron energy and p its momentum in units of m_e (c = 1), W0 = 1 + Q/m_e.
 * Fermi function (point nucleus, evaluated at the nuclear radius R; Behrens and Jänecke, the form
 * used in Huber PRC 84 024617 (2011), Sec. II; equation numbers not quoted here):
 *   F0(Z, W) = 2 (1 + γ) (2 p R)^(2γ - 2) e^(π η) |Γ(γ + i η)|^2 / Γ(2γ + 1)^2,
 *   γ = sqrt(1 - (α Z)^2),  η = α Z W / p,
 * Z the charge of the daughter nucleus, R in units of ħ/(m_e c).
 * The antineutrino takes E_ν = Q - T (nuclear recoil neglected), so dN/dE_ν is the electron
 * spectrum at T = Q - E_ν: p W E_ν^2 F0(Z, W) up to a constant.
 */

/**
 * Real part of ln Γ(x + i y), x > 0. Shift x up to >= 15 with Γ(z + 1) = z Γ(z), then the Stirling
 * series to the 1/z^7 term (Abramowitz and Stegun 6.1.40); truncation error < 1/(1188 |z|^9) ~ 3e-14.
 */
export function lnGammaRe(x: number, y: number): number {
  if (!(x > 0)) throw new Error(`lnGammaRe: needs x > 0, got ${x}`);
  let shift = 0;
  let a = x;
  while (a < 15) {
    shift += 0.5 * Math.log(a * a + y * y);
    a += 1;
  }
  const r2 = a * a + y * y;
  const lnR = 0.5 * Math.log(r2);
  const th = Math.atan2(y, a);
  // Re[(w - 1/2) ln w - w + ln(2π)/2]
  let s = (a - 0.5) * lnR - y * th - a + 0.5 * Math.log(2 * Math.PI);
  // Re[1/(12 w) - 1/(360 w^3) + 1/(1260 w^5) - 1/(1680 w^7)], 1/w^k = r^-k e^(-i k θ)
  const r = Math.sqrt(r2);
  s += Math.cos(th) / (12 * r);
  s -= Math.cos(3 * th) / (360 * r * r2);
  s += Math.cos(5 * th) / (1260 * r * r2 * r2);
  s -= Math.cos(7 * th) / (1680 * r * r2 * r2 * r2);
  return s - shift;
}

/**
 * Nuclear radius estimate R = 1.2 fm A^(1/3), in cm (standard estimate; F0 depends on it weakly).
 *
 * @example
 * nuclearRadiusCm(125); // => 6.0e-13 (1.2 fm x 125^(1/3))
 */
export function nuclearRadiusCm(massNumber: number): number {
  return 1.2e-13 * Math.cbrt(massNumber);
}

/** Reduced Compton wavelength of the electron ħ/(m_e c), cm. */
const LAMBDA_E_cm = HBARC_MeVcm / M_ELECTRON_MeV;

/**
 * Fermi function F0(Z, W) for beta-minus decay (formula in the header of this file).
 * @param zDaughter charge of the daughter nucleus (> 0)
 * @param wTotal total electron energy in units of m_e (> 1)
 * @param radiusCm nuclear radius, cm
 */
export function fermiFunction(zDaughter: number, wTotal: number, radiusCm: number): number {
  if (!(wTotal > 1)) return NaN;
  const aZ = ALPHA * zDaughter;
  const g = Math.sqrt(1 - aZ * aZ);
  const p = Math.sqrt(wTotal * wTotal - 1);
  const eta = (aZ * wTotal) / p;
  const rNat = radiusCm / LAMBDA_E_cm;
  const lnF =
    Math.log(2 * (1 + g)) +
    (2 * g - 2) * Math.log(2 * p * rNat) +
    Math.PI * eta +
    2 * lnGammaRe(g, eta) -
    2 * lnGammaRe(2 * g + 1, 0);
  return Math.exp(lnF);
}

/** An allowed beta branch: endpoint (kinetic) energy, daughter charge and mass number. */
export interface BetaBranch {
  /** Kinetic-energy endpoint of the electron = maximum antineutrino energy, MeV. */
  endpointMeV: number;
  /** Charge of the daughter nucleus. */
  zDaughter: number;
  /** Mass number. */
  massNumber: number;
}

/** A normalised antineutrino spectrum of one decay: ∫ dN/dE dE = 1. */
export interface DecaySpectrum {
  readonly branch: BetaBranch;
  /** dN/dE_ν at E_ν (MeV), per MeV per decay; zero outside (0, endpoint). */
  (eNuMeV: number): number;
  /** Mean antineutrino energy, MeV. */
  readonly meanEnergyMeV: number;
  /** Mean electron kinetic energy, MeV (= endpoint - mean antineutrino energy). */
  readonly meanElectronEnergyMeV: number;
}

function unnormalisedNu(b: BetaBranch, radiusCm: number, eNu: number): number {
  if (!(eNu > 0 && eNu < b.endpointMeV)) return 0;
  const t = b.endpointMeV - eNu;
  const w = 1 + t / M_ELECTRON_MeV;
  const p = Math.sqrt(w * w - 1);
  return p * w * eNu * eNu * fermiFunction(b.zDaughter, w, radiusCm);
}

/**
 * The antineutrino spectrum of an allowed beta-minus branch, normalised to one antineutrino per
 * decay (normalisation and mean energy by 64-panel, 10-point Gauss-Legendre quadrature, done once).
 */
export function allowedAntineutrinoSpectrum(branch: BetaBranch): DecaySpectrum {
  const { endpointMeV, zDaughter, massNumber } = branch;
  if (!(endpointMeV > 0)) throw new Error(`allowedAntineutrinoSpectrum: endpoint must be > 0 MeV, got ${endpointMeV}`);
  if (!(zDaughter > 0 && zDaughter * ALPHA < 1)) throw new Error(`allowedAntineutrinoSpectrum: daughter charge must be in (0, 137), got ${zDaughter}`);
  const radiusCm = nuclearRadiusCm(massNumber);
  const opts = { order: 10, maxPanel: endpointMeV / 64 };
  const norm = integrate((e) => unnormalisedNu(branch, radiusCm, e), 0, endpointMeV, opts);
  const first = integrate((e) => e * unnormalisedNu(branch, radiusCm, e), 0, endpointMeV, opts);
  const c = 1 / norm;
  const f = ((e: number): number => c * unnormalisedNu(branch, radiusCm, e)) as DecaySpectrum;
  const meanEnergyMeV = first / norm;
  Object.assign(f, { branch: Object.freeze({ ...branch }), meanEnergyMeV, meanElectronEnergyMeV: endpointMeV - meanEnergyMeV });
  return Object.freeze(f);
}
