import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { simulateCommand } from "../../lib/cli/commands/simulate.js";
import { validateDataset } from "../../lib/events/index.js";
import { scratch } from "./helpers.js";

describe("nuem simulate (command object)", () => {
  const tmp = scratch();
  afterAll(() => tmp.cleanup());
  it("--json answers with counts by origin, live times, files and the seed", async () => {
    const out = join(tmp.dir, "g");
    const r = await simulateCommand.run({ config: "gemma", mu: "3e-11", model: "fe", seed: "4", out, "hours-on": "12", "hours-off": "12" }, []);
    const j = r.json as Record<string, unknown>;
    expect(j.seed).toBe(4);
    expect(j.mu_b).toBe(3e-11);
    expect(Object.keys(j.counts_by_origin as object)).toContain("noise-burst");
    expect(j.live_time_on_s as number).toBeGreaterThan(12 * 3600 * 0.999);
    expect(j.live_time_off_s as number).toBeGreaterThan(12 * 3600 * 0.999);
    expect(j.files as string[]).toContain("runs.arrow");
    expect(validateDataset(out).events).toBe(j.events);
    expect(r.text).toMatch(/GEMMA simulation, seed 4/);
  });
  it("validates its options: --model, --config, --seed, --mu and the exposure are checked", async () => {
    const base = { config: "gemma", mu: "1e-11", seed: "1", out: join(tmp.dir, "x"), "hours-on": "1", "hours-off": "1" };
    await expect(async () => simulateCommand.run({ ...base, model: "xx" }, [])).rejects.toThrow(/--model: expected one of fe, epa/);
    await expect(async () => simulateCommand.run({ ...base, config: "munu" }, [])).rejects.toThrow(/--config: expected one of gemma, texono/);
    await expect(async () => simulateCommand.run({ ...base, seed: "1.5" }, [])).rejects.toThrow(/--seed: expected an integer/);
    await expect(async () => simulateCommand.run({ ...base, mu: "-1" }, [])).rejects.toThrow(/--mu/);
    await expect(async () => simulateCommand.run({ ...base, full: true }, [])).rejects.toThrow(/either --full or/);
  });
});
