/*
 * From an event dataset to the corrected ON and OFF spectra (Beda et al., section 3): the run
 * selection (`selectDataset`; GEMMA settings, or the TEXONO preset for a TEXONO dataset), then per analysis period (a measurement phase of the
 * run table, GEMMA: Phase I and II, "analyzed separately") and reactor state:
 *   1. the histogram of E~ (GEMMA (3), the Fourier weights) of the kept events;
 *   2. the noble-gas correction (`nobleGasCorrection.ts`): templates from the runs removed by cut 2,
 *      normalised to the 81/250/1294 keV line intensities of the kept data, subtracted;
 *   3. the threshold correction: GEMMA (4) fitted to the pulser data (`threshold.ts`), counts
 *      divided by eta at the bin centre;
 *   4. the active times T~ON, T~OFF and tau~ from the 238/1173/1333/1461 keV lines with and without
 *      selections (`activeTime.ts`).
 * The result is a `SpectraFile` (data/README.md, "The spectra file") plus a report with every
 * intermediate number, and, for simulated data, the same numbers against truth.
 * Memory: one data period (month) of events at a time.
 */
import { Origin } from "../events/index.js";
import { measured, quantityTable, ResultTable, ResultTables, type ResultCell } from "../fit/resultTable.js";
import { anticoincidenceMask, eventRunRows, GEMMA_ROI_KeV, selectDataset, selectionSettingsLabel, type PeriodSelection, type SelectDatasetResult, type SelectionOptions, type SelectionSettings } from "../selection/index.js";
import { EXPERIMENT_NAMES, loadExperiment, type ExperimentName } from "../reactor/index.js";
import { activeTimeFromLines, tauTilde, type ActiveTimeEstimate } from "./activeTime.js";
import { roiBinMask, uniformEdgesKeV } from "./binning.js";
import { binCentresKeV } from "../fit/spectrum.js";
import { histogram } from "./histogram.js";
import { LineTally, ACTIVE_TIME_LINES, NOBLE_GAS_CORRECTION_LINES } from "./lineCounts.js";
import { correctionInRanges, nobleGasCorrection, NobleGasTemplateBuilder, type KeptReference, type NobleGasCorrection, type NobleGasTemplates } from "./nobleGasCorrection.js";
import { spectraFileTable, type SpectraFile, type SpectraPeriod } from "./spectraFile.js";
import { MeV_PER_keV } from "../constants.js";
import { thresholdEfficiency } from "../detector/index.js";
import { validateOptions, type OptionRule } from "../validateOptions.js";
import { fitThresholdEfficiency, PulserCounts, pulserSettingsFromManifest, type PulserSettings, type ThresholdFit } from "./threshold.js";

const OFF = 0;
const ON = 1;
const STATES = [OFF, ON] as const;

export interface BuildSpectraOptions {
  /** Bin edges of the spectra, keV (default 2-60 keV by 0.2 keV). */
  edgesKeV?: ArrayLike<number>;
  /** ROI written to the file (default the experiment's from data/experiments, else a simulated dataset's, else GEMMA's). */
  roiKeV?: [number, number][];
  /** Width of the noble-gas template bins, keV (default 2). */
  templateBinKeV?: number;
  /** Selection options merged into the preset of `settings`. */
  selection?: Omit<SelectionOptions, "period" | "runMask" | "origin">;
  /** The selection preset (`selectDataset`): "gemma", "texono", "plain" or "auto" (default: by the dataset's experiment). */
  settings?: SelectionSettings | "auto";
  /** The test pulser (default: from a simulated dataset's manifest; none: no threshold correction). */
  pulser?: PulserSettings;
  /** Data periods to use (default all). */
  periods?: readonly string[];
  /** Compare with truth when the dataset has it (default true). */
  truth?: boolean;
  /** Also write the selected events to this dataset directory. */
  selectedOutDir?: string;
  overwrite?: boolean;
}

/** Run-time rules of {@link BuildSpectraOptions} (lib/validateOptions.ts). */
const BUILD_SPECTRA_RULES: Readonly<Record<keyof Required<BuildSpectraOptions>, OptionRule>> = {
  edgesKeV: { kind: "any" },
  roiKeV: { kind: "any" },
  templateBinKeV: { kind: "number", min: 0, minExclusive: true, unit: "keV" },
  selection: { kind: "any" },
  settings: { kind: "choice", choices: ["gemma", "texono", "plain", "auto"] },
  pulser: { kind: "any" },
  periods: { kind: "any" },
  truth: { kind: "boolean" },
  selectedOutDir: { kind: "string" },
  overwrite: { kind: "boolean" },
};

