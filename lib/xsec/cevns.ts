import { AMU_MeV, G_F_perMeV2, M_ELECTRON_MeV } from "../constants.js";
import { numericColumn, readCsv, stringColumn } from "../data/csv.js";
import { dataPath } from "../data/paths.js";
import { GERMANIUM } from "./elements.js";
import { HBARC2_cm2MeV2, HBARC_MeVfm } from "./units.js";
import { DEFAULT_SIN2_THETA_W } from "./weak.js";

/** Natural germanium as isotopes (abundance-weighted sum) or one nucleus of the mean mass. */
export type CevnsNucleusModel = "isotopes" | "mean";
/** Nuclear form factor: none (F = 1) or Helm (Lewin and Smith parameters). */
export type CevnsFormFactor = "none" | "helm";

export interface CevnsOptions {
  /** Weak mixing angle in Q_W; default DEFAULT_SIN2_THETA_W. */
  sin2ThetaW?: number;
  /** Default "none": F = 1, Freedman's point-nucleus formula; "helm" lowers dsigma/dT by at most 3.4 % (E = 8 MeV, at T_max). */
  formFactor?: CevnsFormFactor;
  /** Default "isotopes" (data/germanium/ge_isotopes.csv). */
  nucleus?: CevnsNucleusModel;
}

/** One germanium nucleus species. */
export interface GermaniumNucleus {
  name: string;
  /** Mole fraction in natural germanium. */
  abundance: number;
  massNumber: number;
  neutrons: number;
  /** Nuclear mass, MeV: atomic mass x u - Z m_e (electron binding, ~1e-6 relative, neglected). */
  massMeV: number;
}

let isotopes: GermaniumNucleus[] | undefined;

/** Stable germanium isotopes with nuclear masses (data/germanium/ge_isotopes.csv). */
export function germaniumIsotopes(): GermaniumNucleus[] {
  if (isotopes === undefined) {
    const t = readCsv(dataPath("germanium/ge_isotopes.csv"));
    const names = stringColumn(t, "isotope");
    const a = numericColumn(t, "mass_number");
    const ab = numericColumn(t, "abundance");
    const m = numericColumn(t, "atomic_mass_u");
    isotopes = names.map((name, i) => ({
      name,
      abundance: ab[i],
      massNumber: a[i],
      neutrons: a[i] - GERMANIUM.z,
      massMeV: m[i] * AMU_MeV - GERMANIUM.z * M_ELECTRON_MeV,
    }));
  }
  return isotopes;
}

/**
 * One nucleus of the mean natural mass: A = 72.630 (standard atomic weight), N = A - Z = 40.63
 * (non-integer, the abundance-weighted mean neutron number is 40.63 too).
 */
export function germaniumMeanNucleus(): GermaniumNucleus {
  const a = GERMANIUM.atomicWeight_gPerMol;
  return { name: "Ge(mean)", abundance: 1, massNumber: a, neutrons: a - GERMANIUM.z, massMeV: a * AMU_MeV - GERMANIUM.z * M_ELECTRON_MeV };
}

/**
 * Weak nuclear charge Q_W = N - (1 - 4 s) Z (tree level; Freedman, PRD 9 (1974) 1389).
 *
 * @example
 * weakNuclearCharge(40, 32, 0.2312); // => 37.5936 (N - (1 - 4 s) Z = 40 - 0.0752 x 32)
 */
export function weakNuclearCharge(neutrons: number, protons: number, sin2ThetaW: number = DEFAULT_SIN2_THETA_W): number {
  return neutrons - (1 - 4 * sin2ThetaW) * protons;
}

/** Helm parameters (J.D. Lewin and P.F. Smith, Astropart. Phys. 6 (1996) 87, section 4.1): fm. */
export const HELM_SKIN_fm = 0.9;
export const HELM_A_fm = 0.52;

/** Helm effective radius R_n, fm: R_n^2 = c^2 + (7/3) pi^2 a^2 - 5 s^2, c = 1.23 A^(1/3) - 0.60 fm (Lewin-Smith). */
export function helmRadius_fm(massNumber: number): number {
  const c = 1.23 * Math.cbrt(massNumber) - 0.6;
  return Math.sqrt(c * c + (7 / 3) * Math.PI * Math.PI * HELM_A_fm * HELM_A_fm - 5 * HELM_SKIN_fm * HELM_SKIN_fm);
}

