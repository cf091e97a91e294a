// 8. Noisy seconds (what GEMMA cut 3 removes): whole seconds of the run full of pulses that look
// like real ones, on the diagonal (through the channel gains); more of them in a noisy run.
import { Origin } from "../../events/origin.js";
import type { SourceContext } from "./context.js";

export function noisySecondEvents(ctx: SourceContext): void {
  const { rng, durationS: D, hours, noiseFactors: f, response } = ctx;
  const b = ctx.config.noise.bursts;
  const n = rng.count(b.ratePerHour * f.bursts * (ctx.noisyRun ? b.noisyRunFactor : 1) * hours);
  const whole = Math.floor(D);
  for (let j = 0; j < n; j++) {
    const s0 = rng.index(whole);
    const len = 1 + rng.geometric(1 / (1 + b.meanExtraSeconds));
    for (let s = s0; s < Math.min(s0 + len, whole); s++) {
      const k = rng.count(b.eventsPerSecond);
      for (let q = 0; q < k; q++) response.noisePulse(s + rng.uniform(), b.amplitudeMinKeV + rng.exponential(b.amplitudeMeanKeV), response.diagonal, 0.02, Origin.NOISE_BURST);
    }
  }
}
