import { numericColumn, readCsv, stringColumn } from "../data/csv.js";
import { dataPath } from "../data/paths.js";

/**
 * Which germanium binding energies (data/germanium/README.md): the X-ray Data Booklet values, which
 * are also the Elam-table edges (default), or xraylib 4.3.0 edges.dat.
 */
export type BindingEnergySet = "booklet" | "xraylib";

export const DEFAULT_BINDING_ENERGY_SET: BindingEnergySet = "booklet";

/** Germanium shells: names, occupancies and binding energies (MeV), in table order (K first). */
export interface ShellTable {
  names: string[];
  occupancy: Float64Array;
  bindingMeV: Float64Array;
}

const cache = new Map<BindingEnergySet, ShellTable>();

/** The germanium shell table (data/germanium/ge_shells.csv), binding energies in MeV. */
export function germaniumShells(set: BindingEnergySet = DEFAULT_BINDING_ENERGY_SET): ShellTable {
  let t = cache.get(set);
  if (t === undefined) {
    const csv = readCsv(dataPath("germanium/ge_shells.csv"));
    const column = set === "booklet" ? "binding_ev_booklet" : "binding_ev_xraylib";
    t = {
      names: stringColumn(csv, "shell"),
      occupancy: numericColumn(csv, "occupancy"),
      bindingMeV: numericColumn(csv, column).map((ev) => ev * 1e-6),
    };
    cache.set(set, t);
  }
  return t;
}

/**
 * Number of germanium electrons that energy transfer T can ionize: sum_i n_i theta(T - B_i), with
 * theta(0) = 1 (the stepping approximation's step function; Voloshin, PRL 105 (2010) 201801;
 * Kouzakov, Studenikin and Voloshin, JETP Lett. 93 (2011) 623). 32 above the K edge (11.103 keV),
 * 30 between L1 (1.4146 keV) and K, 0 below the N shell.
 *
 * @example
 * germaniumActiveElectrons(0.005); // => 30 (5 keV: all but the two K electrons, bound by 11.1 keV; X-ray Data Booklet)
 * germaniumActiveElectrons(0.0005); // => 22 (0.5 keV: the eight L electrons, bound by 1.2-1.4 keV, drop out too)
 */
export function germaniumActiveElectrons(tMeV: number, set: BindingEnergySet = DEFAULT_BINDING_ENERGY_SET): number {
  const t = germaniumShells(set);
  let n = 0;
  for (let i = 0; i < t.occupancy.length; i++) if (tMeV >= t.bindingMeV[i]) n += t.occupancy[i];
  return n;
}
