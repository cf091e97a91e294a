/**
 * The magnetic-moment models a limit can be set in: free electrons (GEMMA (2)), atomic ionization
 * in the equivalent-photon approximation (GEMMA (11), Wong et al. 2010) and the stepping
 * approximation (free-electron cross section switched off shell by shell below the binding
 * energies; the registry's `em-stepping`). X = (mu / 1e-11 mu_B)^2, GEMMA (6).
 */
import type { ProcessName } from "../xsec/registry.js";

export type MagneticModel = "fe" | "epa" | "stepping";
export const MAGNETIC_MODELS: readonly MagneticModel[] = ["fe", "epa", "stepping"];

const PROCESS: Record<MagneticModel, ProcessName> = { fe: "em-fe", epa: "em-epa", stepping: "em-stepping" };

/** The cross-section process of a model. */
export function magneticProcess(model: MagneticModel): ProcessName {
  const p = PROCESS[model];
  if (!p) throw new Error(`unknown magnetic-moment model ${JSON.stringify(model)} (expected one of ${MAGNETIC_MODELS.join(", ")})`);
  return p;
}

/** mu (mu_B) of the X = 1 reference rate: 1e-11 mu_B (GEMMA (6)). */
export const X_REFERENCE_MU_B = 1e-11;
