import { dataPath } from "../data/paths.js";
import { numericColumn, readCsv, stringColumn } from "../data/csv.js";
import { type FissionIsotope } from "./isotopes.js";

/**
 * Spectrum models: S_i(E) = exp(sum_k a_k E^k), antineutrinos / (MeV fission), E in MeV.
 * - "huber-mueller": Huber, PRC 84 024617 (2011) Table III for 235U, 239Pu, 241Pu (5th order),
 *   Mueller et al., PRC 83 054615 (2011) Table VI for 238U (the usual "Huber-Mueller" model);
 * - "mueller": Mueller et al. Table VI for all four isotopes;
 * - "vogel-engel": Vogel and Engel, PRD 39 3378 (1989) Table 1 (2nd order), the model of the
 *   GEMMA-era papers.
 * The fits describe 2-8 MeV (Huber's and Mueller's tables span 2-8 MeV).
 */
export type SpectrumModel = "huber-mueller" | "mueller" | "vogel-engel";

/** The spectrum models this stage knows. */
export const SPECTRUM_MODELS: readonly SpectrumModel[] = ["huber-mueller", "mueller", "vogel-engel"];

/** Which table row (column `model` of spectrum_coefficients.csv) each model uses per isotope. */
const ROWS: Record<SpectrumModel, Record<FissionIsotope, string>> = {
  "huber-mueller": { U235: "huber", U238: "mueller", Pu239: "huber", Pu241: "huber" },
  mueller: { U235: "mueller", U238: "mueller", Pu239: "mueller", Pu241: "mueller" },
  "vogel-engel": { U235: "vogel-engel", U238: "vogel-engel", Pu239: "vogel-engel", Pu241: "vogel-engel" },
};

interface CoefficientRow {
  coefficients: Float64Array;
  source: string;
}

let table: Map<string, CoefficientRow> | undefined;

function load(): Map<string, CoefficientRow> {
  if (table) return table;
  const file = dataPath("reactor/spectrum_coefficients.csv");
  const t = readCsv(file);
  const models = stringColumn(t, "model");
  const isotopes = stringColumn(t, "isotope");
  const sources = stringColumn(t, "source");
  const cols = [0, 1, 2, 3, 4, 5].map((k) => numericColumn(t, `a${k}`));
  const m = new Map<string, CoefficientRow>();
  models.forEach((model, i) => {
    // Trailing zero coefficients (Vogel-Engel is 2nd order) are dropped so evaluation is cheaper.
    let n = 6;
    while (n > 1 && cols[n - 1][i] === 0) n--;
    const c = new Float64Array(n);
    for (let k = 0; k < n; k++) c[k] = cols[k][i];
    m.set(`${model}/${isotopes[i]}`, { coefficients: c, source: sources[i] });
  });
  table = m;
  return m;
}

/**
 * Coefficients a_0..a_n of ln S(E) (E in MeV) for an isotope in a model, and the table they come
 * from. Throws if the model is unknown.
 */
export function spectrumCoefficients(model: SpectrumModel, isotope: FissionIsotope): { coefficients: Float64Array; source: string } {
  const rows = ROWS[model];
  if (!rows) throw new Error(`unknown spectrum model "${model}" (expected one of ${SPECTRUM_MODELS.join(", ")})`);
  const key = `${rows[isotope]}/${isotope}`;
  const row = load().get(key);
  if (!row) throw new Error(`${dataPath("reactor/spectrum_coefficients.csv")}: no row for ${key}`);
  return row;
}

/** Lower and upper edge (MeV) of the energy range the exp-polynomial fits were made on. */
export const FIT_RANGE_MeV: Readonly<Record<SpectrumModel, readonly [number, number]>> = {
  // Huber's and Mueller's tabulated spectra span 2-8 MeV (Mueller et al. abstract: "reference
  // antineutrino spectra ... in the 2-8 MeV range"); data/README.md gives ~2-8 MeV for Vogel-Engel.
  "huber-mueller": [2, 8],
  mueller: [2, 8],
  "vogel-engel": [2, 8],
};
