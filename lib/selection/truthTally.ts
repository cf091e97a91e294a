/*
 * The selection measured against the simulation's truth labels (lib/events FORMAT.md, origin codes):
 * for every step, the efficiency for the true neutrino signal (origins signal-em and signal-weak
 * with a true deposit above `minTrueKeV`, 3 keV by default: the analysis threshold of GEMMA sec. 2)
 * and the share of each other origin that the step removes, over all energies and inside the ROI
 * (by the event's E~).
 *
 * Steps that remove live time (bad runs, noble gas, noisy seconds, audio veto) remove signal in
 * proportion to it; that loss is not an inefficiency, because the spectra are normalised to the
 * active time. The live-time-corrected efficiency of a step divides its kept fraction of signal by
 * its kept fraction of signal exposure, sum over runs of (live time x thermal power) (the signal
 * rate follows the power; OFF runs have none). For the event cuts (pulser, Fourier,
 * anticoincidence) the two are the same.
 */
import { Origin, ORIGIN_NAMES, type EventColumns, type RunTable } from "../events/index.js";
import type { CutFlow } from "./cutFlow.js";
import type { SelectionResult } from "./select.js";
import { measured, quantityTable, ResultTable, ResultTables, type ResultCell } from "../fit/resultTable.js";

const N_ORIGIN = 256;

/** GEMMA's ROI (sec. 3 footnote 4: 3-9.4 and 11.2-55 keV). */
export const GEMMA_ROI_KeV: readonly [number, number][] = [
  [3.0, 9.4],
  [11.2, 55.0],
];

/** Origins that are not physical energy deposits: what the cuts exist to remove. */
export const ARTEFACT_ORIGINS: readonly number[] = [Origin.NOISE_BURST, Origin.RINGING, Origin.PICKUP, Origin.ARTEFACT];

export interface TruthTallyOptions {
  /** True-energy threshold of the signal efficiency, keV. Default 3. */
  minTrueKeV?: number;
  /** ROI for the per-origin rejection inside it (by E~). Default GEMMA's. */
  roiKeV?: readonly (readonly [number, number])[];
}

/** A ratio with its binomial standard error. */
export interface Fraction {
  value: number;
  error: number;
  passed: number;
  total: number;
}

function fraction(passed: number, total: number): Fraction {
  const v = total > 0 ? passed / total : NaN;
  return { value: v, error: total > 0 ? Math.sqrt(Math.max(0, v * (1 - v)) / total) : NaN, passed, total };
}

/** Counts by step; add periods with `add`, read with `toJSON()` or the accessors. */
export class SelectionTruth {
  readonly steps: string[] = [];
  readonly minTrueKeV: number;
  readonly roiKeV: readonly (readonly [number, number])[];
  /** Signal events (true energy >= minTrueKeV) reaching / removed at each step; [steps + 1] with the kept count last. */
  private signalAt = new Float64Array(0);
  /** Signal exposure (live s x GW) entering each step and removed by it; [steps + 1] with the kept exposure last. */
  private exposureIn = new Float64Array(0);
  private exposureRemoved = new Float64Array(0);
  /** Events per (step removed at, origin), all energies and in the ROI; step index `steps.length` = kept. */
  private originAt = new Float64Array(0);
  private roiAt = new Float64Array(0);

  constructor(options: TruthTallyOptions = {}) {
    this.minTrueKeV = options.minTrueKeV ?? 3;
    this.roiKeV = options.roiKeV ?? GEMMA_ROI_KeV;
  }

  private init(steps: readonly string[]): void {
    if (this.steps.length === 0) {
      this.steps.push(...steps);
      const S = steps.length + 1;
      this.signalAt = new Float64Array(S);
      this.exposureIn = new Float64Array(S);
      this.exposureRemoved = new Float64Array(S);
      this.originAt = new Float64Array(S * N_ORIGIN);
      this.roiAt = new Float64Array(S * N_ORIGIN);
    } else if (steps.length !== this.steps.length || steps.some((s, j) => s !== this.steps[j])) {
      throw new Error(`SelectionTruth: steps ${steps.join(", ")} differ from ${this.steps.join(", ")}`);
    }
  }

