/**
 * Expected limits and coverage from pseudo-experiments: seeded Poisson spectra
 * files from `spectraToy.ts` (toy i uses seed + i, or with `toySeeds: "derived"` the seed
 * {@link toySeed}(seed, i)), each analysed by `analyseSpectra` exactly as a
 * real spectra file. The Asimov data set (every bin at its expectation) gives the median expected
 * limit without fluctuations; the toys give the distribution: median and the +-1 sigma, +-2 sigma
 * bands (the quantiles at Phi(-2), Phi(-1), 1/2, Phi(1), Phi(2) = 2.28, 15.87, 50, 84.13,
 * 97.72 %), and, with an injected signal, the pulls (X_hat - X_true) / dX of the statistical
 * combination, whose mean must be 0 and width 1 if the errors are right.
 *
 * Quantiles: linear interpolation between order statistics (Hyndman & Fan 1996, definition 7,
 * numpy's default).
 */
import { measured, quantityTable } from "../fit/resultTable.js";
import normalCdf from "@stdlib/stats-base-dists-normal-cdf";
import { analyseSpectra, type AnalyseSpectraOptions, type SpectraLimit } from "./limit.js";
import { asimovSpectraFile, expectedToySpectra, toySpectraFile, type ToyConditions, type ToySignal } from "./spectraToy.js";

/** Options of {@link runPseudoExperiments}. */
export interface PseudoExperimentOptions extends AnalyseSpectraOptions {
  /** Number of pseudo-experiments (>= 1). */
  n: number;
  /** Seed of the first toy (toy i uses seed + i). */
  seed: number;
  /** The injected signal (default: the analysis model with mu = 0). */
  signal?: ToySignal;
  /** Start the toys' background fits from the Asimov fit (default true; faster, same minimum). */
  warmStart?: boolean;
  /**
   * Seed of toy i: "consecutive" (default) seed + i; "derived" {@link toySeed}(seed, i), so that runs
   * with neighbouring seeds share no toy. Either way a toy depends only on (seed, i), not on the
   * order in which toys are run.
   */
  toySeeds?: "consecutive" | "derived";
}

/** 32-bit finaliser of MurmurHash3 (Appleby, public domain): a bijection that mixes every input bit. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * The generator seed of toy `index` of a run seeded with `seed`: a hash of the pair (MurmurHash3's
 * finaliser of the mixed seed and index), in [1, 2^32 - 1]. Depends on nothing else, so a toy is the
 * same whatever the order, the number of toys or the worker that runs it.
 */
export function toySeed(seed: number, index: number): number {
  if (!Number.isInteger(seed) || seed < 1 || seed > 4294967295) throw new Error(`toySeed: seed must be an integer in [1, 2^32 - 1], got ${seed}`);
  if (!Number.isInteger(index) || index < 0) throw new Error(`toySeed: index must be an integer >= 0, got ${index}`);
  const h = fmix32((fmix32(seed) ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0);
  return h === 0 ? 1 : h;
}

/** Most pseudo-experiments one call runs (~1 s each for GEMMA-like conditions: about a day). */
export const MAX_TOYS = 100000;

/** Quantile of sorted values, linear interpolation (Hyndman-Fan 7). */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) throw new Error("quantileSorted: no values");
  if (!(p >= 0 && p <= 1)) throw new Error(`quantileSorted: p must be in [0, 1], got ${p}`);
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** Median and the 1 and 2 sigma bands of a distribution. */
export interface Bands {
  minus2: number;
  minus1: number;
  median: number;
  plus1: number;
  plus2: number;
}

/** The quantiles at Phi(-2), Phi(-1), 0.5, Phi(1), Phi(2). */
export function bandsOf(values: ArrayLike<number>): Bands {
  const s = Float64Array.from(values).sort();
  const q = (z: number) => quantileSorted(s, normalCdf(z, 0, 1));
  return { minus2: q(-2), minus1: q(-1), median: q(0), plus1: q(1), plus2: q(2) };
}

/** Mean and standard deviation of pulls with their standard errors (1/sqrt(n), 1/sqrt(2(n-1)) for unit-normal pulls). */
export interface PullSummary {
  n: number;
  mean: number;
  sd: number;
  meanError: number;
  sdError: number;
}

