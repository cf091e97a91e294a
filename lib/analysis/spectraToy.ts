/**
 * A spectrum-level generator of spectra files: expected ON and OFF spectra from an experiment's
 * published conditions and a background model, and seeded Poisson pseudo-data, written as a
 * `SpectraFile` (data/README.md, "The spectra file"). The pseudo-experiments of the statistics
 * step use it; it does not go through events and cuts (that is `nuem simulate` + `nuem spectra`).
 *
 * Expected counts in bin i (GEMMA Eq. 5 read as expectations):
 *   OFF_i = T_OFF m_d w_i b_i,   ON_i = K_true T~ON/T~OFF OFF_i + T_ON m_d w_i (W_i + X EM_i),
 * with b_i the bin-averaged background density, W_i and EM_i the bin-averaged weak and X = 1
 * magnetic rates (`binAveragedRate`, resolution folded, scaled to the stated flux) and
 * K_true the true relative time factor (1: the recorded times are right).
 *
 * Background density b(E), counts/(keV kg day): flat + expAmp exp(-E / expSlope) + linear slope
 * (E - 30 keV) [+ powerAmp (E / 10 keV)^-powerIndex] + Gaussian lines with the germanium resolution. The GEMMA-like default is the event
 * simulator's continuum (lib/sim README: 1.8 flat + 3.5 exp(-E/3.5 keV), ROI mean ~1.9, the paper's
 * "~2 counts/keV/kg/day", Sec. 2) and its Ga K (10.367 keV) and Ga L1 (1.299 keV) cosmogenic
 * X-ray lines at their mean rate over Phases I + II (68Ge 8/(kg d) at 2005-08-01 with
 * T1/2 = 270.95 d averaged over 1035 days, + 71Ge 2/(kg d): 4.8/(kg d); L1 at 12 % of K); the
 * GEMMA ROI excludes both. The lines are the same ON and OFF unless stated.
 *
 * Optionally (`efficiency: true`) the detected counts carry the threshold efficiency eta_i of
 * GEMMA (4) (`DEFAULT_RESPONSES`): Poisson(eta_i mu_i) counts n_i are written corrected, n_i/eta_i,
 * with variance n_i/eta_i^2 (the file's on_variance/off_variance), as GEMMA's correction 2 does.
 */
import normalCdf from "@stdlib/stats-base-dists-normal-cdf";
import { MeV_PER_keV } from "../constants.js";
import { thresholdEfficiency } from "../detector/efficiency.js";
import { germaniumResolution } from "../detector/resolution.js";
import { gaussLegendre } from "../math/gaussLegendre.js";
import { loadExperiment, type ExperimentName } from "../reactor/experiments.js";
import { linearGrid } from "../math/linearGrid.js";
import { DEFAULT_RESPONSES } from "../rates/response.js";
import type { SpectraFile, SpectraPeriod } from "../spectra/spectraFile.js";
import { createRng, type Rng } from "../stats/random.js";
import { binAveragedRate, modelFluxPerCm2s, type SignalResponse } from "./binnedRates.js";
import { magneticProcess, X_REFERENCE_MU_B, type MagneticModel } from "./models.js";

/** A Gaussian line of the toy background, full-energy counts per kg and day. */
export interface ToyLine {
  name: string;
  energyKeV: number;
  onPerKgDay: number;
  offPerKgDay: number;
}

/** The toy background density (see the file header). */
export interface ToyBackground {
  flatPerKeVKgDay: number;
  expAmpPerKeVKgDay: number;
  expSlopeKeV: number;
  /** Linear term, counts/(keV^2 kg day), about 30 keV (default 0). */
  slopePerKeV2KgDay?: number;
  /** Power-law term powerAmp (E / 10 keV)^(-powerIndex), counts/(keV kg day) (default 0). */
  powerAmpPerKeVKgDay?: number;
  powerIndex?: number;
  lines: ToyLine[];
}

/** One data-taking period: active times. */
export interface ToyPeriod {
  name: string;
  onDays: number;
  offDays: number;
}

