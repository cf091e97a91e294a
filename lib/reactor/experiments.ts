import { readFileSync } from "node:fs";
import { dataPath } from "../data/paths.js";
import { InputDataError, OptionError } from "../errors.js";
import type { ReactorCoreConfig } from "./reactorSpectrum.js";

/**
 * Experiment configurations in `data/experiments/<name>.json`. Every number is a
 * {@link SourcedQuantity}: value, unit and a `source` string naming where it was read (paper and
 * section/equation), with an optional `note` for caveats. The loader checks the structure and the
 * units, so code can use `.value` knowing its unit; errors name the file and the JSON path.
 */

/** A sourced number (or range, or list of ranges) with its unit. */
export interface SourcedQuantity<V = number> {
  readonly value: V;
  readonly unit: string;
  readonly source: string;
  readonly note?: string;
}

/** A closed interval [lo, hi]. */
export type ClosedRange = readonly [number, number];

/** Reactor block: thermal power in GW, distance in m, published flux in cm^-2 s^-1. */
export interface ExperimentReactor {
  readonly site: string;
  readonly thermalPower: SourcedQuantity;
  readonly distance: SourcedQuantity;
  readonly publishedFlux: SourcedQuantity;
  readonly thermalPowerAccuracy?: SourcedQuantity;
}

/** Detector block: masses in kg, thresholds and ROI in keV, background in counts/(keV kg day). */
export interface ExperimentDetector {
  readonly type: string;
  readonly mass: SourcedQuantity;
  readonly modules?: SourcedQuantity;
  readonly triggerThreshold?: SourcedQuantity<number | ClosedRange>;
  readonly analysisThreshold?: SourcedQuantity<number | ClosedRange>;
  readonly roi?: SourcedQuantity<readonly ClosedRange[]>;
  readonly background?: SourcedQuantity;
}

/** A data-taking period: reactor-ON and reactor-OFF live times (unit "h" or "d"). */
export interface ExposurePeriod {
  readonly name: string;
  readonly on: SourcedQuantity;
  readonly off?: SourcedQuantity;
}

/** A published upper limit on the neutrino magnetic moment, in units of the Bohr magneton. */
export interface MagneticMomentLimit {
  readonly mechanism: "free-electron" | "atomic-ionization";
  readonly value: number;
  readonly unit: "mu_B";
  /** Confidence level, e.g. 0.9. */
  readonly cl: number;
  readonly source: string;
  readonly note?: string;
}

/** One experiment as stored in data/experiments. */
export interface Experiment {
  readonly name: string;
  readonly reference: string;
  readonly reactor: ExperimentReactor;
  readonly detector: ExperimentDetector;
  readonly exposure?: { readonly periods?: readonly ExposurePeriod[]; readonly duration?: SourcedQuantity };
  readonly systematics?: Readonly<Record<string, SourcedQuantity>>;
  readonly results?: { readonly limits?: readonly MagneticMomentLimit[]; readonly goal?: SourcedQuantity };
  /** The file it was read from. */
  readonly file: string;
}

/** The experiments with a file in data/experiments. */
export const EXPERIMENT_NAMES = ["gemma", "gemma2", "texono"] as const;
/** Name of a stored experiment. */
export type ExperimentName = (typeof EXPERIMENT_NAMES)[number];

