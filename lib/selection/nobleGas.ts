/*
 * GEMMA cut 2, radioactive noble-gas rejection (Beda et al., section 3, step (2)): the spectrum of
 * every block of a few hours is checked for an excess of the 81 keV (133Xe), 250 keV (135Xe) or
 * 1294 keV (41Ar) line; the runs of a block with an excess are removed (and kept aside for the
 * noble-gas templates, the paper's footnote 2).
 *
 * Statistic (ours; the paper says "any visible excess"): per block b and line, n_b = counts in the
 * peak window [E0 - h, E0 + h), s_b = counts in two side bands [E0 - h - w, E0 - h) and
 * [E0 + h, E0 + h + w), local continuum B_b = s_b * (2h)/(2w). The long-term line level is the median
 * over the period's blocks of the net rate (n_b - B_b)/L_b (L_b the block's live time), clipped at 0.
 * Expected count mu_b = B_b + median_rate * L_b. The block is flagged when, for any line,
 * p = P(N >= n_b | mu_b) (Poisson) is below pThreshold (default 1e-3, one-sided 3.09 sigma), or with
 * statistic "z" when z = (n_b - mu_b)/sqrt(mu_b + (h/w)^2 s_b) exceeds zThreshold (default 3.09).
 * The Poisson p ignores the side-band uncertainty (side bands as wide as the peak window each halve
 * its weight); the z form includes it. An empty continuum (mu_b = 0) makes any count significant.
 *
 * Reference "period" (an option; "check the stability of the gamma-background"): the expected count
 * of a block is its live time times the period's mean rate in the peak window (continuum plus the
 * usual line level), mu_b = L_b R, R = sum n / sum L over the other blocks not flagged (leave one
 * out, so that an excess does not raise its own expectation), iterated until the flagged set no
 * longer changes. Against a few counts per block this is steadier than the
 * block's own side bands, whose Poisson fluctuations (a side band with no count makes mu_b tiny)
 * give false excesses. `mask` limits the counted events (e.g. to the anticoincidence spectrum, where
 * the continuum under the lines is four times lower) and `energyKeV`/`channel` can be a calibrated energy.
 */
import type { EventColumns, RunTable } from "../events/index.js";
import { median, removeRuns } from "./badRuns.js";
import { channelEnergyKeV, type EnergyChannel } from "./energy.js";
import { poissonUpperTail } from "./poisson.js";
import { eventRunRows, initialState, type CutResult, type SelectionState } from "./state.js";

/** A gamma line watched by the noble-gas cut. */
export interface NobleGasLine {
  readonly name: string;
  /** Line energy, keV. */
  readonly energyKeV: number;
  /** Half width h of the peak window, keV. */
  readonly halfWidthKeV: number;
  /** Width w of each side band, keV (default 2h, so each side band is as wide as the peak window). */
  readonly sidebandWidthKeV?: number;
}

/**
 * GEMMA's three lines (paper section 3: 81, 250, 1294 keV); energies from the ENSDF decay data
 * (133Xe 80.997 keV, 135Xe 249.794 keV, 41Ar 1293.64 keV). Half widths are ours: about 3 sigma of a
 * HPGe with ~1 keV FWHM at 100 keV and ~2 keV at 1.3 MeV.
 */
export const NOBLE_GAS_LINES: readonly NobleGasLine[] = [
  { name: "133Xe", energyKeV: 81.0, halfWidthKeV: 1.5 },
  { name: "135Xe", energyKeV: 249.8, halfWidthKeV: 1.5 },
  { name: "41Ar", energyKeV: 1293.6, halfWidthKeV: 2.5 },
];

export interface NobleGasOptions {
  /** Block length, hours (runs are grouped by start time into blocks of this length). Default 3. */
  blockHours?: number;
  lines?: readonly NobleGasLine[];
  /** Channel for the spectra. Default "e3". */
  channel?: EnergyChannel | ArrayLike<number>;
  /** "poisson" (default) or "z". */
  statistic?: "poisson" | "z";
  /** Poisson threshold: flag when P(N >= n | mu) < pThreshold. Default 1e-3. */
  pThreshold?: number;
  /** z threshold for statistic "z". Default 3.09 (one-sided p = 1e-3). */
  zThreshold?: number;
  /** Expected count from the block's side bands (default) or from the period's mean window rate. */
  reference?: "sidebands" | "period";
  /** Only events with mask 1 are counted (1 per event row). */
  mask?: Uint8Array;
}

/** Per-line test results, one entry per block. */
export interface NobleGasLineTest {
  readonly line: NobleGasLine;
  /** Counts in the peak window. */
  readonly observed: Float64Array;
  /** Counts in the two side bands together. */
  readonly sideband: Float64Array;
  /** Expected count mu_b. */
  readonly expected: Float64Array;
  /** Poisson P(N >= n | mu). */
  readonly pValue: Float64Array;
  /** z = (n - mu)/sqrt(mu + (h/w)^2 s). */
  readonly z: Float64Array;
  /** Long-term net line rate (median over blocks, clipped at 0), 1/s. */
  readonly medianNetRatePerS: number;
}

export interface NobleGasResult extends CutResult {
  /** Run ids removed (the noble-gas sample for the templates), ascending. */
  readonly removedRuns: Int32Array;
  /** Block of each run-table row (-1 for runs not in play). */
  readonly runBlock: Int32Array;
  /** Live time of each block, s. */
  readonly blockLiveTimeS: Float64Array;
  /** 1 = block flagged. */
  readonly blockFlagged: Uint8Array;
  readonly tests: readonly NobleGasLineTest[];
}

