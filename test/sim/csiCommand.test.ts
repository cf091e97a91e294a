import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { simulateCommand } from "../../lib/cli/commands/simulate.js";
import { openDataset, validateDataset } from "../../lib/events/index.js";
import { scratch } from "./helpers.js";

describe("nuem simulate --config csi (command object)", () => {
  const tmp = scratch();
  afterAll(() => tmp.cleanup());
  it("writes a CsI(Tl) dataset; --json gives exposures, window counts and the background level", async () => {
    const out = join(tmp.dir, "csi");
    const r = await simulateCommand.run({ config: "csi", seed: "3", out, sin2w: "0.3", "on-kg-days": "1870", "off-kg-days": "935" }, []);
    const j = r.json as { seed: number; sin2_theta_w: number; events: number; exposure_kg_days: { on: number; off: number }; background_per_kg_day: number; signal_window_on: { expected: number } };
    expect(j.seed).toBe(3);
    expect(j.sin2_theta_w).toBe(0.3);
    expect(j.exposure_kg_days.on).toBeCloseTo(1870, 6);
    expect(j.exposure_kg_days.off).toBeCloseTo(935, 6);
    expect(validateDataset(out).events).toBe(j.events);
    expect(openDataset(out).manifest.experiment).toBe("TEXONO CsI(Tl)");
    // sin^2 theta_W = 0.3 raises the 3-8 MeV rate by ~50 % over the SM's 0.0127 per kg day.
    expect(j.signal_window_on.expected / 1870).toBeGreaterThan(0.0127 * 1.4);
    expect(r.text).toMatch(/TEXONO CsI\(Tl\) simulation, seed 3, sin\^2 theta_W = 0.3/);
    expect(r.text).toMatch(/NOT PUBLISHED/);
  });
  it("validates its options", async () => {
    const base = { config: "csi", seed: "1", out: join(tmp.dir, "x") };
    await expect(async () => simulateCommand.run({ ...base, mu: "1e-10" }, [])).rejects.toThrow(/--mu must be 0/);
    await expect(async () => simulateCommand.run({ ...base, "hours-on": "5" }, [])).rejects.toThrow(/--hours-on does not apply/);
    await expect(async () => simulateCommand.run({ ...base, sin2w: "1.5" }, [])).rejects.toThrow(/--sin2w: expected a number in \(0, 1\)/);
    await expect(async () => simulateCommand.run({ config: "gemma", mu: "0", seed: "1", out: join(tmp.dir, "y"), sin2w: "0.3" }, [])).rejects.toThrow(/--sin2w applies to --config csi only/);
  });
});