/**
 * Helm form factor F(q) = 3 j1(q R_n)/(q R_n) exp(-(q s)^2/2) (Helm, Phys. Rev. 104 (1956) 1466;
 * Lewin-Smith parameters), q in MeV (momentum transfer, q = sqrt(2 M T) for recoil T).
 *
 * @example
 * helmFormFactor(0, 72); // => 1 (no momentum transfer: the whole nucleus)
 */
export function helmFormFactor(qMeV: number, massNumber: number): number {
  const x = (qMeV * helmRadius_fm(massNumber)) / HBARC_MeVfm;
  const qs = (qMeV * HELM_SKIN_fm) / HBARC_MeVfm;
  const j = x < 1e-2 ? 1 - (x * x) / 10 + (x * x * x * x) / 280 : (3 * (Math.sin(x) - x * Math.cos(x))) / (x * x * x);
  return j * Math.exp(-0.5 * qs * qs);
}

interface Prepared {
  weight: Float64Array;
  mass: Float64Array;
  neutrons: Float64Array;
  radius_fm: Float64Array;
}

const prepared = new Map<CevnsNucleusModel, Prepared>();

function prepare(model: CevnsNucleusModel): Prepared {
  let p = prepared.get(model);
  if (p === undefined) {
    const list = model === "isotopes" ? germaniumIsotopes() : [germaniumMeanNucleus()];
    p = {
      weight: Float64Array.from(list, (n) => n.abundance),
      mass: Float64Array.from(list, (n) => n.massMeV),
      neutrons: Float64Array.from(list, (n) => n.neutrons),
      radius_fm: Float64Array.from(list, (n) => helmRadius_fm(n.massNumber)),
    };
    prepared.set(model, p);
  }
  return p;
}

/**
 * Coherent elastic neutrino-nucleus scattering on natural germanium, cm^2/MeV per nucleus, as a
 * function of the nuclear recoil energy T_N (MeV) (Freedman, PRD 9 (1974) 1389):
 *   dsigma/dT_N = (G_F^2 M / 4 pi) Q_W^2 (1 - M T_N / (2 E^2)) F^2(q),  Q_W = N - (1 - 4 s) Z.
 * With nucleus "isotopes" the abundance-weighted sum over 70,72,73,74,76Ge, each with its own mass
 * and kinematic limit T_N <= 2E^2/(M + 2E). Zero outside the limits.
 */
export function dSigmaCevnsDT(eNuMeV: number, tNuclearMeV: number, options: CevnsOptions = {}): number {
  if (!(tNuclearMeV > 0)) return 0;
  const s = options.sin2ThetaW ?? DEFAULT_SIN2_THETA_W;
  const helm = options.formFactor === "helm";
  const p = prepare(options.nucleus ?? "isotopes");
  const zTerm = (1 - 4 * s) * GERMANIUM.z;
  const e2 = eNuMeV * eNuMeV;
  let sum = 0;
  for (let i = 0; i < p.mass.length; i++) {
    const m = p.mass[i];
    if (tNuclearMeV > (2 * e2) / (m + 2 * eNuMeV)) continue;
    const qw = p.neutrons[i] - zTerm;
    let f2 = 1;
    if (helm) {
      const q = Math.sqrt(2 * m * tNuclearMeV);
      const x = (q * p.radius_fm[i]) / HBARC_MeVfm;
      const qs = (q * HELM_SKIN_fm) / HBARC_MeVfm;
      const j = x < 1e-2 ? 1 - (x * x) / 10 + (x * x * x * x) / 280 : (3 * (Math.sin(x) - x * Math.cos(x))) / (x * x * x);
      const f = j * Math.exp(-0.5 * qs * qs);
      f2 = f * f;
    }
    sum += p.weight[i] * m * qw * qw * (1 - (m * tNuclearMeV) / (2 * e2)) * f2;
  }
  return ((G_F_perMeV2 * G_F_perMeV2) / (4 * Math.PI)) * HBARC2_cm2MeV2 * sum;
}

/**
 * Largest nuclear recoil over the nucleus model (lightest isotope), MeV.
 *
 * @example
 * cevnsTMaxMeV(10); // => 3.070e-3 (MeV: 2E^2 / (M + 2E) for the lightest isotope, 70Ge, M = 65.1 GeV)
 */
export function cevnsTMaxMeV(eNuMeV: number, nucleus: CevnsNucleusModel = "isotopes"): number {
  const p = prepare(nucleus);
  let mMin = Infinity;
  for (let i = 0; i < p.mass.length; i++) mMin = Math.min(mMin, p.mass[i]);
  return (2 * eNuMeV * eNuMeV) / (mMin + 2 * eNuMeV);
}
