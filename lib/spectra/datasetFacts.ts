/*
 * What the spectra file takes from a dataset's manifest besides the events: the experiment, the
 * detector mass, the phase names, the test pulser and, for a simulated dataset, the ROI of the
 * simulator's configuration (GEMMA Phase II periods may carry their own: Beda et al., sec. 3, "the
 * low-energy edge of the ROI" changed between the periods).
 */
import { InputDataError } from "../errors.js";
import type { DatasetManifest } from "../events/index.js";
import { pulserSettingsFromManifest, type PulserSettings } from "./threshold.js";

/** The manifest's facts that the spectra file uses. */
export interface DatasetFacts {
  /** As written in the manifest ("GEMMA", "TEXONO", ...). */
  readonly experiment: string;
  readonly massKg: number;
  /** Names of the phase codes (manifest `phases`). */
  readonly phaseNames: Readonly<Record<string, string>>;
  /** The simulator's test pulser (undefined for measured data or a simulation without one). */
  readonly pulser: PulserSettings | undefined;
  /** A simulated dataset's ROI, keV (its configuration's `roiKeV`). */
  readonly simulatedRoiKeV: [number, number][] | undefined;
  /** A simulated phase's own ROI, keV, by phase code. */
  readonly simulatedPhaseRoiKeV: ReadonlyMap<number, [number, number][]>;
}

/** The facts of a dataset's manifest (`dir` names the dataset in error messages). */
export function datasetFacts(manifest: DatasetManifest, dir: string): DatasetFacts {
  const simConfig = (manifest.simulation as { config?: { config?: { roiKeV?: unknown; phases?: unknown } } } | null)?.config?.config;
  const where = `${dir}: dataset.json: simulation.config.config`;
  const simulatedRoiKeV = roiOrUndefined(simConfig?.roiKeV, `${where}.roiKeV`);
  const simulatedPhaseRoiKeV = new Map<number, [number, number][]>();
  const simPhases = simConfig?.phases;
  if (Array.isArray(simPhases)) {
    simPhases.forEach((ph: { id?: unknown; roiKeV?: unknown }, i) => {
      const r = roiOrUndefined(ph?.roiKeV, `${where}.phases[${i}].roiKeV`);
      if (r && Number.isInteger(ph.id)) simulatedPhaseRoiKeV.set(ph.id as number, r);
    });
  }
  return {
    experiment: manifest.experiment,
    massKg: knownMassKg(manifest, dir),
    phaseNames: (manifest.phases ?? {}) as Record<string, string>,
    pulser: pulserSettingsFromManifest(manifest),
    simulatedRoiKeV,
    simulatedPhaseRoiKeV,
  };
}

/** A list of [lo, hi] intervals read from a manifest's simulation configuration (undefined when absent). */
function roiOrUndefined(x: unknown, where: string): [number, number][] | undefined {
  if (x === undefined) return undefined;
  if (!Array.isArray(x) || x.length === 0 || !x.every((r) => Array.isArray(r) && r.length === 2 && r.every((v) => typeof v === "number" && Number.isFinite(v)) && r[1] > r[0])) {
    throw new Error(`${where}: expected a non-empty list of [lo, hi] keV intervals, found ${JSON.stringify(x)}`);
  }
  return (x as number[][]).map((r) => [r[0], r[1]] as [number, number]);
}

/** The manifest's fiducial mass; refused when the dataset does not give it (null: imported without a mass). */
export function knownMassKg(manifest: Pick<DatasetManifest, "detector_mass_kg">, dir: string): number {
  if (manifest.detector_mass_kg === null) {
    throw new InputDataError(`${dir}/dataset.json: detector_mass_kg is null (the detector's fiducial mass was not given, e.g. nuem import without --mass-kg): spectra need it for the rates; import again with --mass-kg`, { file: `${dir}/dataset.json`, field: "detector_mass_kg" });
  }
  return manifest.detector_mass_kg;
}
