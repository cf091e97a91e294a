/**
 * Truth labels of simulated events: what produced each event. Stored only in the separate
 * `truth-<period>.arrow` files (column `origin`, uint8), never in the events files that the
 * analysis reads. Codes are part of the on-disk format (FORMAT.md): never renumber, only append.
 */
export const Origin = {
  /** Not labelled (the zero value, so a forgotten label is never mistaken for a real one). */
  UNKNOWN: 0,
  /** Antineutrino-electron scattering through a magnetic moment (the X * EM term, GEMMA (5)). */
  SIGNAL_EM: 1,
  /** Standard-model weak antineutrino-electron scattering (the W term, GEMMA (5)). */
  SIGNAL_WEAK: 2,
  /** Smooth gamma / beta background continuum. */
  CONTINUUM: 3,
  /** Gamma or X-ray line, e.g. the Ga K-shell 10.4 keV peak of cosmogenic 68Ge/71Ge. */
  LINE: 4,
  /** Radioactive noble gases in the room: 133Xe (81 keV), 135Xe (250 keV), 41Ar (1294 keV). */
  NOBLE_GAS: 5,
  /** Seconds in which the detector is noisy (GEMMA section 3, cut 3). */
  NOISE_BURST: 6,
  /** Microphonic "ringing" after mechanical vibration (GEMMA section 3, cut 4). */
  RINGING: 7,
  /** 50 Hz power-line pick-up (GEMMA section 3, cut 4). */
  PICKUP: 8,
  /** Non-physical pulse shape: off the E1 = E2 = E3 diagonal (GEMMA section 3, cut 5). */
  ARTEFACT: 9,
  /** Test pulser events (threshold-efficiency measurement, GEMMA (4)). */
  PULSER: 10,
  /** Muon crossing the shield (in coincidence with the plastic veto). */
  MUON: 11,
  /** Neutron from a muon captured in the shield, scattering elastically in Ge. */
  NEUTRON: 12,
} as const;

/** A numeric origin code (see `Origin`). */
export type OriginCode = (typeof Origin)[keyof typeof Origin];

/** The names of the origin codes, index = code; used in CSV files and messages. */
export const ORIGIN_NAMES: readonly string[] = [
  "unknown",
  "signal-em",
  "signal-weak",
  "continuum",
  "line",
  "noble-gas",
  "noise-burst",
  "ringing",
  "pickup",
  "artefact",
  "pulser",
  "muon",
  "neutron",
];

/** The name of an origin code ("noble-gas"), or `code <n>` for a code this version does not know. */
export function originName(code: number): string {
  return ORIGIN_NAMES[code] ?? `code ${code}`;
}

/** The origin code for a name ("noble-gas", case-insensitive, `_` accepted for `-`) or a decimal code; undefined if unknown. */
export function parseOrigin(text: string): number | undefined {
  const s = text.trim().toLowerCase().replace(/_/g, "-");
  if (/^\d+$/.test(s)) {
    const code = Number(s);
    return code < ORIGIN_NAMES.length ? code : undefined;
  }
  const i = ORIGIN_NAMES.indexOf(s);
  return i >= 0 ? i : undefined;
}
