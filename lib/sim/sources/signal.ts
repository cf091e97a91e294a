// 1. The injected signal: per component a Poisson count in the run's exposure, scaled by the true
// power (0 when OFF), energies by inverse CDF of its spectrum.
import type { SourceContext } from "./context.js";

export function signalEvents(ctx: SourceContext): void {
  const { rng, durationS: D, massKg: mass, days, powerScale, response } = ctx;
  ctx.model.signals.forEach((s) => {
    const mu = s.spectrum.total * mass * days * powerScale;
    const n = rng.count(mu);
    for (let j = 0; j < n; j++) response.deposit(rng.uniform() * D, s.spectrum.sample(rng.uniform()), 0, 0, s.origin);
  });
}
