import type { Roi } from "../fit/roi.js";
import { DEFAULT_RESPONSES, type ResponseSpec } from "../rates/response.js";
import { loadExperiment, type ExperimentName } from "../reactor/experiments.js";
import type { ProcessName } from "../xsec/registry.js";

/** One data-taking period of an Asimov configuration: reactor-ON and reactor-OFF live days. */
export interface AsimovPeriod {
  name: string;
  onDays: number;
  offDays: number;
}

/**
 * The conditions an expected (Asimov) limit is computed from: everything that
 * `expectedSensitivity` (lib/analysis) reads from an experiment file, made explicit so that a
 * configuration without published exposure (GEMMA-II, a TEXONO point-contact detector) can be
 * described with stated assumptions.
 */
export interface AsimovConditions {
  /** Label for tables. */
  label: string;
  /** Reactor site: the flux (power and distance of that experiment's file) and the default response. */
  site: ExperimentName;
  /** Fiducial mass, kg. */
  massKg: number;
  periods: readonly AsimovPeriod[];
  /** Flat background, counts/(keV kg day), the same in ON and OFF. */
  backgroundPerKeVKgDay: number;
  /** Fit range, keV. */
  roi: Roi;
  /** Bin width, keV. */
  binKeV: number;
  /** Detector response (resolution and threshold efficiency); false for none. */
  response: ResponseSpec | false;
  /**
   * Known Standard-Model terms present in ON and subtracted in the fit, like the weak term W of
   * GEMMA (5) (default ["weak"]; add "cevns-ee" below ~1 keV).
   */
  smProcesses: readonly ProcessName[];
  /** Where each number comes from (published, or the assumption made). */
  notes: readonly string[];
}

/**
 * The conditions of a stored experiment (data/experiments/<name>.json): mass, ON/OFF periods
 * (hours converted at 24 h/day), stated background and ROI, 1 keV bins, the default response of
 * `DEFAULT_RESPONSES`, the weak term. Fields the file lacks must be given in `overrides`
 * (TEXONO has no ROI in its file, GEMMA-II no periods and no background).
 */
export function experimentConditions(name: ExperimentName, overrides: Partial<AsimovConditions> = {}): AsimovConditions {
  const exp = loadExperiment(name);
  const days = (q: { value: number; unit: string } | undefined) => (q === undefined ? 0 : q.unit === "h" ? q.value / 24 : q.value);
  const periods = overrides.periods ?? (exp.exposure?.periods ?? []).map((p) => ({ name: p.name, onDays: days(p.on), offDays: days(p.off) }));
  const background = overrides.backgroundPerKeVKgDay ?? exp.detector.background?.value;
  const roi = overrides.roi ?? exp.detector.roi?.value;
  if (periods.length === 0 || periods.some((p) => !(p.onDays > 0 && p.offDays > 0))) throw new Error(`${exp.file}: no ON/OFF periods; pass periods`);
  if (background === undefined) throw new Error(`${exp.file}: no background level stated; pass backgroundPerKeVKgDay`);
  if (!roi) throw new Error(`${exp.file}: no ROI stated; pass roi`);
  const notes = [`${exp.name}: mass, periods, background and ROI from ${name}.json unless overridden`];
  return {
    label: overrides.label ?? exp.name,
    site: name,
    massKg: overrides.massKg ?? exp.detector.mass.value,
    periods,
    backgroundPerKeVKgDay: background,
    roi,
    binKeV: overrides.binKeV ?? 1,
    response: overrides.response ?? DEFAULT_RESPONSES[name],
    smProcesses: overrides.smProcesses ?? ["weak"],
    notes: [...notes, ...(overrides.notes ?? [])],
  };
}
