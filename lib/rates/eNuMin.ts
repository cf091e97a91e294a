import type { ProcessInfo, XsecParams } from "../xsec/registry.js";

/**
 * Smallest neutrino energy (MeV) that can give energy `tMeV` in the process's energy variable:
 * the inverse of its kinematic limit T_max(E), which rises monotonically with E. Found by
 * bisection (60 halvings of [0, eCapMeV]: relative precision far below any spectrum's structure),
 * so it works for every registered process, quenched nuclear recoils included.
 * Returns Infinity when even eCapMeV cannot reach tMeV.
 */
export function eNuMinForProcess(process: ProcessInfo, tMeV: number, params: XsecParams = {}, eCapMeV = 20): number {
  if (!(tMeV > 0)) return 0;
  if (process.tMaxMeV(eCapMeV, params) < tMeV) return Infinity;
  let lo = 0;
  let hi = eCapMeV;
  for (let i = 0; i < 60; i++) {
    const mid = 0.5 * (lo + hi);
    if (process.tMaxMeV(mid, params) >= tMeV) hi = mid;
    else lo = mid;
  }
  return hi;
}