/** Everything the toy needs. */
export interface ToyConditions {
  experiment: ExperimentName;
  target: string;
  massKg: number;
  /** Flux written to the file; the rates are scaled to it. */
  fluxPerCm2s: number;
  periods: ToyPeriod[];
  edgesKeV: Float64Array;
  roiKeV: [number, number][];
  tauRelUncertainty: number;
  tOnRelUncertainty?: number;
  background: ToyBackground;
  /** Signal folding (default "corrected": resolution only, spectra are efficiency-corrected). */
  response?: SignalResponse;
  /** Apply (and correct for) the threshold efficiency (default false). */
  efficiency?: boolean;
  /** True relative time factor K (default 1). */
  kTrue?: number;
}

/** The injected signal. */
export interface ToySignal {
  model: MagneticModel;
  /** Magnetic moment, mu_B (0: weak term only). */
  muB: number;
}

/** The GEMMA-like continuum and lines (see the file header). */
export const GEMMA_TOY_BACKGROUND: Readonly<ToyBackground> = Object.freeze({
  flatPerKeVKgDay: 1.8,
  expAmpPerKeVKgDay: 3.5,
  expSlopeKeV: 3.5,
  slopePerKeV2KgDay: 0,
  lines: [
    { name: "Ga K", energyKeV: 10.367, onPerKgDay: 4.8, offPerKgDay: 4.8 },
    { name: "Ga L1", energyKeV: 1.299, onPerKgDay: 0.58, offPerKgDay: 0.58 },
  ],
});

/**
 * The TEXONO-like continuum of the event simulator (lib/sim README: 0.9 + 2 exp(-E/5 keV), ~1
 * count/(keV kg day) above 12 keV as the TEXONO talk states) and its Ga K line (23/(kg d), outside
 * the 12-60 keV window).
 */
export const TEXONO_TOY_BACKGROUND: Readonly<ToyBackground> = Object.freeze({
  flatPerKeVKgDay: 0.9,
  expAmpPerKeVKgDay: 2,
  expSlopeKeV: 5,
  slopePerKeV2KgDay: 0,
  lines: [{ name: "Ga K", energyKeV: 10.367, onPerKgDay: 23, offPerKgDay: 23 }],
});

/** Background families of the background-model study (notebook 07; `nuem coverage --family`). */
export type BackgroundFamily = "flat" | "exp-rise" | "gemma-like" | "steep-rise" | "power-law";
export const BACKGROUND_FAMILIES: readonly BackgroundFamily[] = ["flat", "exp-rise", "gemma-like", "steep-rise", "power-law"];

/**
 * True backgrounds for GEMMA-like conditions (project choices; none is a published GEMMA spectrum):
 *  - "flat": 2 counts/(keV kg day), the paper's "~2 counts/keV/kg/day" (Sec. 2), no lines;
 *  - "exp-rise": the simulator's continuum 1.8 + 3.5 exp(-E / 3.5 keV), no lines;
 *  - "gemma-like": the same with the Ga K and L1 lines ({@link GEMMA_TOY_BACKGROUND});
 *  - "steep-rise": 1.8 + 3.5 exp(-E / 1.5 keV) - 0.005 (E - 30 keV) with the Ga lines: a steeper
 *    threshold rise, a slope and the Ga K line in the 9.4-11.2 keV gap;
 *  - "power-law": 1.5 + 0.6 (E / 10 keV)^-1.5 with the Ga lines: a rise outside every fitted family
 *    (not an exponential, not a degree-5 polynomial).
 */
export function backgroundFamily(name: BackgroundFamily): ToyBackground {
  const lines = () => GEMMA_TOY_BACKGROUND.lines.map((l) => ({ ...l }));
  switch (name) {
    case "flat":
      return { flatPerKeVKgDay: 2, expAmpPerKeVKgDay: 0, expSlopeKeV: 1, lines: [] };
    case "exp-rise":
      return { flatPerKeVKgDay: 1.8, expAmpPerKeVKgDay: 3.5, expSlopeKeV: 3.5, lines: [] };
    case "gemma-like":
      return structuredCloneBackground(GEMMA_TOY_BACKGROUND);
    case "steep-rise":
      return { flatPerKeVKgDay: 1.8, expAmpPerKeVKgDay: 3.5, expSlopeKeV: 1.5, slopePerKeV2KgDay: -0.005, lines: lines() };
    case "power-law":
      return { flatPerKeVKgDay: 1.5, expAmpPerKeVKgDay: 0, expSlopeKeV: 1, powerAmpPerKeVKgDay: 0.6, powerIndex: 1.5, lines: lines() };
    default:
      throw new Error(`unknown background family ${JSON.stringify(name)} (expected one of ${BACKGROUND_FAMILIES.join(", ")})`);
  }
}

