import { describe, expect, it } from "vitest";
import { asimovGemmaLimit } from "../../lib/analysis/asimovGemma.js";
import { linearGrid } from "../../lib/math/linearGrid.js";
import { experimentConditions } from "../../lib/prospects/asimovConditions.js";
import { binnedExperimentRate } from "../../lib/prospects/binnedRate.js";
import { expectedMilliChargeLimit } from "../../lib/prospects/milliCharge.js";
import { expectedSignedMilliChargeBounds, milliChargeFisher } from "../../lib/prospects/milliChargeInterference.js";

const gemma = experimentConditions("gemma");

describe("milli-charge bound with the weak interference", () => {
  const fisher = milliChargeFisher(gemma, "fe");
  it("the Asimov chi^2 is a quadratic form in the two amplitudes (the fourth direction S_pure - S_int agrees to 1e-5)", () => {
    for (const f of fisher) expect(f.check).toBeLessThan(1e-5);
  });
  it("chi^2 at delta_Q = -2e-12 e equals 1/dx^2 of a direct Asimov fit of the summed signal 4 S_pure - 2 S_int", () => {
    // Direct route: the signal at delta_Q = -2e-12 e computed as one shape, GEMMA's fit on it.
    const nb = Math.round((55 - 3) / gemma.binKeV);
    const edges = linearGrid(3, 3 + nb * gemma.binKeV, nb + 1);
    const sp = binnedExperimentRate("gemma", "millicharge", edges, { deltaQ_e: -2e-12 }, gemma.response);
    const si = binnedExperimentRate("gemma", "millicharge-interference", edges, { deltaQ_e: -2e-12 }, gemma.response);
    const sm = binnedExperimentRate("gemma", "weak", edges, {}, gemma.response);
    const direct = asimovGemmaLimit({ edgesKeV: edges, roi: gemma.roi, binKeV: gemma.binKeV, massKg: gemma.massKg, backgroundPerKeVKgDay: gemma.backgroundPerKeVKgDay, signalPerKeVKgDay: sp.map((v, i) => v + si[i]), smPerKeVKgDay: sm, periods: gemma.periods }).periods;
    fisher.forEach((f, j) => {
      const c = f.pp * 16 + 2 * f.pi * 4 * -2 + f.ii * 4;
      expect(c * direct[j].xErr ** 2).toBeCloseTo(1, 5);
    });
  });
  it("without interference it is the linear chain's limit (expectedMilliChargeLimit), and the signs bracket it: constructive (delta_Q < 0) tighter", () => {
    const b = expectedSignedMilliChargeBounds(gemma, "fe");
    expect(b.pureOnly / expectedMilliChargeLimit(gemma, "fe").upper).toBeCloseTo(1, 4);
    expect(b.negative).toBeLessThan(b.pureOnly);
    expect(b.positive).toBeGreaterThan(b.pureOnly);
  });
});
