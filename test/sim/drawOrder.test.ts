// The random-draw order of the event sources (lib/sim/sources/) is part of the dataset: a seeded
// dataset's event, truth and run-table files keep their bytes. The SHA-256 below were taken from
// the generator before it was split into one file per source; a change to them is a deliberate
// change of every seeded dataset (and of the notebooks made from them), as the public-API pin is.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freeElectronClosedFormSignal, gemmaConfig, simulate, texonoConfig, type SimConfig } from "../../lib/sim/index.js";
import { scratch } from "./helpers.js";

/** SHA-256 (first 16 hex digits) of the event, truth and run-table files of a dataset. */
function arrowHashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(dir).sort()) if (f.endsWith(".arrow")) out[f] = createHash("sha256").update(readFileSync(join(dir, f))).digest("hex").slice(0, 16);
  return out;
}

/** GEMMA with a phase of its own channels, noise direction and ROI (as the Phase II periods). */
function phaseChannelsConfig(): SimConfig {
  const base = gemmaConfig();
  const channels = [
    { name: "E1", shapingUs: 2, gain: 1.05, sigma0KeV: 0.3 },
    { name: "E2", shapingUs: 4, gain: 1.0, sigma0KeV: 0.22 },
    { name: "E3", shapingUs: 12, gain: 0.95, sigma0KeV: 0.25 },
  ];
  return { ...base, phases: [{ ...base.phases[0], channels, artefactDirection: [1, 0.8, 0.5], roiKeV: [[3.4, 9.4], [11.2, 55]] }] };
}

describe("seeded datasets keep their bytes (the sources' draw order)", () => {
  const s = scratch();
  afterAll(s.cleanup);

  it("GEMMA, 200 h ON + 200 h OFF, seed 5, mu = 3e-10 (pulser runs, strong noble-gas runs, LN2 and site-work runs)", () => {
    const dir = join(s.dir, "gemma");
    simulate(gemmaConfig(), { seed: 5, outDir: dir, signal: freeElectronClosedFormSignal(3e-10), hoursOn: 200, hoursOff: 200, progress: false });
    expect(arrowHashes(dir)).toEqual(GEMMA_HASHES);
  }, 60_000);

  it("GEMMA with a phase's own channels, 48 h ON + 48 h OFF, seed 7", () => {
    const dir = join(s.dir, "phase");
    simulate(phaseChannelsConfig(), { seed: 7, outDir: dir, signal: freeElectronClosedFormSignal(1e-10), hoursOn: 48, hoursOff: 48, progress: false });
    expect(arrowHashes(dir)).toEqual(PHASE_HASHES);
  }, 60_000);

  it("TEXONO, 48 h ON + 48 h OFF, seed 7", () => {
    const dir = join(s.dir, "texono");
    simulate(texonoConfig(), { seed: 7, outDir: dir, signal: freeElectronClosedFormSignal(1e-10), hoursOn: 48, hoursOff: 48, progress: false });
    expect(arrowHashes(dir)).toEqual(TEXONO_HASHES);
  }, 60_000);
});

const GEMMA_HASHES = { "events-2005-08.arrow": "5c0aba6c21b4d095", "runs.arrow": "453b8a1c49fde75e", "truth-2005-08.arrow": "ddde62e833ee6f5a" };
const PHASE_HASHES = { "events-2005-08.arrow": "d30e54bd52af5db2", "runs.arrow": "d07ea0691897e56d", "truth-2005-08.arrow": "fa5f057c0cb4bd87" };
const TEXONO_HASHES = { "events-2001-06.arrow": "f2f9056da20956e3", "runs.arrow": "3742a660fc663fb3", "truth-2001-06.arrow": "017bc07972cb5dda" };
