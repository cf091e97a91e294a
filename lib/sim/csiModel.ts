import { csiFoldWeights, csiLineFractions, foldWithWeights, simpsonGrid } from "../detector/csiResolution.js";
import { Origin } from "../events/origin.js";
import { csiSignalRate } from "../rates/csiRates.js";
import type { CsiSimConfig } from "./csiSimConfig.js";
import { TabulatedSpectrum } from "./spectrum.js";

/**
 * The sources of events in the simulated CsI(Tl) array, each a true-energy spectrum (or a line),
 * normalised so that the veto-free background in the measured window is the configured level.
 */

/** 208Tl gamma line, keV (ENSDF: 2614.511 keV). */
export const TL208_LINE_KEV = 2614.511;
/** 208Tl beta-decay Q value, keV (AME2020: 4999 keV): the end of its summing tail. */
export const TL208_Q_KEV = 4999;
/** 214Bi beta-decay Q value, keV (AME2020: 3270 keV): the end of the ambient-gamma continuum. */
export const BI214_Q_KEV = 3270;
/** Neutron separation energies of 134Cs and 128I (AME2020: 6891.6 and 6826.1 keV): the (n, gamma) sum edge. */
export const CS134_SN_KEV = 6891.6;
export const I128_SN_KEV = 6826.1;
/** Spacing of the tabulated true-energy spectra, keV. */
export const CSI_TABLE_STEP_KEV = 5;

// Shape parameters of the background sources (choices, not published): slopes in keV.
const AMBIENT_SLOPE_KEV = 400;
const TL208_TAIL_SLOPE_KEV = 400;
const COSMIC_SLOPE_KEV = 4000;

/** One source of events. */
export interface CsiComponent {
  /** Name in the summary ("signal", "ambient-gamma", "tl208-line", "tl208-tail", "cosmic", "cosmic-vetoed", "n-capture"). */
  name: string;
  /** Truth origin code of its events. */
  origin: number;
  /** Value of the veto column of its events. */
  veto: 0 | 1;
  /** True when it follows the reactor (rate x power / nominal, 0 when OFF). */
  reactor: boolean;
  /** True-energy spectrum, counts/(keV kg day), or null for a line. */
  spectrum: TabulatedSpectrum | null;
  /** Line energy, keV (when `spectrum` is null). */
  lineKeV: number;
  /** Rate over the whole true-energy range, counts per kg day (at nominal power for the signal). */
  ratePerKgDay: number;
  /** Rate with measured E3 in the window, counts per kg day. */
  windowRatePerKgDay: number;
}

/** The components of a configuration, in the fixed order in which events are drawn. */
export interface CsiModel {
  config: CsiSimConfig;
  components: CsiComponent[];
  /** True-energy grid of the tables, keV. */
  gridKeV: Float64Array;
}

function table(grid: Float64Array, f: (eKeV: number) => number): TabulatedSpectrum {
  const d = new Float64Array(grid.length);
  for (let i = 0; i < grid.length; i++) d[i] = Math.max(0, f(grid[i]));
  return new TabulatedSpectrum(grid, d);
}

function scaled(s: TabulatedSpectrum, k: number): TabulatedSpectrum {
  return new TabulatedSpectrum(s.x, s.density.map((v) => v * k));
}

/**
 * Builds the event sources of a configuration. Shapes (true energy E, keV; choices of this
 * project, not published):
 * - ambient gammas: exp(-(E - 1700)/250) (3270 - E), ending at the 214Bi Q value;
 * - 208Tl: the 2614.5 keV line and a summing tail exp(-(E - 2614.5)/400) up to its Q value 4999 keV,
 *   `tl208PeakToTail` line events per tail event;
 * - cosmic-induced: exp(-E/4000) over the whole range; a share `vetoEfficiency` of them is tagged
 *   (veto = 1), the rest is background;
 * - (n, gamma): flat up to the neutron separation energy of 134Cs (6891.6 keV; 128I: 6826.1 keV).
 * Each source is scaled so that its veto-free events with measured E3 in the window are its
 * share of `backgroundPerKgDay` (the folding by the Gaussian resolution is numerical, Simpson on
 * 2 keV steps).
 */
export function buildCsiModel(c: CsiSimConfig): CsiModel {
  const key = JSON.stringify(c);
  const hit = models.get(key);
  if (hit) return hit;
  const m = makeModel(c);
  if (models.size >= 8) models.delete(models.keys().next().value!);
  models.set(key, m);
  return m;
}

/** Models of recent configurations (building one evaluates the cross section on ~2000 energies). */
const models = new Map<string, CsiModel>();

