import type { SimConfig } from "./config.js";
import { DetectorModel } from "./model.js";

/** Names of the GEMMA live-time lines (GEMMA sec. 3: 212Pb 238 keV, 60Co 1173 / 1333 keV, 40K 1461 keV). */
export const LIVE_TIME_LINES = ["212Pb", "60Co 1173", "60Co 1332", "40K"];

/**
 * Statistical precision of an active-time estimate from background gamma lines over `hours` of
 * running: each peak counted in +-2 sigma (95.4 % of it) over the continuum B below it (the
 * plateau without NaI energy, GEMMA's anti-Compton spectrum), with B subtracted from side bands
 * of equal width, so var = S + 2B; the lines combined: 1/sqrt(sum S^2/(S + 2B)). Line rates at
 * the configuration's reference time. This is how the configured line rates were chosen so that
 * GEMMA's 0.9 % (T_ON, 11982 h) and 1.9 % (T_OFF, 2874 h) are plausible.
 */
export function lineTimePrecision(config: SimConfig, hours: number, lines: readonly string[] = LIVE_TIME_LINES): number {
  const model = new DetectorModel(config, []);
  const days = hours / 24;
  let info = 0;
  for (const name of lines) {
    const k = config.lines.findIndex((l) => l.name === name);
    if (k < 0) throw new Error(`no line named "${name}" in the configuration`);
    const l = config.lines[k];
    const sigma = model.sigmaKeV(2, l.energyKeV);
    const s = 0.9545 * l.ratePerKgDay * config.detectorMassKg * days;
    const b = model.continuumPerKeVKgDay(l.energyKeV) * 4 * sigma * config.detectorMassKg * days;
    info += (s * s) / (s + 2 * b);
  }
  return 1 / Math.sqrt(info);
}
