import { M_ELECTRON_MeV } from "../constants.js";
import { dSigmaMagneticEPADT } from "./atomicIonizationEPA.js";
import { CHARGE_RADIUS_SHIFT_perCm2 } from "./chargeRadius.js";
import { type CevnsFormFactor, type CevnsNucleusModel, cevnsTMaxMeV, dSigmaCevnsDT } from "./cevns.js";
import { tMaxMeV } from "./kinematics.js";
import { dSigmaMagneticFreeDT } from "./magneticMoment.js";
import { dSigmaMillichargeEPADT, dSigmaMillichargeFreeDT, dSigmaMillichargeInterferenceFreeDT, dSigmaMillichargeInterferenceSteppingDT } from "./millicharge.js";
import { type PhotoabsorptionInterpolation, type PhotoabsorptionTable, defaultInterpolation } from "./photoabsorption.js";
import { LINDHARD_K_GE, dSigmaCevnsDEee, ionizationEnergyMeV } from "./quenching.js";
import type { BindingEnergySet } from "./shells.js";
import { dSigmaMagneticSteppingDT, dSigmaMillichargeSteppingDT, dSigmaWeakSteppingDT } from "./stepping.js";
import { DEFAULT_SIN2_THETA_W, dSigmaWeakDT } from "./weak.js";

/** What a registered cross section is per. */
export type TargetUnit = "electron" | "atom" | "nucleus";

/** Which energy the T argument of a registered cross section is. */
export type EnergyVariable = "electron recoil" | "nuclear recoil" | "ionization (electron-equivalent)";

/** Parameters shared by all registered cross sections; each process reads the ones it needs. */
export interface XsecParams {
  /** sin^2 theta_W; default DEFAULT_SIN2_THETA_W (MS-bar at M_Z, 0.23121). */
  sin2ThetaW?: number;
  /** Neutrino charge radius squared, cm^2 (shifts sin^2 theta_W in the weak nu-e processes); default 0. */
  chargeRadius2_cm2?: number;
  /** Neutrino magnetic moment, Bohr magnetons; default 0. */
  muNu_muB?: number;
  /** Neutrino charge, units of e; default 0. */
  deltaQ_e?: number;
  /** Neutrino mass for the milli-charge EPA logarithm, MeV (required by "millicharge-epa"). */
  neutrinoMassMeV?: number;
  /** Photoabsorption table for EPA processes; default "elam". */
  photoTable?: PhotoabsorptionTable;
  /** Interpolation of the photoabsorption table; default spline for Elam, linear for Kissel. */
  photoInterpolation?: PhotoabsorptionInterpolation;
  /** Binding energies for the stepping approximation; default "booklet". */
  bindingSet?: BindingEnergySet;
  /** CEvNS nucleus model; default "isotopes". */
  nucleus?: CevnsNucleusModel;
  /** CEvNS form factor; default "none". */
  formFactor?: CevnsFormFactor;
  /** Lindhard k for "cevns-ee"; default 0.157. */
  lindhardK?: number;
}

/** A cross section dsigma/dT in cm^2/MeV, energies in MeV. */
export type DSigmaDT = (eNuMeV: number, tMeV: number, params: XsecParams) => number;

export interface ProcessInfo {
  name: ProcessName;
  /** What the cross section is per. */
  per: TargetUnit;
  /** The meaning of the T argument. */
  energy: EnergyVariable;
  description: string;
  /** Paper and equation the formula comes from. */
  source: string;
  dSigmaDT: DSigmaDT;
  /** Largest T (same variable as dSigmaDT) for neutrino energy E, MeV. */
  tMaxMeV: (eNuMeV: number, params: XsecParams) => number;
}

export type ProcessName =
  | "weak"
  | "weak-stepping"
  | "em-fe"
  | "em-epa"
  | "em-stepping"
  | "millicharge"
  | "millicharge-stepping"
  | "millicharge-epa"
  | "millicharge-interference"
  | "millicharge-interference-stepping"
  | "cevns"
  | "cevns-ee";

