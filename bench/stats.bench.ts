import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyseSpectra, analysePeriod, gemmaToyConditions, toySpectraFile } from "../lib/analysis/index.js";
import { readSpectraFile } from "../lib/spectra/index.js";
import type { Bench } from "./harness.js";

// A GEMMA-like spectra file (published exposure, 0.2 keV bins, seeded Poisson toy), written once.
const spectra = toySpectraFile(gemmaToyConditions(), { model: "fe", muB: 0 }, 1);
const scratch = mkdtempSync(join(tmpdir(), "nuem-bench-"));
process.on("exit", () => rmSync(scratch, { recursive: true, force: true })); // the bench leaves nothing behind
const file = join(scratch, "spectra.json");
writeFileSync(file, JSON.stringify(spectra));
analyseSpectra(spectra); // warm the rate cache (the bin-averaged EM and weak rates)
const period = analysePeriod(spectra, spectra.periods[0], { background: "gel" });
const diag = analysePeriod(spectra, spectra.periods[0], { background: "gel" }, { offErrors: "diagonal" });
const grid = { xMin: -100, xMax: 100, nx: 401, kMin: 0.95, kMax: 1.05, nk: 401 };

// GEMMA Fig. 4: the chi2(X, K) map over the ROI (251 bins of 0.2 keV), and the whole statistics step.
export const statsBenches: Bench[] = [
  { name: "chi2(X, K) map 401 x 401, GEMMA ROI, correlated OFF curve", items: 401 * 401, unit: "points", run: () => period.chi2.map(grid) },
  { name: "chi2(X, K) map 401 x 401, GEMMA ROI, diagonal OFF errors", items: 401 * 401, unit: "points", run: () => diag.chi2.map(grid) },
  { name: "analyseSpectra: read file + GEL fits + profile + PDG (2 periods)", run: () => analyseSpectra(readSpectraFile(file)) },
  { name: "analyseSpectra: raw OFF, PDG", run: () => analyseSpectra(spectra, { background: "raw" }) },
  { name: "analyseSpectra: 'gemma' alternatives (8), PDG", run: () => analyseSpectra(spectra, { alternatives: "gemma" }) },
  { name: "analyseSpectra: raw OFF, profile likelihood", run: () => analyseSpectra(spectra, { background: "raw", method: "profile" }) },
];
