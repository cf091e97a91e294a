/**
 * The errors nuem raises on purpose, by kind (after pyhf's `exceptions/`): each carries where the
 * problem is (the file and field, the option, the period and model of a fit) besides its message,
 * so that the CLI can print a clear message and a `--json` error object, and a caller can tell a
 * bad input from a refused fit without reading the text.
 *
 * - `InputDataError`: an input file or its content (events, manifests, spectra, experiment files).
 * - `OptionError`: the configuration of a run: a CLI option or a library option out of its domain,
 *   unknown, or combined with one it excludes.
 * - `FitError`: a fit, or a numerical search inside one (a minimum, a root, a crossing, a matrix
 *   solve), that failed, or a fit the analysis refuses to use. Code that falls back to another
 *   method (a grid after Brent's brackets fail) catches this class only.
 * - `OutputPathError`: an output that cannot be written where asked (exists, overlaps an input,
 *   not writable).
 *
 * The message is always complete by itself (it names the file, option or period); the fields
 * repeat those names for programs. Any other `Error` is a bug or an unforeseen condition.
 */

/** The kinds of error, as the CLI's `--json` error object names them. */
export type ErrorKind = "input-data" | "option" | "fit" | "output";

/** Base of nuem's errors: a kind, a message, and the location fields of the subclass. */
export abstract class NuemError extends Error {
  abstract readonly kind: ErrorKind;

  /** `{kind, message, ...location fields}`: what the CLI prints under --json. */
  toJSON(): { kind: ErrorKind; message: string } & Record<string, unknown> {
    const fields: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(this)) if (v !== undefined && k !== "kind" && k !== "name") fields[k] = jsonSafe(v);
    return { kind: this.kind, message: this.message, ...fields };
  }
}

/** v itself when JSON can hold it, else its String (a BigInt or a circular option value). */
function jsonSafe(v: unknown): unknown {
  try {
    JSON.stringify(v);
    return v;
  } catch (e) {
    // JSON.stringify throws TypeError for exactly these values; anything else is real.
    if (!(e instanceof TypeError)) throw e;
    return String(v);
  }
}

/** Where in an input a problem lies. */
export interface InputDataLocation {
  /** The file (or dataset directory) the problem is about. */
  file: string;
  /** The field, column or key path within the file ("periods[0].t_on_days", "energy_kev"). */
  field?: string;
  /** 0-based row (event, run, table row) within the file. */
  row?: number;
  /** 1-based line of a text file. */
  line?: number;
}

/**
 * A missing, unreadable or malformed input; the message names the file (and field when known).
 *
 * @example
 * const e = new InputDataError("spectra.json: periods[0].on_counts: expected an array", { file: "spectra.json", field: "periods[0].on_counts" });
 * e.kind; // => "input-data"
 * e.field; // => "periods[0].on_counts"
 */
export class InputDataError extends NuemError {
  override readonly name: string = "InputDataError";
  readonly kind = "input-data" as const;
  readonly file: string;
  readonly field?: string;
  readonly row?: number;
  readonly line?: number;

  constructor(message: string, where: InputDataLocation, options?: { cause?: unknown }) {
    super(message, options);
    this.file = where.file;
    if (where.field !== undefined) this.field = where.field;
    if (where.row !== undefined) this.row = where.row;
    if (where.line !== undefined) this.line = where.line;
  }
}

/** Which option is wrong, and how. */
export interface OptionLocation {
  /** The option: "--bin-kev" for the CLI, the key ("binKeV") for a library option object. */
  option: string;
  /** The value given, when there is one. */
  value?: unknown;
  /** The values it accepts, when they form a numeric domain (a `Domain` of validateOptions.ts). */
  domain?: object;
}

/**
 * A run's configuration refused: an option unknown, missing, out of its domain or in conflict.
 *
 * @example
 * const e = new OptionError("--cl: expected a number in (0, 1), got 2", { option: "--cl", value: 2 });
 * e.kind; // => "option" (the kind the CLI puts in its --json error object)
 * e.option; // => "--cl"
 */
export class OptionError extends NuemError {
  override readonly name: string = "OptionError";
  readonly kind = "option" as const;
  readonly option: string;
  readonly value?: unknown;
  readonly domain?: object;

  constructor(message: string, where: OptionLocation, options?: { cause?: unknown }) {
    super(message, options);
    this.option = where.option;
    if (where.value !== undefined) this.value = where.value;
    if (where.domain !== undefined) this.domain = where.domain;
  }
}

/** Which fit failed. */
export interface FitLocation {
  /** The period (or other unit of data) whose fit failed. */
  period?: string;
  /** The model or background of that fit. */
  model?: string;
  /** The parameter the failure is about. */
  parameter?: string;
}

/** A fit or numerical search that failed, or a fit the analysis refuses (the message says what to try). */
export class FitError extends NuemError {
  override readonly name: string = "FitError";
  readonly kind = "fit" as const;
  readonly period?: string;
  readonly model?: string;
  readonly parameter?: string;

  constructor(message: string, where: FitLocation = {}, options?: { cause?: unknown }) {
    super(message, options);
    if (where.period !== undefined) this.period = where.period;
    if (where.model !== undefined) this.model = where.model;
    if (where.parameter !== undefined) this.parameter = where.parameter;
  }
}

/** An output that cannot be written where asked; the message starts with the option or the path. */
export class OutputPathError extends NuemError {
  override readonly name: string = "OutputPathError";
  readonly kind = "output" as const;
  readonly path: string;
  /** The option that named the path ("--out"), when one did. */
  readonly option?: string;

  constructor(path: string, message: string, option?: string) {
    super(message);
    this.path = path;
    if (option !== undefined) this.option = option;
  }
}

/**
 * `e` with `prefix` put before its message (e.g. the file a library call was reading): a
 * `NuemError` keeps its class and fields, any other error becomes an `Error` with `e` as cause.
 */
export function withContext(e: unknown, prefix: string): Error {
  if (e instanceof NuemError) {
    e.message = `${prefix}${e.message}`;
    return e;
  }
  return new Error(`${prefix}${e instanceof Error ? e.message : String(e)}`, { cause: e });
}
