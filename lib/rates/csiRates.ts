import { G_F_perMeV2, M_ELECTRON_MeV, MeV_PER_keV, SECONDS_PER_DAY, SIN2_THETA_W_LOW_ENERGY } from "../constants.js";
import { CSI_TARGET } from "../detector/targets.js";
import { brent } from "../math/brent.js";
import type { ReactorSpectrum } from "../reactor/reactorSpectrum.js";
import { csiSource } from "../reactor/texonoCsi.js";
import { CHARGE_RADIUS_SHIFT_perCm2 } from "../xsec/chargeRadius.js";
import { eNuMinMeV } from "../xsec/kinematics.js";
import { HBARC2_cm2MeV2 } from "../xsec/units.js";
import { CSI_FWHM_FRACTION_AT_662_KEV, csiFoldWeights, csiSigmaKeV, foldWithWeights, simpsonGrid } from "../detector/csiResolution.js";
import { expectedRate } from "./expectedRate.js";

/**
 * sin^2 theta_W of the CsI analysis's Standard-Model reference: the low-energy effective value
 * 0.23867 (`SIN2_THETA_W_LOW_ENERGY`, lib/constants.ts, with its source), against which TEXONO CsI
 * (PRD 81 (2010) 072001) quotes xi and the charge radius.
 */
export const CSI_SIN2_REF = SIN2_THETA_W_LOW_ENERGY;

/**
 * Chiral couplings of anti-nu_e e scattering. The cross section ('t Hooft, PLB 37 (1971) 195;
 * Vogel and Engel, PRD 39 (1989) 3378) for an antineutrino is
 *   dsigma/dT = (2 G_F^2 m_e / pi) [ g_R^2 + g_L^2 (1 - T/E)^2 - g_L g_R m_e T / E^2 ],
 * equivalently, with g_V = g_L + g_R and g_A = g_L - g_R (TEXONO CsI, PRD 81 (2010) 072001),
 *   (G_F^2 m_e / 2 pi) [ (g_V - g_A)^2 + (g_V + g_A)^2 (1 - T/E)^2 - (g_V^2 - g_A^2) m_e T / E^2 ].
 */
export interface ChiralCouplings {
  gL: number;
  gR: number;
}

/**
 * g_V = g_L + g_R and g_A = g_L - g_R of chiral couplings.
 *
 * @example
 * vectorAxial({ gL: 0.7312, gR: 0.2312 }).gA; // => 0.5 (g_L - g_R = (1/2 + s) - s for nu_e e)
 */
export function vectorAxial(c: ChiralCouplings): { gV: number; gA: number } {
  return { gV: c.gL + c.gR, gA: c.gL - c.gR };
}

/** Chiral couplings from g_V, g_A. */
export function chiralFromVectorAxial(gV: number, gA: number): ChiralCouplings {
  return { gL: 0.5 * (gV + gA), gR: 0.5 * (gV - gA) };
}

/**
 * The anti-nu_e e couplings of one part of the amplitude, s = sin^2 theta_W (shifted by the
 * charge radius, s -> s + 2.380e30 cm^-2 <r^2>, when given):
 * - "sm": charged + neutral current, g_L = 1/2 + s, g_R = s (g_V = 1/2 + 2s, g_A = 1/2; GEMMA (1));
 * - "cc": charged current alone (Fierz-rearranged W exchange), g_L = 1, g_R = 0 (g_V = g_A = 1);
 * - "nc": neutral current alone, g_L = -1/2 + s, g_R = s (g_V = -1/2 + 2s, g_A = -1/2).
 * SM = CC + NC in the amplitude; the cross section's SM - CC - NC is the interference term.
 */
export function antiNueCouplings(part: "sm" | "cc" | "nc", sin2ThetaW: number, chargeRadius2_cm2 = 0): ChiralCouplings {
  const s = sin2ThetaW + CHARGE_RADIUS_SHIFT_perCm2 * chargeRadius2_cm2;
  if (part === "cc") return { gL: 1, gR: 0 };
  if (part === "nc") return { gL: -0.5 + s, gR: s };
  return { gL: 0.5 + s, gR: s };
}

