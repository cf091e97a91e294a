import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { boundCommand } from "../../lib/cli/commands/bound.js";
import { concatEvents, DatasetWriter, openDataset, readPeriod, type EventColumns } from "../../lib/events/index.js";
import { RunState } from "../../lib/events/runState.js";
import { asimovCsiOnOff, csiAsimovFromConfig, fitCsiResidual } from "../../lib/analysis/csiToy.js";
import { csiBackgroundForXiError, csiExpectedXiError } from "../../lib/rates/csiExpectedError.js";
import { antiNueCouplings, basisRate, csiBasis, csiBasisDensity, csiFoldedBasis, csiWindowBasis } from "../../lib/rates/csiRates.js";
import { csiSpectrumFromDataset } from "../../lib/spectra/csiSpectrum.js";
import { buildCsiModel, csiConfig, csiExpectedSpectra, simulateCsi } from "../../lib/sim/index.js";

const ON = 29882;
const OFF = 7369;
const EDGES = Array.from({ length: 11 }, (_, i) => 3000 + 500 * i);

function scratch(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "nuem-csi-"));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

describe("resolution-folded CsI basis", () => {
  it("its integrands (csiBasisDensity) integrate over each bin to csiBasis (8-interval Simpson: 1e-5)", () => {
    const u = csiBasis(EDGES);
    for (let b = 0; b < 10; b++) {
      const n = 250;
      const h = 500 / n;
      const acc = [0, 0, 0];
      for (let i = 0; i <= n; i++) {
        const d = csiBasisDensity(EDGES[b] + i * h);
        const w = ((i === 0 || i === n ? 1 : i % 2 ? 4 : 2) * h) / 3;
        for (let k = 0; k < 3; k++) acc[k] += w * d[k];
      }
      expect(acc[0] / u.a0[b]).toBeCloseTo(1, 4);
      expect(acc[1] / u.a1[b]).toBeCloseTo(1, 4);
      expect(acc[2] / u.a2[b]).toBeCloseTo(1, 4);
    }
  });
  it("at 10 % FWHM (662 keV) it equals the simulator's folded lib/xsec signal bin by bin (two implementations of the cross section)", () => {
    const f = basisRate(csiFoldedBasis(EDGES), antiNueCouplings("sm", 0.23867));
    const e = csiExpectedSpectra(buildCsiModel(csiConfig()), EDGES).signal;
    for (let i = 0; i < 10; i++) expect(f[i] / e[i]).toBeCloseTo(1, 4);
    // 0.19 % more than the true-energy rate in 3-8 MeV, 3 % more in the last bin (steeply falling).
    const u = basisRate(csiBasis(EDGES), antiNueCouplings("sm", 0.23867));
    expect(f.reduce((a, v) => a + v, 0) / u.reduce((a, v) => a + v, 0)).toBeCloseTo(1.0019, 3);
  });
  it("a background shape in csiBackgroundForXiError: flat shape = no shape; the inverse holds", () => {
    const basis = csiWindowBasis([3000, 8000], 10);
    const flat = csiBackgroundForXiError(basis, 0.21, ON, OFF);
    expect(csiBackgroundForXiError(basis, 0.21, ON, OFF, 0.23867, new Float64Array(10).fill(3))).toBeCloseTo(flat, 12);
    const falling = Float64Array.from({ length: 10 }, (_, i) => Math.exp(-i / 3));
    const b = csiBackgroundForXiError(basis, 0.21, ON, OFF, 0.23867, falling);
    expect(csiExpectedXiError(basis, b, ON, OFF, 0.23867, falling)).toBeCloseTo(0.21, 10);
    expect(b).toBeLessThan(flat);
  });
});

