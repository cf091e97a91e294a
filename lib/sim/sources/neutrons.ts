// 6. Muon-induced neutrons from the shield: quenched nuclear recoils, partly vetoed.
import { Origin } from "../../events/origin.js";
import type { SourceContext } from "./context.js";

export function neutronEvents(ctx: SourceContext): void {
  const { rng, model: m, config: c, durationS: D, massKg: mass, days, response } = ctx;
  const nn = rng.count(m.neutrons.total * mass * days);
  for (let j = 0; j < nn; j++) {
    const e = m.neutrons.sample(rng.uniform());
    const veto = rng.uniform() < c.neutrons.vetoEfficiency ? 1 : 0;
    response.deposit(rng.uniform() * D, e, 0, veto, Origin.NEUTRON);
  }
}
