import { AVOGADRO_perMol } from "../constants.js";
import { CAESIUM, type Element, GERMANIUM, IODINE } from "../xsec/elements.js";

/** A detector material: its formula unit and the number of scattering centres per kg. */
export interface Target {
  name: string;
  /** Formula unit: elements and how many atoms of each. */
  composition: { element: Element; count: number }[];
  /** Molar mass of the formula unit, g/mol (standard atomic weights, CIAAW). */
  molarMass_gPerMol: number;
  /** Electrons per kg: N_A x 1000 x sum(count Z) / molar mass. */
  electronsPerKg: number;
  /** Atoms per kg. */
  atomsPerKg: number;
  /** Nuclei per kg (= atoms). */
  nucleiPerKg: number;
}

/**
 * A target from its formula unit, with counts per kg from Avogadro's number and atomic weights.
 *
 * @example
 * makeTarget("Ge", [{ element: xsec.GERMANIUM, count: 1 }]).electronsPerKg; // => 2.6533e26 (32 x N_A x 1000 / 72.630)
 */
export function makeTarget(name: string, composition: { element: Element; count: number }[]): Target {
  let molar = 0;
  let electrons = 0;
  let atoms = 0;
  for (const c of composition) {
    molar += c.count * c.element.atomicWeight_gPerMol;
    electrons += c.count * c.element.z;
    atoms += c.count;
  }
  const unitsPerKg = (1000 * AVOGADRO_perMol) / molar;
  return {
    name,
    composition,
    molarMass_gPerMol: molar,
    electronsPerKg: electrons * unitsPerKg,
    atomsPerKg: atoms * unitsPerKg,
    nucleiPerKg: atoms * unitsPerKg,
  };
}

/** Natural germanium: Z = 32, A = 72.630 g/mol (CIAAW) -> 2.6533e26 electrons/kg, 8.2916e24 atoms/kg. */
export const GERMANIUM_TARGET: Target = makeTarget("Ge", [{ element: GERMANIUM, count: 1 }]);

/** Caesium iodide: Cs (55, 132.905) + I (53, 126.904) -> 259.810 g/mol, 2.5034e26 electrons/kg. */
export const CSI_TARGET: Target = makeTarget("CsI", [
  { element: CAESIUM, count: 1 },
  { element: IODINE, count: 1 },
]);