/** One reactor state of an analysis period, before and after the corrections. */
export interface StateSpectrum {
  /** Kept events per bin (E~). */
  readonly raw: Float64Array;
  /** Noble-gas correction subtracted (counts per bin) and its variance. */
  readonly nobleGas: NobleGasCorrection;
  /** eta per bin (1 without a threshold fit). */
  readonly eta: Float64Array;
  /** (raw - nobleGas) / eta and its variance. */
  readonly corrected: Float64Array;
  readonly variance: Float64Array;
  readonly activeTime: ActiveTimeEstimate;
  /** Live time left by the selection (the cut-flow ledger: run live times less removed seconds and veto windows), s. */
  readonly ledgerLiveTimeS: number;
  /** Noble-gas correction in the ROI relative to the raw ROI counts, and the ROI sums. */
  readonly nobleGasRoiFraction: number;
  readonly nobleGasRoi: { counts: number; error: number; rawCounts: number };
  /** Truth (simulated data): kept events of origin noble-gas per bin. */
  readonly truthNobleGas?: Float64Array;
}

export interface PeriodReport {
  readonly name: string;
  readonly phase: number;
  /** The period's ROI, keV (the dataset's, or the phase's own). */
  readonly roiKeV: [number, number][];
  readonly on?: StateSpectrum;
  readonly off?: StateSpectrum;
  readonly tau?: { tau: number; relError: number };
  readonly templates: NobleGasTemplates;
  readonly threshold?: ThresholdFit & { source: "period" | "dataset" };
  readonly pulser: PulserCounts | null;
  /** Why a period is not in the spectra file (no ON or no OFF data). */
  readonly skipped?: string;
}

export interface BuildSpectraResult {
  readonly spectra: SpectraFile;
  readonly periods: readonly PeriodReport[];
  readonly selection: SelectDatasetResult;
  readonly edgesKeV: Float64Array;
  /** The dataset's ROI, keV (a period may have its own: `periods[i].roiKeV`). */
  readonly roiKeV: [number, number][];
  /** Truth: Fourier pass fraction of physical (diagonal) events, and the closed form 1 - exp(-k^2/2). */
  readonly fourierEfficiency: { truth?: { value: number; error: number }; closedForm: number };
}

interface StateAcc {
  raw: Float64Array;
  coarse: Float64Array;
  ng: LineTally;
  keptLines: LineTally;
  rawLines: LineTally;
  rawLive: number;
  ledgerLive: number;
  truthNg: Float64Array | null;
}

class PhaseAcc {
  readonly states: Record<number, StateAcc>;
  readonly templates: NobleGasTemplateBuilder;
  readonly pulser: PulserCounts | null;
  /** E~ weights (a, b, c) per data period holding runs of this phase. */
  readonly weights = new Map<string, readonly [number, number, number]>();
  constructor(
    readonly phase: number,
    edges: Float64Array,
    coarse: Float64Array,
    pulser: PulserSettings | undefined,
    truth: boolean,
  ) {
    const mk = (): StateAcc => ({
      raw: new Float64Array(edges.length - 1),
      coarse: new Float64Array(coarse.length - 1),
      ng: new LineTally(NOBLE_GAS_CORRECTION_LINES),
      keptLines: new LineTally(ACTIVE_TIME_LINES),
      rawLines: new LineTally(ACTIVE_TIME_LINES),
      rawLive: 0,
      ledgerLive: 0,
      truthNg: truth ? new Float64Array(edges.length - 1) : null,
    });
    this.states = { [OFF]: mk(), [ON]: mk() };
    this.templates = new NobleGasTemplateBuilder(coarse);
    this.pulser = pulser ? new PulserCounts(pulser) : null;
  }
}

const PHYSICAL: readonly number[] = [Origin.SIGNAL_EM, Origin.SIGNAL_WEAK, Origin.CONTINUUM, Origin.LINE, Origin.NOBLE_GAS, Origin.NEUTRON];