/**
 * TEXONO analysis window, keV: 12-60 keV, the range of the quoted background level in TEXONO,
 * PRL 90 (2003) 131802 (hep-ex/0212003), abstract ("a background level of ~1 [per keV kg day] at
 * 12-60 keV"), whose data PRD 75 012001 (2007) extends with the same detector; the TEXONO talk (seed
 * 000) gives the 12 keV analysis threshold. Not stated in data/experiments/texono.json.
 */
export const TEXONO_ROI_KEV: readonly (readonly [number, number])[] = Object.freeze([Object.freeze([12, 60] as const)]);

const hoursToDays = (q: { value: number; unit: string } | undefined, what: string): number => {
  if (!q) throw new Error(`toy conditions: a period has no ${what} time`);
  return q.unit === "h" ? q.value / 24 : q.value;
};

/** Published periods of an experiment, in days. */
function publishedPeriods(name: ExperimentName): ToyPeriod[] {
  const exp = loadExperiment(name);
  const periods = exp.exposure?.periods;
  if (!periods || periods.length === 0) throw new Error(`${exp.file}: no ON/OFF exposure periods stated`);
  return periods.map((p, j) => ({ name: p.name ?? `period ${j + 1}`, onDays: hoursToDays(p.on, "ON"), offDays: hoursToDays(p.off, "OFF") }));
}

/**
 * Channels of the GEMMA-like toy (project choice): 0.1 keV from 1.0 to 3.2 keV, 0.2 keV from 3.2 to
 * 60 keV, so that the ROI edges 2.9 and 3.0 (the paper's "2.9(3.0)"), 9.4, 11.2 and 55 keV are
 * channel edges; 306 channels.
 */
export function gemmaToyEdges(): Float64Array {
  const low = linearGrid(1, 3.2, 23);
  const high = linearGrid(3.2, 60, 285);
  return Float64Array.from([...low, ...high.subarray(1)]);
}

/**
 * GEMMA Phases I and II as published (data/experiments/gemma.json: 1.5 kg, 2.7e13 /cm^2/s,
 * 5184 + 6798 h ON, 1853 + 1021 h OFF, ROI 3.0-9.4 and 11.2-55 keV, tau~ to 2.1 %, T~ON to 0.9 %),
 * {@link gemmaToyEdges} binning, the GEMMA-like background. Any field can be overridden.
 */
export function gemmaToyConditions(overrides: Partial<ToyConditions> = {}): ToyConditions {
  const exp = loadExperiment("gemma");
  const roi = exp.detector.roi?.value;
  if (!roi) throw new Error(`${exp.file}: no ROI`);
  return {
    experiment: "gemma",
    target: "Ge",
    massKg: exp.detector.mass.value,
    fluxPerCm2s: exp.reactor.publishedFlux?.value ?? modelFluxPerCm2s("gemma"),
    periods: publishedPeriods("gemma"),
    edgesKeV: gemmaToyEdges(),
    roiKeV: roi.map((r) => [r[0], r[1]] as [number, number]),
    tauRelUncertainty: 0.021,
    tOnRelUncertainty: 0.009,
    background: structuredCloneBackground(GEMMA_TOY_BACKGROUND),
    ...overrides,
  };
}

/** TEXONO as published (texono.json: 1.06 kg, 6.4e12 /cm^2/s, 570.7/127.8 days), ROI 12-60 keV ({@link TEXONO_ROI_KEV}), 0.2 keV bins 5-65 keV. */
export function texonoToyConditions(overrides: Partial<ToyConditions> = {}): ToyConditions {
  const exp = loadExperiment("texono");
  return {
    experiment: "texono",
    target: "Ge",
    massKg: exp.detector.mass.value,
    fluxPerCm2s: exp.reactor.publishedFlux?.value ?? modelFluxPerCm2s("texono"),
    periods: publishedPeriods("texono"),
    edgesKeV: linearGrid(5, 65, 301),
    roiKeV: TEXONO_ROI_KEV.map((r) => [r[0], r[1]] as [number, number]),
    tauRelUncertainty: 0.02,
    background: structuredCloneBackground(TEXONO_TOY_BACKGROUND),
    ...overrides,
  };
}