  /** Adds one period's selection (events with truth). */
  add(events: EventColumns, runs: RunTable, sel: SelectionResult): void {
    const truth = events.truth;
    if (!truth) throw new Error("SelectionTruth: the events carry no truth labels");
    const names = sel.cuts.map((c) => c.name);
    this.init(names);
    const nCuts = names.length;
    const n = events.length;
    const at = new Uint8Array(n).fill(255);
    const a0 = sel.states[0].active;
    for (let i = 0; i < n; i++) if (a0[i]) at[i] = nCuts;
    for (let j = 0; j < nCuts; j++) {
      const act = sel.states[j].active;
      const keep = sel.cuts[j].keep;
      for (let i = 0; i < n; i++) if (at[i] === nCuts && act[i] && !keep[i]) at[i] = j;
    }
    const inRoi = (e: number): boolean => {
      for (const [lo, hi] of this.roiKeV) if (e >= lo && e < hi) return true;
      return false;
    };
    const o = truth.origin;
    const et = truth.e_true_kev;
    const ek = sel.combinedKeV;
    for (let i = 0; i < n; i++) {
      const k = at[i];
      if (k === 255) continue;
      this.originAt[k * N_ORIGIN + o[i]]++;
      if (inRoi(ek[i])) this.roiAt[k * N_ORIGIN + o[i]]++;
      // Without true energies (truth files may omit them) every signal event counts.
      if ((o[i] === Origin.SIGNAL_EM || o[i] === Origin.SIGNAL_WEAK) && (!et || et[i] >= this.minTrueKeV)) this.signalAt[k]++;
    }
    const P = runs.thermal_power_gw;
    for (let j = 0; j <= nCuts; j++) {
      const live = sel.states[j].liveTimeS;
      let e = 0;
      for (let r = 0; r < runs.length; r++) e += live[r] * P[r];
      this.exposureIn[j] += e;
      if (j < nCuts) {
        const rem = sel.cuts[j].liveTimeRemovedByRunS;
        let x = 0;
        for (let r = 0; r < runs.length; r++) x += rem[r] * P[r];
        this.exposureRemoved[j] += x;
      }
    }
  }

  /** Signal events reaching step j (j = steps.length: kept). */
  private signalReaching(j: number): number {
    let s = 0;
    for (let k = j; k < this.signalAt.length; k++) s += this.signalAt[k];
    return s;
  }

  private originReaching(arr: Float64Array, j: number, origin: number): number {
    let s = 0;
    for (let k = j; k <= this.steps.length; k++) s += arr[k * N_ORIGIN + origin];
    return s;
  }

  /** Signal efficiency of step j: raw, and divided by the step's kept share of signal exposure. */
  stepEfficiency(j: number): { raw: Fraction; exposureKept: number; corrected: number; correctedError: number } {
    const inN = this.signalReaching(j);
    const raw = fraction(inN - this.signalAt[j], inN);
    const exposureKept = this.exposureIn[j] > 0 ? 1 - this.exposureRemoved[j] / this.exposureIn[j] : NaN;
    return { raw, exposureKept, corrected: raw.value / exposureKept, correctedError: raw.error / exposureKept };
  }

  /** Signal efficiency of the whole selection (kept / entering the first step), raw and live-time corrected. */
  totalEfficiency(): { raw: Fraction; exposureKept: number; corrected: number; correctedError: number } {
    const inN = this.signalReaching(0);
    const raw = fraction(this.signalReaching(this.steps.length), inN);
    const exposureKept = this.exposureIn[0] > 0 ? this.exposureIn[this.steps.length] / this.exposureIn[0] : NaN;
    return { raw, exposureKept, corrected: raw.value / exposureKept, correctedError: raw.error / exposureKept };
  }

  /** Share of an origin removed by step j (of those reaching it), over all energies or in the ROI. */
  stepRejection(j: number, origin: number, roi = false): Fraction {
    const arr = roi ? this.roiAt : this.originAt;
    const inN = this.originReaching(arr, j, origin);
    return fraction(arr[j * N_ORIGIN + origin], inN);
  }

