import { SECONDS_PER_DAY, MeV_PER_keV } from "../constants.js";
import { GERMANIUM_TARGET, type Target } from "../detector/targets.js";
import type { ReactorSpectrum } from "../reactor/reactorSpectrum.js";
import { getProcess, type ProcessName, type TargetUnit, type XsecParams } from "../xsec/registry.js";
import { eNuMinForProcess } from "./eNuMin.js";

/**
 * Scattering centres per kg of a target for a cross section given per `per`.
 *
 * @example
 * centresPerKg(detector.GERMANIUM_TARGET, "atom"); // => 8.2915e24 (N_A x 1000 / 72.630)
 */
export function centresPerKg(target: Target, per: TargetUnit): number {
  return per === "electron" ? target.electronsPerKg : per === "atom" ? target.atomsPerKg : target.nucleiPerKg;
}

/** counts/(keV kg day) per (cm^-2 s^-1 x cm^2/MeV x centres/kg): s/day x MeV/keV. */
const PER_KEV_DAY = SECONDS_PER_DAY * MeV_PER_keV;

export interface ExpectedRateOptions {
  /** Cross-section parameters (mu, delta_Q, sin^2 theta_W, charge radius, atomic model options). */
  params?: XsecParams;
  /** Detector material (default germanium). */
  target?: Target;
}

/**
 * Expected count rate at true deposited energies T (keV), before detector response, in
 * counts/(keV kg day):
 *   R(T) = N_centres/kg x integral_{E_min(T)}^{E_max} dPhi/dE(E) dsigma/dT(E, T) dE,
 * with the flux-weighted quadrature rule of the reactor spectrum starting at E_min(T), so the
 * kinematic limit is a panel edge and the integral has no kink inside a panel.
 */
export function expectedRate(source: ReactorSpectrum, process: ProcessName, tKeV: ArrayLike<number>, opts: ExpectedRateOptions = {}): Float64Array {
  const info = getProcess(process);
  const params = opts.params ?? {};
  const scale = centresPerKg(opts.target ?? GERMANIUM_TARGET, info.per) * PER_KEV_DAY;
  const f = info.dSigmaDT;
  const out = new Float64Array(tKeV.length);
  for (let j = 0; j < tKeV.length; j++) {
    const t = tKeV[j] * MeV_PER_keV;
    if (!(t > 0)) continue;
    const eMin = eNuMinForProcess(info, t, params, source.config.eMaxMeV);
    if (!Number.isFinite(eMin)) continue;
    const rule = source.ruleFrom(eMin);
    let s = 0;
    for (let k = 0; k < rule.nodesMeV.length; k++) s += rule.fluxWeights[k] * f(rule.nodesMeV[k], t, params);
    out[j] = s * scale;
  }
  return out;
}

/**
 * Flux-averaged cross section per scattering centre, cm^2/MeV, at energies T (keV): the
 * quantity of GEMMA Fig. 1, integral dPhi/dE dsigma/dT dE / Phi_total.
 */
export function fluxAveragedCrossSection(source: ReactorSpectrum, process: ProcessName, tKeV: ArrayLike<number>, params: XsecParams = {}): Float64Array {
  const info = getProcess(process);
  const perKg = centresPerKg(GERMANIUM_TARGET, info.per) * PER_KEV_DAY;
  const r = expectedRate(source, process, tKeV, { params });
  const total = source.fluxPerCm2s.total;
  for (let j = 0; j < r.length; j++) r[j] /= perKg * total;
  return r;
}
