import { MeV_PER_keV } from "../constants.js";
import { numericColumn, readCsv } from "../data/csv.js";
import { dataPath } from "../data/paths.js";
import { GERMANIUM, atomMass_g } from "./elements.js";
import { BARN_cm2 } from "./units.js";

/** Which germanium photoabsorption table (data/germanium/README.md). */
export type PhotoabsorptionTable = "elam" | "kissel";
/**
 * Interpolation within a segment between edges: natural cubic spline in (log E, log sigma), as
 * xraylib does for CS_Photo, or piecewise-linear log-log.
 */
export type PhotoabsorptionInterpolation = "spline" | "linear";

/** Default table: Elam, Ravel and Sieber (2002), from xraylib 4.3.0. */
export const DEFAULT_PHOTOABSORPTION_TABLE: PhotoabsorptionTable = "elam";

/** Germanium: cm^2/g -> cm^2 per atom, A/N_A in g (= 120.606 barns per cm^2/g). */
export const GE_CM2_PER_ATOM_PER_CM2_PER_G = atomMass_g(GERMANIUM);

/** A precomputed interpolator over one table: flat arrays, segments split at edges. */
interface Interpolator {
  /** Energies, MeV, ascending; an edge is two equal consecutive energies. */
  energyMeV: Float64Array;
  logE: Float64Array;
  /** log of the cross section in cm^2 per atom. */
  logS: Float64Array;
  /** Second derivatives of logS in logE (0 at segment ends; all 0 for linear). */
  d2: Float64Array;
  /** Edge energies, MeV (where the table repeats an energy with a different value). */
  edgesMeV: Float64Array;
}

// One slot per (table, interpolation); filled on first use.
const cache: Record<PhotoabsorptionTable, Record<PhotoabsorptionInterpolation, Interpolator | undefined>> = {
  elam: { spline: undefined, linear: undefined },
  kissel: { spline: undefined, linear: undefined },
};

function loadTable(table: PhotoabsorptionTable): { eMeV: Float64Array; cm2PerAtom: Float64Array } {
  if (table === "elam") {
    const t = readCsv(dataPath("germanium/ge_photoabsorption_elam.csv"));
    const e = numericColumn(t, "energy_kev");
    const s = numericColumn(t, "sigma_cm2_per_g");
    return { eMeV: e.map((x) => x * MeV_PER_keV), cm2PerAtom: s.map((x) => x * GE_CM2_PER_ATOM_PER_CM2_PER_G) };
  }
  const t = readCsv(dataPath("germanium/ge_photoabsorption_kissel.csv"));
  const e = numericColumn(t, "energy_kev");
  const s = numericColumn(t, "sigma_barn_per_atom");
  return { eMeV: e.map((x) => x * MeV_PER_keV), cm2PerAtom: s.map((x) => x * BARN_cm2) };
}

/** Natural cubic spline second derivatives for points [a, b) (Numerical Recipes, spline()). */
function naturalSpline(x: Float64Array, y: Float64Array, d2: Float64Array, a: number, b: number): void {
  const n = b - a;
  d2[a] = 0;
  d2[b - 1] = 0;
  if (n < 3) return;
  const u = new Float64Array(n);
  for (let k = 1; k < n - 1; k++) {
    const i = a + k;
    const sig = (x[i] - x[i - 1]) / (x[i + 1] - x[i - 1]);
    const p = sig * d2[i - 1] + 2;
    d2[i] = (sig - 1) / p;
    const dy = (y[i + 1] - y[i]) / (x[i + 1] - x[i]) - (y[i] - y[i - 1]) / (x[i] - x[i - 1]);
    u[k] = ((6 * dy) / (x[i + 1] - x[i - 1]) - sig * u[k - 1]) / p;
  }
  for (let k = n - 2; k >= 1; k--) {
    const i = a + k;
    d2[i] = d2[i] * d2[i + 1] + u[k];
  }
}

function buildInterpolator(table: PhotoabsorptionTable, interpolation: PhotoabsorptionInterpolation): Interpolator {
  const { eMeV, cm2PerAtom } = loadTable(table);
  const n = eMeV.length;
  for (let i = 1; i < n; i++) {
    if (!(eMeV[i] >= eMeV[i - 1])) throw new Error(`photoabsorption table ${table}: energies not ascending at row ${i + 1}`);
  }
  const logE = eMeV.map(Math.log);
  const logS = cm2PerAtom.map(Math.log);
  const d2 = new Float64Array(n);
  const edges: number[] = [];
  let start = 0;
  for (let i = 1; i <= n; i++) {
    if (i === n || eMeV[i] === eMeV[i - 1]) {
      if (interpolation === "spline") naturalSpline(logE, logS, d2, start, i);
      if (i < n && cm2PerAtom[i] !== cm2PerAtom[i - 1]) edges.push(eMeV[i]);
      start = i;
    }
  }
  return { energyMeV: eMeV, logE, logS, d2, edgesMeV: Float64Array.from(edges) };
}

