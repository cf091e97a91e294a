/**
 * Seeded random numbers for pseudo-experiments: one Mersenne Twister (MT19937, Matsumoto &
 * Nishimura, ACM TOMACS 8 (1998) 3; @stdlib/random-base-mt19937) per generator, from which the
 * uniform, normal and Poisson draws all take their numbers, so a seed fixes every draw bit for bit.
 * The uniform draw is MT19937's 53-bit `genrand_res53`, the same as numpy's
 * `RandomState(seed).random_sample()` (checked in the tests against numpy's numbers).
 */
import mt19937 from "@stdlib/random-base-mt19937";
import normalFactory from "@stdlib/random-base-normal";
import poissonFactory from "@stdlib/random-base-poisson";

/** A seeded generator. */
export interface Rng {
  /** The seed it was created with. */
  readonly seed: number;
  /** Uniform on [0, 1), 53-bit resolution. */
  uniform(): number;
  /** Raw 32-bit MT19937 output (unsigned integer). */
  uint32(): number;
  /** Normal deviate with mean mu and standard deviation sigma. */
  normal(mu?: number, sigma?: number): number;
  /** Poisson deviate with the given mean (0 for mean 0). */
  poisson(mean: number): number;
}

/** A generator seeded with an integer in [1, 2^32 - 1]: the same seed gives the same numbers. */
export function createRng(seed: number): Rng {
  if (!Number.isInteger(seed) || seed < 1 || seed > 4294967295) throw new Error(`createRng: seed must be an integer in [1, 2^32 - 1], got ${seed}`);
  // The stdlib typings omit the generator's `normalized` (53-bit uniform) property; it exists at run time.
  const base = mt19937.factory({ seed }) as ReturnType<typeof mt19937.factory> & { normalized: () => number };
  const uniform = base.normalized;
  // The normal generator draws a number when it is created: create it on first use, so that a
  // fresh generator's uniform stream starts with MT19937's first output.
  let normal: ((mu: number, sigma: number) => number) | null = null;
  const poisson = poissonFactory.factory({ prng: uniform });
  return {
    seed,
    uniform: () => uniform(),
    uint32: () => base(),
    normal: (mu = 0, sigma = 1) => {
      if (!normal) normal = normalFactory.factory({ prng: uniform });
      return normal(mu, sigma);
    },
    poisson: (mean: number) => {
      if (mean === 0) return 0;
      if (!(mean > 0) || !Number.isFinite(mean)) throw new Error(`poisson: mean must be finite and >= 0, got ${mean}`);
      return poisson(mean);
    },
  };
}

/**
 * Poisson draws, one per mean (a Float64Array of expected counts per bin): a pseudo-data spectrum.
 *
 * @example
 * String(poissonDraw(createRng(7), [3, 3, 3])) === String(poissonDraw(createRng(7), [3, 3, 3])); // => true (same seed, same draws)
 */
export function poissonDraw(rng: Rng, mean: ArrayLike<number>, out: Float64Array = new Float64Array(mean.length)): Float64Array {
  for (let i = 0; i < mean.length; i++) out[i] = rng.poisson(mean[i]);
  return out;
}

/** Normal draws around means with standard deviations sigma (scalar or per element). */
export function normalDraw(rng: Rng, mean: ArrayLike<number>, sigma: number | ArrayLike<number>, out: Float64Array = new Float64Array(mean.length)): Float64Array {
  for (let i = 0; i < mean.length; i++) out[i] = rng.normal(mean[i], typeof sigma === "number" ? sigma : sigma[i]);
  return out;
}