function structuredCloneBackground(b: Readonly<ToyBackground>): ToyBackground {
  return { ...b, lines: b.lines.map((l) => ({ ...l })) };
}

/** Bin-averaged background density of the continuum and the lines, ON and OFF, counts/(keV kg day). */
export function toyBackgroundDensity(bg: ToyBackground, edgesKeV: ArrayLike<number>, sigma0KeV: number): { on: Float64Array; off: Float64Array } {
  const n = edgesKeV.length - 1;
  const gl = gaussLegendre(4);
  const on = new Float64Array(n);
  const off = new Float64Array(n);
  const res = germaniumResolution(sigma0KeV * MeV_PER_keV);
  for (let i = 0; i < n; i++) {
    const lo = edgesKeV[i];
    const hi = edgesKeV[i + 1];
    const half = 0.5 * (hi - lo);
    const mid = 0.5 * (hi + lo);
    let s = 0;
    for (let k = 0; k < 4; k++) {
      const e = mid + half * gl.nodes[k];
      const power = bg.powerAmpPerKeVKgDay ? bg.powerAmpPerKeVKgDay * Math.pow(e / 10, -(bg.powerIndex ?? 1)) : 0;
      s += 0.5 * gl.weights[k] * (bg.flatPerKeVKgDay + bg.expAmpPerKeVKgDay * Math.exp(-e / bg.expSlopeKeV) + (bg.slopePerKeV2KgDay ?? 0) * (e - 30) + power);
    }
    on[i] = s;
    off[i] = s;
    for (const line of bg.lines) {
      const sig = res(line.energyKeV * MeV_PER_keV) / MeV_PER_keV;
      const frac = (normalCdf(hi, line.energyKeV, sig) - normalCdf(lo, line.energyKeV, sig)) / (hi - lo);
      on[i] += line.onPerKgDay * frac;
      off[i] += line.offPerKgDay * frac;
    }
  }
  return { on, off };
}

/** Expected spectra of one period. */
export interface ToyExpectation {
  name: string;
  onDays: number;
  offDays: number;
  /** Expected ON and OFF counts per bin (before any efficiency). */
  onMean: Float64Array;
  offMean: Float64Array;
  /** Their parts: background and signal (weak + magnetic) in ON. */
  onBackground: Float64Array;
  onSignal: Float64Array;
  /** Bin-averaged threshold efficiency (1 when `efficiency` is off). */
  eta: Float64Array;
}

/** Expected ON/OFF counts per period for a signal (see the file header). */
export function expectedToySpectra(cond: ToyConditions, signal: ToySignal): ToyExpectation[] {
  const edges = cond.edgesKeV;
  const n = edges.length - 1;
  const resp = DEFAULT_RESPONSES[cond.experiment];
  const fluxScale = cond.fluxPerCm2s / modelFluxPerCm2s(cond.experiment);
  const weak = binAveragedRate(cond.experiment, "weak", edges, { response: cond.response });
  const em = binAveragedRate(cond.experiment, magneticProcess(signal.model), edges, { params: { muNu_muB: X_REFERENCE_MU_B }, response: cond.response });
  const x = (signal.muB / X_REFERENCE_MU_B) ** 2;
  const bg = toyBackgroundDensity(cond.background, edges, resp.sigma0KeV);
  const eta = new Float64Array(n).fill(1);
  if (cond.efficiency) {
    const gl = gaussLegendre(4);
    for (let i = 0; i < n; i++) {
      const half = 0.5 * (edges[i + 1] - edges[i]);
      const mid = 0.5 * (edges[i + 1] + edges[i]);
      let s = 0;
      for (let k = 0; k < 4; k++) s += 0.5 * gl.weights[k] * thresholdEfficiency((mid + half * gl.nodes[k]) * MeV_PER_keV, (resp.thresholdKeV ?? 0) * MeV_PER_keV, (resp.thresholdWidthKeV ?? resp.sigma0KeV) * MeV_PER_keV);
      eta[i] = s;
    }
  }
  const kTrue = cond.kTrue ?? 1;
  return cond.periods.map((p) => {
    const onMean = new Float64Array(n);
    const offMean = new Float64Array(n);
    const onBackground = new Float64Array(n);
    const onSignal = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const w = edges[i + 1] - edges[i];
      offMean[i] = p.offDays * cond.massKg * w * bg.off[i];
      onBackground[i] = kTrue * p.onDays * cond.massKg * w * bg.on[i];
      onSignal[i] = p.onDays * cond.massKg * w * fluxScale * (weak[i] + x * em[i]);
      onMean[i] = onBackground[i] + onSignal[i];
    }
    return { name: p.name, onDays: p.onDays, offDays: p.offDays, onMean, offMean, onBackground, onSignal, eta };
  });
}

