/*
 * ON and OFF spectra as rates and their difference (GEMMA (5) and Fig. 5): S/T per keV, kg and day,
 * and S_ON/T~ON - S_OFF/T~OFF = (S_ON - tau~ S_OFF)/T~ON, the neutrino term m_d Phi (W + X EM) per
 * kg. Rebinning for display: `factor` consecutive bins summed.
 */
import type { SpectraPeriod } from "./spectraFile.js";

/** One display bin of an ON/OFF comparison, rates in counts/(keV kg day). */
export interface OnOffRow {
  loKeV: number;
  hiKeV: number;
  centreKeV: number;
  on: number;
  onError: number;
  off: number;
  offError: number;
  /** ON - OFF rate and its error (statistical, active-time errors not included). */
  diff: number;
  diffError: number;
  /** Inside the period's ROI (bin centre). */
  inRoi: boolean;
}

/** Rates of a spectra-file period, rebinned by `factor`, in counts/(keV kg day). */
export function onOffRates(p: SpectraPeriod, massKg: number, factor = 1): OnOffRow[] {
  const n = p.on_counts.length;
  const rows: OnOffRow[] = [];
  for (let a = 0; a + factor <= n; a += factor) {
    let son = 0;
    let soff = 0;
    let von = 0;
    let voff = 0;
    for (let j = a; j < a + factor; j++) {
      son += p.on_counts[j];
      soff += p.off_counts[j];
      von += p.on_variance ? p.on_variance[j] : Math.max(p.on_counts[j], 0);
      voff += p.off_variance ? p.off_variance[j] : Math.max(p.off_counts[j], 0);
    }
    const lo = p.edges_kev[a];
    const hi = p.edges_kev[a + factor];
    const w = (hi - lo) * massKg;
    const on = son / (w * p.t_on_days);
    const off = soff / (w * p.t_off_days);
    const onError = Math.sqrt(von) / (w * p.t_on_days);
    const offError = Math.sqrt(voff) / (w * p.t_off_days);
    const c = 0.5 * (lo + hi);
    rows.push({ loKeV: lo, hiKeV: hi, centreKeV: c, on, onError, off, offError, diff: on - off, diffError: Math.hypot(onError, offError), inRoi: p.roi_kev.some(([l, h]) => c > l && c < h) });
  }
  return rows;
}