/** The selection and the corrected spectra of a dataset (see the file header). */
export function buildSpectra(dir: string, options: BuildSpectraOptions = {}): SpectraBuild {
  validateOptions("buildSpectra options", options, BUILD_SPECTRA_RULES);
  const edges = options.edgesKeV ? Float64Array.from(options.edgesKeV) : uniformEdgesKeV();
  const lo = edges[0];
  const hi = edges[edges.length - 1];
  const tw = options.templateBinKeV ?? 2;
  const nCoarse = Math.max(1, Math.round((hi - lo) / tw));
  const coarse = new Float64Array(nCoarse + 1);
  for (let j = 0; j <= nCoarse; j++) coarse[j] = lo + ((hi - lo) * j) / nCoarse;
  const phases = new Map<number, PhaseAcc>();
  let pulserSettings = options.pulser;
  let fourierIn = 0;
  let fourierPass = 0;
  let manifestExperiment = "";
  let massKg = NaN;
  let phaseNames: Record<string, string> = {};
  let manifestRoi: [number, number][] | undefined;
  const phaseRoi = new Map<number, [number, number][]>();
  const fourierK = options.selection?.fourier?.k ?? 3;
  let truthSeen = false;

  const onPeriod = (p: PeriodSelection): void => {
    const { events, runs, runMask, selection: sel } = p;
    if (!manifestExperiment) {
      manifestExperiment = p.dataset.manifest.experiment;
      massKg = p.dataset.manifest.detector_mass_kg;
      phaseNames = (p.dataset.manifest.phases ?? {}) as Record<string, string>;
      pulserSettings ??= pulserSettingsFromManifest(p.dataset.manifest);
      // A simulated dataset's ROI (the simulator's configuration), for experiments without one in data/experiments.
      const simConfig = (p.dataset.manifest.simulation as { config?: { config?: { roiKeV?: unknown; phases?: unknown } } } | null)?.config?.config;
      const where = `${p.dataset.dir}: dataset.json: simulation.config.config`;
      manifestRoi = roiOrUndefined(simConfig?.roiKeV, `${where}.roiKeV`);
      // A simulated phase with its own ROI (GEMMA Phase II periods, sec. 3: the ROI's low edge changed).
      const simPhases = simConfig?.phases;
      if (Array.isArray(simPhases)) {
        simPhases.forEach((ph: { id?: unknown; roiKeV?: unknown }, i) => {
          const r = roiOrUndefined(ph?.roiKeV, `${where}.phases[${i}].roiKeV`);
          if (r && Number.isInteger(ph.id)) phaseRoi.set(ph.id as number, r);
        });
      }
    }
    const truth = events.truth;
    if (truth) truthSeen = true;
    const n = events.length;
    const rows = eventRunRows(events, runs);
    const ek = sel.combinedKeV;
    const anti = anticoincidenceMask(events);
    const acc = (phase: number): PhaseAcc => {
      let a = phases.get(phase);
      if (!a) phases.set(phase, (a = new PhaseAcc(phase, edges, coarse, pulserSettings, Boolean(truth))));
      return a;
    };
    // Which (phase, state) keys this period holds.
    const keys = new Set<number>();
    for (let r = 0; r < runs.length; r++) if (runMask[r] && (runs.state[r] === ON || runs.state[r] === OFF)) keys.add(runs.phase[r] * 4 + runs.state[r]);
    const last = sel.states[sel.states.length - 1];
    // The E~ weights (a, b, c) of GEMMA (3) this data period's selection used, for each phase it holds.
    for (const key of keys) acc(Math.floor(key / 4)).weights.set(p.name, sel.fourier.weights);
    for (const key of keys) {
      const phase = Math.floor(key / 4);
      const state = key % 4;
      const st = acc(phase).states[state];
      const kept = new Uint8Array(n);
      const raw = new Uint8Array(n);
      for (let i = 0; i < n; i++) {
        const r = rows[i];
        if (runs.phase[r] !== phase || runs.state[r] !== state) continue;
        if (sel.keep[i]) kept[i] = 1;
        if (!events.pulser[i] && anti[i]) raw[i] = 1;
      }
      const h = histogram(ek, edges, kept);
      const hc = histogram(ek, coarse, kept);
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
        const t = histogram(ek, edges, m);
        for (let j = 0; j < t.length; j++) st.truthNg[j] += t[j];
      }
    }
    // Template blocks: runs removed by the noble-gas cut, split by phase and state.
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
      acc(b.phase).templates.addBlock(b.state, b.live, ek, m);
    }
    // Pulser runs, by phase.
    if (pulserSettings) {
      const withPulser = new Set<number>();
      for (let i = 0; i < n; i++) if (events.pulser[i]) withPulser.add(runs.phase[rows[i]]);
      for (const ph of withPulser) acc(ph).pulser?.add(events, runs, ek, (r) => runs.phase[r] === ph);
    }
    // Truth: the Fourier cut on physical events.
    const jf = sel.cuts.findIndex((c) => c.name === "fourier");
    if (truth && jf >= 0) {
      const before = sel.states[jf].active;
      const keep = sel.cuts[jf].keep;
      for (let i = 0; i < n; i++) {
        if (!before[i] || !PHYSICAL.includes(truth.origin[i])) continue;
        fourierIn++;
        if (keep[i]) fourierPass++;
      }
    }
  };

  const selection = selectDataset(dir, {
    ...(options.selection ?? {}),
    settings: options.settings,
    periods: options.periods,
    truth: options.truth,
    outDir: options.selectedOutDir,
    overwrite: options.overwrite,
    onPeriod,
  });

  const expName = manifestExperiment.toLowerCase();
  const known = (EXPERIMENT_NAMES as readonly string[]).includes(expName) ? loadExperiment(expName as ExperimentName) : undefined;
  const roiKeV: [number, number][] =
    options.roiKeV ??
    (known?.detector.roi ? known.detector.roi.value.map((r) => [r[0], r[1]] as [number, number]) : undefined) ??
    manifestRoi ??
    GEMMA_ROI_KeV.map((r) => [r[0], r[1]] as [number, number]);
  const nobleGasStep = selection.cutFlow.total.steps.some((st) => st.name === "noble-gas");
  const centres = binCentresKeV(edges);

  // Dataset-wide pulser counts: the fallback of a phase without its own pulser runs.
  let allPulser: PulserCounts | null = null;
  for (const a of phases.values()) if (a.pulser && a.pulser.runs > 0) allPulser = allPulser ? allPulser.merge(a.pulser) : new PulserCounts(a.pulser.settings).merge(a.pulser);

  const reports: PeriodReport[] = [];
  const out: SpectraPeriod[] = [];
  for (const a of [...phases.values()].sort((x, y) => x.phase - y.phase)) {
    const name = `phase-${a.phase}`;
    // An ROI given by the caller holds for every period; otherwise a phase's own ROI, if the dataset declares one.
    const periodRoi = options.roiKeV ?? phaseRoi.get(a.phase) ?? roiKeV;
    const roiMask = roiBinMask(edges, periodRoi);
    let threshold: PeriodReport["threshold"];
    const src = a.pulser && a.pulser.runs > 0 ? a.pulser : allPulser;
    if (src && src.runs > 0) threshold = { ...fitThresholdEfficiency(src.settings.amplitudesKeV, src.sent, src.recorded), source: src === a.pulser ? "period" : "dataset" };
    const eta = new Float64Array(centres.length).fill(1);
    if (threshold) for (let j = 0; j < eta.length; j++) eta[j] = thresholdEfficiency(centres[j] * MeV_PER_keV, threshold.e0KeV * MeV_PER_keV, threshold.sigmaKeV * MeV_PER_keV);
    const refs: Record<number, KeptReference> = {};
    for (const s of STATES) refs[s] = { liveTimeS: a.states[s].ledgerLive, counts: a.states[s].coarse, lines: a.states[s].ng };
    const templates = a.templates.templates(refs);
    const stateSpectrum = (s: number): StateSpectrum | undefined => {
      const st = a.states[s];
      if (!(st.rawLive > 0)) return undefined;
      const ng = nobleGasCorrection(templates, st.ng, edges);
      const corrected = new Float64Array(st.raw.length);
      const variance = new Float64Array(st.raw.length);
      let roiRaw = 0;
      let roiNg = 0;
      for (let j = 0; j < corrected.length; j++) {
        corrected[j] = (st.raw[j] - ng.counts[j]) / eta[j];
        variance[j] = (st.raw[j] + ng.variance[j]) / (eta[j] * eta[j]);
        if (roiMask[j]) {
          roiRaw += st.raw[j];
          roiNg += ng.counts[j];
        }
      }
      return {
        raw: st.raw,
        nobleGas: ng,
        eta,
        corrected,
        variance,
        activeTime: activeTimeFromLines(st.rawLines, st.keptLines, st.rawLive),
        ledgerLiveTimeS: st.ledgerLive,
        nobleGasRoiFraction: roiRaw > 0 ? roiNg / roiRaw : NaN,
        nobleGasRoi: { ...correctionInRanges(ng, periodRoi), rawCounts: roiRaw },
        truthNobleGas: st.truthNg ?? undefined,
      };
    };
    const on = stateSpectrum(ON);
    const off = stateSpectrum(OFF);
    const base = { name, phase: a.phase, roiKeV: periodRoi, on, off, templates, threshold, pulser: a.pulser };
    if (!on || !off || !(on.activeTime.activeTimeS > 0) || !(off.activeTime.activeTimeS > 0)) {
      reports.push({ ...base, skipped: `no ${!on ? "ON" : !off ? "OFF" : "active-time line"} data in phase ${a.phase}` });
      continue;
    }
    const tau = tauTilde(on.activeTime, off.activeTime);
    reports.push({ ...base, tau });
    const r6 = (x: number): number => Number(x.toPrecision(6));
    out.push({
      name,
      edges_kev: Array.from(edges),
      on_counts: Array.from(on.corrected),
      off_counts: Array.from(off.corrected),
      t_on_days: on.activeTime.activeTimeS / 86400,
      t_off_days: off.activeTime.activeTimeS / 86400,
      tau_rel_uncertainty: tau.relError,
      roi_kev: periodRoi,
      on_variance: Array.from(on.variance),
      off_variance: Array.from(off.variance),
      t_on_rel_uncertainty: on.activeTime.relError,
      notes: {
        phase_name: phaseNames[String(a.phase)] ?? null,
        energy: "E~ = a E1 + b E2 + c E3 (GEMMA (3)) on gain-corrected channels, weights against the noise gradient",
        weights: Object.fromEntries([...a.weights].map(([k, w]) => [k, w.map(r6)])),
        corrections: [...(nobleGasStep ? ["noble-gas template subtraction"] : []), "threshold efficiency GEMMA (4)"],
        threshold: threshold ? { e0_kev: r6(threshold.e0KeV), e0_error_kev: r6(threshold.e0ErrorKeV), sigma_kev: r6(threshold.sigmaKeV), sigma_error_kev: r6(threshold.sigmaErrorKeV), source: threshold.source } : null,
        noble_gas: {
          mode: templates.mode,
          template_blocks: templates.blocks,
          roi_fraction_on: r6(on.nobleGasRoiFraction),
          roi_fraction_off: r6(off.nobleGasRoiFraction),
          roi_counts_on: r6(on.nobleGasRoi.counts),
          roi_error_on: r6(on.nobleGasRoi.error),
          roi_counts_off: r6(off.nobleGasRoi.counts),
          roi_error_off: r6(off.nobleGasRoi.error),
        },
        active_time: {
          t_on_raw_live_days: r6(on.activeTime.rawLiveTimeS / 86400),
          t_off_raw_live_days: r6(off.activeTime.rawLiveTimeS / 86400),
          t_on_ledger_days: r6(on.ledgerLiveTimeS / 86400),
          t_off_ledger_days: r6(off.ledgerLiveTimeS / 86400),
          t_on_line_statistics_rel: r6(on.activeTime.lineStatisticsRelError),
          t_off_line_statistics_rel: r6(off.activeTime.lineStatisticsRelError),
          tau: r6(tau.tau),
        },
      },
    });
  }
  if (out.length === 0) throw new Error(`${dir}: no analysis period with both ON and OFF data (${reports.map((r) => r.skipped).join("; ")})`);
  const spectra: SpectraFile = {
    experiment: expName || "unknown",
    target: "Ge",
    mass_kg: massKg,
    flux_per_cm2_s: known ? known.reactor.publishedFlux.value : 1,
    periods: out,
    provenance: { tool: "nuem spectra (lib/spectra/buildSpectra.ts)", selection: selectionSettingsLabel(selection.settings), events: selection.events },
  };
  const closedForm = 1 - Math.exp(-(fourierK * fourierK) / 2);
  const fe = fourierIn > 0 && truthSeen ? { value: fourierPass / fourierIn, error: Math.sqrt(((fourierPass / fourierIn) * (1 - fourierPass / fourierIn)) / fourierIn) } : undefined;
  return new SpectraBuild({ spectra, periods: reports, selection, edgesKeV: edges, roiKeV, fourierEfficiency: { truth: fe, closedForm } });
}