describe("the configured event model, Asimov", () => {
  const c = csiConfig();
  const a = csiAsimovFromConfig(c);
  it("its background level gives the published statistical error of xi, 0.21, by construction (NOT PUBLISHED level 0.0534 per kg day)", () => {
    expect(fitCsiResidual(a, "xi").err).toBeCloseTo(0.21, 8);
    expect(c.backgroundPerKgDay).toBeCloseTo(0.0534, 3);
    // The binned expected background is that level, spread with the configured shape.
    expect(a.off.reduce((s, v) => s + v, 0) / OFF).toBeCloseTo(c.backgroundPerKgDay, 6);
  });
  it("median error of sin^2 theta_W: 0.0327 vs published 0.031 (5 % above; spectrum-level toy with a flat background: 0.0335)", () => {
    const f = fitCsiResidual(a, "sin2ThetaW");
    expect(f.value).toBeCloseTo(0.23867, 6);
    expect(f.err).toBeGreaterThan(0.031);
    expect(f.err / 0.031).toBeLessThan(1.08);
    const toy = fitCsiResidual(asimovCsiOnOff({ backgroundPerKgDay: csiBackgroundForXiError(csiWindowBasis([3000, 8000], 10), 0.21, ON, OFF), onKgDays: ON, offKgDays: OFF }), "sin2ThetaW");
    expect(f.err).toBeLessThan(toy.err);
  });
  it("median error of <r^2>: 1.37e-32 vs published 1.30e-32 cm^2 (proceedings)", () => {
    const f = fitCsiResidual(a, "chargeRadius2_cm2");
    expect(f.err / 1.3e-32).toBeGreaterThan(1);
    expect(f.err / 1.3e-32).toBeLessThan(1.08);
  });
});

describe("CsI(Tl) events -> ON/OFF spectra -> sin^2 theta_W (published exposure, seed 2010)", () => {
  const tmp = scratch();
  beforeAll(() => {
    simulateCsi(csiConfig(), { seed: 2010, outDir: tmp.dir });
  });
  afterAll(() => tmp.cleanup());

  it("histograms veto-free E3 by reactor state: counts equal an independent count; exposures 29882 / 7369 kg day", () => {
    const sp = csiSpectrumFromDataset(tmp.dir);
    expect(sp.onKgDays).toBeCloseTo(ON, 6);
    expect(sp.offKgDays).toBeCloseTo(OFF, 6);
    expect(sp.experiment).toBe("TEXONO CsI(Tl)");
    const ds = openDataset(tmp.dir);
    const ev = concatEvents(ds.manifest.periods.map((p) => readPeriod(ds, p.name)), false) as EventColumns;
    const state = new Map<number, number>();
    for (let i = 0; i < ds.runs.length; i++) state.set(ds.runs.run[i], ds.runs.state[i]);
    const on = new Float64Array(10);
    const off = new Float64Array(10);
    let vetoed = 0;
    for (let j = 0; j < ev.length; j++) {
      const k = Math.floor((ev.e3_kev[j] - 3000) / 500);
      if (k < 0 || k > 9) continue;
      if (ev.veto[j]) {
        vetoed++;
        continue;
      }
      (state.get(ev.run[j]) === RunState.ON ? on : off)[k]++;
    }
    expect(Array.from(sp.on)).toEqual(Array.from(on));
    expect(Array.from(sp.off)).toEqual(Array.from(off));
    expect(sp.vetoed.on + sp.vetoed.off).toBe(vetoed);
    expect(sp.residual[0]).toBeCloseTo(on[0] / ON - off[0] / OFF, 12);
  });
  it("the fit of sin^2 theta_W recovers the injected 0.23867 within its error (0.212 -0.041 +0.034); published 0.251 +- 0.031", () => {
    const f = fitCsiResidual(csiSpectrumFromDataset(tmp.dir), "sin2ThetaW");
    const err = f.value < 0.23867 ? f.errHigh : f.errLow;
    expect(Math.abs(f.value - 0.23867) / err).toBeLessThan(2);
    expect(f.err).toBeGreaterThan(0.025);
    expect(f.err).toBeLessThan(0.05);
  });
  it("nuem bound --parameter sin2w --data DIR fits the same spectra", async () => {
    const r = await boundCommand.run({ parameter: "sin2w", data: tmp.dir }, []);
    const j = r.json as { mode: string; fit: { value: number }; data: { on_kg_days: number } };
    expect(j.fit.value).toBeCloseTo(fitCsiResidual(csiSpectrumFromDataset(tmp.dir), "sin2ThetaW").value, 12);
    expect(j.data.on_kg_days).toBeCloseTo(ON, 6);
    expect(r.text).toMatch(/events of .*sin\^2 theta_W = /);
    expect(r.text).toMatch(/published: 0.251 \+- 0.031/);
    const r2 = await boundCommand.run({ parameter: "r2", data: tmp.dir }, []);
    expect((r2.json as { fit: { parameter: string } }).fit.parameter).toBe("chargeRadius2_cm2");
    await expect(async () => boundCommand.run({ parameter: "sin2w", data: tmp.dir, seed: "3" }, [])).rejects.toThrow(/either --seed/);
  });
});

