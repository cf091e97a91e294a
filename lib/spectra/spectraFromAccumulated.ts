/*
 * From the accumulated histograms to the spectra file (Beda et al., section 3), per analysis
 * period (a measurement phase) and reactor state:
 *   1. the threshold correction: GEMMA (4) fitted to the phase's pulser counts, or to the whole
 *      dataset's when the phase has none (`threshold.ts`); counts divided by eta at the bin centre;
 *   2. the noble-gas correction (`nobleGasCorrection.ts`): templates from the runs removed by cut 2,
 *      normalised to the 81/250/1294 keV line counts of the kept data, subtracted;
 *   3. the active times T~ON, T~OFF and tau~ from the 238/1173/1333/1461 keV lines with and
 *      without selections (`activeTime.ts`);
 *   4. the ROI: the caller's, else the phase's own, else the dataset's.
 * A pure function: no file is read, and the accumulator is left as it was.
 */
import type { SelectDatasetResult } from "../selection/index.js";
import { GEMMA_ROI_KeV, selectionSettingsLabel } from "../selection/index.js";
import type { Experiment } from "../reactor/index.js";
import { thresholdEfficiency } from "../detector/index.js";
import { binCentresKeV } from "../fit/spectrum.js";
import { MeV_PER_keV } from "../constants.js";
import { OFF, ON, type PhaseAccumulator, type SpectraAccumulator } from "./accumulator.js";
import { activeTimeFromLines, tauTilde, type ActiveTimeEstimate } from "./activeTime.js";
import { roiBinMask } from "./binning.js";
import { correctionInRanges, nobleGasCorrection, type KeptReference, type NobleGasCorrection, type NobleGasTemplates } from "./nobleGasCorrection.js";
import type { SpectraFile, SpectraPeriod } from "./spectraFile.js";
import { fitThresholdEfficiency, PulserCounts, type ThresholdFit } from "./threshold.js";

const STATES = [OFF, ON] as const;

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

/** What the spectra file is made from besides the accumulated histograms. */
export interface SpectraFileInputs {
  /** The dataset, as named in error messages (its directory). */
  readonly source: string;
  /** The selection that fed the accumulator: its preset, the events it read, and whether the noble-gas cut ran. */
  readonly selection: Pick<SelectDatasetResult, "cutFlow" | "settings" | "events">;
  /** An ROI for every period, keV (default: the phase's own, else the experiment's, else the simulated dataset's, else GEMMA's). */
  readonly roiKeV?: [number, number][];
  /** The published data of the dataset's experiment (data/experiments), when it is one of them: its ROI and flux. */
  readonly experiment?: Experiment;
  /** k of the Fourier cut (its closed-form efficiency 1 - exp(-k^2/2)). */
  readonly fourierK: number;
}

/** The spectra file and the report of every intermediate number. */
export interface AccumulatedSpectra {
  readonly spectra: SpectraFile;
  readonly periods: readonly PeriodReport[];
  readonly edgesKeV: Float64Array;
  /** The dataset's ROI, keV (a period may have its own: `periods[i].roiKeV`). */
  readonly roiKeV: [number, number][];
  /** Truth: Fourier pass fraction of physical (diagonal) events, and the closed form 1 - exp(-k^2/2). */
  readonly fourierEfficiency: { truth?: { value: number; error: number }; closedForm: number };
}

/**
 * The spectra file from the accumulated histograms (see the file header). `buildSpectra(dir)` is
 * this after `selectDataset(dir, { onPeriod: acc.add })` and reading the experiment's data.
 * @example
 * simulate(gemmaConfig(), { seed: 1, outDir: "out/gemma-sim", signal: sim.freeElectronClosedFormSignal(0), hoursOn: 6, hoursOff: 6 });
 * const acc = new SpectraAccumulator(uniformEdgesKeV());
 * const sel = selectDataset("out/gemma-sim", { onPeriod: acc.add });
 * const file = spectraFromAccumulated(acc, { source: "out/gemma-sim", selection: sel, experiment: loadExperiment("gemma"), fourierK: 3 }).spectra;
 * JSON.stringify(file) === JSON.stringify(buildSpectra("out/gemma-sim").spectra); // => true (buildSpectra is this step behind its I/O edge)
 */