/**
 * Per-bin building blocks of the anti-nu_e e rate on CsI (free electrons, 2.5034e26 per kg), counts
 * per kg day in each bin: rate = g_R^2 a0 + g_L^2 a1 - g_L g_R a2 with
 *   a0 = P int dT int dPhi, a1 = P int dT int dPhi (1 - T/E)^2, a2 = P int dT int dPhi m_e T/E^2,
 * P = (2 G_F^2 m_e / pi) (hbar c)^2 N_e. Any couplings (sin^2 theta_W, charge radius, CC or NC
 * alone) then cost three multiplications per bin.
 */
export interface CsiBasis {
  edgesKeV: Float64Array;
  a0: Float64Array;
  a1: Float64Array;
  a2: Float64Array;
}

const SIMPSON_INTERVALS = 8;

/**
 * The flux integrals at recoil energy t (MeV) over E >= E_min(t): int dPhi, int dPhi (1 - t/E)^2,
 * int dPhi m_e t/E^2 (the integrands of a0, a1, a2 without P); null where no antineutrino reaches t.
 */
function fluxMoments(t: number, source: ReactorSpectrum): [number, number, number] | null {
  const eMin = eNuMinMeV(t);
  if (!(eMin < source.config.eMaxMeV)) return null;
  const rule = source.ruleFrom(eMin);
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  for (let j = 0; j < rule.nodesMeV.length; j++) {
    const e = rule.nodesMeV[j];
    const f = rule.fluxWeights[j];
    const y = 1 - t / e;
    s0 += f;
    s1 += f * y * y;
    s2 += (f * M_ELECTRON_MeV * t) / (e * e);
  }
  return [s0, s1, s2];
}

/** The rate basis on bins `edgesKeV` (keV) for a reactor source (default: the CsI site). */
export function csiBasis(edgesKeV: ArrayLike<number>, source: ReactorSpectrum = csiSource()): CsiBasis {
  const nb = edgesKeV.length - 1;
  const pre = ((2 * G_F_perMeV2 * G_F_perMeV2 * M_ELECTRON_MeV) / Math.PI) * HBARC2_cm2MeV2 * CSI_TARGET.electronsPerKg * SECONDS_PER_DAY;
  const out: CsiBasis = { edgesKeV: Float64Array.from(edgesKeV), a0: new Float64Array(nb), a1: new Float64Array(nb), a2: new Float64Array(nb) };
  const m = SIMPSON_INTERVALS;
  for (let i = 0; i < nb; i++) {
    const aKeV = edgesKeV[i];
    const bKeV = edgesKeV[i + 1];
    if (!(bKeV > aKeV && aKeV > 0)) throw new Error(`csiBasis: edges must be positive and increasing (bin ${i})`);
    const hMeV = ((bKeV - aKeV) * MeV_PER_keV) / m;
    for (let k = 0; k <= m; k++) {
      const t = aKeV * MeV_PER_keV + k * hMeV;
      const w = ((k === 0 || k === m ? 1 : k % 2 === 1 ? 4 : 2) * hMeV) / 3;
      const sums = fluxMoments(t, source);
      if (!sums) continue;
      out.a0[i] += w * sums[0] * pre;
      out.a1[i] += w * sums[1] * pre;
      out.a2[i] += w * sums[2] * pre;
    }
  }
  return out;
}

/**
 * The integrands of {@link csiBasis} at one recoil energy: a0, a1, a2 per keV (counts/(keV kg day)
 * x coupling^-2), i.e. the basis of an infinitesimal bin at tKeV. Used to fold the basis with an
 * energy resolution ({@link csiFoldedBasis}).
 */
export function csiBasisDensity(tKeV: number, source: ReactorSpectrum = csiSource()): [number, number, number] {
  const pre = ((2 * G_F_perMeV2 * G_F_perMeV2 * M_ELECTRON_MeV) / Math.PI) * HBARC2_cm2MeV2 * CSI_TARGET.electronsPerKg * SECONDS_PER_DAY * MeV_PER_keV;
  const t = tKeV * MeV_PER_keV;
  if (!(t > 0)) return [0, 0, 0];
  const sums = fluxMoments(t, source);
  return sums ? [sums[0] * pre, sums[1] * pre, sums[2] * pre] : [0, 0, 0];
}

