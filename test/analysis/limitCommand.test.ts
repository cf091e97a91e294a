import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { limitCommand } from "../../lib/cli/commands/limit.js";
import { sensitivityCommand } from "../../lib/cli/commands/sensitivity.js";
import { toySpectraFile, gemmaToyConditions } from "../../lib/analysis/spectraToy.js";
import { writeSpectraFile } from "../../lib/spectra/spectraFile.js";

const dir = mkdtempSync(join(tmpdir(), "nuem-limit-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = join(dir, "spectra.json");
const spectra = toySpectraFile(gemmaToyConditions(), { model: "fe", muB: 0 }, 42);
writeSpectraFile(file, spectra);

describe("nuem limit (command object)", () => {
  it("--json answers with x_hat, x_err, x_upper, mu_upper_mub, method, model and the periods", async () => {
    const r = await limitCommand.run({ spectra: file }, []);
    const j = r.json as Record<string, unknown>;
    for (const k of ["x_hat", "x_err", "x_upper", "mu_upper_mub", "method", "model", "periods"]) expect(j).toHaveProperty(k);
    expect(j.method).toBe("pdg");
    expect((j.periods as { name: string }[]).map((p) => p.name)).toEqual(spectra.periods.map((p) => p.name));
    expect(j.mu_upper_mub as number).toBeCloseTo(1e-11 * Math.sqrt(j.x_upper as number), 20);
    expect(r.text).toMatch(/Phase I/);
  });

  it("--method fc|profile, --background raw and --roi-low-kev alternatives run", async () => {
    const fc = (await limitCommand.run({ spectra: file, method: "fc", background: "raw" }, [])).json as Record<string, unknown>;
    expect(fc.method).toBe("fc");
    const pr = (await limitCommand.run({ spectra: file, method: "profile", background: "raw" }, [])).json as Record<string, unknown>;
    expect(pr.method).toBe("profile");
    const alt = (await limitCommand.run({ spectra: file, "roi-low-kev": "2.9,3.0,3.5", background: "raw" }, [])).json as { alternatives: unknown[] };
    expect(alt.alternatives).toHaveLength(3);
  });

  it("clear errors: no --spectra, a missing file, a bad field (file and field named), a bad option", async () => {
    await expect(async () => limitCommand.run({}, [])).rejects.toThrow(/--spectra is required/);
    await expect(async () => limitCommand.run({ spectra: join(dir, "none.json") }, [])).rejects.toThrow(/none\.json: does not exist/);
    const bad = join(dir, "bad.json");
    const doc = JSON.parse(JSON.stringify(spectra));
    doc.periods[1].off_counts.pop();
    writeFileSync(bad, JSON.stringify(doc));
    await expect(async () => limitCommand.run({ spectra: bad }, [])).rejects.toThrow(/bad\.json: periods\[1\]\.off_counts: expected 306 values/);
    await expect(async () => limitCommand.run({ spectra: file, method: "bayes" }, [])).rejects.toThrow(/--method: expected one of pdg, fc, profile/);
  });
});

describe("nuem limit --procedure", () => {
  it("--procedure paper sums the 8 GEMMA alternatives with the OFF curve as the background; conflicting options are refused", async () => {
    const j = (await limitCommand.run({ spectra: file, procedure: "paper" }, [])).json as { procedure: string; off_errors: string; alternatives: unknown[] };
    expect(j.procedure).toBe("paper");
    expect(j.off_errors).toBe("none");
    expect(j.alternatives).toHaveLength(8);
    await expect(async () => limitCommand.run({ spectra: file, procedure: "paper", "off-errors": "correlated" }, [])).rejects.toThrow(/--off-errors correlated \(the procedure uses none\)/);
    await expect(async () => limitCommand.run({ spectra: file, procedure: "full", "bin-kev": "1" }, [])).rejects.toThrow(/--roi-low-kev\/--bin-kev/);
    await expect(async () => limitCommand.run({ spectra: file, procedure: "section" }, [])).rejects.toThrow(/--procedure: expected one of paper, full/);
  });
  it("without --procedure: no named procedure, the raw OFF background", async () => {
    const j = (await limitCommand.run({ spectra: file }, [])).json as { procedure: string | null; background_fits: { background: string }[] };
    expect(j.procedure).toBe(null);
    expect(j.background_fits[0].background).toBe("raw OFF spectrum");
  });
});

describe("nuem sensitivity: TEXONO and GEMMA-II", () => {
  it("TEXONO uses the 12-60 keV window (PRL 90 (2003) 131802) and keeps the output fields", async () => {
    const r = await sensitivityCommand.run({ experiment: "texono" }, []);
    const j = r.json as Record<string, unknown>;
    for (const k of ["x_hat", "x_err", "x_upper", "mu_upper_mub", "method", "model", "periods", "inputs", "published_mu_upper_mub"]) expect(j).toHaveProperty(k);
    expect((j.inputs as { roi_kev: number[][] }).roi_kev).toEqual([[12, 60]]);
    expect(j.published_mu_upper_mub).toBe(7.4e-11);
  });
  it("GEMMA-II is refused with what is missing", async () => {
    await expect(async () => sensitivityCommand.run({ experiment: "gemma2" }, [])).rejects.toThrow(/GEMMA-II states no ROI, no background level and no ON\/OFF exposure/);
  });
  it("--toys adds pseudo-experiment bands", async () => {
    const r = await sensitivityCommand.run({ experiment: "gemma", toys: "20", seed: "3", "toy-background": "raw" }, []);
    const t = (r.json as { toys: { n: number; band_1sigma_mub: number[] } }).toys;
    expect(t.n).toBe(20);
    expect(t.band_1sigma_mub[0]).toBeLessThan(t.band_1sigma_mub[1]);
  }, 30_000);
});