class Checker {
  constructor(readonly file: string) {}
  fail(path: string, msg: string): never {
    throw new InputDataError(`${this.file}: ${path || "(top level)"}: ${msg}`, { file: this.file, field: path || undefined });
  }
  object(x: unknown, path: string, allowed: readonly string[], required: readonly string[]): Record<string, unknown> {
    if (typeof x !== "object" || x === null || Array.isArray(x)) this.fail(path, `expected an object, found ${describe(x)}`);
    const o = x as Record<string, unknown>;
    for (const k of Object.keys(o)) if (!allowed.includes(k)) this.fail(join(path, k), `unknown field (allowed: ${allowed.join(", ")})`);
    for (const k of required) if (!(k in o)) this.fail(join(path, k), "missing required field");
    return o;
  }
  string(x: unknown, path: string): string {
    if (typeof x !== "string" || x.trim() === "") this.fail(path, `expected a non-empty string, found ${describe(x)}`);
    return x;
  }
  number(x: unknown, path: string): number {
    if (typeof x !== "number" || !Number.isFinite(x)) this.fail(path, `expected a finite number, found ${describe(x)}`);
    return x;
  }
  range(x: unknown, path: string): ClosedRange {
    if (!Array.isArray(x) || x.length !== 2) this.fail(path, `expected a range [lo, hi], found ${describe(x)}`);
    const lo = this.number(x[0], `${path}[0]`);
    const hi = this.number(x[1], `${path}[1]`);
    if (!(lo <= hi)) this.fail(path, `range must have lo <= hi, found [${lo}, ${hi}]`);
    return [lo, hi];
  }
  quantity<V>(x: unknown, path: string, units: readonly string[], value: (v: unknown, p: string) => V, positive = true): SourcedQuantity<V> {
    const o = this.object(x, path, ["value", "unit", "source", "note"], ["value", "unit", "source"]);
    const unit = this.string(o.unit, join(path, "unit"));
    if (!units.includes(unit)) this.fail(join(path, "unit"), `expected ${units.map((u) => JSON.stringify(u)).join(" or ")}, found ${JSON.stringify(unit)}`);
    const v = value(o.value, join(path, "value"));
    if (positive) {
      const nums = ([] as unknown[]).concat(v as unknown).flat(2) as number[];
      for (const n of nums) if (!(n > 0)) this.fail(join(path, "value"), `must be > 0, found ${n}`);
    }
    const q: { value: V; unit: string; source: string; note?: string } = { value: v, unit, source: this.string(o.source, join(path, "source")) };
    if (o.note !== undefined) q.note = this.string(o.note, join(path, "note"));
    return Object.freeze(q);
  }
  num(x: unknown, path: string, units: readonly string[]): SourcedQuantity {
    return this.quantity(x, path, units, (v, p) => this.number(v, p));
  }
  numOrRange(x: unknown, path: string, units: readonly string[]): SourcedQuantity<number | ClosedRange> {
    return this.quantity(x, path, units, (v, p) => (Array.isArray(v) ? this.range(v, p) : this.number(v, p)));
  }
}

function join(path: string, key: string | number): string {
  return typeof key === "number" ? `${path}[${key}]` : path ? `${path}.${key}` : key;
}

function describe(x: unknown): string {
  if (x === undefined) return "nothing";
  if (x === null) return "null";
  if (Array.isArray(x)) return `an array of ${x.length}`;
  if (typeof x === "object") return "an object";
  return `${typeof x} ${JSON.stringify(x)}`;
}

/** Units the loader accepts per field (the JSON must state them; no conversion is made). */
export const EXPERIMENT_UNITS = {
  thermalPower: ["GW"],
  distance: ["m"],
  flux: ["cm^-2 s^-1"],
  percent: ["%"],
  mass: ["kg"],
  energy: ["keV"],
  background: ["counts/(keV kg day)"],
  liveTime: ["h", "d"],
  duration: ["yr", "d"],
  magneticMoment: ["mu_B"],
  count: ["1"],
} as const;

/**
 * Validates a parsed experiment JSON document. `file` is used in error messages only.
 * Throws an Error "<file>: <json path>: <problem>" at the first problem.
 */
