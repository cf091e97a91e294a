/**
 * Coverage of a limit procedure, measured with pseudo-experiments: GEMMA- or TEXONO-like spectra
 * files (`spectraToy.ts`) with a true magnetic moment mu_true, each analysed by a named procedure
 * (`procedure.ts`); the coverage is the fraction of toys whose upper limit mu_90 is at or above
 * mu_true (a 90 % CL limit should cover in 90 % of experiments). Toy i uses the generator seed
 * `toySeed(seed, i)`, so a result does not depend on the order the toys run in.
 *
 * Instead of a procedure, a single OFF background model (`background`: gel, spline, polynomial or
 * raw; correlated OFF errors, K profiled, PDG) can be measured, on a chosen true background
 * (`family`, `backgroundFamily`): the background-model study of notebook 07. Besides the coverage it
 * reports the pulls (X_hat - X_true) / dX of the statistical fit (first alternative), whose mean
 * is the bias in units of the error; the errors of their mean and width are sd/sqrt(n) and
 * sd/sqrt(2(n - 1)).
 *
 * Errors: binomial, sqrt(p (1 - p) / n) with p = (k + 1/2) / (n + 1) (the estimate pulled half a
 * count from 0 and 1, so that k = n gives a non-zero error: 1/(2n) roughly, instead of 0).
 */
import { loadExperiment } from "../reactor/experiments.js";
import { coverageView, type CoverageFields } from "./coverageFile.js";
import { BACKGROUND_KINDS, type BackgroundKind } from "./backgroundFit.js";
import type { MagneticModel } from "./models.js";
import type { LimitProcedure } from "./procedure.js";
import { runPseudoExperiments, type PseudoExperiments } from "./pseudoExperiments.js";
import { BACKGROUND_FAMILIES, backgroundFamily, gemmaToyConditions, texonoToyConditions, type BackgroundFamily, type ToyConditions } from "./spectraToy.js";

/** The experiments with toy conditions. */
export type CoverageExperiment = "gemma" | "texono";
export const COVERAGE_EXPERIMENTS: readonly CoverageExperiment[] = ["gemma", "texono"];

/** Options of {@link measureCoverage}. */
export interface CoverageOptions {
  experiment: CoverageExperiment;
  /** The named procedure, or (instead) a single OFF background model. */
  procedure?: LimitProcedure;
  background?: BackgroundKind;
  /** True background (GEMMA only; default the experiment's GEMMA/TEXONO-like one). */
  family?: BackgroundFamily;
  /** True magnetic moment, mu_B (>= 0). */
  muB: number;
  toys: number;
  seed: number;
  model?: MagneticModel;
  cl?: number;
  /** Toy conditions (default: the experiment's published ones with its GEMMA/TEXONO-like background). */
  conditions?: ToyConditions;
}

/** A binomial fraction k/n with its error (see the file header). */
export function binomialFraction(k: number, n: number): { value: number; error: number } {
  if (!(Number.isInteger(n) && n >= 1 && Number.isInteger(k) && k >= 0 && k <= n)) throw new Error(`binomialFraction: need integers 0 <= k <= n, n >= 1; got k = ${k}, n = ${n}`);
  const p = (k + 0.5) / (n + 1);
  return { value: k / n, error: Math.sqrt((p * (1 - p)) / n) };
}

/** The coverage measurement; `toJSON` is `nuem coverage --json`. */
export class CoverageResult {
  constructor(
    readonly experiment: CoverageExperiment,
    /** The named procedure, or null for a single background model. */
    readonly procedure: LimitProcedure | null,
    readonly background: BackgroundKind | null,
    readonly family: string,
    readonly muTrueMuB: number,
    readonly seed: number,
    readonly publishedMuB: number,
    readonly runs: PseudoExperiments,
  ) {}

  get toys(): number {
    return this.runs.n;
  }

  /** Toys whose mu_90 >= mu_true. */
  get covered(): number {
    let k = 0;
    for (const v of this.runs.muUpperMuB) if (v >= this.muTrueMuB) k++;
    return k;
  }

  /** Toys whose mu_90 <= the published limit. */
  get belowPublished(): number {
    let k = 0;
    for (const v of this.runs.muUpperMuB) if (v <= this.publishedMuB) k++;
    return k;
  }

  coverage(): { value: number; error: number } {
    return binomialFraction(this.covered, this.toys);
  }

  pBelowPublished(): { value: number; error: number } {
    return binomialFraction(this.belowPublished, this.toys);
  }

  /** Pulls of the statistical fit: mean and width with their errors (see the file header). */
  pulls(): { mean: number; meanError: number; sd: number; sdError: number } {
    const p = this.runs.pullSummary();
    return { mean: p.mean, meanError: p.sd / Math.sqrt(p.n), sd: p.sd, sdError: p.sd / Math.sqrt(2 * (p.n - 1)) };
  }

