// Random coincidences of a run's pulses with the muon veto and the NaI cup (lib/sim/README.md:
// veto 0.2 %, NaI 0.05 % of all events for GEMMA), drawn after every source, pulse by pulse.
import type { SourceContext } from "./sources/context.js";

export function addRandomCoincidences(ctx: SourceContext, raw: { n: number; veto: Uint8Array; nai: Float64Array }): void {
  const { rng, response } = ctx;
  const daq = ctx.config.daq;
  const pv = daq.randomVetoProbability;
  const pn = daq.randomNaiProbability;
  for (let j = 0; j < raw.n; j++) {
    if (rng.uniform() < pv) raw.veto[j] = 1;
    if (raw.nai[j] === 0 && rng.uniform() < pn) raw.nai[j] = response.naiEnergy(daq.randomNaiMeanKeV);
  }
}
