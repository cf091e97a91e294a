import { InputDataError, OptionError } from "../errors.js";
import { readRegularFile } from "../io/regularFile.js";
import { writeFileAtomic } from "../io/safeWrite.js";
import { FieldsRecord, ResultTable } from "../fit/resultTable.js";
import { describeDomain, inDomain, type Domain } from "../validateOptions.js";

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
  /**
   * Relative uncertainty of tau~ = T~ON/T~OFF (GEMMA: 0.021), in [0, 1). Informational: the
   * analysis profiles the time factor K in chi^2(X, K) (GEMMA Eq. 7) instead of using it.
   */
  tau_rel_uncertainty: number;
  /** Region of interest: [lo, hi] keV intervals (GEMMA: [[3.0, 9.4], [11.2, 55.0]]). */
  roi_kev: [number, number][];
  /** Optional per-bin variances after corrections (default: the counts). */
  on_variance?: number[];
  off_variance?: number[];
  /**
   * Optional relative uncertainty of T~ON (GEMMA: 0.009), in [0, 1). Informational: the limit's
   * normalisation systematic is the analysis option `relSyst` (default GEMMA Eq. 8, with 0.9 %).
   */
  t_on_rel_uncertainty?: number;
  /** Optional: anything a producer wants to record (cuts, corrections), not read by the analysis. */
  notes?: Record<string, unknown>;
}

/** The spectra file: what the selection step writes and the statistics step reads. */
export interface SpectraFile {
  experiment: string;
  target: string;
  mass_kg: number;
  /** Antineutrino flux at the detector, /(cm^2 s); null when not known (an experiment without a description): an analysis refuses it. */
  flux_per_cm2_s: number | null;
  periods: SpectraPeriod[];
  /** Optional provenance (tool, version, input dataset, seed). */
  provenance?: Record<string, unknown>;
}

const fail = (file: string, where: string, problem: string): never => {
  throw new InputDataError(`${file}: ${where}: ${problem}`, { file, field: where });
};

/**
 * The ranges the file's numbers must lie in (physically possible values; a value outside is a
 * broken file, not a measurement). Choices (ours): a detector of at most 1e8 kg (100 kt, above the
 * largest built, Super-Kamiokande's 50 kt) and at least 1 g (below any germanium or CsI crystal in
 * use; 1e-300 kg made the chi-square flat instead of failing clearly); a flux of at most 1e17 /(cm^2 s) (~6e20 antineutrinos/s
 * from a 3 GW core give ~5e15 at 1 m); periods of at least a minute (1e-3 days; shorter ones hold no counts to fit) and at most a century; bin edges in [0, 1e5] keV;
 * relative uncertainties in [0, 1).
 */
export const SPECTRA_FIELD_DOMAINS = {
  mass_kg: { min: 1e-3, max: 1e8, unit: "kg" },
  flux_per_cm2_s: { min: 0, max: 1e17, minExclusive: true, unit: "/(cm^2 s)" },
  days: { min: 1e-3, max: 36525, unit: "days", note: "a minute to a century" },
  edges_kev: { min: 0, max: 1e5, unit: "keV" },
  rel_uncertainty: { min: 0, max: 1, maxExclusive: true, note: "a relative uncertainty" },
} as const satisfies Record<string, Domain>;

/**
 * How far below zero a corrected count may lie: a subtraction (the noble-gas correction, GEMMA
 * Sec. 3) can leave a bin negative by its fluctuation, at most this many standard deviations
 * sqrt(max(variance, 1)); anything below is not a count.
 */
export const NEGATIVE_COUNT_SIGMAS = 3;

function num(file: string, where: string, v: unknown, domain?: Domain): number {
  if (typeof v !== "number" || !Number.isFinite(v)) fail(file, where, v === undefined ? "is missing (a finite number is required)" : `expected a finite number, found ${JSON.stringify(v)}`);
  const x = v as number;
  if (domain && !inDomain(x, domain)) fail(file, where, `${x} is outside its domain: ${describeDomain(domain)}`);
  return x;
}

function numArray(file: string, where: string, v: unknown, length?: number, domain?: Domain): number[] {
  if (!Array.isArray(v)) return fail(file, where, `expected an array of numbers, found ${v === undefined ? "nothing" : typeof v}`);
  if (length !== undefined && v.length !== length) fail(file, where, `expected ${length} values (one per bin of edges_kev, which has ${length + 1} edges), found ${v.length}`);
  v.forEach((x, i) => num(file, `${where}[${i}]`, x, domain));
  return v as number[];
}