export function pullSummary(pulls: ArrayLike<number>): PullSummary {
  const n = pulls.length;
  if (n < 2) throw new Error("pseudo-experiments: the pull summary needs at least 2 pseudo-experiments (n >= 2)");
  let m = 0;
  for (let i = 0; i < n; i++) m += pulls[i];
  m /= n;
  let v = 0;
  for (let i = 0; i < n; i++) v += (pulls[i] - m) ** 2;
  const sd = Math.sqrt(v / (n - 1));
  return { n, mean: m, sd, meanError: 1 / Math.sqrt(n), sdError: 1 / Math.sqrt(2 * (n - 1)) };
}

/** The toys' results, the Asimov result, and their summaries. */
export class PseudoExperiments {
  constructor(
    readonly conditions: ToyConditions,
    readonly signal: ToySignal,
    readonly seed: number,
    /** Per toy: the result's X_hat, error, X_90 and mu_90 (mu_B), and the statistical-only X_hat, error. */
    readonly xHat: Float64Array,
    readonly xErr: Float64Array,
    readonly xUpper: Float64Array,
    readonly muUpperMuB: Float64Array,
    readonly xHatStat: Float64Array,
    readonly xErrStat: Float64Array,
    /** The Asimov (median expected) result. */
    readonly asimov: SpectraLimit,
    readonly method: string,
  ) {}

  get n(): number {
    return this.xHat.length;
  }

  /** True X of the injected signal. */
  get xTrue(): number {
    return (this.signal.muB / 1e-11) ** 2;
  }

  /** Median and bands of the mu_90 distribution, mu_B. */
  bands(): Bands {
    return bandsOf(this.muUpperMuB);
  }

  /** Pulls (X_hat_stat - X_true) / dX_stat. */
  pulls(): Float64Array {
    const xt = this.xTrue;
    return this.xHatStat.map((x, i) => (x - xt) / this.xErrStat[i]);
  }

  pullSummary(): PullSummary {
    return pullSummary(this.pulls());
  }

  /** Fraction of toys whose mu_90 is at or below a value (e.g. a published limit). */
  fractionBelow(muB: number): number {
    let k = 0;
    for (const v of this.muUpperMuB) if (v <= muB) k++;
    return k / this.n;
  }

  /** Fraction of toys whose X_90 covers the true X (coverage of the upper limit). */
  coverage(): number {
    let k = 0;
    for (const v of this.xUpper) if (v >= this.xTrue) k++;
    return k / this.n;
  }

  toJSON(): Record<string, unknown> {
    const b = this.bands();
    const p = this.pullSummary();
    return {
      n: this.n,
      seed: this.seed,
      method: this.method,
      signal: this.signal,
      asimov_mu_upper_mub: this.asimov.muUpperMuB,
      median_mu_upper_mub: b.median,
      band_1sigma_mub: [b.minus1, b.plus1],
      band_2sigma_mub: [b.minus2, b.plus2],
      pull_mean: p.mean,
      pull_sd: p.sd,
      coverage: this.coverage(),
    };
  }

  /** The limits' distribution and the pulls as a table (pull mean and width with their errors, PDG rule). */
  toHTML(): string {
    const b = this.bands();
    const p = this.pullSummary();
    return quantityTable(`${this.n} pseudo-experiments (${this.method}), ${this.signal.model} mu = ${this.signal.muB} mu_B, seeds ${this.seed}..${this.seed + this.n - 1}`, [
      ["Asimov mu_90 (muB)", this.asimov.muUpperMuB],
      ["median mu_90 (muB)", b.median],
      ["68 % band (muB)", [b.minus1, b.plus1]],
      ["95 % band (muB)", [b.minus2, b.plus2]],
      ["pull mean", measured(p.mean, p.meanError)],
      ["pull width", measured(p.sd, p.sdError)],
      [`coverage of X_${this.asimov.cl * 100}`, this.coverage()],
    ]).toHTML();
  }