export function parseExperiment(doc: unknown, file: string): Experiment {
  // Explicit annotation: lets TypeScript narrow after c.fail() (which returns never).
  const c: Checker = new Checker(file);
  const U = EXPERIMENT_UNITS;
  const top = c.object(doc, "", ["name", "reference", "reactor", "detector", "exposure", "systematics", "results", "$comment"], ["name", "reference", "reactor", "detector"]);
  const r = c.object(top.reactor, "reactor", ["site", "thermalPower", "distance", "publishedFlux", "thermalPowerAccuracy"], ["site", "thermalPower", "distance", "publishedFlux"]);
  const reactor: ExperimentReactor = {
    site: c.string(r.site, "reactor.site"),
    thermalPower: c.num(r.thermalPower, "reactor.thermalPower", U.thermalPower),
    distance: c.num(r.distance, "reactor.distance", U.distance),
    publishedFlux: c.num(r.publishedFlux, "reactor.publishedFlux", U.flux),
    ...(r.thermalPowerAccuracy !== undefined ? { thermalPowerAccuracy: c.num(r.thermalPowerAccuracy, "reactor.thermalPowerAccuracy", U.percent) } : {}),
  };
  const d = c.object(top.detector, "detector", ["type", "mass", "modules", "triggerThreshold", "analysisThreshold", "roi", "background"], ["type", "mass"]);
  const detector: ExperimentDetector = {
    type: c.string(d.type, "detector.type"),
    mass: c.num(d.mass, "detector.mass", U.mass),
    ...(d.modules !== undefined ? { modules: c.num(d.modules, "detector.modules", U.count) } : {}),
    ...(d.triggerThreshold !== undefined ? { triggerThreshold: c.numOrRange(d.triggerThreshold, "detector.triggerThreshold", U.energy) } : {}),
    ...(d.analysisThreshold !== undefined ? { analysisThreshold: c.numOrRange(d.analysisThreshold, "detector.analysisThreshold", U.energy) } : {}),
    ...(d.roi !== undefined
      ? {
          roi: c.quantity(d.roi, "detector.roi", U.energy, (v, p) => {
            if (!Array.isArray(v) || v.length === 0) c.fail(p, `expected a non-empty list of ranges [[lo, hi], ...], found ${describe(v)}`);
            return v.map((x, i) => c.range(x, `${p}[${i}]`));
          }),
        }
      : {}),
    ...(d.background !== undefined ? { background: c.num(d.background, "detector.background", U.background) } : {}),
  };
  const out: { -readonly [K in keyof Experiment]: Experiment[K] } = {
    name: c.string(top.name, "name"),
    reference: c.string(top.reference, "reference"),
    reactor: Object.freeze(reactor),
    detector: Object.freeze(detector),
    file,
  };
  if (top.exposure !== undefined) {
    const e = c.object(top.exposure, "exposure", ["periods", "duration"], []);
    const exposure: { periods?: ExposurePeriod[]; duration?: SourcedQuantity } = {};
    if (e.periods !== undefined) {
      if (!Array.isArray(e.periods) || e.periods.length === 0) c.fail("exposure.periods", `expected a non-empty list, found ${describe(e.periods)}`);
      exposure.periods = e.periods.map((p, i) => {
        const path = `exposure.periods[${i}]`;
        const o = c.object(p, path, ["name", "on", "off"], ["name", "on"]);
        const period: { name: string; on: SourcedQuantity; off?: SourcedQuantity } = { name: c.string(o.name, `${path}.name`), on: c.num(o.on, `${path}.on`, U.liveTime) };
        if (o.off !== undefined) period.off = c.num(o.off, `${path}.off`, U.liveTime);
        return Object.freeze(period);
      });
    }
    if (e.duration !== undefined) exposure.duration = c.num(e.duration, "exposure.duration", U.duration);
    out.exposure = Object.freeze(exposure);
  }
  if (top.systematics !== undefined) {
    const s = c.object(top.systematics, "systematics", ["onTime", "detectorMass", "flux"], []);
    const syst: Record<string, SourcedQuantity> = {};
    for (const k of Object.keys(s)) syst[k] = c.num(s[k], `systematics.${k}`, U.percent);
    out.systematics = Object.freeze(syst);
  }
  if (top.results !== undefined) {
    const rs = c.object(top.results, "results", ["limits", "goal"], []);
    const results: { limits?: MagneticMomentLimit[]; goal?: SourcedQuantity } = {};
    if (rs.limits !== undefined) {
      if (!Array.isArray(rs.limits)) c.fail("results.limits", `expected a list, found ${describe(rs.limits)}`);
      results.limits = rs.limits.map((l, i) => {
        const path = `results.limits[${i}]`;
        const o = c.object(l, path, ["mechanism", "value", "unit", "cl", "source", "note"], ["mechanism", "value", "unit", "cl", "source"]);
        const mechanism = c.string(o.mechanism, `${path}.mechanism`);
        if (mechanism !== "free-electron" && mechanism !== "atomic-ionization") c.fail(`${path}.mechanism`, `expected "free-electron" or "atomic-ionization", found ${JSON.stringify(mechanism)}`);
        if (o.unit !== "mu_B") c.fail(`${path}.unit`, `expected "mu_B", found ${describe(o.unit)}`);
        const value = c.number(o.value, `${path}.value`);
        if (!(value > 0)) c.fail(`${path}.value`, `must be > 0, found ${value}`);
        const cl = c.number(o.cl, `${path}.cl`);
        if (!(cl > 0 && cl < 1)) c.fail(`${path}.cl`, `confidence level must be in (0, 1), found ${cl}`);
        const limit: { -readonly [K in keyof MagneticMomentLimit]: MagneticMomentLimit[K] } = { mechanism: mechanism as MagneticMomentLimit["mechanism"], value, unit: "mu_B", cl, source: c.string(o.source, `${path}.source`) };
        if (o.note !== undefined) limit.note = c.string(o.note, `${path}.note`);
        return Object.freeze(limit);
      });
    }
    if (rs.goal !== undefined) results.goal = c.num(rs.goal, "results.goal", U.magneticMoment);
    out.results = Object.freeze(results);
  }
  return Object.freeze(out);
}

