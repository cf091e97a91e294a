// 4. Noble gases (133Xe, 135Xe, 41Ar at the plan's line rate of the run): the line, its X-rays, and
// its Klein-Nishina Compton continuum, partly NaI-tagged.
import { Origin } from "../../events/origin.js";
import type { SourceContext } from "./context.js";

export function nobleGasEvents(ctx: SourceContext): void {
  const { rng, model: m, config: c, plan, row: i, durationS: D, hours, response } = ctx;
  const S = c.nobleGas.species.length;
  c.nobleGas.species.forEach((s, g) => {
    const lines = plan.nobleLinesPerHour[i * S + g] * hours;
    if (!(lines > 0)) return;
    const nLine = rng.count(lines);
    for (let j = 0; j < nLine; j++) response.deposit(rng.uniform() * D, s.lineKeV, 0, 0, Origin.NOBLE_GAS);
    for (const x of s.xrays) {
      const nx = rng.count(lines * x.perLine);
      for (let j = 0; j < nx; j++) response.deposit(rng.uniform() * D, x.energyKeV, 0, 0, Origin.NOBLE_GAS);
    }
    const nc = rng.count(lines * s.comptonPerLine);
    for (let j = 0; j < nc; j++) {
      const e = m.nobleCompton[g].sample(rng.uniform());
      const nai = rng.uniform() < s.comptonNaiFraction ? response.naiEnergy(c.continuum.naiMeanKeV) : 0;
      response.deposit(rng.uniform() * D, e, nai, 0, Origin.NOBLE_GAS);
    }
  });
}