  /** `perToy`: also every toy's mu_90 (for distributions). */
  toJSON(perToy = false): Record<string, unknown> {
    const c = this.coverage();
    const p = this.pBelowPublished();
    const b = this.runs.bands();
    const pulls = this.pulls();
    return {
      experiment: this.experiment,
      procedure: this.procedure,
      background: this.background,
      true_background: this.family,
      mu_true_mub: this.muTrueMuB,
      model: this.runs.signal.model,
      cl: this.runs.asimov.cl,
      seed: this.seed,
      toys: this.toys,
      covered: this.covered,
      coverage: c.value,
      coverage_err: c.error,
      median_mu_upper_mub: b.median,
      band_1sigma_mub: [b.minus1, b.plus1],
      published_mu_upper_mub: this.publishedMuB,
      below_published: this.belowPublished,
      p_below_published: p.value,
      p_below_published_err: p.error,
      asimov_mu_upper_mub: this.runs.asimov.muUpperMuB,
      asimov_x_hat_stat: this.runs.asimov.xHatStat,
      x_err_stat_asimov: this.runs.asimov.xErrStat,
      pull_mean: pulls.mean,
      pull_mean_err: pulls.meanError,
      pull_sd: pulls.sd,
      pull_sd_err: pulls.sdError,
      ...(perToy ? { mu_upper_mub_per_toy: Array.from(this.runs.muUpperMuB) } : {}),
    };
  }

  /** The measurement as a table (the same rows as a committed record's); `toString` stays the CLI's text. */
  toHTML(): string {
    const caption = `${this.experiment} (${this.family}), ${this.procedure ? `procedure ${this.procedure}` : `background ${this.background}`}, seed ${this.seed}`;
    return coverageView({ ...this.toJSON(), file: "" } as unknown as CoverageFields, caption).toHTML();
  }

  toString(): string {
    const c = this.coverage();
    const p = this.pBelowPublished();
    const e = (v: number) => v.toExponential(2);
    return [
      `${this.experiment} (${this.family}), ${this.procedure ? `procedure ${this.procedure}` : `background ${this.background}`}, mu_true = ${e(this.muTrueMuB)} mu_B, ${this.toys} toys (seed ${this.seed})`,
      `  coverage of the ${this.runs.asimov.cl * 100} % CL limit: ${c.value.toFixed(3)} +- ${c.error.toFixed(3)} (${this.covered}/${this.toys})`,
      `  median mu_90 ${e(this.runs.bands().median)} mu_B; P(mu_90 <= ${e(this.publishedMuB)}, published) = ${p.value.toFixed(3)} +- ${p.error.toFixed(3)} (${this.belowPublished}/${this.toys})`,
      `  pulls of X_hat (statistical fit): mean ${this.pulls().mean.toFixed(3)} +- ${this.pulls().meanError.toFixed(3)}, sd ${this.pulls().sd.toFixed(3)} +- ${this.pulls().sdError.toFixed(3)}`,
    ].join("\n");
  }
}

/** The experiment's published free-electron limit (data/experiments/<name>.json). */
export function publishedFreeElectronLimit(experiment: CoverageExperiment): number {
  const l = loadExperiment(experiment).results?.limits?.find((x) => x.mechanism === "free-electron");
  if (!l) throw new Error(`data/experiments/${experiment}.json: no published free-electron limit`);
  return l.value;
}

/** Measures the coverage (see the file header). */
export function measureCoverage(options: CoverageOptions): CoverageResult {
  const { experiment, procedure, background, muB, toys, seed } = options;
  if ((procedure === undefined) === (background === undefined)) throw new Error("coverage: give either a procedure or a background model");
  if (background !== undefined && !BACKGROUND_KINDS.includes(background)) throw new Error(`coverage: unknown background ${JSON.stringify(background)} (expected one of ${BACKGROUND_KINDS.join(", ")})`);
  if (options.family !== undefined && !BACKGROUND_FAMILIES.includes(options.family)) throw new Error(`coverage: unknown background family ${JSON.stringify(options.family)} (expected one of ${BACKGROUND_FAMILIES.join(", ")})`);
  if (options.family !== undefined && experiment !== "gemma") throw new Error("coverage: the background families are GEMMA-like; TEXONO toys use the TEXONO-like background");
  if (!COVERAGE_EXPERIMENTS.includes(experiment)) throw new Error(`coverage: unknown experiment ${JSON.stringify(experiment)} (expected one of ${COVERAGE_EXPERIMENTS.join(", ")})`);
  if (!(Number.isFinite(muB) && muB >= 0)) throw new Error(`coverage: the true mu must be a number >= 0 (mu_B), got ${muB}`);
  if (!Number.isInteger(toys) || toys < 2) throw new Error(`coverage: the number of toys must be an integer >= 2, got ${toys}`);
  const model = options.model ?? "fe";
  const cond = options.conditions ?? (experiment === "gemma" ? gemmaToyConditions(options.family ? { background: backgroundFamily(options.family) } : {}) : texonoToyConditions());
  const analysis = procedure !== undefined ? { procedure } : { background };
  const runs = runPseudoExperiments(cond, { n: toys, seed, toySeeds: "derived", signal: { model, muB }, model, cl: options.cl, ...analysis });
  const family = options.conditions ? "given conditions" : (options.family ?? (experiment === "gemma" ? "gemma-like" : "texono-like"));
  return new CoverageResult(experiment, procedure ?? null, background ?? null, family, muB, seed, publishedFreeElectronLimit(experiment), runs);
}
