import { describe, expect, it } from "vitest";
import { gemma2Conditions, gemma2ExpectedMuLimit, gemma2Goal, GEMMA_ON_FRACTION } from "../../lib/prospects/gemma2.js";

describe("GEMMA-II prospects", () => {
  it("conditions: 4 x 0.4 kg, 2 years split as GEMMA's ON/OFF (11982 h / 2874 h)", () => {
    const c = gemma2Conditions(1);
    expect(GEMMA_ON_FRACTION).toBeCloseTo(11982 / 14856, 12);
    expect(c.massKg).toBe(1.6);
    expect(c.periods[0].onDays + c.periods[0].offDays).toBeCloseTo(730.5, 9);
    expect(c.roi[0][0]).toBe(0.35);
    expect(c.notes.join(" ")).toMatch(/assumed/);
  });
  it("the goal is the GEMMA paper's 1.0e-12 mu_B (the seed talk prints 1e-11)", () => {
    expect(gemma2Goal().value).toBe(1e-12);
  });
  it("the expected limit grows as B^(1/4) when the flat background dominates (B = 4 -> 64: factor 2 within 10 %)", () => {
    const a = gemma2ExpectedMuLimit(4).upper;
    const b = gemma2ExpectedMuLimit(64).upper;
    expect(b / a).toBeGreaterThan(1.8);
    expect(b / a).toBeLessThan(2.05);
  });
  it("even at 0.1 counts/(keV kg day) the expected limit stays above the 1e-12 goal (the SM terms and exposure limit it)", () => {
    expect(gemma2ExpectedMuLimit(0.1).upper).toBeGreaterThan(5e-12);
  });
});