  /** Share of an origin removed by the whole selection (of those entering it). */
  totalRejection(origin: number, roi = false): Fraction {
    const arr = roi ? this.roiAt : this.originAt;
    const inN = this.originReaching(arr, 0, origin);
    return fraction(inN - this.originReaching(arr, this.steps.length, origin), inN);
  }

  /** Events of an origin left after the selection (all energies or in the ROI). */
  kept(origin: number, roi = false): number {
    return this.originReaching(roi ? this.roiAt : this.originAt, this.steps.length, origin);
  }

  /** Origins present (code and name), signal first. */
  origins(): { code: number; name: string }[] {
    const out: { code: number; name: string }[] = [];
    for (let o = 0; o < N_ORIGIN; o++) if (this.originReaching(this.originAt, 0, o) > 0) out.push({ code: o, name: ORIGIN_NAMES[o] ?? `code ${o}` });
    return out;
  }

  /** Combines another tally with the same steps. */
  merge(other: SelectionTruth): this {
    if (other.steps.length === 0) return this;
    this.init(other.steps);
    const add = (a: Float64Array, b: Float64Array): void => {
      for (let i = 0; i < a.length; i++) a[i] += b[i];
    };
    add(this.signalAt, other.signalAt);
    add(this.exposureIn, other.exposureIn);
    add(this.exposureRemoved, other.exposureRemoved);
    add(this.originAt, other.originAt);
    add(this.roiAt, other.roiAt);
    return this;
  }

  /**
   * The tables of `toHTML`: the signal efficiency of the whole selection and of each step, and the
   * artefacts removed (all energies and in the ROI). Efficiencies with their binomial errors, PDG rule.
   */
  tables(): ResultTables {
    const t = this.totalEfficiency();
    const m = (f: { value: number; error: number }): ResultCell => (Number.isFinite(f.value) ? measured(f.value, f.error) : "-");
    const signal = quantityTable(`signal: true energy above ${this.minTrueKeV} keV`, [
      ["entering the selection", t.raw.total],
      ["kept", t.raw.passed],
      ["kept share of signal exposure", t.exposureKept],
      ["signal efficiency", m(t.raw)],
      ["signal efficiency (live-time corrected)", m({ value: t.corrected, error: t.correctedError })],
    ]);
    const steps = new ResultTable("signal efficiency by step (of the events reaching it)", ["step", "signal in", "kept", "efficiency", "live-time corrected"], this.steps.map((name, j) => {
      const e = this.stepEfficiency(j);
      return [name, e.raw.total, e.raw.passed, m(e.raw), m({ value: e.corrected, error: e.correctedError })];
    }));
    const roi = this.roiKeV.map(([a, b]) => `${a}-${b}`).join(", ");
    const artefacts = new ResultTable(`artefacts removed by the whole selection (ROI ${roi} keV)`, ["artefact", "events", "removed (all energies)", "in the ROI", "left in the ROI"], ARTEFACT_ORIGINS.map((o) => {
      const all = this.totalRejection(o);
      return [ORIGIN_NAMES[o], all.total, all.total > 0 ? all.value : "-", this.totalRejection(o, true).total, this.kept(o, true)];
    }));
    return new ResultTables([signal, steps, artefacts]);
  }

  toString(): string {
    return this.tables().toString();
  }

  toHTML(): string {
    return this.tables().toHTML();
  }