describe("fits of simulated events recover the injected sin^2 theta_W", () => {
  const tmp = scratch();
  afterAll(() => tmp.cleanup());
  it("ten times the exposure, sin^2 theta_W = 0.30 injected (seed 5): within 3 sigma, error ~ Asimov / sqrt(10)", () => {
    // Generation restricted to what can reach 3-8 MeV (same window level and shape, fewer events).
    const c = csiConfig({ sin2ThetaW: 0.3, onKgDays: 10 * ON, offKgDays: 10 * OFF, trueRangeKeV: [2500, 10000], recordKeV: [2900, 8100] });
    simulateCsi(c, { seed: 5, outDir: join(tmp.dir, "x10") });
    const f = fitCsiResidual(csiSpectrumFromDataset(join(tmp.dir, "x10")), "sin2ThetaW");
    expect(Math.abs(f.value - 0.3) / f.err).toBeLessThan(3);
    const asimov = fitCsiResidual(csiAsimovFromConfig(c), "sin2ThetaW");
    expect(f.err / asimov.err).toBeGreaterThan(0.85);
    expect(f.err / asimov.err).toBeLessThan(1.15);
  });
  it("24 datasets at the published exposure: pulls have mean ~0 and width ~1, 68 % coverage within 3 sigma of binomial", () => {
    const c = csiConfig({ trueRangeKeV: [2500, 10000], recordKeV: [2900, 8100] });
    expect(c.backgroundPerKgDay).toBeCloseTo(csiConfig().backgroundPerKgDay, 10);
    const pulls: number[] = [];
    let inside = 0;
    const n = 24;
    for (let seed = 100; seed < 100 + n; seed++) {
      const dir = join(tmp.dir, `e${seed}`);
      simulateCsi(c, { seed, outDir: dir });
      const f = fitCsiResidual(csiSpectrumFromDataset(dir), "sin2ThetaW");
      const err = f.value < 0.23867 ? f.errHigh : f.errLow;
      pulls.push((f.value - 0.23867) / err);
      if (Math.abs(f.value - 0.23867) < err) inside++;
      rmSync(dir, { recursive: true, force: true });
    }
    const mean = pulls.reduce((a, v) => a + v, 0) / n;
    const sd = Math.sqrt(pulls.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1));
    expect(Math.abs(mean)).toBeLessThan(3 / Math.sqrt(n));
    expect(sd).toBeGreaterThan(0.6);
    expect(sd).toBeLessThan(1.4);
    expect(Math.abs(inside / n - 0.683)).toBeLessThan(3 * Math.sqrt((0.683 * 0.317) / n));
  });
  it("refuses a dataset that is not CsI(Tl)", () => {
    const dir = join(tmp.dir, "ge");
    const w = new DatasetWriter(dir, { experiment: "GEMMA", detector_mass_kg: 1.5, detector: "HPGe" });
    w.writeRuns({ run: [1], start_utc: [0], duration_s: [3600], live_time_s: [3600], dead_time_s: [0], thermal_power_gw: [3], state: [1], phase: [1], ln2_fill: [0], site_work: [0] });
    w.close();
    expect(() => csiSpectrumFromDataset(dir)).toThrow(/not a CsI\(Tl\) dataset/);
  });
});