/**
 * What `buildSpectra` returns (same fields); shows itself as the spectra file's periods and the
 * estimates behind them: active times, tau~, the trigger-threshold fit, the noble-gas correction.
 * Values with errors by the PDG rule.
 */
export class SpectraBuild implements BuildSpectraResult {
  readonly spectra: SpectraFile;
  readonly periods: readonly PeriodReport[];
  readonly selection: SelectDatasetResult;
  readonly edgesKeV: Float64Array;
  readonly roiKeV: [number, number][];
  readonly fourierEfficiency: { truth?: { value: number; error: number }; closedForm: number };

  constructor(r: BuildSpectraResult) {
    this.spectra = r.spectra;
    this.periods = r.periods;
    this.selection = r.selection;
    this.edgesKeV = r.edgesKeV;
    this.roiKeV = r.roiKeV;
    this.fourierEfficiency = r.fourierEfficiency;
  }

  tables(): ResultTables {
    const file = spectraFileTable(this.spectra);
    const states: ResultCell[][] = [];
    for (const p of this.periods) {
      for (const [state, s] of [["ON", p.on], ["OFF", p.off]] as const) {
        if (!s) continue;
        const a = s.activeTime;
        states.push([p.name, state, measured(a.activeTimeS / 3600, a.errorS / 3600), s.ledgerLiveTimeS / 3600, s.nobleGasRoi.rawCounts, measured(s.nobleGasRoi.counts, s.nobleGasRoi.error), s.nobleGasRoiFraction]);
      }
      if (p.tau) states.push([p.name, "τ~ = T~ON/T~OFF", measured(p.tau.tau, p.tau.tau * p.tau.relError), null, null, null, null]);
    }
    const active = new ResultTable("active time and noble-gas correction", ["period", "state", "T~ (h)", "live time left by the selection (h)", "ROI events", "noble-gas correction in the ROI", "its share of the ROI"], states);
    const withFit = this.periods.filter((p) => p.threshold);
    const threshold = new ResultTable("trigger threshold, GEMMA (4)", ["period", "E0 (keV)", "σ (keV)", "correlation", "deviance / ndf", "pulser counts from"], withFit.map((p) => {
      const t = p.threshold!;
      return [p.name, measured(t.e0KeV, t.e0ErrorKeV), measured(t.sigmaKeV, t.sigmaErrorKeV), t.correlation, `${sig4(t.deviance)} / ${t.ndf}`, t.source];
    }));
    const templates = new ResultTable("noble-gas templates", ["period", "mode", "blocks", "line excess"], this.periods.map((p) => [p.name, p.templates.mode, p.templates.blocks, p.templates.lines.map((l, k) => `${l.name}: ${p.templates.lineExcess[k]?.toFixed(1) ?? "-"}`).join(", ")]));
    const fe = this.fourierEfficiency;
    const fourier = quantityTable("Fourier (shaping-channel) cut", [
      ["share of physical events kept (truth)", fe.truth ? measured(fe.truth.value, fe.truth.error) : "no truth"],
      ["closed form 1 − exp(−k²/2)", fe.closedForm],
    ]);
    return new ResultTables([file, active, ...(withFit.length > 0 ? [threshold] : []), templates, fourier]);
  }

  toString(): string {
    return this.tables().toString();
  }

  toHTML(): string {
    return this.tables().toHTML();
  }
}

/** 4 significant digits, without trailing zeros (a bin width, a deviance). */
function sig4(v: number): string {
  return String(Number(v.toPrecision(4)));
}

/** A list of [lo, hi] intervals read from a manifest's simulation configuration (undefined when absent). */
function roiOrUndefined(x: unknown, where: string): [number, number][] | undefined {
  if (x === undefined) return undefined;
  if (!Array.isArray(x) || x.length === 0 || !x.every((r) => Array.isArray(r) && r.length === 2 && r.every((v) => typeof v === "number" && Number.isFinite(v)) && r[1] > r[0])) {
    throw new Error(`${where}: expected a non-empty list of [lo, hi] keV intervals, found ${JSON.stringify(x)}`);
  }
  return (x as number[][]).map((r) => [r[0], r[1]] as [number, number]);
}
