import { readFileSync } from "node:fs";
import { dataPath } from "../data/paths.js";
import { experimentCore, loadExperimentFile, type Experiment } from "./experiments.js";
import { reactorSpectrum, type ReactorCoreConfig, type ReactorSpectrum } from "./reactorSpectrum.js";

/** A published value with statistical and systematic errors. */
export interface MeasuredValue {
  value: number;
  stat: number;
  sys: number;
  source: string;
  note?: string;
}

/** The published TEXONO CsI(Tl) results (data/landscape/texono_csi_results.json). */
export interface TexonoCsiResults {
  reference: string;
  exposureKgDays: { on: number; off: number; source: string };
  windowMeV: { value: [number, number]; source: string };
  /** Measured / SM cross section. */
  xi: MeasuredValue;
  sin2ThetaW: MeasuredValue;
  /** 90 % CL interval on <r^2>, cm^2. */
  chargeRadius2_cm2: { lower: number; upper: number; cl: number; source: string };
  chargeRadiusMeasurement_cm2: MeasuredValue;
  interference: MeasuredValue;
  muLimit_muB: { value: number; cl: number; source: string };
}

/** The CsI(Tl) configuration and its published results. */
export interface TexonoCsi {
  /** data/experiments/texono-csi.json, validated by the experiments loader. */
  experiment: Experiment;
  results: TexonoCsiResults;
}

let cached: TexonoCsi | null = null;

function checkMeasured(x: unknown, what: string): MeasuredValue {
  const m = x as MeasuredValue;
  if (!m || typeof m.value !== "number" || !(m.stat >= 0) || !(m.sys >= 0) || typeof m.source !== "string") {
    throw new Error(`landscape/texono_csi_results.json: ${what} needs value, stat, sys and source`);
  }
  return m;
}

/**
 * The TEXONO CsI(Tl) measurement (Deniz et al., PRD 81 (2010) 072001): the detector and exposure
 * in data/experiments/texono-csi.json (read by `loadExperimentFile`, since it is not one of
 * `loadExperiment`'s names) and the published electroweak results in
 * data/landscape/texono_csi_results.json. Cached.
 */
export function loadTexonoCsi(): TexonoCsi {
  if (cached) return cached;
  const experiment = loadExperimentFile(dataPath("experiments/texono-csi.json"));
  const file = dataPath("landscape/texono_csi_results.json");
  const doc = JSON.parse(readFileSync(file, "utf8")) as TexonoCsiResults;
  for (const k of ["xi", "sin2ThetaW", "chargeRadiusMeasurement_cm2", "interference"] as const) checkMeasured(doc[k], k);
  const r = doc.chargeRadius2_cm2;
  if (!(r && r.lower < r.upper && r.cl > 0 && r.cl < 1)) throw new Error("landscape/texono_csi_results.json: chargeRadius2_cm2 needs lower < upper and cl");
  if (!(doc.exposureKgDays.on > 0 && doc.exposureKgDays.off > 0)) throw new Error("landscape/texono_csi_results.json: exposures must be positive");
  cached = { experiment, results: doc };
  return cached;
}

const sources = new Map<string, ReactorSpectrum>();

/** The reactor spectrum at the CsI(Tl) array (power and distance of texono-csi.json), cached per overrides. */
export function csiSource(overrides: Partial<ReactorCoreConfig> = {}): ReactorSpectrum {
  const key = JSON.stringify(overrides);
  let s = sources.get(key);
  if (!s) {
    s = reactorSpectrum(experimentCore(loadTexonoCsi().experiment, overrides));
    sources.set(key, s);
  }
  return s;
}
