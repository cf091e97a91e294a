import { SECONDS_PER_DAY } from "../constants.js";
import { knownMassKg } from "./datasetFacts.js";
import { CSI_FWHM_FRACTION_AT_662_KEV } from "../detector/csiResolution.js";
import { datasetBatches, openDataset } from "../events/dataset.js";
import { RunState } from "../events/runState.js";
import { antiNueCouplings, basisRate, csiFoldedBasis, CSI_SIN2_REF, type CsiBasis } from "../rates/csiRates.js";
import type { CsiSimConfig } from "../sim/csi.js";
import { formatNumber } from "../fit/formatNumber.js";
import { FieldsRecord, measured, quantityTable, ResultTable, ResultTables } from "../fit/resultTable.js";

/** Default bins of the CsI analysis: 3-8 MeV in 0.5 MeV bins, keV. */
export const CSI_DEFAULT_EDGES_KEV: readonly number[] = Array.from({ length: 11 }, (_, i) => 3000 + 500 * i);

/**
 * ON/OFF spectra of the TEXONO CsI(Tl) analysis (a toy, an Asimov expectation or event data) and
 * their residual (ON/E_on - OFF/E_off) per bin, counts per kg day: the form the CsI fits take.
 */
export interface CsiToySpectrum {
  edgesKeV: Float64Array;
  on: Float64Array;
  off: Float64Array;
  onKgDays: number;
  offKgDays: number;
  residual: Float64Array;
  /** Standard error of the residual from the counts (at least one count each side). */
  residualErr: Float64Array;
  /** Expected signal per bin, counts per kg day (truth). */
  expectedSignal: Float64Array;
  basis: CsiBasis;
}

/** ON/OFF spectra histogrammed from a CsI(Tl) event dataset, in the form the CsI fits take. */
export interface CsiEventSpectrum extends CsiToySpectrum {
  /** `experiment` of the dataset's manifest. */
  experiment: string;
  massKg: number;
  /** Resolution used for the folded basis (FWHM fraction at 662 keV). */
  fwhmFractionAt662: number;
  /** Runs and events: ON, OFF, and events dropped by the veto (in the bins' range). */
  runs: { on: number; off: number; other: number };
  vetoed: { on: number; off: number };
}

/** The bins of a CsI ON/OFF spectrum: counts, residual ± its error (PDG rule), expected SM signal. */
function csiBinTable(sp: CsiToySpectrum, caption: string): ResultTable {
  const e = sp.edgesKeV;
  return new ResultTable(caption, ["E (keV)", "ON counts", "OFF counts", "residual ON/E_on − OFF/E_off (counts / kg day)", "expected SM signal (counts / kg day)"], Array.from(sp.residual, (r, i) => [`${e[i]}-${e[i + 1]}`, sp.on[i], sp.off[i], measured(r, sp.residualErr[i]), sp.expectedSignal[i]]));
}

function exposureCaption(sp: CsiToySpectrum): string {
  return `ON ${Number(sp.onKgDays.toPrecision(6))} kg day, OFF ${Number(sp.offKgDays.toPrecision(6))} kg day`;
}

/**
 * What `simulateCsiOnOff`, `asimovCsiOnOff` and `csiAsimovFromConfig` return: the fields of
 * {@link CsiToySpectrum} as they are (its JSON is theirs), shown bin by bin.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface CsiOnOffSpectrum extends CsiToySpectrum {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class CsiOnOffSpectrum extends FieldsRecord<CsiToySpectrum> {
  view(): ResultTable {
    return csiBinTable(this, `CsI(Tl) ON/OFF spectrum, ${exposureCaption(this)}`);
  }
}

/**
 * What `csiSpectrumFromDataset` returns: the fields of {@link CsiEventSpectrum} as they are,
 * shown as the dataset's runs, exposures and vetoed events, then bin by bin.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface CsiDatasetSpectrum extends CsiEventSpectrum {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class CsiDatasetSpectrum extends FieldsRecord<CsiEventSpectrum> {
  view(): ResultTables {
    const runs = quantityTable(`${this.experiment}: ON/OFF spectra of the events, ${this.massKg} kg`, [
      ["runs ON / OFF / left out", `${this.runs.on} / ${this.runs.off} / ${this.runs.other}`],
      // Live time x mass to 6 significant digits: 29882.000000001 prints as 29882, a tenth of it as 2988.2.
      ["exposure ON (kg day)", formatNumber(this.onKgDays, 6)],
      ["exposure OFF (kg day)", formatNumber(this.offKgDays, 6)],
      ["vetoed events in the bins, ON / OFF", `${this.vetoed.on} / ${this.vetoed.off}`],
      ["resolution of the folded SM basis (FWHM at 662 keV)", this.fwhmFractionAt662],
    ]);
    return new ResultTables([runs, csiBinTable(this, "bins (veto-free E3)")]);
  }
}

/** Options of {@link csiSpectrumFromDataset}. */
export interface CsiSpectrumOptions {
  /** Bin edges of E3, keV (default 3-8 MeV in 0.5 MeV bins). */
  edgesKeV?: ArrayLike<number>;
  /** Resolution of the folded basis (default: the dataset's simulation configuration, else 10 %). */
  fwhmFractionAt662?: number;
  /** SM reference for `expectedSignal` (default `CSI_SIN2_REF`, 0.23867). */
  sin2Ref?: number;
}

