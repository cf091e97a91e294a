import { describe, expect, it } from "vitest";
import { simpsonGrid } from "../../lib/detector/csiResolution.js";
import { antiNueCouplings, basisTotal, csiSignalRate, csiWindowBasis } from "../../lib/rates/csiRates.js";
import { CHARGE_RADIUS_SHIFT_perCm2 } from "../../lib/xsec/chargeRadius.js";

describe("CsI(Tl) SM signal rate", () => {
  it("the signal from lib/xsec (GEMMA (1)) integrates over 3-8 MeV to the chiral-coupling basis (0.01265 per kg day)", () => {
    const t = simpsonGrid(3000, 8000, 1);
    const r = csiSignalRate(t, 0.23867);
    const h = t[1] - t[0];
    let s = 0;
    for (let i = 0; i < t.length; i++) s += ((i === 0 || i === t.length - 1 ? 1 : i % 2 ? 4 : 2) * h * r[i]) / 3;
    const ref = basisTotal(csiWindowBasis([3000, 8000], 10), antiNueCouplings("sm", 0.23867));
    expect(s / ref).toBeCloseTo(1, 5);
    expect(ref).toBeCloseTo(0.01265, 4);
  });
  it("a charge radius shifts sin^2 theta_W by 2.380e30 cm^-2 <r^2>", () => {
    const t = [3000, 5000, 7000];
    const a = csiSignalRate(t, 0.23867, 2e-32);
    const b = csiSignalRate(t, 0.23867 + CHARGE_RADIUS_SHIFT_perCm2 * 2e-32);
    for (let i = 0; i < 3; i++) expect(a[i] / b[i]).toBeCloseTo(1, 12);
    expect(a[0] / csiSignalRate([3000], 0.23867)[0]).toBeGreaterThan(1.2);
  });
});
