import { FieldsRecord, quantityTable, ResultTables, type ResultTable } from "../fit/resultTable.js";
import type { MeasuredValue } from "../reactor/texonoCsi.js";
import { csiSpectrumFromDataset } from "../spectra/csiSpectrum.js";
import type { ChargeRadiusInterval } from "./chargeRadiusInterval.js";
import type { CsiFit } from "./csiFit.js";
import { csiSummary } from "./csiSummary.js";
import { fitCsiResidual, simulateCsiOnOff } from "./csiToy.js";

/** The ON/OFF spectra a bound from an event dataset was fitted to (snake_case, as `nuem bound --json` prints them). */
export interface CsiBoundData {
  dir: string;
  on_kg_days: number;
  off_kg_days: number;
  on_counts: number[];
  off_counts: number[];
  edges_kev: number[];
}

/** The fields of a TEXONO CsI(Tl) bound on sin^2 theta_W or <r^2>: what `nuem bound --parameter sin2w|r2 --json` prints. */
export interface CsiBoundFields {
  parameter: "sin2w" | "r2";
  experiment: string;
  /** "Asimov (median expected)", "toy spectrum, seed N" or "events of DIR". */
  mode: string;
  fit: CsiFit;
  data?: CsiBoundData;
  sm_rate_per_kg_day: number;
  /** The flat level the toys use; absent for a dataset, which carries its own background. */
  background_per_kg_day?: number;
  sin2_from_published_xi: number;
  r2_interval_from_published_sin2_cm2: ChargeRadiusInterval;
  /** The published sin^2 theta_W (sin2w) or 90 % CL interval on <r^2> (r2). */
  published: MeasuredValue | { lower: number; upper: number; cl: number; source: string };
}

/** Where the bound's spectrum comes from: the Asimov spectrum (default), one seeded toy, or an event dataset. */
export interface CsiBoundOptions {
  seed?: number;
  /** A CsI(Tl) event dataset (e.g. from `nuem simulate --config csi`), already validated. */
  dataDir?: string;
}

/**
 * A TEXONO CsI(Tl) bound (PRD 81 072001): the 3-8 MeV residual fit of sin^2 theta_W or <r^2>,
 * sin^2 theta_W from the published xi, and the <r^2> interval from the published sin^2 theta_W.
 * Its JSON is `nuem bound --json`'s; `toString()` is the command's text, `toHTML()` tables.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface CsiBound extends CsiBoundFields {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class CsiBound extends FieldsRecord<CsiBoundFields> {
  /** The published xi, for the text (not a field: the JSON stays the command's). */
  readonly #publishedXi: number;

  constructor(fields: CsiBoundFields, publishedXi: number) {
    super(fields);
    this.#publishedXi = publishedXi;
  }

  view(): ResultTables {
    const head = quantityTable(`${this.experiment}, 3-8 MeV, ${this.mode}`, [
      ["SM rate (counts / kg day)", this.sm_rate_per_kg_day],
      ...(this.background_per_kg_day === undefined ? [] : [["flat background of the toys (counts / kg day; inferred)", this.background_per_kg_day] as const]),
      [`sin²θ_W from the published ξ = ${this.#publishedXi}`, this.sin2_from_published_xi],
    ]);
    const p = this.published as { value?: number; stat?: number; sys?: number; lower?: number; upper?: number; cl?: number };
    const published: ResultTable =
      this.parameter === "sin2w"
        ? quantityTable("published sin²θ_W", [["value", p.value], ["stat", p.stat], ["sys", p.sys]])
        : quantityTable(`published ⟨r²⟩ interval (${(p.cl ?? NaN) * 100} % CL, cm²)`, [["lower end", p.lower], ["upper end", p.upper]]);
    return new ResultTables([this.fit.view(), head, this.r2_interval_from_published_sin2_cm2.view(), published]);
  }

  /** The text of `nuem bound --parameter sin2w|r2` (unchanged since the command built it). */
  toString(): string {
    const fit = this.fit;
    const mode = this.mode;
    const r2 = this.r2_interval_from_published_sin2_cm2;
    if (this.parameter === "sin2w") {
      const p = this.published as MeasuredValue;
      return [
        `TEXONO CsI(Tl), 3-8 MeV, ${mode}: sin^2 theta_W = ${fit.value.toFixed(4)} +${fit.errHigh.toFixed(4)} -${fit.errLow.toFixed(4)} (stat)`,
        `from the published xi = ${this.#publishedXi}: sin^2 theta_W = ${this.sin2_from_published_xi.toFixed(4)}`,
        `published: ${p.value} +- ${p.stat} (stat) +- ${p.sys} (sys)`,
      ].join("\n");
    }
    const p = this.published as { lower: number; upper: number };
    return [
      `TEXONO CsI(Tl), 3-8 MeV, ${mode}: <r^2> = ${fit.value.toExponential(2)} +${fit.errHigh.toExponential(2)} -${fit.errLow.toExponential(2)} cm^2 (stat)`,
      `from the published sin^2 theta_W (stat+sys): ${r2.lower.toExponential(2)} < <r^2> < ${r2.upper.toExponential(2)} cm^2 (90 % CL)`,
      `published: ${p.lower} < <r^2> < ${p.upper} cm^2 (90 % CL)`,
    ].join("\n");
  }
}