/** Reads and validates one experiment JSON file (any path). Errors name the file. */
export function loadExperimentFile(file: string): Experiment {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new InputDataError(`${file}: cannot read (${(e as Error).message})`, { file }, { cause: e });
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new InputDataError(`${file}: invalid JSON (${(e as Error).message})`, { file }, { cause: e });
  }
  return parseExperiment(doc, file);
}

const loaded = new Map<string, Experiment>();

/**
 * One of the stored experiments, `data/experiments/<name>.json`, validated (cached).
 * @example
 * loadExperiment("gemma").reactor.distance.value; // => 13.9 (m to the centre of the core, GEMMA Sec. 2)
 */
export function loadExperiment(name: ExperimentName): Experiment {
  if (!(EXPERIMENT_NAMES as readonly string[]).includes(name)) {
    throw new OptionError(`unknown experiment ${JSON.stringify(name)} (expected one of ${EXPERIMENT_NAMES.join(", ")}; files in data/experiments/)`, { option: "experiment", value: name });
  }
  const hit = loaded.get(name);
  if (hit) return hit;
  const e = loadExperimentFile(dataPath(`experiments/${name}.json`));
  loaded.set(name, e);
  return e;
}

/**
 * The reactor core of an experiment as a {@link ReactorCoreConfig} (power and distance from the
 * file; everything else from `overrides` or the defaults of reactorSpectrum).
 */
export function experimentCore(e: Experiment, overrides: Partial<ReactorCoreConfig> = {}): ReactorCoreConfig {
  return { thermalPowerGW: e.reactor.thermalPower.value, distanceM: e.reactor.distance.value, ...overrides };
}

/**
 * Total live time of an experiment's periods, days: { on, off } (hours converted with 24 h/day).
 *
 * @example
 * liveTimeDays(loadExperiment("gemma")).on; // => 499.25 (days: (5184 + 6798) h ON, GEMMA Sec. 3)
 * liveTimeDays(loadExperiment("gemma")).off; // => 119.75 (days: (1853 + 1021) h OFF)
 */
export function liveTimeDays(e: Experiment): { on: number; off: number } {
  const toDays = (q: SourcedQuantity | undefined): number => (q === undefined ? 0 : q.unit === "h" ? q.value / 24 : q.value);
  let on = 0;
  let off = 0;
  for (const p of e.exposure?.periods ?? []) {
    on += toDays(p.on);
    off += toDays(p.off);
  }
  return { on, off };
}
