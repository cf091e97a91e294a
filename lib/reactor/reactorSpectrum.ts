import { type CaptureShape, CAPTURES_PER_FISSION_TYPICAL_PWR, captureSpectrumFunction } from "./captureSpectrum.js";
import { fissionData } from "./fissionData.js";
import { type FissionSpectrumFunction, type LowEnergyOption, DEFAULT_E_JOIN_MeV, DEFAULT_E_MAX_MeV, fissionSpectrumFunction } from "./fissionSpectrum.js";
import { CM_PER_M, checkFissionFractions, fissionRatePerS, isotropicFluxPerCm2s, meanEnergyPerFissionMeV } from "./fissionRate.js";
import { FISSION_ISOTOPES, type PerIsotope, checkPerIsotope } from "./isotopes.js";
import { gaussLegendre } from "../math/gaussLegendre.js";
import { mergeEdges } from "../math/panelEdges.js";
import { type SpectrumModel, SPECTRUM_MODELS } from "./spectrumCoefficients.js";
import { quantityTable } from "../fit/resultTable.js";

/** A reactor core seen from a detector: everything {@link reactorSpectrum} needs. */
export interface ReactorCoreConfig {
  /** Thermal power, GW. */
  thermalPowerGW: number;
  /** Distance from the core centre to the detector, m (point-like core). */
  distanceM: number;
  /** Fractions of fissions per isotope (sum 1). Default: Daya Bay average from data/reactor/fission.csv. */
  fissionFractions?: PerIsotope;
  /** Energy released per fission, MeV. Default: Ma et al. PRC 88 014605 (2013). */
  energyPerFissionMeV?: PerIsotope;
  /** Spectrum model above the junction (default "huber-mueller"). */
  model?: SpectrumModel;
  /** Treatment below the junction (default "summation"). */
  lowEnergy?: LowEnergyOption;
  /** Junction energy between low-energy treatment and fit, MeV (default 2). */
  eJoinMeV?: number;
  /** Upper end of the spectrum, MeV (default 10). */
  eMaxMeV?: number;
  /** Include the 238U-capture antineutrinos (239U, 239Np)? Default true. */
  capture?: boolean;
  /** Shape of the capture spectra (default "summation"). */
  captureShape?: CaptureShape;
  /** 238U captures per fission (default 0.6). */
  capturesPerFission?: number;
  /** Gauss-Legendre points per panel of the energy rule (default 4). */
  quadratureOrder?: number;
  /** Widest panel of the energy rule above the junction, MeV (default 0.25). */
  maxPanelMeV?: number;
}

/** {@link ReactorCoreConfig} with every default filled in. */
export type ResolvedReactorCoreConfig = Required<ReactorCoreConfig>;

/**
 * A quadrature rule over antineutrino energy, weighted by the flux:
 * ∫_{eMin}^{eMax} g(E) dΦ/dE dE ≈ Σ_k fluxWeights[k] g(nodesMeV[k]).
 */
export interface FluxRule {
  /** Nodes, MeV, increasing. */
  readonly nodesMeV: Float64Array;
  /** Plain quadrature weights (MeV): Σ weightsMeV[k] h(nodes[k]) ≈ ∫ h dE. */
  readonly weightsMeV: Float64Array;
  /** dΦ/dE at the nodes, per cm^2 per s per MeV. */
  readonly dPhidE: Float64Array;
  /** weightsMeV × dPhidE, per cm^2 per s. Their sum is the flux above eMin. */
  readonly fluxWeights: Float64Array;
}

/** Largest accepted core power, GW: a physically possible reactor (the largest cores give ~4.6 GW thermal; a whole station ~25 GW). */
export const MAX_CORE_POWER_GW = 100;

