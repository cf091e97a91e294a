/*
 * The sums that the spectra file is made of, fed by the selection one data period (month) at a
 * time (`selectDataset`'s `onPeriod`), per measurement phase (GEMMA analyses its periods
 * separately, Beda et al., sec. 3) and reactor state:
 *   - the histogram of E~ (GEMMA (3)) of the kept events, fine and in template bins;
 *   - the noble-gas line counts of the kept events (correction 1), and the active-time lines with
 *     and without selections (T~, sec. 3), with the DAQ and ledger live times;
 *   - the noble-gas template blocks: the runs removed by cut 2;
 *   - the pulser counts (GEMMA (4)), and the E~ weights (a, b, c) each data period used.
 * Nothing here corrects or divides: `spectraFromAccumulated` turns the sums into the spectra file.
 * Memory: the histograms, not the events.
 */
import { Origin } from "../events/index.js";
import { anticoincidenceMask, eventRunRows, type PeriodSelection } from "../selection/index.js";
import { datasetFacts, type DatasetFacts } from "./datasetFacts.js";
import { histogram } from "./histogram.js";
import { ACTIVE_TIME_LINES, LineTally, NOBLE_GAS_CORRECTION_LINES } from "./lineCounts.js";
import { NobleGasTemplateBuilder } from "./nobleGasCorrection.js";
import { PulserCounts, type PulserSettings } from "./threshold.js";

/** Reactor states of the run table that make spectra. */
export const OFF = 0;
export const ON = 1;

/** One reactor state of one phase: the sums over its runs. */
export interface StateAccumulator {
  /** Kept events per bin of E~. */
  readonly raw: Float64Array;
  /** The same in the template bins. */
  readonly coarse: Float64Array;
  /** Noble-gas line counts of the kept events. */
  readonly ng: LineTally;
  /** Active-time line counts with (kept) and without (raw: anticoincidence, no pulser) selections. */
  readonly keptLines: LineTally;
  readonly rawLines: LineTally;
  /** DAQ live time of the runs, s. */
  rawLive: number;
  /** Live time the selection's ledger leaves, s. */
  ledgerLive: number;
  /** Truth (simulated data): kept noble-gas events per bin. */
  readonly truthNg: Float64Array | null;
}

/** The sums of one measurement phase. */
export class PhaseAccumulator {
  readonly states: Record<number, StateAccumulator>;
  readonly templates: NobleGasTemplateBuilder;
  readonly pulser: PulserCounts | null;
  /** E~ weights (a, b, c) per data period holding runs of this phase. */
  readonly weights = new Map<string, readonly [number, number, number]>();
  constructor(
    readonly phase: number,
    edgesKeV: Float64Array,
    templateEdgesKeV: Float64Array,
    pulser: PulserSettings | undefined,
    truth: boolean,
  ) {
    const state = (): StateAccumulator => ({
      raw: new Float64Array(edgesKeV.length - 1),
      coarse: new Float64Array(templateEdgesKeV.length - 1),
      ng: new LineTally(NOBLE_GAS_CORRECTION_LINES),
      keptLines: new LineTally(ACTIVE_TIME_LINES),
      rawLines: new LineTally(ACTIVE_TIME_LINES),
      rawLive: 0,
      ledgerLive: 0,
      truthNg: truth ? new Float64Array(edgesKeV.length - 1) : null,
    });
    this.states = { [OFF]: state(), [ON]: state() };
    this.templates = new NobleGasTemplateBuilder(templateEdgesKeV);
    this.pulser = pulser ? new PulserCounts(pulser) : null;
  }
}

export interface SpectraAccumulatorOptions {
  /** Width of the noble-gas template bins, keV (default 2). */
  templateBinKeV?: number;
  /** The test pulser (default: the dataset's, from its manifest). */
  pulser?: PulserSettings;
}