  /** JSON: per step the signal efficiency and the rejection of each origin; then the totals. */
  toJSON(): Record<string, unknown> {
    const origins = this.origins();
    const r4 = (x: number): number => (Number.isFinite(x) ? Math.round(x * 1e6) / 1e6 : x);
    // An efficiency is a ratio: present only where its denominator (signal events in, power-weighted
    // live time in) is not zero; absent rather than null.
    const eff = (e: ReturnType<SelectionTruth["stepEfficiency"]>) => ({
      signal_in: e.raw.total,
      signal_kept: e.raw.passed,
      ...(e.raw.total > 0 ? { signal_efficiency: r4(e.raw.value), signal_efficiency_error: r4(e.raw.error) } : {}),
      ...(Number.isFinite(e.exposureKept) ? { exposure_kept_fraction: r4(e.exposureKept) } : {}),
      ...(Number.isFinite(e.corrected) ? { signal_efficiency_live_corrected: r4(e.corrected) } : {}),
    });
    return {
      signal_min_true_kev: this.minTrueKeV,
      roi_kev: this.roiKeV,
      steps: this.steps.map((name, j) => ({
        name,
        ...eff(this.stepEfficiency(j)),
        rejection: Object.fromEntries(origins.filter((o) => this.originReaching(this.originAt, j, o.code) > 0).map((o) => [o.name, r4(this.stepRejection(j, o.code).value)])),
        rejection_roi: Object.fromEntries(origins.filter((o) => this.originReaching(this.roiAt, j, o.code) > 0).map((o) => [o.name, r4(this.stepRejection(j, o.code, true).value)])),
      })),
      total: {
        ...eff(this.totalEfficiency()),
        rejection: Object.fromEntries(origins.map((o) => [o.name, r4(this.totalRejection(o.code).value)])),
        rejection_roi: Object.fromEntries(origins.filter((o) => this.originReaching(this.roiAt, 0, o.code) > 0).map((o) => [o.name, r4(this.totalRejection(o.code, true).value)])),
        kept: Object.fromEntries(origins.map((o) => [o.name, this.kept(o.code)])),
        kept_roi: Object.fromEntries(origins.map((o) => [o.name, this.kept(o.code, true)])),
      },
    };
  }
}

/** The truth tally of one selection (events with truth). */
export function selectionTruth(events: EventColumns, runs: RunTable, sel: SelectionResult, options: TruthTallyOptions = {}): SelectionTruth {
  const t = new SelectionTruth(options);
  t.add(events, runs, sel);
  return t;
}

/**
 * The cut-flow as table rows: per step the events and live time (h) removed, and with truth the
 * live-time-corrected signal efficiency (true energy above the tally's threshold) and the share of
 * each artefact origin removed (of those reaching the step); a last row for the whole selection.
 */
export function selectionTableRows(flow: CutFlow, truth?: SelectionTruth): Record<string, string | number>[] {
  const f4 = (x: number): string => (Number.isFinite(x) ? x.toFixed(4) : "-");
  const rows = flow.rows();
  if (!truth) return rows;
  flow.total.steps.forEach((_, j) => {
    const row = rows[j + 1];
    const e = truth.stepEfficiency(j);
    row["signal eff."] = f4(e.corrected);
    for (const o of ARTEFACT_ORIGINS) row[`${ORIGIN_NAMES[o]} removed`] = f4(truth.stepRejection(j, o).value);
  });
  const last = rows[rows.length - 1];
  const t = truth.totalEfficiency();
  last["signal eff."] = `${f4(t.corrected)} ± ${f4(t.correctedError)}`;
  for (const o of ARTEFACT_ORIGINS) last[`${ORIGIN_NAMES[o]} removed`] = f4(truth.totalRejection(o).value);
  return rows;
}

/**
 * The cut-flow table of {@link selectionTableRows} as a result table; the whole selection's
 * live-time-corrected signal efficiency is printed with its error by the PDG rule.
 */
export function selectionTable(flow: CutFlow, truth?: SelectionTruth): ResultTable {
  const rows = selectionTableRows(flow, truth);
  const columns = Object.keys(rows[rows.length - 1]);
  const cells: ResultCell[][] = rows.map((r) => columns.map((c) => (c in r ? r[c] : "")));
  if (truth) {
    const t = truth.totalEfficiency();
    if (Number.isFinite(t.corrected)) cells[cells.length - 1][columns.indexOf("signal eff.")] = measured(t.corrected, t.correctedError);
  }
  const signal = truth ? `; signal eff.: true energy above ${truth.minTrueKeV} keV, live-time corrected` : "";
  return new ResultTable(`cut-flow, ${flow.periods.length === 1 ? flow.periods[0].period : `${flow.periods.length} periods`}${signal}`, columns, cells);
}
