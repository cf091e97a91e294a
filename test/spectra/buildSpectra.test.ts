// Selection and corrected spectra of a simulated GEMMA dataset (72 h ON + 72 h OFF, seed 269: a
// strong noble-gas episode in ON and in OFF, a pulser run; mu = 5e-10 mu_B), against the truth the
// simulator knows: its trigger (GEMMA (4), E0 = 1.5 keV, sigma = 0.55 keV), the pulses it sent, the
// live time of its runs, the origin of every event.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatValueError } from "../../lib/fit/format.js";
import { spectraCommand } from "../../lib/cli/commands/spectra.js";
import { buildSpectra, readSpectraFile, validateSpectra, writeSpectraFile, type BuildSpectraResult } from "../../lib/spectra/index.js";
import { gemmaConfig, physicsSignal, simulate, type SimulationSummary } from "../../lib/sim/index.js";

const dir = mkdtempSync(join(tmpdir(), "nuem-spectra-sim-"));
const data = join(dir, "gemma");
let summary: SimulationSummary;
let r: BuildSpectraResult;

beforeAll(() => {
  summary = simulate(gemmaConfig(), { seed: 269, outDir: data, signal: physicsSignal("gemma", 5e-10, "fe"), hoursOn: 72, hoursOff: 72 });
  r = buildSpectra(data);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const roiSum = (x: ArrayLike<number>): number => {
  let t = 0;
  for (let j = 0; j < x.length; j++) {
    const c = 0.5 * (r.edgesKeV[j] + r.edgesKeV[j + 1]);
    if (r.roiKeV.some(([lo, hi]) => c > lo && c < hi)) t += x[j];
  }
  return t;
};

describe("buildSpectra on simulated GEMMA data", () => {
  it("writes a spectra file that validates and reads back identical", () => {
    const file = join(dir, "spectra.json");
    writeSpectraFile(file, r.spectra);
    expect(readSpectraFile(file)).toEqual(JSON.parse(JSON.stringify(r.spectra)));
    const s = validateSpectra(JSON.parse(readFileSync(file, "utf8")));
    expect(s.experiment).toBe("gemma");
    expect(s.mass_kg).toBe(1.5);
    expect(s.flux_per_cm2_s).toBe(2.7e13);
    expect(s.periods.map((p) => p.name)).toEqual(["phase-1"]);
    expect(s.periods[0].roi_kev).toEqual([[3, 9.4], [11.2, 55]]);
  });

  it("counts the pulses the simulator sent and recorded, per amplitude, from the pulser events alone", () => {
    const p = r.periods[0].pulser!;
    expect(Array.from(p.sent)).toEqual(summary.pulser.sent);
    expect(Array.from(p.recorded)).toEqual(summary.pulser.recorded);
  });

  it("the threshold fit recovers the simulator's E0 = 1.5 keV and sigma = 0.55 keV within 3 standard errors", () => {
    const t = r.periods[0].threshold!;
    expect(t.source).toBe("period");
    expect(t.e0ErrorKeV).toBeLessThan(0.02);
    expect(Math.abs(t.e0KeV - 1.5)).toBeLessThan(3 * t.e0ErrorKeV);
    expect(Math.abs(t.sigmaKeV - 0.55)).toBeLessThan(3 * t.sigmaErrorKeV);
  });

  it("T~ON, T~OFF and tau~ agree with the true active time within 3 standard errors", () => {
    // Truth: the live time left in the runs (the simulator's live times less the removed seconds and
    // veto windows, the cut-flow ledger) times the Fourier cut's efficiency for real pulses,
    // 1 - exp(-k^2/2) with k = 3 (checked against the truth labels in the next line).
    const eps = 1 - Math.exp(-4.5);
    expect(Math.abs(r.fourierEfficiency.truth!.value - eps)).toBeLessThan(3 * r.fourierEfficiency.truth!.error);
    const p = r.periods[0];
    for (const s of [p.on!, p.off!]) {
      const truth = s.ledgerLiveTimeS * eps;
      expect(s.activeTime.relError).toBeLessThan(0.1);
      expect(Math.abs(s.activeTime.activeTimeS - truth)).toBeLessThan(3 * s.activeTime.errorS);
    }
    const tauTrue = p.on!.ledgerLiveTimeS / p.off!.ledgerLiveTimeS;
    expect(Math.abs(p.tau!.tau - tauTrue)).toBeLessThan(3 * p.tau!.tau * p.tau!.relError);
    // The DAQ live time of the ON runs is the simulator's (good and bad runs).
    expect(p.on!.activeTime.rawLiveTimeS).toBeGreaterThan(summary.live_time_on_s);
  });

  it("the noble-gas correction in the ROI agrees with the kept noble-gas events (truth) within 3 standard errors", () => {
    const p = r.periods[0];
    expect(p.templates.blocks).toBeGreaterThan(0);
    for (const s of [p.on!, p.off!]) {
      const truth = roiSum(s.truthNobleGas!);
      expect(Math.abs(s.nobleGasRoi.counts - truth)).toBeLessThan(3 * s.nobleGasRoi.error);
      expect(s.nobleGasRoi.counts).toBeCloseTo(roiSum(s.nobleGas.counts), 6);
    }
  });

  it("corrected = (raw - noble gas) / eta bin by bin; the ROI counts are the kept events", () => {
    const p = r.periods[0];
    const f = r.spectra.periods[0];
    for (const [s, counts, variance] of [
      [p.on!, f.on_counts, f.on_variance!],
      [p.off!, f.off_counts, f.off_variance!],
    ] as const) {
      for (let j = 0; j < counts.length; j += 7) {
        expect(counts[j]).toBeCloseTo((s.raw[j] - s.nobleGas.counts[j]) / s.eta[j], 9);
        expect(variance[j]).toBeCloseTo((s.raw[j] + s.nobleGas.variance[j]) / s.eta[j] ** 2, 9);
      }
      expect(s.eta[0]).toBeLessThan(s.eta[s.eta.length - 1]);
      expect(s.eta[5]).toBeGreaterThan(0.99); // 3.0-3.2 keV
    }
    expect(f.t_on_days).toBeCloseTo(p.on!.activeTime.activeTimeS / 86400, 12);
    expect(f.tau_rel_uncertainty).toBeCloseTo(p.tau!.relError, 12);
  });

  it("nuem spectra writes the file and answers --json with the active times, threshold and corrections", async () => {
    const file = join(dir, "cli-spectra.json");
    const res = await spectraCommand.run({ in: data, out: file }, []);
    const j = res.json as { out_file: string; periods: Record<string, unknown>[]; selection: { events_in: number; cuts: unknown[] } };
    expect(readSpectraFile(file).periods[0].edges_kev.length).toBe(291);
    const p = j.periods[0] as { on: Record<string, number>; off: Record<string, number>; tau: Record<string, number>; threshold: Record<string, number> };
    for (const k of ["active_time_days", "active_time_rel_error", "ledger_live_time_days", "noble_gas_roi_fraction", "truth_noble_gas_roi_counts"]) expect(typeof p.on[k]).toBe("number");
    expect(p.threshold.e0_kev).toBeCloseTo(r.periods[0].threshold!.e0KeV, 4);
    expect(j.selection.events_in).toBe(summary.events);
    expect(res.text).toMatch(/T~ON/);
    await expect(async () => spectraCommand.run({ in: data }, [])).rejects.toThrow(/--out is required/);
  });

  it("shows itself: the file's periods, the active times and the threshold fit by the PDG rule", () => {
    const h = (r as unknown as { toHTML(): string }).toHTML();
    const th = r.periods[0].threshold!;
    expect(h).toContain(formatValueError(th.e0KeV, th.e0ErrorKeV).replace(" +- ", " ± "));
    expect(h).toContain(formatValueError(r.periods[0].tau!.tau, r.periods[0].tau!.tau * r.periods[0].tau!.relError).replace(" +- ", " ± "));
    expect(h).toContain(`>${r.spectra.periods[0].name}</td>`);
  });
});
