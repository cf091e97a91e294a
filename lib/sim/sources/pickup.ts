// 10. 50 Hz pick-up (what GEMMA cut 4 removes): episodes of events on the mains cycle, at
// n x 20.0 ms from each other.
import { Origin } from "../../events/origin.js";
import type { SourceContext } from "./context.js";

export function pickupEvents(ctx: SourceContext): void {
  const { rng, durationS: D, hours, noiseFactors: f, response } = ctx;
  const p = ctx.config.noise.pickup;
  const n = rng.count(p.episodesPerHour * f.pickup * hours);
  const period = p.periodMs / 1000;
  const jitter = p.jitterMs / 1000;
  for (let j = 0; j < n; j++) {
    const t0 = rng.uniform() * D;
    const cycles = Math.floor(rng.between(p.durationS[0], p.durationS[1]) / period);
    for (let q = 0; q < cycles; q++) {
      if (!(rng.uniform() < p.cycleProbability)) continue;
      const t = t0 + q * period + rng.gauss(0, jitter);
      const amp = p.amplitudeMinKeV + rng.exponential(p.amplitudeMeanKeV);
      if (t >= 0 && t < D) response.noisePulse(t, amp, p.direction, p.directionSpread, Origin.PICKUP);
    }
  }
}