function interpolator(table: PhotoabsorptionTable, interpolation: PhotoabsorptionInterpolation): Interpolator {
  const slots = cache[table];
  if (slots === undefined) throw new Error(`unknown photoabsorption table "${table}" (elam, kissel)`);
  let it = slots[interpolation];
  if (it === undefined) {
    if (interpolation !== "spline" && interpolation !== "linear") throw new Error(`unknown interpolation "${interpolation}" (spline, linear)`);
    it = buildInterpolator(table, interpolation);
    slots[interpolation] = it;
  }
  return it;
}

/** Default interpolation for a table: spline for Elam (as xraylib), linear log-log for the dense Kissel grid. */
export function defaultInterpolation(table: PhotoabsorptionTable): PhotoabsorptionInterpolation {
  return table === "elam" ? "spline" : "linear";
}

function evaluate(it: Interpolator, energyMeV: number): number {
  const e = it.energyMeV;
  const n = e.length;
  if (!(energyMeV >= e[0] && energyMeV <= e[n - 1])) return NaN;
  // Largest i with e[i] <= energy: at an edge energy this is the row above the edge.
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (e[mid] <= energyMeV) lo = mid;
    else hi = mid;
  }
  if (e[hi] <= energyMeV) lo = hi;
  if (lo === n - 1 || e[lo] === energyMeV) return Math.exp(it.logS[lo]);
  const i = lo;
  const x = Math.log(energyMeV);
  const h = it.logE[i + 1] - it.logE[i];
  const a = (it.logE[i + 1] - x) / h;
  const b = 1 - a;
  const y = a * it.logS[i] + b * it.logS[i + 1] + ((a * a * a - a) * it.d2[i] + (b * b * b - b) * it.d2[i + 1]) * (h * h) / 6;
  return Math.exp(y);
}

/**
 * Germanium photoabsorption cross section at photon energy E, cm^2 per atom (natural Ge).
 * Interpolated within the segment between absorption edges, never across one; at an edge energy the
 * value above the edge. NaN outside the table (Elam 0.1 keV - 1 MeV, Kissel 6.3 eV - 300 keV).
 */
export function gePhotoabsorption_cm2PerAtom(
  energyMeV: number,
  table: PhotoabsorptionTable = DEFAULT_PHOTOABSORPTION_TABLE,
  interpolation: PhotoabsorptionInterpolation = defaultInterpolation(table),
): number {
  return evaluate(interpolator(table, interpolation), energyMeV);
}

/** The same in cm^2/g (the unit of the Elam table). */
export function gePhotoabsorption_cm2PerG(
  energyMeV: number,
  table: PhotoabsorptionTable = DEFAULT_PHOTOABSORPTION_TABLE,
  interpolation: PhotoabsorptionInterpolation = defaultInterpolation(table),
): number {
  return evaluate(interpolator(table, interpolation), energyMeV) / GE_CM2_PER_ATOM_PER_CM2_PER_G;
}

/** Vectorised gePhotoabsorption_cm2PerAtom over an energy grid (MeV). */
export function gePhotoabsorptionOnGrid_cm2PerAtom(
  energiesMeV: Float64Array,
  table: PhotoabsorptionTable = DEFAULT_PHOTOABSORPTION_TABLE,
  interpolation: PhotoabsorptionInterpolation = defaultInterpolation(table),
  out: Float64Array = new Float64Array(energiesMeV.length),
): Float64Array {
  const it = interpolator(table, interpolation);
  for (let i = 0; i < energiesMeV.length; i++) out[i] = evaluate(it, energiesMeV[i]);
  return out;
}

/** Energy range of a table, MeV. */
export function photoabsorptionRangeMeV(table: PhotoabsorptionTable = DEFAULT_PHOTOABSORPTION_TABLE): [number, number] {
  const e = interpolator(table, "linear").energyMeV;
  return [e[0], e[e.length - 1]];
}

/**
 * Absorption-edge energies of a table, MeV: where the table repeats an energy with a jump (Elam).
 * The Kissel grid has no repeated energies (its edges are steep rises over ~5e-5 keV), so none.
 */
export function photoabsorptionEdgesMeV(table: PhotoabsorptionTable = DEFAULT_PHOTOABSORPTION_TABLE): Float64Array {
  return interpolator(table, "linear").edgesMeV.slice();
}