/** Cut 2: removes the runs of the blocks with a noble-gas line excess. */
export function rejectNobleGas(events: EventColumns, runs: RunTable, options: NobleGasOptions = {}, state: SelectionState = initialState(events, runs)): NobleGasResult {
  const { blockHours = 3, lines = NOBLE_GAS_LINES, statistic = "poisson", pThreshold = 1e-3, zThreshold = 3.09, reference = "sidebands", mask } = options;
  if (!(blockHours > 0)) throw new Error(`noble-gas cut: option blockHours must be > 0 hours, got ${blockHours}`);
  const blockS = blockHours * 3600;
  const runBlock = new Int32Array(runs.length).fill(-1);
  let t0 = NaN;
  for (let r = 0; r < runs.length; r++) if (state.runActive[r]) { t0 = runs.start_utc[r]; break; }
  let nBlocks = 0;
  for (let r = 0; r < runs.length; r++) {
    if (!state.runActive[r]) continue;
    runBlock[r] = Math.floor((runs.start_utc[r] - t0) / blockS);
    nBlocks = Math.max(nBlocks, runBlock[r] + 1);
  }
  const blockLiveTimeS = new Float64Array(nBlocks);
  for (let r = 0; r < runs.length; r++) if (runBlock[r] >= 0) blockLiveTimeS[runBlock[r]] += state.liveTimeS[r];

  const rows = eventRunRows(events, runs);
  const e = channelEnergyKeV(events, options.channel);
  const blockFlagged = new Uint8Array(nBlocks);
  const tests: NobleGasLineTest[] = [];
  for (const line of lines) {
    const h = line.halfWidthKeV;
    const w = line.sidebandWidthKeV ?? 2 * h;
    const scale = h / w; // (2h)/(2w): side-band counts to the peak window
    const observed = new Float64Array(nBlocks);
    const sideband = new Float64Array(nBlocks);
    for (let i = 0; i < events.length; i++) {
      if (!state.active[i] || (mask && !mask[i])) continue;
      const b = runBlock[rows[i]];
      if (b < 0) continue;
      const x = e[i] - line.energyKeV;
      if (x >= -h && x < h) observed[b]++;
      else if ((x >= -h - w && x < -h) || (x >= h && x < h + w)) sideband[b]++;
    }
    const netRates: number[] = [];
    for (let b = 0; b < nBlocks; b++) if (blockLiveTimeS[b] > 0) netRates.push((observed[b] - scale * sideband[b]) / blockLiveTimeS[b]);
    const medianNetRatePerS = Math.max(0, median(netRates) || 0);
    const expected = new Float64Array(nBlocks);
    const pValue = new Float64Array(nBlocks);
    const z = new Float64Array(nBlocks);
    const flagged = new Uint8Array(nBlocks);
    // Period reference: each block against the others not flagged (leave-one-out), so that an
    // excess does not raise its own expectation.
    let refN = 0;
    let refL = 0;
    const evaluate = (): void => {
      for (let b = 0; b < nBlocks; b++) {
        let mu: number;
        if (reference === "period") {
          const n = refN - (flagged[b] ? 0 : observed[b]);
          const l = refL - (flagged[b] ? 0 : blockLiveTimeS[b]);
          mu = l > 0 ? (n / l) * blockLiveTimeS[b] : 0;
        } else mu = scale * sideband[b] + medianNetRatePerS * blockLiveTimeS[b];
        expected[b] = mu;
        pValue[b] = poissonUpperTail(observed[b], mu);
        const v = reference === "period" ? mu : mu + scale * scale * sideband[b];
        z[b] = v > 0 ? (observed[b] - mu) / Math.sqrt(v) : observed[b] > 0 ? Infinity : 0;
        flagged[b] = (statistic === "z" ? z[b] > zThreshold : pValue[b] < pThreshold) ? 1 : 0;
      }
    };
    if (reference === "period") {
      // Mean window rate over the blocks not flagged, iterated (at most 20 times) to a fixed point.
      for (let iter = 0; iter < 20; iter++) {
        refN = 0;
        refL = 0;
        for (let b = 0; b < nBlocks; b++) {
          if (flagged[b]) continue;
          refN += observed[b];
          refL += blockLiveTimeS[b];
        }
        const before = flagged.slice();
        evaluate();
        if (flagged.every((f, b) => f === before[b])) break;
      }
    } else evaluate();
    for (let b = 0; b < nBlocks; b++) if (flagged[b]) blockFlagged[b] = 1;
    tests.push({ line, observed, sideband, expected, pValue, z, medianNetRatePerS });
  }
  const why = new Uint8Array(runs.length);
  for (let r = 0; r < runs.length; r++) if (runBlock[r] >= 0 && blockFlagged[runBlock[r]]) why[r] = 1;
  const base = removeRuns("noble-gas", events, runs, state, why, rows);
  return {
    name: base.name,
    keep: base.keep,
    runKeep: base.runKeep,
    eventsRemoved: base.eventsRemoved,
    liveTimeRemovedS: base.liveTimeRemovedS,
    liveTimeRemovedByRunS: base.liveTimeRemovedByRunS,
    removedRuns: base.removedRuns,
    runBlock,
    blockLiveTimeS,
    blockFlagged,
    tests,
  };
}
