// `nuem spectra --json` for a period whose active time could not be estimated (no background-line
// counts, e.g. a short OFF stretch): the summary says null instead of printing NaN (which the
// --json guard refuses, losing the whole summary).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { spectraSummary } from "../../lib/cli/commands/spectra.js";
import { nonFinitePath } from "../../lib/cli/finiteJson.js";
import { freeElectronClosedFormSignal, gemmaConfig, simulate } from "../../lib/sim/index.js";
import { buildSpectra } from "../../lib/spectra/buildSpectra.js";

describe("spectra summary", () => {
  const dir = mkdtempSync(join(tmpdir(), "nuem-spectra-summary-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  simulate(gemmaConfig(), { seed: 3, outDir: join(dir, "d"), signal: freeElectronClosedFormSignal(0), hoursOn: 6, hoursOff: 6, progress: false });
  const r = buildSpectra(join(dir, "d"));

  it("an ordinary period gives finite numbers: T~ON within 3 sigma of the live time left x the Fourier efficiency 1 - exp(-9/2)", () => {
    const [s] = spectraSummary(r) as { on: { active_time_days: number; active_time_rel_error: number; ledger_live_time_days: number } }[];
    expect(nonFinitePath(s)).toBeNull();
    const truth = s.on.ledger_live_time_days * (1 - Math.exp(-4.5));
    expect(Math.abs(s.on.active_time_days - truth)).toBeLessThan(3 * s.on.active_time_rel_error * s.on.active_time_days);
  });

  it("an active time that could not be estimated is null, not NaN", () => {
    const p = r.periods[0];
    const off = { ...p.off!, activeTime: { ...p.off!.activeTime, activeTimeS: NaN, relError: NaN, lineStatisticsRelError: NaN }, nobleGasRoiFraction: NaN };
    const broken = { ...r, periods: [{ ...p, off, tau: undefined, skipped: "no active-time line data in phase 1" }] };
    const [s] = spectraSummary(broken as unknown as typeof r) as { off: Record<string, unknown>; skipped: string }[];
    expect(nonFinitePath(s)).toBeNull();
    expect(s.off.active_time_days).toBeNull();
    expect(s.off.noble_gas_roi_fraction).toBeNull();
    expect(s.skipped).toBe("no active-time line data in phase 1");
  });
});