/**
 * Histograms a CsI(Tl) event dataset (`simulateCsi` or measured data in the same format) into
 * the ON and OFF spectra of the CsI analysis: events with veto = 0 and pulser = 0, binned in the
 * combined energy E3 (bins [lo, hi)), by the reactor state of their run (TRANSITION runs are left
 * out); exposures = live time x mass (manifest `detector_mass_kg`) of the ON and OFF runs, kg day.
 * The residual ON/E_on - OFF/E_off and its error are formed as in `simulateCsiOnOff`, and the basis
 * is the resolution-folded one ({@link csiFoldedBasis}), so `fitCsiResidual(sp, "sin2ThetaW")` fits
 * the events. Refuses a dataset whose manifest's `experiment` does not say CsI.
 */
export function csiSpectrumFromDataset(dir: string, options: CsiSpectrumOptions = {}): CsiDatasetSpectrum {
  const ds = openDataset(dir);
  const m = ds.manifest;
  // The experiment names the detector (a TEXONO HPGe dataset's detector text mentions its CsI anti-Compton).
  if (!/csi/i.test(m.experiment)) throw new Error(`${dir}/dataset.json: experiment "${m.experiment}" is not a CsI(Tl) dataset; simulate one with nuem simulate --config csi`);
  const simCfg = (m.simulation?.config as { csi?: Partial<CsiSimConfig> } | undefined)?.csi;
  const fwhm = options.fwhmFractionAt662 ?? simCfg?.fwhmFractionAt662 ?? CSI_FWHM_FRACTION_AT_662_KEV;
  const edges = Float64Array.from(options.edgesKeV ?? CSI_DEFAULT_EDGES_KEV);
  const nb = edges.length - 1;
  const mass = knownMassKg(m, dir);
  const runs = ds.runs;
  const stateOf = new Map<number, number>();
  let liveOn = 0;
  let liveOff = 0;
  const nRuns = { on: 0, off: 0, other: 0 };
  for (let i = 0; i < runs.length; i++) {
    const st = runs.state[i];
    stateOf.set(runs.run[i], st);
    if (st === RunState.ON) {
      liveOn += runs.live_time_s[i];
      nRuns.on++;
    } else if (st === RunState.OFF) {
      liveOff += runs.live_time_s[i];
      nRuns.off++;
    } else nRuns.other++;
  }
  const onKgDays = (liveOn * mass) / SECONDS_PER_DAY;
  const offKgDays = (liveOff * mass) / SECONDS_PER_DAY;
  if (!(onKgDays > 0 && offKgDays > 0)) throw new Error(`${dir}: the CsI analysis needs ON and OFF runs (ON ${onKgDays} kg day, OFF ${offKgDays} kg day)`);
  const on = new Float64Array(nb);
  const off = new Float64Array(nb);
  const vetoed = { on: 0, off: 0 };
  const lo = edges[0];
  const hi = edges[nb];
  for (const b of datasetBatches(ds)) {
    for (let j = 0; j < b.length; j++) {
      const e = b.e3_kev[j];
      if (!(e >= lo && e < hi) || b.pulser[j] !== 0) continue;
      const st = stateOf.get(b.run[j]);
      if (st !== RunState.ON && st !== RunState.OFF) continue;
      if (b.veto[j] !== 0) {
        if (st === RunState.ON) vetoed.on++;
        else vetoed.off++;
        continue;
      }
      // Bin search (few bins): the last edge below e.
      let k = 0;
      while (k < nb - 1 && e >= edges[k + 1]) k++;
      if (st === RunState.ON) on[k]++;
      else off[k]++;
    }
  }
  const sRef = options.sin2Ref ?? CSI_SIN2_REF;
  const basis = csiFoldedBasis(edges, fwhm);
  const residual = new Float64Array(nb);
  const residualErr = new Float64Array(nb);
  for (let i = 0; i < nb; i++) {
    residual[i] = on[i] / onKgDays - off[i] / offKgDays;
    residualErr[i] = Math.sqrt(Math.max(on[i], 1) / onKgDays ** 2 + Math.max(off[i], 1) / offKgDays ** 2);
  }
  return new CsiDatasetSpectrum({
    edgesKeV: edges,
    on,
    off,
    onKgDays,
    offKgDays,
    residual,
    residualErr,
    expectedSignal: basisRate(basis, antiNueCouplings("sm", sRef)),
    basis,
    experiment: m.experiment,
    massKg: mass,
    fwhmFractionAt662: fwhm,
    runs: nRuns,
    vetoed,
  });
}
