// 2. The continuum: the Compton plateau (a share tagged by the NaI cup) and the rise towards threshold.
import { Origin } from "../../events/origin.js";
import type { SourceContext } from "./context.js";

export function continuumEvents(ctx: SourceContext): void {
  const { rng, model: m, config: c, durationS: D, massKg: mass, days, response } = ctx;
  const ratio = c.continuum.naiTaggedRatio;
  const n = rng.count(m.compton.total * (1 + ratio) * mass * days);
  const pTag = ratio / (1 + ratio);
  for (let j = 0; j < n; j++) {
    const e = m.compton.sample(rng.uniform());
    const nai = rng.uniform() < pTag ? response.naiEnergy(c.continuum.naiMeanKeV) : 0;
    response.deposit(rng.uniform() * D, e, nai, 0, Origin.CONTINUUM);
  }
  const nl = rng.count(m.lowExp.total * mass * days);
  for (let j = 0; j < nl; j++) response.deposit(rng.uniform() * D, m.lowExp.sample(rng.uniform()), 0, 0, Origin.CONTINUUM);
}
