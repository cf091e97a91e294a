import { type FissionIsotope, assertFissionIsotope } from "./isotopes.js";
import { type SpectrumModel, FIT_RANGE_MeV, spectrumCoefficients } from "./spectrumCoefficients.js";
import { type SpectrumHistogram, histogramIntegral, histogramValue, summationFissionHistograms } from "./summationTables.js";
import { integrate } from "../math/integrate.js";

/**
 * What to do below the junction energy `eJoinMeV` (default 2 MeV, the lower edge of the
 * Huber/Mueller tables), where the conversion fits were not made:
 * - "summation": the tabulated BESTIOLE summation spectrum (Perisse et al., PRC 108 055501 (2023)),
 *   taken as it is (absolute, per fission). At 2 MeV it lies ~5 % below Huber's 235U fit (the
 *   known summation/conversion difference), so the spectrum has a small step at the junction.
 * - "extrapolate": the exp-polynomial fit continued down to E = 0. This is an EXTRAPOLATION with no
 *   data behind it: harmless for the 2nd-order Vogel-Engel fit (235U: 3.7 antineutrinos per fission
 *   below 2 MeV, close to the summation value 4.5), but absurd for the 5th-order Huber fits, which
 *   blow up towards E = 0 (235U: S(0) = 79 /MeV, 23 antineutrinos per fission below 2 MeV).
 * - "none": zero below the junction (only the fit range counts).
 */
export type LowEnergyOption = "summation" | "extrapolate" | "none";

/** Options of the per-fission spectrum. */
export interface FissionSpectrumOptions {
  /** Treatment below `eJoinMeV` (default "summation"). */
  lowEnergy?: LowEnergyOption;
  /** Junction between the low-energy treatment and the fit, MeV (default 2; 0 < eJoin <= 3). */
  eJoinMeV?: number;
  /** Upper end of the spectrum, MeV (default 10). The fits are continued from 8 MeV up to it. */
  eMaxMeV?: number;
}

/** Default junction energy, MeV: lower edge of the Huber and Mueller tables. */
export const DEFAULT_E_JOIN_MeV = 2;
/** Default upper end of the reactor spectrum, MeV (above it < 1e-3 antineutrinos per fission). */
export const DEFAULT_E_MAX_MeV = 10;
/** Upper edge of the stored summation tables, MeV: the junction cannot be above it. */
export const SUMMATION_TABLE_MAX_MeV = 3;

/** A compiled per-fission spectrum: evaluation without table look-ups. */
export interface FissionSpectrumFunction {
  readonly isotope: FissionIsotope;
  readonly model: SpectrumModel;
  readonly lowEnergy: LowEnergyOption;
  readonly eJoinMeV: number;
  readonly eMaxMeV: number;
  /** dN/dE at E (MeV), antineutrinos / (MeV fission). */
  (eMeV: number): number;
  /**
   * Energies (MeV) where the spectrum has a jump or kink: the junction and, with
   * lowEnergy "summation", the histogram bin edges below it. Quadratures put panel edges there.
   */
  readonly breaksMeV: Float64Array;
}

const compiled = new Map<string, FissionSpectrumFunction>();

function resolve(options: FissionSpectrumOptions): Required<FissionSpectrumOptions> {
  const lowEnergy = options.lowEnergy ?? "summation";
  const eJoinMeV = options.eJoinMeV ?? DEFAULT_E_JOIN_MeV;
  const eMaxMeV = options.eMaxMeV ?? DEFAULT_E_MAX_MeV;
  if (lowEnergy !== "summation" && lowEnergy !== "extrapolate" && lowEnergy !== "none") {
    throw new Error(`lowEnergy must be "summation", "extrapolate" or "none", got ${JSON.stringify(lowEnergy)}`);
  }
  if (!(eJoinMeV > 0 && eJoinMeV <= SUMMATION_TABLE_MAX_MeV)) throw new Error(`eJoinMeV must be in (0, ${SUMMATION_TABLE_MAX_MeV}] MeV, got ${eJoinMeV}`);
  if (!(eMaxMeV > eJoinMeV && eMaxMeV <= 20)) throw new Error(`eMaxMeV must be in (eJoinMeV, 20] MeV, got ${eMaxMeV}`);
  return { lowEnergy, eJoinMeV, eMaxMeV };
}

/**
 * The per-fission antineutrino spectrum of one isotope as a function of E (MeV), compiled once per
 * (isotope, model, options) and cached. Above the junction: S(E) = exp(sum_k a_k E^k), the
 * parametrisation whose coefficients are Huber PRC 84 024617 (2011) Table III, Mueller et al.
 * PRC 83 054615 (2011) Table VI and Vogel-Engel PRD 39 3378 (1989) Table 1 (their Eq. (4)).
 * Below: see {@link LowEnergyOption}. Zero below 0 and above eMax.
 */