/**
 * The TEXONO CsI(Tl) 3-8 MeV bound on sin^2 theta_W ("sin2w") or <r^2> ("r2"), as `nuem bound`
 * reports it: the Asimov fit of `csiSummary()` by default, the fit of one seeded toy spectrum
 * (`simulateCsiOnOff` at the summary's flat background and the published exposures), or the fit
 * of the ON/OFF spectra of an event dataset (`csiSpectrumFromDataset`).
 */
export function csiBound(parameter: "sin2w" | "r2", options: CsiBoundOptions = {}): CsiBound {
  if (options.seed !== undefined && options.dataDir !== undefined) throw new Error("csiBound: give either a seed (a toy spectrum) or a dataset, not both");
  const s = csiSummary();
  const which = parameter === "sin2w" ? "sin2ThetaW" : "chargeRadius2_cm2";
  let fit = s.asimov[which];
  let mode = "Asimov (median expected)";
  let data: CsiBoundData | null = null;
  if (options.dataDir !== undefined) {
    const sp = csiSpectrumFromDataset(options.dataDir);
    fit = fitCsiResidual(sp, which, s.sin2Ref);
    mode = `events of ${options.dataDir}`;
    data = { dir: options.dataDir, on_kg_days: sp.onKgDays, off_kg_days: sp.offKgDays, on_counts: Array.from(sp.on), off_counts: Array.from(sp.off), edges_kev: Array.from(sp.edgesKeV) };
  } else if (options.seed !== undefined) {
    const sp = simulateCsiOnOff({ seed: options.seed, backgroundPerKgDay: s.backgroundBinnedFit, onKgDays: s.published.exposureKgDays.on, offKgDays: s.published.exposureKgDays.off, sin2ThetaW: s.sin2Ref });
    fit = fitCsiResidual(sp, which, s.sin2Ref);
    mode = `toy spectrum, seed ${options.seed}`;
  }
  const p = s.published;
  return new CsiBound(
    {
      parameter,
      experiment: "TEXONO CsI(Tl)",
      mode,
      fit,
      ...(data ? { data } : {}),
      sm_rate_per_kg_day: s.smRatePerKgDay,
      ...(data ? {} : { background_per_kg_day: s.backgroundBinnedFit }),
      sin2_from_published_xi: s.sin2FromPublishedXi,
      r2_interval_from_published_sin2_cm2: s.chargeRadiusFromPublishedSin2,
      published: parameter === "sin2w" ? p.sin2ThetaW : p.chargeRadius2_cm2,
    },
    p.xi.value,
  );
}
