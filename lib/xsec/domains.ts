/**
 * Where the registered cross sections are defined: the neutrino energy, the couplings, and the
 * recoil energy T for a given E_nu (kinematics, and for the equivalent-photon processes the
 * photoabsorption table's range). Callers that take these from a person (the CLI) check them here
 * and refuse with the domain named instead of returning NaN, 0 or an overflow.
 *
 * Choices (ours): the upper bounds on the couplings lie far above every laboratory limit (GEMMA
 * mu < 2.9e-11 mu_B, Phys. Part. Nucl. Lett. 10 (2013) 139; delta_Q < ~1e-12 e; |<r^2>| < ~1e-31
 * cm^2, TEXONO PRD 81 (2010) 072001) and keep their squares finite; E_nu <= 100 MeV covers reactor
 * (< ~10 MeV) and other low-energy sources, far below M_W where the four-fermion formulas hold.
 */
import { describeDomain, inDomain, type Domain } from "../validateOptions.js";
import { photoabsorptionRangeMeV } from "./photoabsorption.js";
import { getProcess, type ProcessName, type XsecParams } from "./registry.js";

/** Neutrino energy, MeV. */
export const ENU_DOMAIN_MeV: Domain = { min: 0, max: 100, minExclusive: true, unit: "MeV", note: "low-energy neutrinos; reactor antineutrinos lie below ~10 MeV" };

/** Domains of the cross-section parameters, by XsecParams key (in the parameter's own unit). */
export const XSEC_PARAM_DOMAINS: Readonly<Record<"muNu_muB" | "deltaQ_e" | "sin2ThetaW" | "chargeRadius2_cm2" | "neutrinoMassMeV", Domain>> = {
  muNu_muB: { min: 0, max: 1e-6, unit: "mu_B", note: "a magnitude: the cross sections depend on mu^2; far above every laboratory limit" },
  deltaQ_e: { min: 0, max: 1e-3, unit: "e", note: "a magnitude: the cross sections depend on delta_Q^2; far above every laboratory limit" },
  sin2ThetaW: { min: 0, max: 1, minExclusive: true, maxExclusive: true, note: "sin^2 of the weak mixing angle" },
  chargeRadius2_cm2: { min: -1e-28, max: 1e-28, unit: "cm^2", note: "signed; far beyond every laboratory limit (~1e-31 cm^2)" },
  neutrinoMassMeV: { min: 0, max: 1e-3, minExclusive: true, unit: "MeV", note: "the mass (or low-Q^2 cut-off) in the milli-charge EPA logarithm" },
};

/** The processes whose T must lie inside the photoabsorption table. */
const EPA_PROCESSES: readonly ProcessName[] = ["em-epa", "millicharge-epa"];

/**
 * For the equivalent-photon processes, the photoabsorption table's range of T (MeV), outside which
 * their cross section is undefined (NaN); null for the other processes.
 */
export function photoTableDomainMeV(process: ProcessName, params: XsecParams = {}): Domain | null {
  if (!EPA_PROCESSES.includes(process)) return null;
  const table = params.photoTable ?? "elam";
  const [lo, hi] = photoabsorptionRangeMeV(table);
  return { min: lo, max: hi, unit: "MeV", note: `the ${table} photoabsorption table of ${process}` };
}

/**
 * The recoil energies where a process is defined for E_nu, MeV: T in (0, T_max(E_nu)], and for the
 * equivalent-photon processes also inside the photoabsorption table's energy range.
 */
export function recoilDomainMeV(process: ProcessName, eNuMeV: number, params: XsecParams = {}): Domain & { reason: string } {
  const tMax = getProcess(process).tMaxMeV(eNuMeV, params);
  const kin = process === "cevns" || process === "cevns-ee" ? "the largest recoil of the nucleus" : `T_max = 2E^2/(m_e + 2E) = ${(tMax * 1e3).toPrecision(6)} keV`;
  if (EPA_PROCESSES.includes(process)) {
    const [lo, hi] = photoabsorptionRangeMeV(params.photoTable ?? "elam");
    const top = Math.min(hi, tMax);
    return { min: lo, max: top, unit: "MeV", reason: `${top === tMax ? kin : `the top of the ${params.photoTable ?? "elam"} photoabsorption table`}; the table starts at ${lo * 1e3} keV` };
  }
  return { min: 0, max: tMax, minExclusive: true, unit: "MeV", reason: kin };
}

/** Throws a message naming the domain when E_nu, T or a parameter lies outside it (energies in MeV). */
export function checkXsecArguments(process: ProcessName, eNuMeV: number, tMeV: number, params: XsecParams = {}): void {
  if (!inDomain(eNuMeV, ENU_DOMAIN_MeV)) throw new Error(`neutrino energy ${eNuMeV} MeV is outside ${describeDomain(ENU_DOMAIN_MeV)}`);
  for (const [k, d] of Object.entries(XSEC_PARAM_DOMAINS)) {
    const v = params[k as keyof XsecParams];
    if (v !== undefined && !inDomain(v, d)) throw new Error(`parameter ${k} = ${String(v)} is outside ${describeDomain(d)}`);
  }
  const d = recoilDomainMeV(process, eNuMeV, params);
  if (!inDomain(tMeV, d)) {
    const keV = (x: number) => Number((x * 1e3).toPrecision(6));
    throw new Error(`recoil energy T = ${keV(tMeV)} keV is outside the domain of ${process} at E_nu = ${eNuMeV} MeV: ${d.minExclusive ? "(" : "["}${keV(d.min!)}, ${keV(d.max!)}] keV (${d.reason})`);
  }
}