function sin2(params: XsecParams): number {
  return (params.sin2ThetaW ?? DEFAULT_SIN2_THETA_W) + CHARGE_RADIUS_SHIFT_perCm2 * (params.chargeRadius2_cm2 ?? 0);
}

function electronTMax(eNuMeV: number): number {
  return tMaxMeV(eNuMeV, M_ELECTRON_MeV);
}

function photoTable(params: XsecParams): PhotoabsorptionTable {
  return params.photoTable ?? "elam";
}

function neutrinoMass(params: XsecParams): number {
  const m = params.neutrinoMassMeV;
  if (m === undefined || !(m > 0)) throw new Error('process "millicharge-epa" needs params.neutrinoMassMeV > 0 (the logarithm depends on it)');
  return m;
}

/** The registered cross sections, by name. */
export const PROCESSES: Readonly<Record<ProcessName, ProcessInfo>> = {
  weak: {
    name: "weak",
    per: "electron",
    energy: "electron recoil",
    description: "SM anti-nu_e e scattering on a free electron (charge radius via sin^2 theta_W shift)",
    source: "GEMMA (1); charge radius: Vogel-Engel PRD 39 (1989) 3378",
    dSigmaDT: (e, t, p) => dSigmaWeakDT(e, t, sin2(p)),
    tMaxMeV: electronTMax,
  },
  "weak-stepping": {
    name: "weak-stepping",
    per: "atom",
    energy: "electron recoil",
    description: "weak, free-electron formula times Ge electrons with B_i <= T",
    source: "GEMMA (1) x stepping approximation (Kouzakov-Studenikin-Voloshin 2011)",
    dSigmaDT: (e, t, p) => dSigmaWeakSteppingDT(e, t, sin2(p), p.bindingSet),
    tMaxMeV: electronTMax,
  },
  "em-fe": {
    name: "em-fe",
    per: "electron",
    energy: "electron recoil",
    description: "magnetic moment on a free electron",
    source: "GEMMA (2)",
    dSigmaDT: (e, t, p) => dSigmaMagneticFreeDT(e, t, p.muNu_muB ?? 0),
    tMaxMeV: electronTMax,
  },
  "em-epa": {
    name: "em-epa",
    per: "atom",
    energy: "electron recoil",
    description: "magnetic moment, Ge atomic ionization, equivalent-photon approximation (illustrative, overestimates)",
    source: "GEMMA (11); Wong, Li, Lin PRL 105 (2010) 061801",
    dSigmaDT: (e, t, p) => dSigmaMagneticEPADT(e, t, p.muNu_muB ?? 0, photoTable(p), p.photoInterpolation ?? defaultInterpolation(photoTable(p))),
    tMaxMeV: electronTMax,
  },
  "em-stepping": {
    name: "em-stepping",
    per: "atom",
    energy: "electron recoil",
    description: "magnetic moment, free-electron formula times Ge electrons with B_i <= T",
    source: "GEMMA (2) x stepping approximation (Voloshin PRL 105 (2010) 201801)",
    dSigmaDT: (e, t, p) => dSigmaMagneticSteppingDT(e, t, p.muNu_muB ?? 0, p.bindingSet),
    tMaxMeV: electronTMax,
  },
  millicharge: {
    name: "millicharge",
    per: "electron",
    energy: "electron recoil",
    description: "milli-charge on a free electron (photon exchange, no weak interference)",
    source: "Giunti-Studenikin RMP 87 (2015) 531 (T << E limit); full T dependence derived (millicharge.ts)",
    dSigmaDT: (e, t, p) => dSigmaMillichargeFreeDT(e, t, p.deltaQ_e ?? 0),
    tMaxMeV: electronTMax,
  },
  "millicharge-stepping": {
    name: "millicharge-stepping",
    per: "atom",
    energy: "electron recoil",
    description: "milli-charge, free-electron formula times Ge electrons with B_i <= T",
    source: "millicharge x stepping approximation",
    dSigmaDT: (e, t, p) => dSigmaMillichargeSteppingDT(e, t, p.deltaQ_e ?? 0, p.bindingSet),
    tMaxMeV: electronTMax,
  },
  "millicharge-epa": {
    name: "millicharge-epa",
    per: "atom",
    energy: "electron recoil",
    description: "milli-charge, Ge atomic ionization, leading-log equivalent photons (derived here, not published; illustrative)",
    source: "derivation in millicharge.ts",
    dSigmaDT: (e, t, p) =>
      dSigmaMillichargeEPADT(e, t, p.deltaQ_e ?? 0, neutrinoMass(p), photoTable(p), p.photoInterpolation ?? defaultInterpolation(photoTable(p))),
    tMaxMeV: electronTMax,
  },
  "millicharge-interference": {
    name: "millicharge-interference",
    per: "electron",
    energy: "electron recoil",
    description: "milli-charge x weak interference on a free electron (linear in delta_Q, negative for delta_Q > 0)",
    source: "g_V -> g_V - sqrt(2) pi alpha delta_Q/(G_F m_e T) (Giunti-Studenikin RMP 87 (2015) 531; derivation in millicharge.ts)",
    dSigmaDT: (e, t, p) => dSigmaMillichargeInterferenceFreeDT(e, t, p.deltaQ_e ?? 0, sin2(p)),
    tMaxMeV: electronTMax,
  },
  "millicharge-interference-stepping": {
    name: "millicharge-interference-stepping",
    per: "atom",
    energy: "electron recoil",
    description: "milli-charge x weak interference, free-electron formula times Ge electrons with B_i <= T",
    source: "millicharge-interference x stepping approximation",
    dSigmaDT: (e, t, p) => dSigmaMillichargeInterferenceSteppingDT(e, t, p.deltaQ_e ?? 0, sin2(p), p.bindingSet),
    tMaxMeV: electronTMax,
  },
  cevns: {
    name: "cevns",
    per: "nucleus",
    energy: "nuclear recoil",
    description: "coherent elastic scattering on natural Ge, vs nuclear recoil energy",
    source: "Freedman PRD 9 (1974) 1389",
    dSigmaDT: (e, t, p) => dSigmaCevnsDT(e, t, { sin2ThetaW: p.sin2ThetaW, formFactor: p.formFactor, nucleus: p.nucleus }),
    tMaxMeV: (e, p) => cevnsTMaxMeV(e, p.nucleus),
  },
  "cevns-ee": {
    name: "cevns-ee",
    per: "nucleus",
    energy: "ionization (electron-equivalent)",
    description: "coherent elastic scattering on natural Ge, vs ionization energy (Lindhard quenching)",
    source: "Freedman 1974; Lindhard et al. 1963",
    dSigmaDT: (e, t, p) =>
      dSigmaCevnsDEee(e, t, { sin2ThetaW: p.sin2ThetaW, formFactor: p.formFactor, nucleus: p.nucleus }, p.lindhardK ?? LINDHARD_K_GE),
    tMaxMeV: (e, p) => ionizationEnergyMeV(cevnsTMaxMeV(e, p.nucleus), p.lindhardK ?? LINDHARD_K_GE),
  },
};

/** Names of all registered processes. */
export function processNames(): ProcessName[] {
  return Object.keys(PROCESSES) as ProcessName[];
}

/** A registered process by name; throws with the list of names if unknown. */
export function getProcess(name: string): ProcessInfo {
  const p = (PROCESSES as Record<string, ProcessInfo | undefined>)[name];
  if (p === undefined) throw new Error(`unknown cross-section process "${name}" (known: ${processNames().join(", ")})`);
  return p;
}

/**
 * The process's dsigma/dT with parameters fixed: (eNuMeV, tMeV) -> cm^2/MeV.
 *
 * @example
 * bindProcess("em-fe", { muNu_muB: 1e-10 })(1, 0.01); // => 2.4697e-43 (cm^2/MeV per electron, as dSigmaMagneticFreeDT)
 */
export function bindProcess(name: string, params: XsecParams = {}): (eNuMeV: number, tMeV: number) => number {
  const f = getProcess(name).dSigmaDT;
  return (eNuMeV, tMeV) => f(eNuMeV, tMeV, params);
}
