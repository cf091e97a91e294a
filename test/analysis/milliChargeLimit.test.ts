import { describe, expect, it } from "vitest";
import { analysePeriod } from "../../lib/analysis/periodAnalysis.js";
import { analyseSpectra } from "../../lib/analysis/limit.js";
import { signalDefinition } from "../../lib/analysis/models.js";
import { modelFluxPerCm2s, responseSpec } from "../../lib/analysis/binnedRates.js";
import { gemmaToyConditions, toySpectraFile } from "../../lib/analysis/spectraToy.js";
import { limitCommand } from "../../lib/cli/commands/limit.js";
import { siteRate } from "../../lib/prospects/binnedRate.js";
import { writeSpectraFile } from "../../lib/spectra/spectraFile.js";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";

/** Bin averages by the composite Simpson rule, 8 intervals per bin: a second quadrature for the check below. */
function simpsonBinAverages(rate: (tKeV: Float64Array) => Float64Array, edgesKeV: ArrayLike<number>): Float64Array {
  const nb = edgesKeV.length - 1;
  const m = 8;
  const pts = new Float64Array(nb * m + 1);
  for (let i = 0; i < nb; i++) for (let k = 0; k < m; k++) pts[i * m + k] = edgesKeV[i] + ((edgesKeV[i + 1] - edgesKeV[i]) * k) / m;
  pts[nb * m] = edgesKeV[nb];
  const r = rate(pts);
  return Float64Array.from({ length: nb }, (_, i) => {
    let s = r[i * m] + r[(i + 1) * m];
    for (let k = 1; k < m; k++) s += (k % 2 === 1 ? 4 : 2) * r[i * m + k];
    return s / (3 * m);
  });
}

// The spectra-file limit on the milli-charge: the same GEMMA chain with the milli-charge signal
// shape, X = (delta_Q / 1e-12 e)^2.
const spectra = toySpectraFile(gemmaToyConditions(), { model: "fe", muB: 0 }, 7);
const period = spectra.periods[0];

describe("limit on delta_Q from a spectra file", () => {
  it("the bin-averaged milli-charge rate equals the same rate averaged by Simpson's rule (another quadrature, another folding path) within 1e-3 (the stepping edges are where the two rules differ most)", () => {
    const p = analysePeriod(spectra, period, { background: "gel" }, { coupling: "delta-q", model: "stepping", offErrors: "none", fixK: 1 });
    const edges = p.binning.edgesKeV;
    // Simpson's rule on the rate folded point by point (siteRate with the response), not on the fine grid.
    const simpson = simpsonBinAverages((t) => siteRate("gemma", "millicharge-stepping", t, { deltaQ_e: 1e-12 }, responseSpec("gemma")), edges);
    // The file's flux (the published 2.7e13) over the library's GEMMA flux (2.719e13, notebook 01).
    const scale = spectra.flux_per_cm2_s! / modelFluxPerCm2s("gemma");
    for (let i = 0; i < edges.length - 1; i += 7) expect(Math.abs(p.emPerKeVKgDay[i] / (simpson[i] * scale) - 1)).toBeLessThan(1e-3);
  });

  it("with K fixed and the OFF curve exact, dX is the closed form 1 / sqrt(sum s_i^2 / var_i) of a chi-square linear in X", () => {
    const p = analysePeriod(spectra, period, { background: "gel" }, { coupling: "delta-q", model: "fe", offErrors: "none", fixK: 1 });
    const e = p.binning.edgesKeV;
    let info = 0;
    for (let i = 0; i < e.length - 1; i++) {
      if (p.binning.groups[i].length === 0) continue; // the 9.4-11.2 keV gap
      const s = p.onDays * spectra.mass_kg * (e[i + 1] - e[i]) * p.emPerKeVKgDay[i];
      info += (s * s) / p.onVariance[i];
    }
    expect(p.fit.dx).toBeCloseTo(1 / Math.sqrt(info), 6);
  });

  it("the result reports delta_q_upper_e = 1e-12 sqrt(X_up), and the milli-charge bound of GEMMA-like data is of order 1e-12 e (Chen et al. 2014: 1.0e-12 with atomic enhancement)", () => {
    const r = analyseSpectra(spectra, { coupling: "delta-q", model: "stepping" });
    const j = r.toJSON() as Record<string, number | string>;
    expect(j.parameter).toBe("delta-q");
    expect(j.delta_q_upper_e as number).toBeCloseTo(1e-12 * Math.sqrt(r.xUpper), 25);
    expect(j).not.toHaveProperty("mu_upper_mub");
    expect(() => r.muUpperMuB).toThrow(/not mu/);
    expect(r.upper).toBeGreaterThan(5e-13);
    expect(r.upper).toBeLessThan(2e-11);
  });

  it("signalDefinition: processes and references of both couplings", () => {
    expect(signalDefinition("mu", "epa").process).toBe("em-epa");
    expect(signalDefinition("delta-q", "epa").params.neutrinoMassMeV).toBe(16e-6);
    expect(() => signalDefinition("delta-q", "x" as never)).toThrow(/unknown milli-charge model "x"/);
  });
});

describe("nuem limit --parameter", () => {
  const dir = mkdtempSync(join(tmpdir(), "nuem-limit-dq-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, "spectra.json");
  writeSpectraFile(file, spectra);

  it("delta-q answers with delta_q_upper_e; sin2w and r2 give the CsI(Tl) fit; a spectra file with sin2w is refused", async () => {
    const dq = (await limitCommand.run({ spectra: file, parameter: "delta-q", model: "stepping" }, [])).json as Record<string, unknown>;
    expect(dq.parameter).toBe("delta-q");
    expect(dq.delta_q_upper_e).toBeGreaterThan(0);
    const s = (await limitCommand.run({ parameter: "sin2w" }, [])).json as Record<string, unknown>;
    expect(s.parameter).toBe("sin2w");
    await expect(async () => limitCommand.run({ parameter: "r2", spectra: file }, [])).rejects.toThrow(/germanium spectra/);
    await expect(async () => limitCommand.run({ parameter: "tau", spectra: file }, [])).rejects.toThrow(/--parameter: expected one of mu, delta-q/);
  });
});
