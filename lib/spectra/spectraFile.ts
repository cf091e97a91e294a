import { readRegularFile } from "../io/regularFile.js";
import { writeFileAtomic } from "../io/safeWrite.js";

/**
 * One data-taking period of a spectra file: corrected ON and OFF spectra on common bins.
 * Counts are the corrected counts per bin (non-integer after corrections is allowed).
 */
export interface SpectraPeriod {
  name: string;
  /** n + 1 ascending bin edges, keV. */
  edges_kev: number[];
  /** Corrected reactor-ON counts per bin. */
  on_counts: number[];
  /** Corrected reactor-OFF counts per bin. */
  off_counts: number[];
  /** Active time ON (T~ON), days. */
  t_on_days: number;
  /** Active time OFF (T~OFF), days. */
  t_off_days: number;
  /** Relative uncertainty of tau~ = T~ON/T~OFF (GEMMA: 0.021). */
  tau_rel_uncertainty: number;
  /** Region of interest: [lo, hi] keV intervals (GEMMA: [[3.0, 9.4], [11.2, 55.0]]). */
  roi_kev: [number, number][];
  /** Optional per-bin variances after corrections (default: the counts). */
  on_variance?: number[];
  off_variance?: number[];
  /** Optional relative uncertainty of T~ON (GEMMA: 0.009). */
  t_on_rel_uncertainty?: number;
  /** Optional: anything a producer wants to record (cuts, corrections), not read by the analysis. */
  notes?: Record<string, unknown>;
}

/** The spectra file: what the selection step writes and the statistics step reads. */
export interface SpectraFile {
  experiment: string;
  target: string;
  mass_kg: number;
  flux_per_cm2_s: number;
  periods: SpectraPeriod[];
  /** Optional provenance (tool, version, input dataset, seed). */
  provenance?: Record<string, unknown>;
}

const fail = (file: string, where: string, problem: string): never => {
  throw new Error(`${file}: ${where}: ${problem}`);
};

function num(file: string, where: string, v: unknown, opts: { positive?: boolean; nonNegative?: boolean } = {}): number {
  if (typeof v !== "number" || !Number.isFinite(v)) fail(file, where, `expected a finite number, found ${JSON.stringify(v)}`);
  const x = v as number;
  if (opts.positive && !(x > 0)) fail(file, where, `must be > 0, found ${x}`);
  if (opts.nonNegative && !(x >= 0)) fail(file, where, `must be >= 0, found ${x}`);
  return x;
}

function numArray(file: string, where: string, v: unknown, length?: number, nonNegativeVariance = false): number[] {
  if (!Array.isArray(v)) return fail(file, where, `expected an array of numbers, found ${v === undefined ? "nothing" : typeof v}`);
  if (length !== undefined && v.length !== length) fail(file, where, `expected ${length} values (one per bin), found ${v.length}`);
  v.forEach((x, i) => num(file, `${where}[${i}]`, x, { nonNegative: nonNegativeVariance }));
  return v as number[];
}

/**
 * Checks a parsed spectra document and returns it typed; every error names the file, the
 * field path and the problem ("spectra.json: periods[1].off_counts: expected 52 values ...").
 */
export function validateSpectra(doc: unknown, file = "spectra"): SpectraFile {
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) return fail(file, "(top level)", "expected a JSON object");
  const d = doc as Record<string, unknown>;
  for (const k of ["experiment", "target"]) if (typeof d[k] !== "string" || d[k] === "") fail(file, k, "expected a non-empty string");
  num(file, "mass_kg", d.mass_kg, { positive: true });
  num(file, "flux_per_cm2_s", d.flux_per_cm2_s, { positive: true });
  if (!Array.isArray(d.periods) || d.periods.length === 0) fail(file, "periods", "expected a non-empty array of periods");
  (d.periods as unknown[]).forEach((p, j) => {
    const w = `periods[${j}]`;
    if (typeof p !== "object" || p === null) fail(file, w, "expected an object");
    const q = p as Record<string, unknown>;
    if (typeof q.name !== "string" || q.name === "") fail(file, `${w}.name`, "expected a non-empty string");
    const edges = numArray(file, `${w}.edges_kev`, q.edges_kev);
    if (edges.length < 2) fail(file, `${w}.edges_kev`, "need at least two edges");
    for (let i = 1; i < edges.length; i++) if (!(edges[i] > edges[i - 1])) fail(file, `${w}.edges_kev[${i}]`, `edges must ascend (${edges[i - 1]} then ${edges[i]})`);
    const n = edges.length - 1;
    numArray(file, `${w}.on_counts`, q.on_counts, n);
    numArray(file, `${w}.off_counts`, q.off_counts, n);
    if (q.on_variance !== undefined) numArray(file, `${w}.on_variance`, q.on_variance, n, true);
    if (q.off_variance !== undefined) numArray(file, `${w}.off_variance`, q.off_variance, n, true);
    num(file, `${w}.t_on_days`, q.t_on_days, { positive: true });
    num(file, `${w}.t_off_days`, q.t_off_days, { positive: true });
    num(file, `${w}.tau_rel_uncertainty`, q.tau_rel_uncertainty, { nonNegative: true });
    if (q.t_on_rel_uncertainty !== undefined) num(file, `${w}.t_on_rel_uncertainty`, q.t_on_rel_uncertainty, { nonNegative: true });
    if (!Array.isArray(q.roi_kev) || q.roi_kev.length === 0) fail(file, `${w}.roi_kev`, "expected a non-empty array of [lo, hi] intervals");
    (q.roi_kev as unknown[]).forEach((r, i) => {
      const [lo, hi] = numArray(file, `${w}.roi_kev[${i}]`, r, 2);
      if (!(hi > lo)) fail(file, `${w}.roi_kev[${i}]`, `need lo < hi, found [${lo}, ${hi}]`);
      if (lo < edges[0] || hi > edges[n]) fail(file, `${w}.roi_kev[${i}]`, `[${lo}, ${hi}] lies outside the binning [${edges[0]}, ${edges[n]}]`);
    });
  });
  return d as unknown as SpectraFile;
}

/** Reads and validates a spectra file; errors name the file. */
export function readSpectraFile(file: string): SpectraFile {
  let text: string;
  try {
    text = readRegularFile(file);
  } catch (e) {
    throw new Error((e as Error).message);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new Error(`${file}: not valid JSON (${(e as Error).message})`);
  }
  return validateSpectra(doc, file);
}

/** Validates and writes a spectra file (2-space JSON, trailing newline) through a temporary sibling. */
export function writeSpectraFile(file: string, spectra: SpectraFile): void {
  validateSpectra(spectra, file);
  writeFileAtomic(file, JSON.stringify(spectra, null, 2) + "\n");
}
