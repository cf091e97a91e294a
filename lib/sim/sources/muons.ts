// 5. Muons through the crystal (dE/dx times a path length) and the NaI, mostly vetoed.
import { Origin } from "../../events/origin.js";
import type { SourceContext } from "./context.js";

export function muonEvents(ctx: SourceContext): void {
  const { rng, durationS: D, hours, response } = ctx;
  const mu = ctx.config.muons;
  const n = rng.count(mu.ratePerHour * hours);
  for (let j = 0; j < n; j++) {
    const e = mu.dEdxKeVPerCm * rng.between(0.2, mu.maxPathCm);
    const veto = rng.uniform() < mu.vetoEfficiency ? 1 : 0;
    response.deposit(rng.uniform() * D, e, response.naiEnergy(mu.naiMeanKeV), veto, Origin.MUON);
  }
}