function fileOf(cond: ToyConditions, signal: ToySignal, periods: SpectraPeriod[], provenance: Record<string, unknown>): SpectraFile {
  return {
    experiment: cond.experiment,
    target: cond.target,
    mass_kg: cond.massKg,
    flux_per_cm2_s: cond.fluxPerCm2s,
    periods,
    provenance: { tool: "nuem spectraToy", model: signal.model, mu_b: signal.muB, k_true: cond.kTrue ?? 1, efficiency: Boolean(cond.efficiency), ...provenance },
  };
}

function periodOf(cond: ToyConditions, e: ToyExpectation, on: number[], off: number[], onVar?: number[], offVar?: number[]): SpectraPeriod {
  const p: SpectraPeriod = {
    name: e.name,
    edges_kev: Array.from(cond.edgesKeV),
    on_counts: on,
    off_counts: off,
    t_on_days: e.onDays,
    t_off_days: e.offDays,
    tau_rel_uncertainty: cond.tauRelUncertainty,
    roi_kev: cond.roiKeV.map((r) => [r[0], r[1]] as [number, number]),
  };
  if (onVar) p.on_variance = onVar;
  if (offVar) p.off_variance = offVar;
  if (cond.tOnRelUncertainty !== undefined) p.t_on_rel_uncertainty = cond.tOnRelUncertainty;
  return p;
}

/** The Asimov spectra file: every bin at its expectation (non-integer counts). */
export function asimovSpectraFile(cond: ToyConditions, signal: ToySignal): SpectraFile {
  const periods = expectedToySpectra(cond, signal).map((e) => {
    if (!cond.efficiency) return periodOf(cond, e, Array.from(e.onMean), Array.from(e.offMean));
    // Corrected counts equal the expectation; their variance is mu/eta.
    return periodOf(cond, e, Array.from(e.onMean), Array.from(e.offMean), Array.from(e.onMean, (m, i) => m / e.eta[i]), Array.from(e.offMean, (m, i) => m / e.eta[i]));
  });
  return fileOf(cond, signal, periods, { asimov: true });
}

/** Seeded Poisson pseudo-data (see the file header); `seed` is an integer >= 1 or a generator. */
export function toySpectraFile(cond: ToyConditions, signal: ToySignal, seed: number | Rng, expectation?: ToyExpectation[]): SpectraFile {
  const rng = typeof seed === "number" ? createRng(seed) : seed;
  const exp = expectation ?? expectedToySpectra(cond, signal);
  const periods = exp.map((e) => {
    const n = e.onMean.length;
    const on = new Array<number>(n);
    const off = new Array<number>(n);
    if (!cond.efficiency) {
      for (let i = 0; i < n; i++) on[i] = rng.poisson(e.onMean[i]);
      for (let i = 0; i < n; i++) off[i] = rng.poisson(e.offMean[i]);
      return periodOf(cond, e, on, off);
    }
    const onVar = new Array<number>(n);
    const offVar = new Array<number>(n);
    for (let i = 0; i < n; i++) {
      const k = rng.poisson(e.eta[i] * e.onMean[i]);
      on[i] = k / e.eta[i];
      onVar[i] = k / (e.eta[i] * e.eta[i]);
    }
    for (let i = 0; i < n; i++) {
      const k = rng.poisson(e.eta[i] * e.offMean[i]);
      off[i] = k / e.eta[i];
      offVar[i] = k / (e.eta[i] * e.eta[i]);
    }
    return periodOf(cond, e, on, off, onVar, offVar);
  });
  return fileOf(cond, signal, periods, { seed: rng.seed });
}