export function spectraFromAccumulated(acc: SpectraAccumulator, inputs: SpectraFileInputs): AccumulatedSpectra {
  const edges = acc.edgesKeV;
  const facts = acc.dataset;
  const known = inputs.experiment;
  const roiKeV: [number, number][] =
    inputs.roiKeV ??
    (known?.detector.roi ? known.detector.roi.value.map((r) => [r[0], r[1]] as [number, number]) : undefined) ??
    facts?.simulatedRoiKeV ??
    GEMMA_ROI_KeV.map((r) => [r[0], r[1]] as [number, number]);
  const nobleGasStep = inputs.selection.cutFlow.total.steps.some((st) => st.name === "noble-gas");

  // Dataset-wide pulser counts: the fallback of a phase without its own pulser runs.
  let allPulser: PulserCounts | null = null;
  for (const a of acc.phases.values()) if (a.pulser && a.pulser.runs > 0) allPulser = allPulser ? allPulser.merge(a.pulser) : new PulserCounts(a.pulser.settings).merge(a.pulser);

  const reports: PeriodReport[] = [];
  const out: SpectraPeriod[] = [];
  for (const a of [...acc.phases.values()].sort((x, y) => x.phase - y.phase)) {
    // An ROI given by the caller holds for every period; otherwise a phase's own ROI, if the dataset declares one.
    const periodRoi = inputs.roiKeV ?? facts?.simulatedPhaseRoiKeV.get(a.phase) ?? roiKeV;
    const report = periodSpectra(a, edges, periodRoi, allPulser);
    reports.push(report);
    if (report.skipped) continue;
    out.push(spectraPeriod(report, edges, facts?.phaseNames ?? {}, [...a.weights], nobleGasStep));
  }
  if (out.length === 0) throw new Error(`${inputs.source}: no analysis period with both ON and OFF data (${reports.map((r) => r.skipped).join("; ")})`);
  const spectra: SpectraFile = {
    experiment: (facts?.experiment ?? "").toLowerCase() || "unknown",
    target: "Ge",
    mass_kg: facts ? facts.massKg : NaN,
    // Not known without the experiment's description: null, which an analysis refuses (no placeholder).
    flux_per_cm2_s: known ? known.reactor.publishedFlux.value : null,
    periods: out,
    provenance: { tool: "nuem spectra (lib/spectra/buildSpectra.ts)", selection: selectionSettingsLabel(inputs.selection.settings), events: inputs.selection.events },
  };
  const closedForm = 1 - Math.exp(-(inputs.fourierK * inputs.fourierK) / 2);
  const f = acc.fourierPass / acc.fourierIn;
  const fe = acc.fourierIn > 0 && acc.truthSeen ? { value: f, error: Math.sqrt((f * (1 - f)) / acc.fourierIn) } : undefined;
  return { spectra, periods: reports, edgesKeV: edges, roiKeV, fourierEfficiency: { truth: fe, closedForm } };
}

/** One phase's corrected ON and OFF spectra, or why it is skipped. */
function periodSpectra(a: PhaseAccumulator, edges: Float64Array, periodRoi: [number, number][], allPulser: PulserCounts | null): PeriodReport {
  const name = `phase-${a.phase}`;
  const roiMask = roiBinMask(edges, periodRoi);
  const centres = binCentresKeV(edges);
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
    return { ...base, skipped: `no ${!on ? "ON" : !off ? "OFF" : "active-time line"} data in phase ${a.phase}` };
  }
  return { ...base, tau: tauTilde(on.activeTime, off.activeTime) };
}

/** Six significant digits for the notes. */
const r6 = (x: number): number => Number(x.toPrecision(6));

/** The spectra file's entry of a period that has both ON and OFF spectra. */
function spectraPeriod(report: PeriodReport, edges: Float64Array, phaseNames: Readonly<Record<string, string>>, weights: [string, readonly [number, number, number]][], nobleGasStep: boolean): SpectraPeriod {
  const on = report.on!;
  const off = report.off!;
  const tau = report.tau!;
  const threshold = report.threshold;
  const templates = report.templates;
  return {
    name: report.name,
    edges_kev: Array.from(edges),
    on_counts: Array.from(on.corrected),
    off_counts: Array.from(off.corrected),
    t_on_days: on.activeTime.activeTimeS / 86400,
    t_off_days: off.activeTime.activeTimeS / 86400,
    tau_rel_uncertainty: tau.relError,
    roi_kev: report.roiKeV,
    on_variance: Array.from(on.variance),
    off_variance: Array.from(off.variance),
    t_on_rel_uncertainty: on.activeTime.relError,
    notes: {
      phase_name: phaseNames[String(report.phase)] ?? null,
      energy: "E~ = a E1 + b E2 + c E3 (GEMMA (3)) on gain-corrected channels, weights against the noise gradient",
      weights: Object.fromEntries(weights.map(([k, w]) => [k, w.map(r6)])),
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
  };
}
