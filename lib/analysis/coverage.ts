/**
 * Coverage of a limit procedure, measured with pseudo-experiments: GEMMA- or TEXONO-like spectra
 * files (`spectraToy.ts`) with a true magnetic moment mu_true, each analysed by a named procedure
 * (`procedure.ts`); the coverage is the fraction of toys whose upper limit mu_90 is at or above
 * mu_true (a 90 % CL limit should cover in 90 % of experiments). Toy i uses the generator seed
 * `toySeed(seed, i)`, so a result does not depend on the order the toys run in.
 *
 * Errors: binomial, sqrt(p (1 - p) / n) with p = (k + 1/2) / (n + 1) (the estimate pulled half a
 * count from 0 and 1, so that k = n gives a non-zero error: 1/(2n) roughly, instead of 0).
 */
import { loadExperiment } from "../reactor/experiments.js";
import type { MagneticModel } from "./models.js";
import type { LimitProcedure } from "./procedure.js";
import { runPseudoExperiments, type PseudoExperiments } from "./pseudoExperiments.js";
import { gemmaToyConditions, texonoToyConditions, type ToyConditions } from "./spectraToy.js";

/** The experiments with toy conditions. */
export type CoverageExperiment = "gemma" | "texono";
export const COVERAGE_EXPERIMENTS: readonly CoverageExperiment[] = ["gemma", "texono"];

/** Options of {@link measureCoverage}. */
export interface CoverageOptions {
  experiment: CoverageExperiment;
  procedure: LimitProcedure;
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
    readonly procedure: LimitProcedure,
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

  /** `perToy`: also every toy's mu_90 (for distributions). */
  toJSON(perToy = false): Record<string, unknown> {
    const c = this.coverage();
    const p = this.pBelowPublished();
    const b = this.runs.bands();
    return {
      experiment: this.experiment,
      procedure: this.procedure,
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
      ...(perToy ? { mu_upper_mub_per_toy: Array.from(this.runs.muUpperMuB) } : {}),
    };
  }

  toString(): string {
    const c = this.coverage();
    const p = this.pBelowPublished();
    const e = (v: number) => v.toExponential(2);
    return [
      `${this.experiment}, procedure ${this.procedure}, mu_true = ${e(this.muTrueMuB)} mu_B, ${this.toys} toys (seed ${this.seed})`,
      `  coverage of the ${this.runs.asimov.cl * 100} % CL limit: ${c.value.toFixed(3)} +- ${c.error.toFixed(3)} (${this.covered}/${this.toys})`,
      `  median mu_90 ${e(this.runs.bands().median)} mu_B; P(mu_90 <= ${e(this.publishedMuB)}, published) = ${p.value.toFixed(3)} +- ${p.error.toFixed(3)} (${this.belowPublished}/${this.toys})`,
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
  const { experiment, procedure, muB, toys, seed } = options;
  if (!COVERAGE_EXPERIMENTS.includes(experiment)) throw new Error(`coverage: unknown experiment ${JSON.stringify(experiment)} (expected one of ${COVERAGE_EXPERIMENTS.join(", ")})`);
  if (!(Number.isFinite(muB) && muB >= 0)) throw new Error(`coverage: the true mu must be a number >= 0 (mu_B), got ${muB}`);
  if (!Number.isInteger(toys) || toys < 2) throw new Error(`coverage: the number of toys must be an integer >= 2, got ${toys}`);
  const model = options.model ?? "fe";
  const cond = options.conditions ?? (experiment === "gemma" ? gemmaToyConditions() : texonoToyConditions());
  const runs = runPseudoExperiments(cond, { n: toys, seed, toySeeds: "derived", signal: { model, muB }, model, cl: options.cl, procedure });
  return new CoverageResult(experiment, procedure, muB, seed, publishedFreeElectronLimit(experiment), runs);
}
