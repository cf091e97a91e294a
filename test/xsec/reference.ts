// Test helper: reference numbers made by test/reference/xsec/make_reference.py (numpy/scipy).
import { readFileSync } from "node:fs";

export interface PointRef {
  eNuMeV: number;
  tMeV: number;
  value: number;
}

export interface XsecReference {
  weak: (PointRef & { sin2: number })[];
  magneticFE: (PointRef & { mu: number })[];
  millichargeFE: (PointRef & { deltaQ: number })[];
  elam_cm2PerG: { keV: number; spline: number; linear: number }[];
  kissel_barnPerAtom: { keV: number; value: number }[];
  epa: (PointRef & { mu: number })[];
  activeElectrons: { eV: number; n: number }[];
  cevns: { eNuMeV: number; tMeV: number; sin2: number; none: number; helm: number }[];
  cevnsTotal5MeV_cm2: number;
  lindhard: { recoilMeV: number; f: number }[];
  lindhardInverse: { eeMeV: number; recoilMeV: number; jacobian: number }[];
  chargeRadiusShift_perCm2: number;
  foldBox: { a: number; b: number; sigma0MeV: number; fano: number; pairMeV: number; points: { eMeV: number; value: number }[] };
}

export const REF: XsecReference = JSON.parse(readFileSync(new URL("../reference/xsec/reference.json", import.meta.url), "utf8"));

/** |a/b - 1|. */
export function relDiff(a: number, b: number): number {
  return Math.abs(a / b - 1);
}
