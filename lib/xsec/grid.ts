/** A cross section with its parameters bound: (eNuMeV, tMeV) -> dsigma/dT, cm^2/MeV. */
export type BoundDSigmaDT = (eNuMeV: number, tMeV: number) => number;

/** dsigma/dT at one neutrino energy over a grid of T (MeV); writes into out if given. */
export function dSigmaDTOverT(
  dSigmaDT: BoundDSigmaDT,
  eNuMeV: number,
  tMeV: Float64Array,
  out: Float64Array = new Float64Array(tMeV.length),
): Float64Array {
  for (let i = 0; i < tMeV.length; i++) out[i] = dSigmaDT(eNuMeV, tMeV[i]);
  return out;
}

/** dsigma/dT at one T over a grid of neutrino energies (MeV); writes into out if given. */
export function dSigmaDTOverENu(
  dSigmaDT: BoundDSigmaDT,
  eNuMeV: Float64Array,
  tMeV: number,
  out: Float64Array = new Float64Array(eNuMeV.length),
): Float64Array {
  for (let j = 0; j < eNuMeV.length; j++) out[j] = dSigmaDT(eNuMeV[j], tMeV);
  return out;
}

/**
 * dsigma/dT on the product grid, row-major by T: out[i * eNu.length + j] = dsigma/dT(eNu[j], t[i]).
 * Rows are what a rate integral over the neutrino spectrum needs for each T.
 */
export function dSigmaDTMatrix(
  dSigmaDT: BoundDSigmaDT,
  tMeV: Float64Array,
  eNuMeV: Float64Array,
  out: Float64Array = new Float64Array(tMeV.length * eNuMeV.length),
): Float64Array {
  const nE = eNuMeV.length;
  if (out.length !== tMeV.length * nE) throw new Error(`dSigmaDTMatrix: out has ${out.length} entries, need ${tMeV.length * nE}`);
  for (let i = 0; i < tMeV.length; i++) {
    const t = tMeV[i];
    const row = i * nE;
    for (let j = 0; j < nE; j++) out[row + j] = dSigmaDT(eNuMeV[j], t);
  }
  return out;
}