/** Counts and their optional variances: no count below the subtraction allowance, no zero variance under a count. */
function checkCounts(file: string, where: string, counts: number[], variance: number[] | undefined, vwhere: string): void {
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i];
    const v = variance ? variance[i] : c;
    if (c < 0) {
      const allowed = variance ? -NEGATIVE_COUNT_SIGMAS * Math.sqrt(Math.max(v, 1)) : 0;
      if (!(c >= allowed)) {
        fail(
          file,
          `${where}[${i}]`,
          variance
            ? `count ${c} lies ${(-c / Math.sqrt(Math.max(v, 1))).toPrecision(3)} standard deviations below zero (variance ${v}); a corrected count may dip below zero by at most ${NEGATIVE_COUNT_SIGMAS}`
            : `negative count ${c}: without ${vwhere} the counts are their own variances and must be >= 0`,
        );
      }
    }
    if (variance && v === 0 && c !== 0) fail(file, `${vwhere}[${i}]`, `variance 0 under a non-zero count (${c} in ${where}[${i}]): a count has a variance > 0`);
  }
}

/**
 * Checks a parsed spectra document and returns it typed; every error names the file, the
 * field path and the problem ("spectra.json: periods[1].off_counts: expected 52 values ...").
 * Beyond types and lengths it checks meaning: unique period names, counts that can be counts,
 * variances > 0 under non-zero counts, and the ranges of SPECTRA_FIELD_DOMAINS.
 */
export function validateSpectra(doc: unknown, file = "spectra"): SpectraFile {
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) return fail(file, "(top level)", "expected a JSON object");
  const d = doc as Record<string, unknown>;
  for (const k of ["experiment", "target"]) if (typeof d[k] !== "string" || d[k] === "") fail(file, k, "expected a non-empty string");
  // The analysis computes germanium rates (lib/xsec, lib/rates): a file for another target would be analysed wrongly.
  if (d.target !== "Ge") fail(file, "target", `${JSON.stringify(d.target)} is not supported: the analysis computes rates on germanium ("Ge")`);
  const D = SPECTRA_FIELD_DOMAINS;
  num(file, "mass_kg", d.mass_kg, D.mass_kg);
  if (d.flux_per_cm2_s !== null) num(file, "flux_per_cm2_s", d.flux_per_cm2_s, D.flux_per_cm2_s);
  if (!Array.isArray(d.periods) || d.periods.length === 0) fail(file, "periods", "expected a non-empty array of periods");
  const names = new Map<string, number>();
  (d.periods as unknown[]).forEach((p, j) => {
    const w = `periods[${j}]`;
    if (typeof p !== "object" || p === null || Array.isArray(p)) fail(file, w, "expected an object");
    const q = p as Record<string, unknown>;
    if (typeof q.name !== "string" || q.name === "") fail(file, `${w}.name`, "expected a non-empty string");
    const name = q.name as string;
    if (names.has(name)) fail(file, `${w}.name`, `period "${name}" is listed twice (also periods[${names.get(name)}]); each period must appear once`);
    names.set(name, j);
    const edges = numArray(file, `${w}.edges_kev`, q.edges_kev, undefined, D.edges_kev);
    if (edges.length < 2) fail(file, `${w}.edges_kev`, "need at least two edges");
    for (let i = 1; i < edges.length; i++) if (!(edges[i] > edges[i - 1])) fail(file, `${w}.edges_kev[${i}]`, `edges must ascend (${edges[i - 1]} then ${edges[i]})`);
    const n = edges.length - 1;
    const on = numArray(file, `${w}.on_counts`, q.on_counts, n);
    const off = numArray(file, `${w}.off_counts`, q.off_counts, n);
    const onVar = q.on_variance === undefined ? undefined : numArray(file, `${w}.on_variance`, q.on_variance, n, { min: 0, note: "a variance" });
    const offVar = q.off_variance === undefined ? undefined : numArray(file, `${w}.off_variance`, q.off_variance, n, { min: 0, note: "a variance" });
    checkCounts(file, `${w}.on_counts`, on, onVar, `${w}.on_variance`);
    checkCounts(file, `${w}.off_counts`, off, offVar, `${w}.off_variance`);
    num(file, `${w}.t_on_days`, q.t_on_days, D.days);
    num(file, `${w}.t_off_days`, q.t_off_days, D.days);
    num(file, `${w}.tau_rel_uncertainty`, q.tau_rel_uncertainty, D.rel_uncertainty);
    if (q.t_on_rel_uncertainty !== undefined) num(file, `${w}.t_on_rel_uncertainty`, q.t_on_rel_uncertainty, D.rel_uncertainty);
    if (q.notes !== undefined && (typeof q.notes !== "object" || q.notes === null || Array.isArray(q.notes))) fail(file, `${w}.notes`, "expected an object (a free-form record)");
    if (!Array.isArray(q.roi_kev) || q.roi_kev.length === 0) fail(file, `${w}.roi_kev`, "expected a non-empty array of [lo, hi] intervals");
    (q.roi_kev as unknown[]).forEach((r, i) => {
      const [lo, hi] = numArray(file, `${w}.roi_kev[${i}]`, r, 2);
      if (!(hi > lo)) fail(file, `${w}.roi_kev[${i}]`, `need lo < hi, found [${lo}, ${hi}]`);
      if (lo < edges[0] || hi > edges[n]) fail(file, `${w}.roi_kev[${i}]`, `[${lo}, ${hi}] lies outside the binning [${edges[0]}, ${edges[n]}]`);
      const prev = i > 0 ? (q.roi_kev as number[][])[i - 1] : undefined;
      if (prev && lo < prev[1]) fail(file, `${w}.roi_kev[${i}]`, `[${lo}, ${hi}] overlaps or precedes [${prev[0]}, ${prev[1]}]: intervals must ascend without overlap`);
    });
  });
  return d as unknown as SpectraFile;
}

