/**
 * Reads the committed results of `nuem coverage` (data/coverage/*.json, made by the commands in
 * data/coverage/README.md), so that notebooks and the main job can quote them without running
 * thousands of pseudo-experiments. Errors name the file and the field.
 */
import { readFileSync } from "node:fs";
import { InputDataError } from "../errors.js";
import { dataPath } from "../data/paths.js";

/** One `nuem coverage --json` result. */
export interface CoverageRecord {
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
  return { ...(doc as unknown as CoverageRecord), file: name };
}
