import { describe, expect, it } from "vitest";
import { boundCommand } from "../../lib/cli/commands/bound.js";

describe("nuem bound (command object)", () => {
  it("--parameter sin2w: the Asimov fit of the CsI(Tl) residual, next to the published 0.251 +- 0.031", async () => {
    const r = await boundCommand.run({ parameter: "sin2w" }, []);
    const j = r.json as { fit: { value: number; err: number }; published: { value: number } };
    expect(j.fit.value).toBeCloseTo(0.23867, 6);
    expect(j.fit.err).toBeGreaterThan(0.03);
    expect(j.fit.err).toBeLessThan(0.036);
    expect(j.published.value).toBe(0.251);
    expect(r.text).toMatch(/published: 0.251 \+- 0.031 \(stat\) \+- 0.024 \(sys\)/);
  });
  it("--parameter r2 --seed 5 fits one toy; the interval from the published sin^2 theta_W is printed", async () => {
    const r = await boundCommand.run({ parameter: "r2", seed: "5" }, []);
    expect((r.json as { mode: string }).mode).toBe("toy spectrum, seed 5");
    expect(r.text).toMatch(/published: -2.1e-32 < <r\^2> < 3.3e-32/);
  });
  it("--parameter delta-q --experiment gemma --model stepping: the expected limit and the published 1.0e-12", async () => {
    const r = await boundCommand.run({ parameter: "delta-q", experiment: "gemma", model: "stepping" }, []);
    const j = r.json as { upper: number; coupling: string };
    expect(j.coupling).toBe("delta_Q (e)");
    expect(j.upper).toBeGreaterThan(1e-12);
    expect(r.text).toMatch(/delta_Q < 1.0e-12 e/);
  });
  it("validates its options", async () => {
    await expect(async () => boundCommand.run({ parameter: "charge" }, [])).rejects.toThrow(/--parameter: expected one of mu, delta-q, sin2w, r2/);
    await expect(async () => boundCommand.run({ parameter: "mu", experiment: "munu" }, [])).rejects.toThrow(/--experiment/);
    await expect(async () => boundCommand.run({ parameter: "sin2w", seed: "0" }, [])).rejects.toThrow(/--seed/);
  });
});