export function fissionSpectrumFunction(
  isotope: FissionIsotope,
  model: SpectrumModel = "huber-mueller",
  options: FissionSpectrumOptions = {},
): FissionSpectrumFunction {
  assertFissionIsotope(isotope);
  const o = resolve(options);
  const key = `${isotope}|${model}|${o.lowEnergy}|${o.eJoinMeV}|${o.eMaxMeV}`;
  const hit = compiled.get(key);
  if (hit) return hit;
  const a = spectrumCoefficients(model, isotope).coefficients;
  const n = a.length;
  const fit = (e: number): number => {
    let p = a[n - 1];
    for (let k = n - 2; k >= 0; k--) p = p * e + a[k];
    return Math.exp(p);
  };
  const hist: SpectrumHistogram | undefined = o.lowEnergy === "summation" ? summationFissionHistograms()[isotope] : undefined;
  const { eJoinMeV, eMaxMeV, lowEnergy } = o;
  const f = ((e: number): number => {
    if (!(e >= 0) || e > eMaxMeV) return 0;
    if (e >= eJoinMeV) return fit(e);
    if (lowEnergy === "extrapolate") return fit(e);
    if (hist) return histogramValue(hist, e);
    return 0;
  }) as FissionSpectrumFunction;
  const breaks: number[] = [];
  if (hist) {
    for (let i = 0; i < hist.edgesMeV.length; i++) if (hist.edgesMeV[i] > 0 && hist.edgesMeV[i] < eJoinMeV) breaks.push(hist.edgesMeV[i]);
  }
  if (lowEnergy !== "extrapolate") breaks.push(eJoinMeV);
  Object.assign(f, { isotope, model, lowEnergy, eJoinMeV, eMaxMeV, breaksMeV: Float64Array.from(breaks) });
  Object.freeze(f);
  compiled.set(key, f);
  return f;
}

/**
 * Antineutrinos per MeV per fission of `isotope` at energy E (MeV), in model `model`
 * (default "huber-mueller"). See {@link fissionSpectrumFunction} for the formula and sources.
 *
 * @example
 * fissionSpectrum("U235", 3.0); // => 0.656 (per MeV per fission: exp of Huber's polynomial, PRC 84 (2011) 024617, Table III)
 */
export function fissionSpectrum(
  isotope: FissionIsotope,
  eMeV: number,
  model: SpectrumModel = "huber-mueller",
  options: FissionSpectrumOptions = {},
): number {
  return fissionSpectrumFunction(isotope, model, options)(eMeV);
}

/**
 * Vectorised {@link fissionSpectrum}: S(E_j) for every E_j (MeV) of `gridMeV`, written into `out`
 * (allocated if not given), antineutrinos / (MeV fission).
 */
export function fissionSpectrumOnGrid(
  isotope: FissionIsotope,
  gridMeV: ArrayLike<number>,
  model: SpectrumModel = "huber-mueller",
  options: FissionSpectrumOptions = {},
  out: Float64Array = new Float64Array(gridMeV.length),
): Float64Array {
  const f = fissionSpectrumFunction(isotope, model, options);
  for (let j = 0; j < gridMeV.length; j++) out[j] = f(gridMeV[j]);
  return out;
}

/**
 * Antineutrinos per fission of `isotope` with energy in [eMinMeV, eMaxMeV] (defaults: the whole
 * spectrum, 0 to the spectrum's eMax): the integral of the spectrum, Gauss-Legendre on 0.25 MeV
 * panels (order 8) with panel edges at every jump; histogram parts are summed exactly.
 */
export function antineutrinosPerFission(
  isotope: FissionIsotope,
  model: SpectrumModel = "huber-mueller",
  options: FissionSpectrumOptions = {},
  eMinMeV = 0,
  eMaxMeV?: number,
): number {
  const f = fissionSpectrumFunction(isotope, model, options);
  const hi = Math.min(eMaxMeV ?? f.eMaxMeV, f.eMaxMeV);
  const lo = Math.max(0, eMinMeV);
  if (!(hi > lo)) return 0;
  let s = 0;
  let fitLo = lo;
  if (f.lowEnergy !== "extrapolate") {
    fitLo = Math.max(lo, f.eJoinMeV);
    if (f.lowEnergy === "summation" && lo < f.eJoinMeV) {
      s += histogramIntegral(summationFissionHistograms()[isotope], lo, Math.min(hi, f.eJoinMeV));
    }
  }
  if (hi > fitLo) s += integrate(f, fitLo, hi, { order: 8, maxPanel: 0.25 });
  return s;
}

/**
 * The fit range (MeV) of a model, re-exported for convenience.
 *
 * @example
 * fitRangeMeV("huber-mueller"); // => [2, 8] (MeV: the range of Huber's and Mueller's tables)
 */
export function fitRangeMeV(model: SpectrumModel): readonly [number, number] {
  return FIT_RANGE_MeV[model];
}
