import { loadExperiment } from "../reactor/experiments.js";
import { experimentConditions, type AsimovConditions } from "./asimovConditions.js";
import { expectedCouplingLimit, processShape, type CouplingLimit } from "./couplingSensitivity.js";

/**
 * Fraction of live time with the reactor ON used for GEMMA-II: GEMMA's own ON/OFF proportion,
 * (5184 + 6798) h ON against (1853 + 1021) h OFF (GEMMA paper, Sec. 3) = 0.807. An assumption:
 * GEMMA-II's schedule is not published.
 */
export const GEMMA_ON_FRACTION = (5184 + 6798) / (5184 + 6798 + 1853 + 1021);

/**
 * GEMMA-II conditions (data/experiments/gemma2.json: 4 x 0.4 kg PCGe, 3.1 GW at 10.7 m, 300-350 eV
 * threshold, 2 years) with the ASSUMPTIONS the talk and paper leave open:
 * - background: `backgroundPerKeVKgDay` (flat; GEMMA had ~2, GEMMA-II aims lower: scan it);
 * - 2 years x 365.25 days live, split ON/OFF as GEMMA's (0.807), one period;
 * - ROI from the 0.35 keV threshold to 55 keV without the Ga L lines (1.0-1.6 keV) and the GEMMA
 *   gap around the Ga K line (9.4-11.2 keV); 0.1 keV bins;
 * - response: DEFAULT_RESPONSES.gemma2 (sigma_0 = 60 eV, efficiency edge 0.3 keV);
 * - SM terms weak and CEvNS (quenched).
 */
export function gemma2Conditions(backgroundPerKeVKgDay: number, overrides: Partial<AsimovConditions> = {}): AsimovConditions {
  const exp = loadExperiment("gemma2");
  const dur = exp.exposure?.duration;
  const days = dur === undefined ? 730.5 : dur.unit === "yr" ? dur.value * 365.25 : dur.value;
  return experimentConditions("gemma2", {
    label: `GEMMA-II (assumed ${backgroundPerKeVKgDay} counts/(keV kg day))`,
    periods: [{ name: `${(days / 365.25).toFixed(0)} years`, onDays: days * GEMMA_ON_FRACTION, offDays: days * (1 - GEMMA_ON_FRACTION) }],
    backgroundPerKeVKgDay,
    roi: [
      [0.35, 1.0],
      [1.6, 9.4],
      [11.2, 55],
    ],
    binKeV: 0.1,
    smProcesses: ["weak", "cevns-ee"],
    notes: [
      "mass, site, threshold and duration: gemma2.json (seed talk; GEMMA paper Sec. 5)",
      `assumed: flat background ${backgroundPerKeVKgDay} counts/(keV kg day), ON fraction ${GEMMA_ON_FRACTION.toFixed(3)} (GEMMA's), ROI and bins as documented`,
    ],
    ...overrides,
  });
}

/**
 * GEMMA-II's stated goal, mu_B (gemma2.json, results.goal: GEMMA paper Sec. 5).
 *
 * @example
 * gemma2Goal().value; // => 1.0e-12 (mu_B, GEMMA Sec. 5)
 */
export function gemma2Goal(): { value: number; source: string; note?: string } {
  const g = loadExperiment("gemma2").results?.goal;
  if (!g) throw new Error("gemma2.json: no results.goal");
  return { value: g.value, source: g.source, note: g.note };
}

/**
 * GEMMA-II expected magnetic-moment limit (free electrons or stepping) for a background level.
 *
 * @example
 * const r = gemma2ExpectedMuLimit(0.3); // an assumed 0.3 counts/(keV kg day)
 * r.xUpper / r.xErr; // => 1.64 (Asimov data have X = 0: the PDG limit at x = 0 is 1.645 sigma, less a little for the systematic)
 * r.upper / (Math.sqrt(r.xUpper) * 1e-11); // => 1.000000 (mu = 1e-11 sqrt(X) mu_B, GEMMA Eq. 6)
 */
export function gemma2ExpectedMuLimit(backgroundPerKeVKgDay: number, model: "fe" | "stepping" = "fe"): CouplingLimit {
  const shape = processShape(model === "fe" ? "magnetic moment, free electrons" : "magnetic moment, stepping approximation", model === "fe" ? "em-fe" : "em-stepping", "muNu_muB", 1e-11);
  return expectedCouplingLimit(gemma2Conditions(backgroundPerKeVKgDay), shape);
}
