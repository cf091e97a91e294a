// 9. Microphonic trains (what GEMMA cut 4 removes): gaps below 80 ms; a train ends when its
// (decaying) oscillation no longer triggers.
import { Origin } from "../../events/origin.js";
import type { SourceContext } from "./context.js";

export function microphonicEvents(ctx: SourceContext): void {
  const { rng, durationS: D, hours, noiseFactors: f, response } = ctx;
  const r = ctx.config.noise.ringing;
  const n = rng.count(r.trainsPerHour * f.ringing * hours);
  for (let j = 0; j < n; j++) {
    let t = rng.uniform() * D;
    let amp = r.amplitudeMinKeV + rng.exponential(r.firstAmplitudeMeanKeV);
    const len = 2 + rng.geometric(1 / (1 + r.meanExtraEvents));
    for (let q = 0; q < len && t < D; q++) {
      if (!response.noisePulse(t, amp, r.direction, r.directionSpread, Origin.RINGING)) break;
      t += rng.between(r.minGapMs, r.maxGapMs) / 1000;
      amp = Math.max(r.amplitudeMinKeV, amp * r.decay);
    }
  }
}
