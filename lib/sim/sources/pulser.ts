// 11. The test pulser of a pulser run: periodic pulses, amplitudes in turn, electronic noise only,
// through the trigger GEMMA (4). Returns the pulses sent per amplitude (null when not a pulser run).
import type { SourceContext } from "./context.js";

export function pulserEvents(ctx: SourceContext): Float64Array | null {
  const { rng, config: c, plan, row: i, durationS: D, response } = ctx;
  if (!(plan.pulser[i] && c.pulser.rateHz > 0 && c.pulser.amplitudesKeV.length > 0)) return null;
  const amps = c.pulser.amplitudesKeV;
  const pulsesSent = new Float64Array(amps.length);
  const dt = 1 / c.pulser.rateHz;
  const t0 = rng.uniform() * dt;
  for (let q = 0; t0 + q * dt < D; q++) {
    const k = q % amps.length;
    pulsesSent[k]++;
    response.testPulse(t0 + q * dt, amps[k]);
  }
  return pulsesSent;
}
