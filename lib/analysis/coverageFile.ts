/**
 * Reads the committed results of `nuem coverage` (data/coverage/*.json, made by the commands in
 * data/coverage/README.md), so that notebooks and the main job can quote them without running
 * thousands of pseudo-experiments. Errors name the file and the field.
 */
import { readFileSync } from "node:fs";
import { InputDataError } from "../errors.js";
import { dataPath } from "../data/paths.js";
import { FieldsRecord, measured, quantityTable, ResultTable, type ResultCell } from "../fit/resultTable.js";

/** The fields of one `nuem coverage --json` result. */
export interface CoverageFields {
  file: string;
  experiment: string;
  procedure: string | null;
  background: string | null;
  true_background: string;
  mu_true_mub: number;
  seed: number;
  toys: number;
  covered: number;
  coverage: number;
  coverage_err: number;
  median_mu_upper_mub: number;
  published_mu_upper_mub: number;
  below_published: number;
  p_below_published: number;
  p_below_published_err: number;
  asimov_mu_upper_mub: number;
  pull_mean: number;
  pull_mean_err: number;
  pull_sd: number;
  pull_sd_err: number;
  /** Present when made with --per-toy. */
  mu_upper_mub_per_toy?: number[];
}

const NUMBERS = ["mu_true_mub", "seed", "toys", "covered", "coverage", "coverage_err", "median_mu_upper_mub", "published_mu_upper_mub", "below_published", "p_below_published", "p_below_published_err", "asimov_mu_upper_mub", "pull_mean", "pull_mean_err", "pull_sd", "pull_sd_err"] as const;

/** Reads data/coverage/<name> (a `nuem coverage --json` output). */
export function readCoverageFile(name: string): CoverageRecord {
  const path = dataPath(`coverage/${name}`);
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
  } catch (e) {
    throw new InputDataError(`data/coverage/${name}: cannot read (${(e as Error).message}); the commands that make it are in data/coverage/README.md`, { file: `data/coverage/${name}` }, { cause: e });
  }
  for (const k of NUMBERS) if (typeof doc[k] !== "number" || !Number.isFinite(doc[k])) throw new InputDataError(`data/coverage/${name}: field ${k}: expected a number`, { file: `data/coverage/${name}`, field: k });
  if (typeof doc.experiment !== "string") throw new InputDataError(`data/coverage/${name}: field experiment: expected a string`, { file: `data/coverage/${name}`, field: "experiment" });
  const per = doc.mu_upper_mub_per_toy;
  if (per !== undefined && !(Array.isArray(per) && per.length === doc.toys && per.every((v) => typeof v === "number"))) throw new InputDataError(`data/coverage/${name}: field mu_upper_mub_per_toy: expected ${doc.toys} numbers`, { file: `data/coverage/${name}`, field: "mu_upper_mub_per_toy" });
  return new CoverageRecord({ ...(doc as unknown as CoverageFields), file: name });
}

/** The columns {@link coverageTable} can show, in this order by default. */
export const COVERAGE_COLUMNS = ["experiment", "procedure", "OFF model", "true background", "true mu (muB)", "toys", "coverage", "median mu_90 (muB)", "P(mu_90 <= published)", "published (muB)", "pull mean", "pull width"] as const;
export type CoverageColumn = (typeof COVERAGE_COLUMNS)[number];

function coverageCell(r: CoverageFields, c: CoverageColumn): ResultCell {
  switch (c) {
    case "experiment": return r.experiment;
    case "procedure": return r.procedure ?? "-";
    case "OFF model": return r.background ?? "-";
    case "true background": return r.true_background;
    case "true mu (muB)": return r.mu_true_mub;
    case "toys": return r.toys;
    case "coverage": return measured(r.coverage, r.coverage_err);
    case "median mu_90 (muB)": return r.median_mu_upper_mub;
    case "P(mu_90 <= published)": return measured(r.p_below_published, r.p_below_published_err);
    case "published (muB)": return r.published_mu_upper_mub;
    case "pull mean": return measured(r.pull_mean, r.pull_mean_err);
    case "pull width": return measured(r.pull_sd, r.pull_sd_err);
  }
}

/** One coverage measurement per row; fractions and pulls with their errors by the PDG rule. */
export function coverageTable(records: readonly CoverageFields[], columns: readonly CoverageColumn[] = COVERAGE_COLUMNS): ResultTable {
  for (const c of columns) if (!COVERAGE_COLUMNS.includes(c)) throw new Error(`coverageTable: unknown column ${JSON.stringify(c)} (expected one of ${COVERAGE_COLUMNS.join(", ")})`);
  return new ResultTable(`coverage of the ${records.length === 1 ? "limit" : "limits"}: ${records.length} measurement${records.length === 1 ? "" : "s"}`, columns, records.map((r) => columns.map((c) => coverageCell(r, c))));
}

/** One coverage measurement as a quantity table (used by the record and by `CoverageResult`). */
export function coverageView(r: CoverageFields, caption: string): ResultTable {
  return quantityTable(caption, COVERAGE_COLUMNS.map((c) => [c, coverageCell(r, c)] as const));
}

/** One `nuem coverage --json` result read from data/coverage (the file's fields and its name). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface CoverageRecord extends CoverageFields {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class CoverageRecord extends FieldsRecord<CoverageFields> {
  view(): ResultTable {
    return coverageView(this, `data/coverage/${this.file}`);
  }
}
