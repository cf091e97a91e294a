import { dataPath } from "../data/paths.js";
import { numericColumn, readCsv, stringColumn } from "../data/csv.js";
import { FISSION_ISOTOPES, type PerIsotope, assertFissionIsotope } from "./isotopes.js";

/**
 * Per-isotope fission data from `data/reactor/fission.csv`:
 * - energy released per fission, MeV: Ma et al., Phys. Rev. C 88, 014605 (2013) --
 *   202.36 / 205.99 / 211.12 / 214.26 MeV for 235U / 238U / 239Pu / 241Pu;
 * - a typical fission-fraction mix: the Daya Bay average 0.564 / 0.076 / 0.304 / 0.056
 *   (see data/reactor/README.md for provenance).
 */
export interface FissionData {
  /** Energy released per fission, MeV. */
  energyPerFissionMeV: PerIsotope;
  /** Typical (Daya Bay average) fraction of fissions per isotope; sums to 1. */
  typicalFissionFractions: PerIsotope;
}

let cache: FissionData | undefined;

/** The per-isotope fission table (loaded once, then cached). Returned objects are frozen. */
export function fissionData(): FissionData {
  if (cache) return cache;
  const file = dataPath("reactor/fission.csv");
  const t = readCsv(file);
  const names = stringColumn(t, "isotope");
  const e = numericColumn(t, "energy_per_fission_mev");
  const f = numericColumn(t, "typical_fission_fraction");
  const energy = {} as PerIsotope;
  const frac = {} as PerIsotope;
  names.forEach((n, i) => {
    assertFissionIsotope(n);
    energy[n] = e[i];
    frac[n] = f[i];
  });
  for (const iso of FISSION_ISOTOPES) {
    if (!(iso in energy)) throw new Error(`${file}: no row for isotope ${iso}`);
  }
  cache = { energyPerFissionMeV: Object.freeze(energy), typicalFissionFractions: Object.freeze(frac) };
  return cache;
}
