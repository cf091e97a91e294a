import { describe, expect, it } from "vitest";
import {
  GE_CM2_PER_ATOM_PER_CM2_PER_G,
  gePhotoabsorptionOnGrid_cm2PerAtom,
  gePhotoabsorption_cm2PerAtom,
  gePhotoabsorption_cm2PerG,
  photoabsorptionEdgesMeV,
  photoabsorptionRangeMeV,
} from "../../lib/xsec/photoabsorption.js";
import { BARN_cm2 } from "../../lib/xsec/units.js";
import { REF, relDiff } from "./reference.js";

const keV = (k: number) => k * 1e-3;

// Reference points, cm^2/g, to 4 significant figures: xraylib 4.3.0 CS_Photo (Elam-Ravel-Sieber table).
const PUBLISHED: [number, number][] = [
  [1, 1887],
  [1.2, 1226],
  [1.5, 5471],
  [2, 2707],
  [3, 957.4],
  [5, 244.2],
  [10, 35.72],
  [11.0, 27.31],
  [12, 161.3],
  [20, 41.45],
  [50, 3.045],
];

describe("germanium photoabsorption (Elam, xraylib 4.3.0)", () => {
  it("barns/atom = cm^2/g x 120.6 (A/N_A for A = 72.630)", () => {
    expect(GE_CM2_PER_ATOM_PER_CM2_PER_G / BARN_cm2).toBeCloseTo(120.6, 1);
  });
  it("reproduces xraylib's CS_Photo values to their 4 digits (log-log natural spline, as xraylib)", () => {
    for (const [k, v] of PUBLISHED) expect(relDiff(gePhotoabsorption_cm2PerG(keV(k)), v)).toBeLessThan(5.1e-4);
  });
  it("piecewise-linear log-log misses 12 keV by 0.23 % (160.93 vs 161.3): the published points are spline values", () => {
    const lin = gePhotoabsorption_cm2PerG(keV(12), "elam", "linear");
    expect(lin).toBeCloseTo(160.93, 2);
    expect(relDiff(lin, 161.3)).toBeGreaterThan(2e-3);
  });
  it("matches scipy natural splines per segment and numpy log-log interpolation", () => {
    for (const r of REF.elam_cm2PerG) {
      expect(relDiff(gePhotoabsorption_cm2PerG(keV(r.keV)), r.spline)).toBeLessThan(1e-10);
      expect(relDiff(gePhotoabsorption_cm2PerG(keV(r.keV), "elam", "linear"), r.linear)).toBeLessThan(1e-10);
    }
  });
  it("edges are the table's repeated energies (X-ray Data Booklet values), and interpolation never crosses one", () => {
    expect(Array.from(photoabsorptionEdgesMeV(), (e) => +(e * 1e3).toFixed(4))).toEqual([0.1208, 0.1249, 0.1801, 1.217, 1.2481, 1.4146, 11.103]);
    // just below the K edge: the below-edge row (26.5973); at and above it: the above-edge row (196.7)
    expect(gePhotoabsorption_cm2PerG(keV(11.103) * (1 - 1e-9))).toBeCloseTo(26.5973, 3);
    expect(gePhotoabsorption_cm2PerG(keV(11.103))).toBeCloseTo(196.7, 3);
    expect(gePhotoabsorption_cm2PerG(keV(11.103) * (1 + 1e-9))).toBeCloseTo(196.7, 3);
    // L3: 1185.51 below, 4357.09 above
    expect(gePhotoabsorption_cm2PerG(keV(1.217) * (1 - 1e-9))).toBeCloseTo(1185.51, 2);
    expect(gePhotoabsorption_cm2PerG(keV(1.217) * (1 + 1e-9))).toBeCloseTo(4357.09, 2);
  });
  it("NaN outside the table (0.1 keV - 1 MeV)", () => {
    const [lo, hi] = photoabsorptionRangeMeV();
    expect(lo).toBeCloseTo(1e-4, 12);
    expect(hi).toBeCloseTo(1, 4);
    expect(gePhotoabsorption_cm2PerAtom(lo * 0.99)).toBeNaN();
    expect(gePhotoabsorption_cm2PerAtom(hi * 1.01)).toBeNaN();
  });
  it("grid helper equals the scalar function", () => {
    const e = Float64Array.from([0.5, 1.3, 2, 11.103, 30], keV);
    const g = gePhotoabsorptionOnGrid_cm2PerAtom(e);
    e.forEach((x, i) => expect(g[i]).toBe(gePhotoabsorption_cm2PerAtom(x)));
  });
});

describe("germanium photoabsorption (Kissel RTAB, xraylib 4.3.0)", () => {
  it("matches numpy log-log interpolation of the table", () => {
    for (const r of REF.kissel_barnPerAtom) expect(relDiff(gePhotoabsorption_cm2PerAtom(keV(r.keV), "kissel") / BARN_cm2, r.value)).toBeLessThan(1e-10);
  });
  it("agrees with Elam to ~1 % above 1 keV away from edges (data README)", () => {
    for (const k of [1, 1.5, 2, 3, 5, 8, 10, 12, 20, 50, 100]) {
      expect(relDiff(gePhotoabsorption_cm2PerAtom(keV(k), "kissel"), gePhotoabsorption_cm2PerAtom(keV(k)))).toBeLessThan(0.012);
    }
  });
  it("extends below the Elam table, to 6.3 eV", () => {
    expect(gePhotoabsorption_cm2PerAtom(keV(0.05), "kissel")).toBeGreaterThan(0);
    expect(gePhotoabsorption_cm2PerAtom(keV(0.05))).toBeNaN();
  });
});