/** Origins of real energy deposits (the Fourier cut's truth efficiency counts these). */
const PHYSICAL: readonly number[] = [Origin.SIGNAL_EM, Origin.SIGNAL_WEAK, Origin.CONTINUUM, Origin.LINE, Origin.NOBLE_GAS, Origin.NEUTRON];

/** Equal template bins of about `templateBinKeV` over the range of `edgesKeV`. */
function templateEdges(edgesKeV: Float64Array, templateBinKeV: number): Float64Array {
  const lo = edgesKeV[0];
  const hi = edgesKeV[edgesKeV.length - 1];
  const n = Math.max(1, Math.round((hi - lo) / templateBinKeV));
  const edges = new Float64Array(n + 1);
  for (let j = 0; j <= n; j++) edges[j] = lo + ((hi - lo) * j) / n;
  return edges;
}

/**
 * The spectra's sums, one data period at a time: pass `add` as `selectDataset`'s `onPeriod`.
 * Phases appear in the order their runs first do.
 * @example
 * simulate(gemmaConfig(), { seed: 1, outDir: "out/gemma-sim", signal: sim.freeElectronClosedFormSignal(0), hoursOn: 6, hoursOff: 6 });
 * const acc = new SpectraAccumulator(uniformEdgesKeV());
 * selectDataset("out/gemma-sim", { onPeriod: acc.add });
 * [...acc.phases.keys()]; // => [1] (a short simulated GEMMA dataset: Phase I alone)
 */
export class SpectraAccumulator {
  readonly edgesKeV: Float64Array;
  readonly templateEdgesKeV: Float64Array;
  readonly phases = new Map<number, PhaseAccumulator>();
  /** The manifest's facts (set by the first period). */
  dataset: DatasetFacts | undefined;
  /** The pulser the phases count: the option's, else the dataset's. */
  pulser: PulserSettings | undefined;
  /** Truth: physical events before the Fourier cut, and those it kept. */
  fourierIn = 0;
  fourierPass = 0;
  /** Whether any period carried truth. */
  truthSeen = false;

  constructor(edgesKeV: Float64Array, options: SpectraAccumulatorOptions = {}) {
    this.edgesKeV = edgesKeV;
    this.templateEdgesKeV = templateEdges(edgesKeV, options.templateBinKeV ?? 2);
    this.pulser = options.pulser;
  }

  /** Adds one data period of the selection. */
  readonly add = (p: PeriodSelection): void => {
    if (!this.dataset) {
      this.dataset = datasetFacts(p.dataset.manifest, p.dataset.dir);
      this.pulser ??= this.dataset.pulser;
    }
    const { events, runs, selection: sel } = p;
    const truth = events.truth;
    if (truth) this.truthSeen = true;
    const rows = eventRunRows(events, runs);
    const ek = sel.combinedKeV;
    this.addStates(p, rows, Boolean(truth));
    this.addTemplateBlocks(p, rows, Boolean(truth));
    if (this.pulser) {
      const withPulser = new Set<number>();
      for (let i = 0; i < events.length; i++) if (events.pulser[i]) withPulser.add(runs.phase[rows[i]]);
      for (const ph of withPulser) this.phase(ph, Boolean(truth)).pulser?.add(events, runs, ek, (r) => runs.phase[r] === ph);
    }
    this.addFourierTruth(p);
  };

  private phase(phase: number, truth: boolean): PhaseAccumulator {
    let a = this.phases.get(phase);
    if (!a) this.phases.set(phase, (a = new PhaseAccumulator(phase, this.edgesKeV, this.templateEdgesKeV, this.pulser, truth)));
    return a;
  }