/**
 * The rate basis of `csiBasis` in bins of **measured** energy: the true-energy integrands a0, a1, a2
 * folded with the Gaussian CsI(Tl) resolution (FWHM f at 662 keV scaling as 1/sqrt(E); 10 % by
 * default), numerically (Simpson, 2 keV steps, true energies within 8 sigma of the bins). Any
 * couplings then give the expected measured spectrum (`basisRate`), so the fits of lib/analysis/csiToy.ts
 * work on event data unchanged. Without resolution the bins would miss the migration across the window
 * edges (~1 % of the rate at 3 MeV).
 */
export function csiFoldedBasis(edgesKeV: ArrayLike<number>, fwhmFractionAt662: number = CSI_FWHM_FRACTION_AT_662_KEV, source: ReactorSpectrum = csiSource()): CsiBasis {
  const key = JSON.stringify([Array.from(edgesKeV), fwhmFractionAt662]);
  const cacheable = source === csiSource();
  const hit = cacheable ? foldedBases.get(key) : undefined;
  if (hit) return { edgesKeV: hit.edgesKeV.slice(), a0: hit.a0.slice(), a1: hit.a1.slice(), a2: hit.a2.slice() };
  const b = foldedBasis(edgesKeV, fwhmFractionAt662, source);
  if (cacheable) {
    if (foldedBases.size >= 16) foldedBases.delete(foldedBases.keys().next().value!);
    foldedBases.set(key, b);
  }
  return { edgesKeV: b.edgesKeV.slice(), a0: b.a0.slice(), a1: b.a1.slice(), a2: b.a2.slice() };
}

/** Folded bases of the CsI site's source, by edges and resolution. */
const foldedBases = new Map<string, CsiBasis>();

function foldedBasis(edgesKeV: ArrayLike<number>, fwhmFractionAt662: number, source: ReactorSpectrum): CsiBasis {
  const edges = Float64Array.from(edgesKeV);
  const nb = edges.length - 1;
  for (let i = 0; i < nb; i++) if (!(edges[i + 1] > edges[i] && edges[i] > 0)) throw new Error(`csiFoldedBasis: edges must be positive and increasing (bin ${i})`);
  const lo = Math.max(1, edges[0] - 8 * csiSigmaKeV(edges[0], fwhmFractionAt662));
  const hi = edges[nb] + 8 * csiSigmaKeV(edges[nb], fwhmFractionAt662);
  const x = simpsonGrid(lo, hi, 2);
  const a0 = new Float64Array(x.length);
  const a1 = new Float64Array(x.length);
  const a2 = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) [a0[i], a1[i], a2[i]] = csiBasisDensity(x[i], source);
  const w = csiFoldWeights(x, edges, fwhmFractionAt662);
  return { edgesKeV: edges, a0: foldWithWeights(w, a0), a1: foldWithWeights(w, a1), a2: foldWithWeights(w, a2) };
}

/** Counts per kg day in each bin of a basis for couplings c. */
export function basisRate(b: CsiBasis, c: ChiralCouplings): Float64Array {
  return b.a0.map((a0, i) => c.gR * c.gR * a0 + c.gL * c.gL * b.a1[i] - c.gL * c.gR * b.a2[i]);
}

/** Sum over the bins of `basisRate`: counts per kg day in the basis's range. */
export function basisTotal(b: CsiBasis, c: ChiralCouplings): number {
  return basisRate(b, c).reduce((s, v) => s + v, 0);
}

/** One bin spanning a window (keV), with the CsI site's source. */
export function csiWindowBasis(windowKeV: readonly [number, number], bins = 50, source: ReactorSpectrum = csiSource()): CsiBasis {
  const edges = Float64Array.from({ length: bins + 1 }, (_, i) => windowKeV[0] + ((windowKeV[1] - windowKeV[0]) * i) / bins);
  return csiBasis(edges, source);
}

