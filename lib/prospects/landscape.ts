import { readCsv, stringColumn } from "../data/csv.js";
import { dataPath } from "../data/paths.js";

/** How a landscape number was checked (data/landscape/README.md). */
export type Verification = "seed" | "abstract" | "secondary" | "unverified";

/** A published upper limit, or a reported non-zero effect (a range, e.g. Savannah River). */
export type ResultKind = "limit" | "effect";

/** One published limit of the landscape tables. */
export interface PublishedLimit {
  year: number;
  experiment: string;
  neutrinoSource: string;
  detector: string;
  /** A limit, or an effect (a range of values, not a bound); tables without the column hold limits. */
  kind: ResultKind;
  /** Upper limit (or upper end of a quoted range). */
  value: number;
  /** Lower end of a quoted range (Savannah River reanalysis), else null. */
  valueLow: number | null;
  /** Confidence level, null where none was quoted. */
  cl: number | null;
  reference: string;
  verified: Verification;
  note: string;
}

const VERIFICATIONS: readonly Verification[] = ["seed", "abstract", "secondary", "unverified"];
const KINDS: readonly ResultKind[] = ["limit", "effect"];

/** `withKind`: the table has a "kind" column (limit or effect); without it every row is a limit. */
function load(file: string, valueColumn: string, lowColumn: string | null, withKind: boolean): PublishedLimit[] {
  const t = readCsv(dataPath(file));
  const col = (name: string) => stringColumn(t, name);
  const num = (s: string, what: string, i: number, optional: boolean): number | null => {
    if (s === "" && optional) return null;
    const v = Number(s);
    if (s === "" || !Number.isFinite(v)) throw new Error(`${t.file}: row ${i + 1}, ${what}: not a number (${JSON.stringify(s)})`);
    return v;
  };
  const years = col("year");
  const values = col(valueColumn);
  const lows = lowColumn ? col(lowColumn) : null;
  const cls = col("cl");
  const ver = col("verified");
  const exp = col("experiment");
  const src = col("neutrino_source");
  const det = col("detector");
  const ref = col("reference");
  const note = col("note");
  const kinds = withKind ? col("kind") : null;
  return years.map((y, i) => {
    if (!(VERIFICATIONS as readonly string[]).includes(ver[i])) throw new Error(`${t.file}: row ${i + 1}: verified must be one of ${VERIFICATIONS.join(", ")}`);
    const kind = kinds ? kinds[i] : "limit";
    if (!(KINDS as readonly string[]).includes(kind)) throw new Error(`${t.file}: row ${i + 1}: kind must be one of ${KINDS.join(", ")}`);
    return {
      kind: kind as ResultKind,
      year: num(y, "year", i, false)!,
      experiment: exp[i],
      neutrinoSource: src[i],
      detector: det[i],
      value: num(values[i], valueColumn, i, false)!,
      valueLow: lows ? num(lows[i], lowColumn!, i, true) : null,
      cl: num(cls[i], "cl", i, true),
      reference: ref[i],
      verified: ver[i] as Verification,
      note: note[i],
    };
  });
}

let mu: PublishedLimit[] | null = null;
let mq: PublishedLimit[] | null = null;

/**
 * Published magnetic-moment limits (and the Savannah River effect), mu_B (data/landscape/reactor_mu_limits.csv; cached).
 *
 * @example
 * loadMagneticMomentLimits().find((l) => l.experiment === "GEMMA first result")!.value; // => 5.8e-11 (mu_B, Beda et al. Phys. At. Nucl. 70 (2007) 1873)
 */
export function loadMagneticMomentLimits(): PublishedLimit[] {
  mu ??= load("landscape/reactor_mu_limits.csv", "value_mu_B", "value_low_mu_B", true);
  return mu;
}

/** Published milli-charge limits, units of e (data/landscape/millicharge_limits.csv; cached). */
export function loadMilliChargeLimits(): PublishedLimit[] {
  mq ??= load("landscape/millicharge_limits.csv", "value_e", null, false);
  return mq;
}

/**
 * The best (lowest) limit up to each year among the rows that pass `filter`: the envelope drawn
 * in a "limits over time" figure. Effects (kind "effect") are not limits and are left out.
 *
 * @example
 * bestLimitByYear(loadMagneticMomentLimits()).at(-1)!.experiment; // => "XENONnT"
 */
export function bestLimitByYear(limits: readonly PublishedLimit[], filter: (l: PublishedLimit) => boolean = () => true): { year: number; value: number; experiment: string }[] {
  const rows = limits.filter((l) => l.kind === "limit" && filter(l)).slice().sort((a, b) => a.year - b.year || a.value - b.value);
  const out: { year: number; value: number; experiment: string }[] = [];
  let best = Infinity;
  let who = "";
  for (const r of rows) {
    if (r.value < best) {
      best = r.value;
      who = r.experiment;
      out.push({ year: r.year, value: best, experiment: who });
    }
  }
  return out;
}
