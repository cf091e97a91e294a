/*
 * Active times from background gamma lines (Beda et al., section 3): "Comparing the intensities of
 * the above lines measured with and without any selections, we get the estimates T~ON, T~OFF".
 *
 * The lines (212Pb 238 keV, 60Co 1173/1333 keV, 40K 1461 keV) come from the spectrometer itself:
 * their rate does not depend on the reactor nor on the detector noise. "Without selections": every
 * event of every run of the state (pulser events excepted), over the DAQ live time T_raw of those
 * runs. "With selections": the events kept by the whole selection. Both are counted in the
 * anticoincidence spectrum, so that the NaI tagging of the 60Co cascade drops out of the ratio.
 *
 *   T~ = T_raw * N_sel / N_raw,   N = sum over the lines of the net (side-band-subtracted) counts.
 *
 * T~ is an effective active time: besides the removed runs, seconds and audio-veto windows, it
 * carries the efficiency of the event cuts for real pulses (the Fourier cut keeps 1 - exp(-k^2/2)),
 * which the signal shares; so S/T~ is already corrected for them.
 *
 * Uncertainty: the kept events are a subset of the raw ones; kept and removed line counts are
 * independent Poisson samples, N_raw = N_sel + N_rem, so
 *   var(N_sel / N_raw) = (N_rem^2 var N_sel + N_sel^2 var N_rem) / N_raw^4
 * with var N = peak + (h/w)^2 side-band counts. This vanishes when nothing is cut, as it should.
 * The paper's precision (0.9 % ON, 1.9 % OFF) is that of the line statistics of the selected data,
 * sqrt(var N_sel) / N_sel, which is also returned (`lineStatisticsRelError`).
 */
import { LineTally } from "./lineCounts.js";

export interface ActiveTimeEstimate {
  /** T~, s. */
  readonly activeTimeS: number;
  /** Standard error of T~, s (subset statistics, see the file header). */
  readonly errorS: number;
  readonly relError: number;
  /** Relative precision of the line counting in the selected data alone (GEMMA's figure). */
  readonly lineStatisticsRelError: number;
  /** DAQ live time of the runs without selections, s. */
  readonly rawLiveTimeS: number;
  /** Summed net line counts without and with selections. */
  readonly rawNet: number;
  readonly selectedNet: number;
  /** Per line: T~ from that line alone and its error, s. */
  readonly perLine: readonly { name: string; activeTimeS: number; errorS: number; rawNet: number; selectedNet: number }[];
}

function ratio(nSel: number, vSel: number, nRem: number, vRem: number): { f: number; err: number } {
  const nRaw = nSel + nRem;
  if (!(nRaw > 0)) return { f: NaN, err: NaN };
  const f = nSel / nRaw;
  const v = (nRem * nRem * vSel + nSel * nSel * vRem) / nRaw ** 4;
  return { f, err: Math.sqrt(Math.max(0, v)) };
}

/** T~ from the line tallies without (`raw`) and with (`selected`) selections and the raw live time (s). */
export function activeTimeFromLines(raw: LineTally, selected: LineTally, rawLiveTimeS: number): ActiveTimeEstimate {
  const removed = raw.minus(selected);
  const s = selected.total();
  const r = removed.total();
  const { f, err } = ratio(s.net, s.variance, r.net, r.variance);
  const perLine = raw.lines.map((l, k) => {
    const q = ratio(selected.net(k), selected.netVariance(k), removed.net(k), removed.netVariance(k));
    return { name: l.name, activeTimeS: q.f * rawLiveTimeS, errorS: q.err * rawLiveTimeS, rawNet: raw.net(k), selectedNet: selected.net(k) };
  });
  return {
    activeTimeS: f * rawLiveTimeS,
    errorS: err * rawLiveTimeS,
    relError: err / f,
    lineStatisticsRelError: s.net > 0 ? Math.sqrt(s.variance) / s.net : NaN,
    rawLiveTimeS,
    rawNet: s.net + r.net,
    selectedNet: s.net,
    perLine,
  };
}

/** tau~ = T~ON / T~OFF with its relative error (the two estimates are independent). */
export function tauTilde(on: ActiveTimeEstimate, off: ActiveTimeEstimate): { tau: number; relError: number } {
  const tau = on.activeTimeS / off.activeTimeS;
  return { tau, relError: Math.hypot(on.relError, off.relError) };
}