  /** Histograms, line counts and live times of each (phase, state) the period holds. */
  private addStates(p: PeriodSelection, rows: Int32Array, hasTruth: boolean): void {
    const { events, runs, runMask, selection: sel } = p;
    const truth = events.truth;
    const n = events.length;
    const ek = sel.combinedKeV;
    const anti = anticoincidenceMask(events);
    // Which (phase, state) keys this period holds.
    const keys = new Set<number>();
    for (let r = 0; r < runs.length; r++) if (runMask[r] && (runs.state[r] === ON || runs.state[r] === OFF)) keys.add(runs.phase[r] * 4 + runs.state[r]);
    const last = sel.states[sel.states.length - 1];
    // The E~ weights (a, b, c) of GEMMA (3) this data period's selection used, for each phase it holds.
    for (const key of keys) this.phase(Math.floor(key / 4), hasTruth).weights.set(p.name, sel.fourier.weights);
    for (const key of keys) {
      const phase = Math.floor(key / 4);
      const state = key % 4;
      const st = this.phase(phase, hasTruth).states[state];
      const kept = new Uint8Array(n);
      const raw = new Uint8Array(n);
      for (let i = 0; i < n; i++) {
        const r = rows[i];
        if (runs.phase[r] !== phase || runs.state[r] !== state) continue;
        if (sel.keep[i]) kept[i] = 1;
        if (!events.pulser[i] && anti[i]) raw[i] = 1;
      }
      const h = histogram(ek, this.edgesKeV, kept);
      const hc = histogram(ek, this.templateEdgesKeV, kept);
      for (let j = 0; j < h.length; j++) st.raw[j] += h[j];
      for (let j = 0; j < hc.length; j++) st.coarse[j] += hc[j];
      st.ng.add(ek, kept);
      st.keptLines.add(ek, kept);
      st.rawLines.add(ek, raw);
      for (let r = 0; r < runs.length; r++) {
        if (!runMask[r] || runs.phase[r] !== phase || runs.state[r] !== state) continue;
        st.rawLive += runs.live_time_s[r];
        st.ledgerLive += last.liveTimeS[r];
      }
      if (truth && st.truthNg) {
        const m = new Uint8Array(n);
        for (let i = 0; i < n; i++) m[i] = kept[i] && truth.origin[i] === Origin.NOBLE_GAS ? 1 : 0;
        const t = histogram(ek, this.edgesKeV, m);
        for (let j = 0; j < t.length; j++) st.truthNg[j] += t[j];
      }
    }
  }

  /** Template blocks: runs removed by the noble-gas cut, split by phase and state. */
  private addTemplateBlocks(p: PeriodSelection, rows: Int32Array, hasTruth: boolean): void {
    const { events, runs, selection: sel } = p;
    const n = events.length;
    const blocks = new Map<string, { phase: number; state: number; live: number; rows: Set<number> }>();
    for (let r = 0; r < runs.length; r++) {
      const b = sel.nobleGas.runBlock[r];
      if (b < 0 || sel.nobleGas.runKeep[r] || !(sel.template.liveTimeS[r] > 0)) continue;
      const k = `${b}/${runs.phase[r]}/${runs.state[r]}`;
      let e = blocks.get(k);
      if (!e) blocks.set(k, (e = { phase: runs.phase[r], state: runs.state[r], live: 0, rows: new Set() }));
      e.live += sel.template.liveTimeS[r];
      e.rows.add(r);
    }
    for (const b of blocks.values()) {
      const m = new Uint8Array(n);
      for (let i = 0; i < n; i++) m[i] = sel.template.keep[i] && b.rows.has(rows[i]) ? 1 : 0;
      this.phase(b.phase, hasTruth).templates.addBlock(b.state, b.live, sel.combinedKeV, m);
    }
  }

  /** Truth: the Fourier cut on physical events. */
  private addFourierTruth(p: PeriodSelection): void {
    const sel = p.selection;
    const truth = p.events.truth;
    const jf = sel.cuts.findIndex((c) => c.name === "fourier");
    if (!truth || jf < 0) return;
    const before = sel.states[jf].active;
    const keep = sel.cuts[jf].keep;
    for (let i = 0; i < p.events.length; i++) {
      if (!before[i] || !PHYSICAL.includes(truth.origin[i])) continue;
      this.fourierIn++;
      if (keep[i]) this.fourierPass++;
    }
  }
}