function makeModel(c: CsiSimConfig): CsiModel {
  const [lo, hi] = c.trueRangeKeV;
  const n = Math.round((hi - lo) / CSI_TABLE_STEP_KEV);
  const grid = Float64Array.from({ length: n + 1 }, (_, i) => (i === n ? hi : lo + i * ((hi - lo) / n)));
  const fine = simpsonGrid(lo, hi, 2);
  const w = csiFoldWeights(fine, c.windowKeV, c.fwhmFractionAt662);
  const winOf = (s: TabulatedSpectrum) => foldWithWeights(w, fine.map((x) => s.at(x)))[0];

  const signal = new TabulatedSpectrum(grid, csiSignalRate(grid, c.sin2ThetaW, c.chargeRadius2_cm2));
  const ambient = table(grid, (e) => (e < BI214_Q_KEV ? Math.exp(-(e - lo) / AMBIENT_SLOPE_KEV) * (BI214_Q_KEV - e) : 0));
  const tail = table(grid, (e) => (e >= TL208_LINE_KEV && e < TL208_Q_KEV ? Math.exp(-(e - TL208_LINE_KEV) / TL208_TAIL_SLOPE_KEV) : 0));
  const cosmic = table(grid, (e) => Math.exp(-e / COSMIC_SLOPE_KEV));
  const capture = table(grid, (e) => (e < CS134_SN_KEV - CSI_TABLE_STEP_KEV / 2 ? 1 : 0));

  const b = c.backgroundPerKgDay;
  const comps: CsiComponent[] = [];
  const add = (name: string, origin: number, veto: 0 | 1, reactor: boolean, s: TabulatedSpectrum | null, lineKeV = 0, lineRate = 0) => {
    comps.push({
      name,
      origin,
      veto,
      reactor,
      spectrum: s,
      lineKeV,
      ratePerKgDay: s ? s.total : lineRate,
      windowRatePerKgDay: s ? winOf(s) : lineRate * csiLineFractions(lineKeV, c.windowKeV, c.fwhmFractionAt662)[0],
    });
  };
  add("signal", Origin.SIGNAL_WEAK, 0, true, signal);

  const ka = (c.shares.ambientGamma * b) / (winOf(ambient) || 1);
  add("ambient-gamma", Origin.CONTINUUM, 0, false, scaled(ambient, ka));

  const lineUnit = c.tl208PeakToTail * tail.total;
  const tlWin = winOf(tail) + lineUnit * csiLineFractions(TL208_LINE_KEV, c.windowKeV, c.fwhmFractionAt662)[0];
  const kt = (c.shares.tl208 * b) / (tlWin || 1);
  add("tl208-line", Origin.LINE, 0, false, null, TL208_LINE_KEV, lineUnit * kt);
  add("tl208-tail", Origin.LINE, 0, false, scaled(tail, kt));

  const kc = (c.shares.cosmic * b) / (winOf(cosmic) || 1);
  add("cosmic", Origin.MUON, 0, false, scaled(cosmic, kc));
  add("cosmic-vetoed", Origin.MUON, 1, false, scaled(cosmic, (kc * c.vetoEfficiency) / (1 - c.vetoEfficiency)));

  const kn = (c.shares.neutronCapture * b) / (winOf(capture) || 1);
  add("n-capture", Origin.NEUTRON, 0, false, scaled(capture, kn));
  return { config: structuredClone(c), components: comps, gridKeV: grid };
}

/** Expected measured-energy spectra of a model, counts per kg day per bin. */
export interface CsiExpectedSpectra {
  edgesKeV: Float64Array;
  /** SM signal at nominal power (ON). */
  signal: Float64Array;
  /** Veto-free background (ON and OFF alike). */
  background: Float64Array;
  /** Per component (veto-free and vetoed), by name. */
  byComponent: Record<string, Float64Array>;
}

/**
 * The expected measured-E3 spectra of a configuration in bins (keV): signal, veto-free
 * background and each component, counts per kg day (Gaussian resolution, Simpson folding).
 */
export function csiExpectedSpectra(model: CsiModel, edgesKeV: ArrayLike<number>): CsiExpectedSpectra {
  const c = model.config;
  const edges = Float64Array.from(edgesKeV);
  const fine = simpsonGrid(c.trueRangeKeV[0], c.trueRangeKeV[1], 2);
  const w = csiFoldWeights(fine, edges, c.fwhmFractionAt662);
  const byComponent: Record<string, Float64Array> = {};
  const nb = edges.length - 1;
  const signal = new Float64Array(nb);
  const background = new Float64Array(nb);
  for (const comp of model.components) {
    const s = comp.spectrum;
    const r = s ? foldWithWeights(w, fine.map((x) => s.at(x))) : csiLineFractions(comp.lineKeV, edges, c.fwhmFractionAt662).map((v) => v * comp.ratePerKgDay);
    byComponent[comp.name] = r;
    if (comp.reactor) for (let i = 0; i < nb; i++) signal[i] += r[i];
    else if (comp.veto === 0) for (let i = 0; i < nb; i++) background[i] += r[i];
  }
  return { edgesKeV: edges, signal, background, byComponent };
}