/** The SM rate split into its parts in a window, counts per kg day. */
export interface InterferenceSplit {
  sin2ThetaW: number;
  sm: number;
  chargedCurrent: number;
  neutralCurrent: number;
  /** SM - CC - NC (negative: destructive). */
  interference: number;
  /** CC + NC, the rate without the interference term. */
  withoutInterference: number;
  /** interference / SM. */
  interferenceOverSm: number;
  /** interference / CC. */
  interferenceOverCc: number;
}

/**
 * The destructive interference of the charged- and neutral-current amplitudes (TEXONO CsI,
 * PRD 81 (2010) 072001): rates with SM, CC-only and NC-only couplings and the interference
 * SM - CC - NC. At T << E the interference is (8s - 4) in units of G_F^2 m_e / 2pi, i.e. the
 * interference/SM ratio tends to (8s - 4)/((1 + 2s)^2 + 4s^2) = -0.92 at s = 0.2387.
 */
export function interferenceSplit(b: CsiBasis, sin2ThetaW: number): InterferenceSplit {
  const sm = basisTotal(b, antiNueCouplings("sm", sin2ThetaW));
  const cc = basisTotal(b, antiNueCouplings("cc", sin2ThetaW));
  const nc = basisTotal(b, antiNueCouplings("nc", sin2ThetaW));
  const interference = sm - cc - nc;
  return { sin2ThetaW, sm, chargedCurrent: cc, neutralCurrent: nc, interference, withoutInterference: cc + nc, interferenceOverSm: interference / sm, interferenceOverCc: interference / cc };
}

/** d ln R / d sin^2 theta_W of the SM rate of a basis (analytic: R is quadratic in s). */
export function dLnRateDSin2(b: CsiBasis, sin2ThetaW: number): number {
  const a0 = b.a0.reduce((s, v) => s + v, 0);
  const a1 = b.a1.reduce((s, v) => s + v, 0);
  const a2 = b.a2.reduce((s, v) => s + v, 0);
  const s = sin2ThetaW;
  const gL = 0.5 + s;
  const r = s * s * a0 + gL * gL * a1 - gL * s * a2;
  const dr = 2 * s * a0 + 2 * gL * a1 - (gL + s) * a2;
  return dr / r;
}

/**
 * The sin^2 theta_W at which the SM rate of a basis is smallest (R is quadratic in s):
 * s* = (A2/2 - A1) / (2 (A0 + A1 - A2)), A_k the summed basis. Near s = 0 for 3-8 MeV; a fit of s
 * must stay on the physical branch s > s*.
 */
export function sin2AtRateMinimum(b: CsiBasis): number {
  const a0 = b.a0.reduce((s, v) => s + v, 0);
  const a1 = b.a1.reduce((s, v) => s + v, 0);
  const a2 = b.a2.reduce((s, v) => s + v, 0);
  return (0.5 * a2 - a1) / (2 * (a0 + a1 - a2));
}

/**
 * sin^2 theta_W for which the SM rate of a basis is `ratio` times its value at `sRef`: the
 * inverse of a measured cross-section ratio xi (root on [s*, 1], where the rate increases with s).
 */
export function sin2FromRateRatio(b: CsiBasis, ratio: number, sRef: number): number {
  const ref = basisTotal(b, antiNueCouplings("sm", sRef));
  return brent((s) => basisTotal(b, antiNueCouplings("sm", s)) / ref - ratio, sin2AtRateMinimum(b), 1);
}

/**
 * The SM anti-nu_e e signal on CsI at true recoil energies (keV), counts/(keV kg day) at the
 * nominal power: the library's weak cross section (GEMMA (1), lib/xsec `weak`, with sin^2 theta_W and
 * the charge-radius shift s -> s + 2.380e30 cm^-2 <r^2>) on 2.5034e26 free electrons per kg, over the
 * reactor spectrum at the CsI site (`csiSource`).
 */
export function csiSignalRate(tKeV: ArrayLike<number>, sin2ThetaW: number, chargeRadius2_cm2 = 0): Float64Array {
  return expectedRate(csiSource(), "weak", tKeV, { params: { sin2ThetaW, chargeRadius2_cm2 }, target: CSI_TARGET });
}
