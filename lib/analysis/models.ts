/**
 * The signals a limit can be set on from germanium spectra, each a rate proportional to a coupling
 * squared, so that X = (c / c_ref)^2 plays the role of GEMMA's X = (mu / 1e-11 mu_B)^2 (GEMMA (6)):
 *  - "mu", the magnetic moment: free electrons (GEMMA (2)), atomic ionization in the
 *    equivalent-photon approximation (GEMMA (11), Wong et al. 2010) and the stepping approximation
 *    (free-electron cross section switched off shell by shell below the binding energies);
 *  - "delta-q", the milli-charge: free electrons (Giunti-Studenikin RMP 87 (2015) 531), stepping,
 *    and the project's EPA-like estimate (lib/xsec/millicharge.ts, not a published cross section).
 */
import type { ProcessName, XsecParams } from "../xsec/registry.js";

export type MagneticModel = "fe" | "epa" | "stepping";
export const MAGNETIC_MODELS: readonly MagneticModel[] = ["fe", "epa", "stepping"];

/** The coupling a spectra-file limit is set on. */
export type Coupling = "mu" | "delta-q";
export const COUPLINGS: readonly Coupling[] = ["mu", "delta-q"];

const PROCESS: Record<Coupling, Record<MagneticModel, ProcessName>> = {
  mu: { fe: "em-fe", epa: "em-epa", stepping: "em-stepping" },
  "delta-q": { fe: "millicharge", epa: "millicharge-epa", stepping: "millicharge-stepping" },
};

/** The cross-section process of a magnetic-moment model. */
export function magneticProcess(model: MagneticModel): ProcessName {
  return signalDefinition("mu", model).process;
}

/** mu (mu_B) of the X = 1 reference rate: 1e-11 mu_B (GEMMA (6)). */
export const X_REFERENCE_MU_B = 1e-11;
/** delta_Q (e) of the X = 1 reference rate: 1e-12 e, the order of the published bound (Chen et al., PRD 90 (2014) 011301). */
export const X_REFERENCE_DELTA_Q_E = 1e-12;
/**
 * Low-Q^2 cut-off of the milli-charge EPA-like estimate, MeV: ~16 eV, the order of germanium's
 * valence-plasmon energy (a project choice; lib/prospects/milliCharge.ts brackets it).
 */
export const MILLICHARGE_EPA_CUTOFF_MeV = 16e-6;

/** What the rate of a coupling and model is computed with, and what X = 1 means. */
export interface SignalDefinition {
  coupling: Coupling;
  model: MagneticModel;
  process: ProcessName;
  /** Cross-section parameters at X = 1. */
  params: XsecParams;
  /** Coupling at X = 1, in `unit`. */
  reference: number;
  unit: "mu_B" | "e";
  /** Key of the upper limit in JSON output. */
  upperKey: "mu_upper_mub" | "delta_q_upper_e";
}

/** The signal of a coupling in a model (see the file header). */
export function signalDefinition(coupling: Coupling, model: MagneticModel): SignalDefinition {
  const byModel = PROCESS[coupling];
  if (!byModel) throw new Error(`unknown coupling ${JSON.stringify(coupling)} (expected one of ${COUPLINGS.join(", ")})`);
  const process = byModel[model];
  if (!process) throw new Error(`unknown ${coupling === "mu" ? "magnetic-moment" : "milli-charge"} model ${JSON.stringify(model)} (expected one of ${MAGNETIC_MODELS.join(", ")})`);
  if (coupling === "mu") return { coupling, model, process, params: { muNu_muB: X_REFERENCE_MU_B }, reference: X_REFERENCE_MU_B, unit: "mu_B", upperKey: "mu_upper_mub" };
  const params: XsecParams = model === "epa" ? { deltaQ_e: X_REFERENCE_DELTA_Q_E, neutrinoMassMeV: MILLICHARGE_EPA_CUTOFF_MeV } : { deltaQ_e: X_REFERENCE_DELTA_Q_E };
  return { coupling, model, process, params, reference: X_REFERENCE_DELTA_Q_E, unit: "e", upperKey: "delta_q_upper_e" };
}

/**
 * The coupling for an X: c_ref sqrt(X) (GEMMA (6)).
 *
 * @example
 * couplingFromX(signalDefinition("mu", "fe"), 100); // => 1.0000e-10 (mu_B: 1e-11 sqrt(X), GEMMA Eq. 6)
 */
export function couplingFromX(signal: SignalDefinition, x: number): number {
  if (!(x >= 0)) throw new Error(`X = (coupling / reference)^2 must be >= 0, got ${x}`);
  return signal.reference * Math.sqrt(x);
}
