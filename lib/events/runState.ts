/**
 * Reactor state during a run, stored as the uint8 column `state` of the run table. Codes are
 * part of the on-disk format (FORMAT.md): never renumber, only append.
 */
export const RunState = {
  /** Reactor shut down: the background measurement (S_OFF, T_OFF in GEMMA (5)). */
  OFF: 0,
  /** Reactor at power: S_ON, T_ON in GEMMA (5). */
  ON: 1,
  /** Power changing or unknown during the hour: neither ON nor OFF, left out of the comparison. */
  TRANSITION: 2,
} as const;

/** A numeric reactor-state code (see `RunState`). */
export type RunStateCode = (typeof RunState)[keyof typeof RunState];

/** Names of the state codes, index = code. */
export const RUN_STATE_NAMES: readonly string[] = ["OFF", "ON", "TRANSITION"];

/** The state code for "ON" / "OFF" / "TRANSITION" (case-insensitive) or a decimal code; undefined if unknown. */
export function parseRunState(text: string): number | undefined {
  const s = text.trim().toUpperCase();
  if (/^\d+$/.test(s)) {
    const code = Number(s);
    return code < RUN_STATE_NAMES.length ? code : undefined;
  }
  const i = RUN_STATE_NAMES.indexOf(s);
  return i >= 0 ? i : undefined;
}