/** Reactor antineutrino source at a detector: spectrum, totals, and a rule for folding. */
export interface ReactorSpectrum {
  readonly config: Readonly<ResolvedReactorCoreConfig>;
  /** Mean energy released per fission, MeV. */
  readonly meanEnergyPerFissionMeV: number;
  /** Fissions per second. */
  readonly fissionRatePerS: number;
  /** Antineutrinos per fission over [0, eMax]: from fissions, from 238U capture, total. */
  readonly antineutrinosPerFission: { readonly fission: number; readonly capture: number; readonly total: number };
  /** Antineutrino flux at the detector, per cm^2 per s: fission part, capture part, total. */
  readonly fluxPerCm2s: { readonly fission: number; readonly capture: number; readonly total: number };
  /** Flux-weighted mean antineutrino energies, MeV. */
  readonly meanEnergyMeV: { readonly fission: number; readonly capture: number; readonly total: number };
  /** dN/dE per fission at E (MeV), antineutrinos / (MeV fission), capture included if enabled. */
  perFission(eMeV: number): number;
  /** dΦ/dE at E (MeV), per cm^2 per s per MeV. */
  dPhidE(eMeV: number): number;
  /** dΦ/dE on a grid of energies (MeV), per cm^2 per s per MeV. */
  dPhidEOnGrid(gridMeV: ArrayLike<number>, out?: Float64Array): Float64Array;
  /** The precomputed flux rule on [0, eMax]: panel edges at every jump of the spectrum. */
  readonly rule: FluxRule;
  /** The flux rule on [eMinMeV, eMax] (the panel holding eMin is re-split; the rest is shared). */
  ruleFrom(eMinMeV: number): FluxRule;
  /** ∫_{eMin}^{eMax} g(E) dΦ/dE dE, per cm^2 per s × [g]. */
  fold(g: (eMeV: number) => number, eMinMeV?: number): number;
  /** Short multi-line text summary. */
  toString(): string;
  /** The totals as a table (for `show`). */
  toHTML(): string;
}

function resolveConfig(c: ReactorCoreConfig): ResolvedReactorCoreConfig {
  if (!(c.thermalPowerGW > 0 && c.thermalPowerGW <= MAX_CORE_POWER_GW)) throw new Error(`reactor core: thermalPowerGW must be a number in (0, ${MAX_CORE_POWER_GW}] GW, got ${c.thermalPowerGW}`);
  if (!(c.distanceM > 0 && c.distanceM <= 1e7)) throw new Error(`reactor core: distanceM must be a number in (0, 1e7] m, got ${c.distanceM}`);
  const model = c.model ?? "huber-mueller";
  if (!SPECTRUM_MODELS.includes(model)) throw new Error(`reactor core: unknown model "${model}" (expected one of ${SPECTRUM_MODELS.join(", ")})`);
  const capturesPerFission = c.capturesPerFission ?? CAPTURES_PER_FISSION_TYPICAL_PWR;
  if (!(capturesPerFission >= 0 && capturesPerFission < 5)) throw new Error(`reactor core: capturesPerFission must be in [0, 5), got ${capturesPerFission}`);
  const quadratureOrder = c.quadratureOrder ?? 4;
  if (!Number.isInteger(quadratureOrder) || quadratureOrder < 1 || quadratureOrder > 32) throw new Error(`reactor core: quadratureOrder must be an integer in 1..32, got ${quadratureOrder}`);
  const maxPanelMeV = c.maxPanelMeV ?? 0.25;
  if (!(maxPanelMeV > 0 && maxPanelMeV <= 2)) throw new Error(`reactor core: maxPanelMeV must be in (0, 2], got ${maxPanelMeV}`);
  return {
    thermalPowerGW: c.thermalPowerGW,
    distanceM: c.distanceM,
    fissionFractions: checkFissionFractions(c.fissionFractions),
    energyPerFissionMeV: checkPerIsotope(c.energyPerFissionMeV ?? fissionData().energyPerFissionMeV, "energy per fission (MeV)"),
    model,
    lowEnergy: c.lowEnergy ?? "summation",
    eJoinMeV: c.eJoinMeV ?? DEFAULT_E_JOIN_MeV,
    eMaxMeV: c.eMaxMeV ?? DEFAULT_E_MAX_MeV,
    capture: c.capture ?? true,
    captureShape: c.captureShape ?? "summation",
    capturesPerFission,
    quadratureOrder,
    maxPanelMeV,
  };
}


