import { MILLICHARGE_EPA_CUTOFF_MeV, signalDefinition, X_REFERENCE_DELTA_Q_E } from "../analysis/models.js";
import type { ProcessName } from "../xsec/registry.js";
import { experimentConditions, type AsimovConditions } from "./asimovConditions.js";
import { expectedCouplingLimit, processShape, type CouplingLimit, type CouplingLimitOptions, type SignalShape } from "./couplingSensitivity.js";

/** Milli-charge cross-section treatments on germanium. */
export type MilliChargeModel = "fe" | "stepping" | "epa";
export const MILLICHARGE_MODELS: readonly MilliChargeModel[] = ["fe", "stepping", "epa"];

/** The registered process of each treatment (lib/xsec/registry.ts). */
export const MILLICHARGE_PROCESS: Readonly<Record<MilliChargeModel, ProcessName>> = {
  fe: signalDefinition("delta-q", "fe").process,
  stepping: signalDefinition("delta-q", "stepping").process,
  epa: signalDefinition("delta-q", "epa").process,
};

/**
 * Low-Q^2 cut-offs of the project's own equivalent-photon (EPA-like) milli-charge estimate
 * (lib/xsec/millicharge.ts: dsigma/dT ~ (2 alpha dQ^2/pi)(sigma_gamma/T) ln(E/mu_c)), MeV. Not
 * published numbers: two scales that bracket the logarithm. "plasmon": ~16 eV, the order of the
 * valence-plasmon energy of germanium (approximate, not verified here), where the photon stops
 * being free in the crystal; "neutrinoMass": 0.1 eV, the neutrino-mass scale of a free atom.
 * ln(E/mu_c) at E = 1 MeV is 11.0 and 16.1: the two differ by a factor 1.46 in rate, 1.21 in dQ.
 */
export const MILLICHARGE_EPA_CUTOFFS_MeV = Object.freeze({ plasmon: MILLICHARGE_EPA_CUTOFF_MeV, neutrinoMass: 1e-7 });

/** The published bound the project compares with. */
export const PUBLISHED_MILLICHARGE_BOUND = Object.freeze({
  deltaQ_e: 1.0e-12,
  cl: 0.9,
  source: "J.-W. Chen et al., PRD 90 (2014) 011301(R), arXiv:1405.7168, abstract: |q_nu| < 1.0e-12 e at 90 % CL, TEXONO + GEMMA data with thresholds down to 300 eV, MCRRPA atomic cross section",
});

/** Reference milli-charge of the shapes (X = (dQ / 1e-12 e)^2). */
export const MILLICHARGE_REFERENCE_e = X_REFERENCE_DELTA_Q_E;

/**
 * The milli-charge signal shape of a treatment: free electrons ("fe", Giunti-Studenikin), the
 * stepping approximation, or the project's EPA-like estimate (labelled as such; `cutoffMeV`
 * chooses its logarithm, default the plasmon scale).
 */
export function milliChargeShape(model: MilliChargeModel, cutoffMeV: number = MILLICHARGE_EPA_CUTOFFS_MeV.plasmon): SignalShape {
  const name =
    model === "fe"
      ? "milli-charge, free electrons"
      : model === "stepping"
        ? "milli-charge, stepping approximation"
        : `milli-charge, EPA-like estimate (project derivation, cut-off ${(cutoffMeV * 1e6).toPrecision(2)} eV)`;
  return processShape(name, MILLICHARGE_PROCESS[model], "deltaQ_e", MILLICHARGE_REFERENCE_e, model === "epa" ? { neutrinoMassMeV: cutoffMeV } : {});
}

/**
 * TEXONO HPGe conditions (data/experiments/texono.json) with the fit range the file lacks:
 * 12-60 keV, an assumption (the analysis threshold 12 keV of the seed talk; the upper end chosen
 * here).
 */
export function texonoHpgeConditions(): AsimovConditions {
  return experimentConditions("texono", { label: "TEXONO HPGe (1.06 kg, 12 keV)", roi: [[12, 60]], notes: ["ROI 12-60 keV: assumption (threshold from the seed talk, upper end chosen)"] });
}

/**
 * A TEXONO point-contact germanium configuration like the one whose 300 eV threshold data enter
 * Chen et al. (2014). Only the 300 eV threshold and the site are published facts here; the rest
 * are ASSUMPTIONS stated in `notes`: 0.5 kg, 100/50 days ON/OFF, a flat 5 counts/(keV kg day),
 * 0.3-9 keV without the Ga L lines (1.0-1.5 keV), 50 eV noise, 0.05 keV bins, SM terms weak and
 * CEvNS.
 */
export function texonoPcgeConditions(overrides: Partial<AsimovConditions> = {}): AsimovConditions {
  return experimentConditions("texono", {
    label: "TEXONO PCGe-like (assumed 0.5 kg, 300 eV)",
    massKg: 0.5,
    periods: [{ name: "assumed", onDays: 100, offDays: 50 }],
    backgroundPerKeVKgDay: 5,
    roi: [
      [0.3, 1.0],
      [1.5, 9.0],
    ],
    binKeV: 0.05,
    response: { sigma0KeV: 0.05 },
    smProcesses: ["weak", "cevns-ee"],
    notes: ["threshold 300 eV: Chen et al. PRD 90 011301 (abstract); mass, exposure, background, ROI and noise: assumptions of this project"],
    ...overrides,
  });
}

/** The expected milli-charge limit of a configuration in one treatment. */
export function expectedMilliChargeLimit(c: AsimovConditions, model: MilliChargeModel, opts: CouplingLimitOptions & { cutoffMeV?: number } = {}): CouplingLimit {
  return expectedCouplingLimit(c, milliChargeShape(model, opts.cutoffMeV), opts);
}
