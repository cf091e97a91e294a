import { AVOGADRO_perMol } from "../constants.js";

/** A chemical element: atomic number and standard atomic weight. */
export interface Element {
  symbol: string;
  z: number;
  /** Standard atomic weight, g/mol (CIAAW). */
  atomicWeight_gPerMol: number;
}

/** Germanium: Z = 32, standard atomic weight 72.630(8) g/mol (CIAAW 2013, abridged value). */
export const GERMANIUM: Element = { symbol: "Ge", z: 32, atomicWeight_gPerMol: 72.630 };
/** Caesium: Z = 55, standard atomic weight 132.90545196(6) g/mol (CIAAW 2013). */
export const CAESIUM: Element = { symbol: "Cs", z: 55, atomicWeight_gPerMol: 132.90545196 };
/** Iodine: Z = 53, standard atomic weight 126.90447(3) g/mol (CIAAW 2013). */
export const IODINE: Element = { symbol: "I", z: 53, atomicWeight_gPerMol: 126.90447 };

/**
 * Mass of one atom of the element (natural isotopic mix), g: A / N_A.
 *
 * @example
 * atomMass_g(GERMANIUM); // => 1.20605e-22 (g: 72.630 g/mol / N_A)
 */
export function atomMass_g(element: Element): number {
  return element.atomicWeight_gPerMol / AVOGADRO_perMol;
}