/** The periods of a spectra file as a table: bins, ROI, active times, tau~'s relative error. */
export function spectraFileTable(f: SpectraFile): ResultTable {
  const sig = (v: number) => String(Number(v.toPrecision(4)));
  return new ResultTable(`spectra file: ${f.experiment}, ${f.mass_kg} kg`, ["period", "bins", "ROI (keV)", "T~ON (days)", "T~OFF (days)", "τ~ relative error"], f.periods.map((p) => {
    const n = p.edges_kev.length - 1;
    return [p.name, `${n} × ${sig(p.edges_kev[1] - p.edges_kev[0])} keV, ${p.edges_kev[0]}-${p.edges_kev[n]} keV`, p.roi_kev.map(([a, b]) => `${a}-${b}`).join(", "), p.t_on_days, p.t_off_days, p.tau_rel_uncertainty];
  }));
}

/** A spectra file read from disk: its fields as they are (toJSON gives them back), shown as {@link spectraFileTable}. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface SpectraFileRecord extends SpectraFile {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class SpectraFileRecord extends FieldsRecord<SpectraFile> {
  view(): ResultTable {
    return spectraFileTable(this);
  }
}

/**
 * Reads and validates a spectra file; errors name the file.
 *
 * @example
 * const file = readSpectraFile(dataPath("simulated/gemma-mu0-seed11.spectra.json"));
 * file.experiment; // => "gemma"
 * file.mass_kg; // => 1.5 (kg, GEMMA Sec. 2)
 */
export function readSpectraFile(file: string): SpectraFileRecord {
  let text: string;
  try {
    text = readRegularFile(file);
  } catch (e) {
    if (e instanceof InputDataError) throw e;
    throw new InputDataError((e as Error).message, { file }, { cause: e });
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new InputDataError(`${file}: not valid JSON (${(e as Error).message})`, { file }, { cause: e });
  }
  return new SpectraFileRecord(validateSpectra(doc, file));
}

/**
 * The same spectra file with only the named periods, in the file's order (e.g. GEMMA's Phase I
 * alone). An unknown or repeated name is refused, with the periods the file has.
 * @example
 * const file = readSpectraFile(dataPath("simulated/gemma-mu0-seed11.spectra.json"));
 * file.periods.length; // => 3
 * withPeriods(file, ["phase-1"]).periods.length; // => 1
 */
export function withPeriods(spectra: SpectraFile, names: readonly string[], file = "spectra"): SpectraFileRecord {
  const have = spectra.periods.map((p) => p.name);
  if (names.length === 0) throw new OptionError(`${file}: no period named; the file has ${have.join(", ")}`, { option: "periods", value: [] });
  names.forEach((n, i) => {
    if (!have.includes(n)) throw new OptionError(`${file}: no period "${n}"; the file has ${have.join(", ")}`, { option: "periods", value: n });
    if (names.indexOf(n) !== i) throw new OptionError(`${file}: period "${n}" named twice`, { option: "periods", value: n });
  });
  return new SpectraFileRecord({ ...spectra, periods: spectra.periods.filter((p) => names.includes(p.name)) });
}

/**
 * Validates and writes a spectra file (2-space JSON, trailing newline) through a temporary sibling.
 *
 * @example
 * // Six hours ON and six OFF of simulated GEMMA-like data, their spectra written and read back.
 * simulate(gemmaConfig(), { seed: 1, outDir: "out/gemma-sim", signal: sim.freeElectronClosedFormSignal(0), hoursOn: 6, hoursOff: 6 });
 * const b = buildSpectra("out/gemma-sim");
 * b.fourierEfficiency.closedForm; // => 0.98889 (the shaping-channel cut keeps 1 - exp(-k^2/2) of real pulses at k = 3)
 * writeSpectraFile("out/spectra.json", b.spectra);
 * readSpectraFile("out/spectra.json").periods.map((p) => p.name); // => ["phase-1"]
 */
export function writeSpectraFile(file: string, spectra: SpectraFile): void {
  validateSpectra(spectra, file);
  writeFileAtomic(file, JSON.stringify(spectra, null, 2) + "\n");
}

/** The file's antineutrino flux, /(cm^2 s); refused when the file does not know it (null). */
export function knownFlux(spectra: Pick<SpectraFile, "flux_per_cm2_s" | "experiment">): number {
  if (spectra.flux_per_cm2_s === null) {
    throw new InputDataError(`spectra file: flux_per_cm2_s is null (no flux is known for experiment ${JSON.stringify(spectra.experiment)}): the signal rates need it`, { file: "spectra file", field: "flux_per_cm2_s" });
  }
  return spectra.flux_per_cm2_s;
}