/**
 * The antineutrino source of a reactor core at a detector:
 *   dΦ/dE = R_f / (4π L²) × [ Σ_i f_i S_i(E) + n_c (S_239U(E) + S_239Np(E)) ],
 *   R_f = P / Σ_i f_i Q_i,
 * with S_i the per-fission spectra ({@link fissionSpectrumFunction}), n_c the 238U captures per
 * fission and S_239U, S_239Np the per-decay capture spectra ({@link captureSpectrumFunction}).
 *
 * Everything is precomputed once: a composite Gauss-Legendre rule over [0, eMax] whose panel edges
 * sit on every jump of the spectrum (histogram bins, junction, endpoints), the spectrum at its nodes,
 * the totals and mean energies. Folding a cross section is then one weighted sum
 * ({@link ReactorSpectrum.fold}, or {@link ReactorSpectrum.ruleFrom} for a lower limit E_min(T)).
 *
 * @example
 * const gemma = reactorSpectrum({ thermalPowerGW: 3.0, distanceM: 13.9 });
 * gemma.fluxPerCm2s.total; // => 2.7e13 (per cm^2 per s; GEMMA Sec. 2 states 2.7e13)
 */
export function reactorSpectrum(config: ReactorCoreConfig): ReactorSpectrum {
  const c = resolveConfig(config);
  const spectrumOptions = { lowEnergy: c.lowEnergy, eJoinMeV: c.eJoinMeV, eMaxMeV: c.eMaxMeV };
  const parts: FissionSpectrumFunction[] = FISSION_ISOTOPES.map((iso) => fissionSpectrumFunction(iso, c.model, spectrumOptions));
  const frac = FISSION_ISOTOPES.map((iso) => c.fissionFractions[iso]);
  const cap = c.capture ? captureSpectrumFunction(c.captureShape) : undefined;
  const nc = c.capture ? c.capturesPerFission : 0;

  const meanQ = meanEnergyPerFissionMeV(c.fissionFractions, c.energyPerFissionMeV);
  const rf = fissionRatePerS(c.thermalPowerGW, c.fissionFractions, c.energyPerFissionMeV);
  const distanceCm = c.distanceM * CM_PER_M;
  const norm = isotropicFluxPerCm2s(rf, distanceCm); // fissions per cm^2 per s at the detector

  const fissionPart = (e: number): number => {
    let s = 0;
    for (let i = 0; i < parts.length; i++) s += frac[i] * parts[i](e);
    return s;
  };
  const capturePart = (e: number): number => (cap && e <= c.eMaxMeV ? nc * cap(e) : 0);
  const perFission = (e: number): number => fissionPart(e) + capturePart(e);

  // Panel edges: every jump of the fission parts (identical for the four isotopes) and of the capture part.
  const breaks: number[] = Array.from(parts[0].breaksMeV);
  if (cap) breaks.push(...Array.from(cap.breaksMeV));
  const edges = mergeEdges(0, c.eMaxMeV, breaks, c.maxPanelMeV);
  const g = gaussLegendre(c.quadratureOrder);
  const nPanels = edges.length - 1;
  const n = nPanels * c.quadratureOrder;
  const nodes = new Float64Array(n);
  const weights = new Float64Array(n);
  const fis = new Float64Array(n);
  const capv = new Float64Array(n);
  for (let k = 0, j = 0; k < nPanels; k++) {
    const half = 0.5 * (edges[k + 1] - edges[k]);
    const mid = 0.5 * (edges[k + 1] + edges[k]);
    for (let i = 0; i < c.quadratureOrder; i++, j++) {
      nodes[j] = mid + half * g.nodes[i];
      weights[j] = half * g.weights[i];
      fis[j] = fissionPart(nodes[j]);
      capv[j] = capturePart(nodes[j]);
    }
  }
  let nF = 0;
  let nC = 0;
  let eF = 0;
  let eC = 0;
  const dPhidE = new Float64Array(n);
  const fluxWeights = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    nF += weights[j] * fis[j];
    nC += weights[j] * capv[j];
    eF += weights[j] * fis[j] * nodes[j];
    eC += weights[j] * capv[j] * nodes[j];
    dPhidE[j] = norm * (fis[j] + capv[j]);
    fluxWeights[j] = weights[j] * dPhidE[j];
  }
  const rule: FluxRule = Object.freeze({ nodesMeV: nodes, weightsMeV: weights, dPhidE, fluxWeights });

  const dPhidEAt = (e: number): number => norm * perFission(e);
  const ruleFrom = (eMinMeV: number): FluxRule => {
    if (!(eMinMeV > 0)) return rule;
    if (eMinMeV >= c.eMaxMeV) {
      const z = new Float64Array(0);
      return { nodesMeV: z, weightsMeV: z, dPhidE: z, fluxWeights: z };
    }
    // Panel k holds eMin: edges[k] <= eMin < edges[k+1] (binary search).
    let lo = 0;
    let hi = nPanels - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (edges[mid] <= eMinMeV) lo = mid;
      else hi = mid - 1;
    }
    const k = lo;
    const q = c.quadratureOrder;
    const tail = (nPanels - k - 1) * q;
    const m = q + tail;
    const nn = new Float64Array(m);
    const ww = new Float64Array(m);
    const pp = new Float64Array(m);
    const fw = new Float64Array(m);
    const a = eMinMeV;
    const b = edges[k + 1];
    const half = 0.5 * (b - a);
    const mid = 0.5 * (a + b);
    for (let i = 0; i < q; i++) {
      nn[i] = mid + half * g.nodes[i];
      ww[i] = half * g.weights[i];
      pp[i] = dPhidEAt(nn[i]);
      fw[i] = ww[i] * pp[i];
    }
    const from = (k + 1) * q;
    nn.set(nodes.subarray(from), q);
    ww.set(weights.subarray(from), q);
    pp.set(dPhidE.subarray(from), q);
    fw.set(fluxWeights.subarray(from), q);
    return { nodesMeV: nn, weightsMeV: ww, dPhidE: pp, fluxWeights: fw };
  };

  const fluxF = norm * nF;
  const fluxC = norm * nC;
  const result: ReactorSpectrum = {
    config: Object.freeze(c),
    meanEnergyPerFissionMeV: meanQ,
    fissionRatePerS: rf,
    antineutrinosPerFission: Object.freeze({ fission: nF, capture: nC, total: nF + nC }),
    fluxPerCm2s: Object.freeze({ fission: fluxF, capture: fluxC, total: fluxF + fluxC }),
    meanEnergyMeV: Object.freeze({ fission: nF > 0 ? eF / nF : NaN, capture: nC > 0 ? eC / nC : NaN, total: (eF + eC) / (nF + nC) }),
    perFission,
    dPhidE: dPhidEAt,
    dPhidEOnGrid(gridMeV: ArrayLike<number>, out: Float64Array = new Float64Array(gridMeV.length)): Float64Array {
      for (let j = 0; j < gridMeV.length; j++) out[j] = dPhidEAt(gridMeV[j]);
      return out;
    },
    rule,
    ruleFrom,
    fold(gf: (eMeV: number) => number, eMinMeV = 0): number {
      const r = ruleFrom(eMinMeV);
      let s = 0;
      for (let j = 0; j < r.nodesMeV.length; j++) s += r.fluxWeights[j] * gf(r.nodesMeV[j]);
      return s;
    },
    toString(): string {
      const f = (x: number, d = 3) => x.toPrecision(d);
      return [
        `reactor ${c.thermalPowerGW} GWth at ${c.distanceM} m, model ${c.model}, low energy "${c.lowEnergy}" below ${c.eJoinMeV} MeV, capture ${c.capture ? `${c.capturesPerFission}/fission (${c.captureShape})` : "off"}`,
        `  <Q_f> = ${f(meanQ, 5)} MeV, fission rate ${f(rf, 4)} /s`,
        `  antineutrinos/fission: ${f(nF)} (fission) + ${f(nC)} (capture) = ${f(nF + nC)}`,
        `  flux: ${f(fluxF)} + ${f(fluxC)} = ${f(fluxF + fluxC)} /cm^2/s; <E> = ${f((eF + eC) / (nF + nC))} MeV`,
      ].join("\n");
    },
    toHTML(): string {
      return quantityTable(`reactor ${c.thermalPowerGW} GWth at ${c.distanceM} m, model ${c.model}, capture ${c.capture ? `${c.capturesPerFission}/fission` : "off"}`, [
        ["flux, total (cm⁻² s⁻¹)", fluxF + fluxC],
        ["flux, capture part (cm⁻² s⁻¹)", fluxC],
        ["antineutrinos per fission", nF + nC],
        ["mean energy (MeV)", (eF + eC) / (nF + nC)],
        ["mean energy per fission (MeV)", meanQ],
        ["fission rate (s⁻¹)", rf],
      ]).toHTML();
    },
  };
  return Object.freeze(result);
}
