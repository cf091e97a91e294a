import mt19937 from "@stdlib/random-base-mt19937";
import normal from "@stdlib/random-base-normal";
import poisson from "@stdlib/random-base-poisson";

/**
 * Seeded random streams of the simulator. Every draw comes from a 32-bit Mersenne Twister
 * (`@stdlib/random-base-mt19937`) seeded with an array [seed low 32 bits, seed high bits, stream,
 * index]: one independent stream per run (stream RUN, index = run id) and one for the schedule
 * (stream SCHEDULE), so that runs can be generated in any order, or alone, with the same result.
 * Normal and Poisson deviates use `@stdlib/random-base-normal` / `-poisson` driven by the same
 * uniform source (their `prng` option), so a stream is one reproducible sequence.
 */

/** Stream tags (the third word of the seed array). Never renumber: results would change. */
export const RngStream = {
  /** The run schedule: reactor states, power log, bad runs, noble-gas episodes. */
  SCHEDULE: 1,
  /** The events of one run (index = run id). */
  RUN: 2,
} as const;

/** Largest accepted seed (integers 0 .. 2^53 - 1). */
export const MAX_SEED = Number.MAX_SAFE_INTEGER;

/** Checks a user seed: a non-negative safe integer. */
export function checkSeed(seed: number): number {
  if (!Number.isSafeInteger(seed) || seed < 0) throw new Error(`seed must be an integer in [0, 2^53 - 1], got ${seed}`);
  return seed;
}

/** A seeded random stream: uniform, normal, Poisson, exponential deviates. */
export class SimRng {
  /** Uniform on [0, 1) with 53-bit resolution. */
  readonly uniform: () => number;
  private readonly normal: (mu: number, sigma: number) => number;
  private readonly poisson: (lambda: number) => number;

  /** A stream for (seed, stream, index); see `RngStream`. */
  constructor(seed: number, stream: number, index: number) {
    checkSeed(seed);
    const lo = seed % 4294967296;
    const hi = Math.floor(seed / 4294967296);
    // A fifth constant word keeps the array longer than one (a length-1 array would equal a scalar seed).
    const words = new Uint32Array([lo >>> 0, hi >>> 0, stream >>> 0, index >>> 0, 0x9e3779b9]);
    // `normalized` (53-bit uniform on [0, 1)) exists on every generator but is missing from the typings of factory().
    const base = mt19937.factory({ seed: words }) as unknown as { normalized: () => number };
    this.uniform = base.normalized;
    this.normal = normal.factory({ prng: this.uniform });
    this.poisson = poisson.factory({ prng: this.uniform });
  }

  /** Uniform on [a, b). */
  between(a: number, b: number): number {
    return a + (b - a) * this.uniform();
  }

  /** Normal deviate with mean mu and standard deviation sigma (sigma = 0 returns mu). */
  gauss(mu = 0, sigma = 1): number {
    return sigma > 0 ? this.normal(mu, sigma) : mu;
  }

  /** Poisson count with mean lambda (0 for lambda <= 0). */
  count(lambda: number): number {
    return lambda > 0 ? this.poisson(lambda) : 0;
  }

  /** Exponential deviate with the given mean. */
  exponential(mean: number): number {
    return -mean * Math.log(1 - this.uniform());
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.uniform() < p;
  }

  /** Integer uniform in [0, n). */
  index(n: number): number {
    return Math.min(n - 1, Math.floor(this.uniform() * n));
  }

  /** Number of failures before the first success, success probability p (mean (1 - p)/p). */
  geometric(p: number): number {
    if (p >= 1) return 0;
    return Math.floor(Math.log(1 - this.uniform()) / Math.log(1 - p));
  }
}
