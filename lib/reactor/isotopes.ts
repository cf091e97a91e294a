/**
 * The four fissioning isotopes of a power reactor and the names used for them throughout the
 * reactor stage (they match the `isotope` columns of `data/reactor/*.csv`).
 */

/** 235U, 238U, 239Pu, 241Pu: the isotopes whose fissions produce > 99 % of a PWR's power. */
export const FISSION_ISOTOPES = ["U235", "U238", "Pu239", "Pu241"] as const;

/** One of the four fissioning isotopes. */
export type FissionIsotope = (typeof FISSION_ISOTOPES)[number];

/** A number per fissioning isotope (fission fractions, energies per fission, ...). */
export type PerIsotope = Record<FissionIsotope, number>;

/** Throws a clear error unless `name` is one of the four fissioning isotopes. */
export function assertFissionIsotope(name: string): asserts name is FissionIsotope {
  if (!(FISSION_ISOTOPES as readonly string[]).includes(name)) {
    throw new Error(`unknown fission isotope "${name}" (expected one of ${FISSION_ISOTOPES.join(", ")})`);
  }
}

/**
 * Checks a per-isotope record: all four isotopes present, finite, non-negative; returns a copy.
 * `what` names the quantity in error messages.
 */
export function checkPerIsotope(values: Partial<Record<string, number>>, what: string): PerIsotope {
  const out = {} as PerIsotope;
  for (const iso of FISSION_ISOTOPES) {
    const v = values[iso];
    if (typeof v !== "number" || !Number.isFinite(v) || v < 0) {
      throw new Error(`${what}: ${iso} must be a finite non-negative number, got ${JSON.stringify(v)}`);
    }
    out[iso] = v;
  }
  for (const k of Object.keys(values)) {
    if (!(FISSION_ISOTOPES as readonly string[]).includes(k)) throw new Error(`${what}: unknown isotope "${k}" (expected ${FISSION_ISOTOPES.join(", ")})`);
  }
  return out;
}
