// 3. Gamma and X-ray lines: cosmogenic ones decaying, at the rate of the run's mid-time; background
// gammas, some with a NaI coincidence (the 60Co cascade partner).
import { Origin } from "../../events/origin.js";
import type { SourceContext } from "./context.js";

export function lineEvents(ctx: SourceContext): void {
  const { rng, model: m, config: c, plan, row: i, durationS: D, massKg: mass, days, response } = ctx;
  const tMid = plan.start_utc[i] + D / 2;
  c.lines.forEach((l, k) => {
    const n = rng.count(m.lineRatePerKgDay(k, tMid) * mass * days);
    for (let j = 0; j < n; j++) {
      const nai = l.naiFraction > 0 && rng.uniform() < l.naiFraction ? response.naiEnergy(c.continuum.naiMeanKeV) : 0;
      response.deposit(rng.uniform() * D, l.energyKeV, nai, 0, Origin.LINE);
    }
  });
}
