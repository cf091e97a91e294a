// What the DAQ records of a run's pulses: sorted by time (stable on ties), the non-paralysable dead
// time (a pulse inside the dead window of the previous recorded one is lost), the ADC ranges. No
// random draw.
import type { DaqConfig } from "./config.js";
import type { RawEvents } from "./rawEvents.js";
import type { RunEvents } from "./runEvents.js";

/** Records runs one after the other, reusing its sort buffer. */
export class RunRecorder {
  private order = new Uint32Array(0);

  /** Writes the recorded events of `raw` into `out` and returns the run's dead time, s. */
  record(raw: RawEvents, out: RunEvents, runId: number, durationS: number, daq: DaqConfig): number {
    const D = durationS;
    const n = raw.n;
    if (this.order.length < n) this.order = new Uint32Array(Math.max(n, this.order.length * 2));
    const order = this.order.subarray(0, n);
    for (let j = 0; j < n; j++) order[j] = j;
    const time = raw.time;
    order.sort((a, b) => time[a] - time[b] || a - b);
    out.ensure(n);
    const tau = daq.deadTimePerEventS;
    const adc = daq.adcMaxKeV;
    const naiMax = daq.naiAdcMaxKeV;
    let kept = 0;
    let busyUntil = -Infinity;
    let dead = 0;
    for (let j = 0; j < n; j++) {
      const k = order[j];
      const t = time[k];
      if (t < busyUntil) continue;
      busyUntil = t + tau;
      dead += Math.min(tau, D - t);
      out.time_s[kept] = t;
      out.run[kept] = runId;
      out.e1_kev[kept] = Math.min(raw.e1[k], adc);
      out.e2_kev[kept] = Math.min(raw.e2[k], adc);
      out.e3_kev[kept] = Math.min(raw.e3[k], adc);
      out.nai_kev[kept] = Math.min(raw.nai[k], naiMax);
      out.veto[kept] = raw.veto[k];
      out.pulser[kept] = raw.pulser[k];
      out.origin[kept] = raw.origin[k];
      out.e_true_kev[kept] = raw.etrue[k];
      kept++;
    }
    out.length = kept;
    return dead;
  }
}