  toString(): string {
    const b = this.bands();
    const p = this.pullSummary();
    const e = (v: number) => v.toExponential(2);
    return [
      `${this.n} pseudo-experiments (${this.method}), ${this.signal.model} mu = ${this.signal.muB} mu_B, seeds ${this.seed}..${this.seed + this.n - 1}`,
      `  mu_90: median ${e(b.median)} mu_B, 68 % band [${e(b.minus1)}, ${e(b.plus1)}], 95 % band [${e(b.minus2)}, ${e(b.plus2)}]; Asimov ${e(this.asimov.muUpperMuB)}`,
      `  pulls: mean ${p.mean.toFixed(3)} +- ${p.meanError.toFixed(3)}, sd ${p.sd.toFixed(3)} +- ${p.sdError.toFixed(3)}; coverage of X_90: ${(this.coverage() * 100).toFixed(1)} %`,
    ].join("\n");
  }
}

/** The analysis options among the pseudo-experiment options (without n, seed, signal, warmStart). */
function analysisOptionsOf(options: Partial<PseudoExperimentOptions>): AnalyseSpectraOptions {
  const { n: _n, seed: _seed, signal: _signal, warmStart: _warm, toySeeds: _toySeeds, ...rest } = options;
  return rest;
}

/** The median expected limit from the Asimov data set of the conditions (mu = 0 unless `signal`). */
export function asimovLimit(cond: ToyConditions, options: AnalyseSpectraOptions & { signal?: ToySignal } = {}): SpectraLimit {
  const signal = options.signal ?? { model: options.model ?? "fe", muB: 0 };
  return analyseSpectra(asimovSpectraFile(cond, signal), analysisOptionsOf(options));
}

/** Runs the pseudo-experiments (see the file header). */
export function runPseudoExperiments(cond: ToyConditions, options: PseudoExperimentOptions): PseudoExperiments {
  const n = options.n;
  if (!Number.isInteger(n) || n < 1 || n > MAX_TOYS) throw new Error(`pseudo-experiment options: n is ${n}, expected an integer in [1, ${MAX_TOYS}]`);
  if (!Number.isSafeInteger(options.seed) || options.seed < 0) throw new Error(`pseudo-experiment options: seed is ${options.seed}, expected an integer >= 0`);
  if (options.warmStart !== undefined && typeof options.warmStart !== "boolean") throw new Error(`pseudo-experiment options: warmStart is ${JSON.stringify(options.warmStart)}, expected true or false`);
  const signal = options.signal ?? { model: options.model ?? "fe", muB: 0 };
  const analysisOnly = analysisOptionsOf(options);
  const asimov = analyseSpectra(asimovSpectraFile(cond, signal), analysisOnly);
  let analysisOptions: AnalyseSpectraOptions = analysisOnly;
  if (options.warmStart !== false) {
    const starts: Record<string, ArrayLike<number>> = { ...(options.backgroundStarts ?? {}) };
    for (const alt of asimov.alternatives) {
      for (const p of alt.periods) {
        const key = `${p.background.kind}:${p.name}`;
        if (p.background.fit && p.background.kind !== "spline" && !(key in starts)) starts[key] = p.background.fit.values;
      }
    }
    analysisOptions = { ...analysisOnly, backgroundStarts: starts };
  }
  const expectation = expectedToySpectra(cond, signal);
  const seedOf = options.toySeeds === "derived" ? (i: number) => toySeed(options.seed, i) : (i: number) => options.seed + i;
  const xHat = new Float64Array(n);
  const xErr = new Float64Array(n);
  const xUpper = new Float64Array(n);
  const mu = new Float64Array(n);
  const xs = new Float64Array(n);
  const es = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const r = analyseSpectra(toySpectraFile(cond, signal, seedOf(i), expectation), analysisOptions);
    xHat[i] = r.xHat;
    xErr[i] = r.xErr;
    xUpper[i] = r.xUpper;
    mu[i] = r.muUpperMuB;
    xs[i] = r.xHatStat;
    es[i] = r.xErrStat;
  }
  return new PseudoExperiments(cond, signal, options.seed, xHat, xErr, xUpper, mu, xs, es, asimov, options.method ?? "pdg");
}
