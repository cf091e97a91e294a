// 7. Off-diagonal artefacts (what GEMMA cut 5 removes): noise pulses along the phase's direction.
import { Origin } from "../../events/origin.js";
import type { SourceContext } from "./context.js";

export function artefactEvents(ctx: SourceContext): void {
  const { rng, durationS: D, hours, noiseFactors: f, response } = ctx;
  const a = ctx.config.noise.artefacts;
  const n = rng.count(a.ratePerHour * f.artefacts * hours);
  for (let j = 0; j < n; j++) response.noisePulse(rng.uniform() * D, a.amplitudeMinKeV + rng.exponential(a.amplitudeMeanKeV), ctx.artefactDirection, a.directionSpread, Origin.ARTEFACT);
}
