import { describe, expect, it } from "vitest";
import { gemmaConfig, lineTimePrecision } from "../../lib/sim/index.js";

describe("lineTimePrecision", () => {
  const c = gemmaConfig();
  it("the configured GEMMA lines give T_ON to ~0.9 % in 5184 + 6798 h and T_OFF to ~1.9 % in 1853 + 1021 h (GEMMA sec. 3)", () => {
    const on = lineTimePrecision(c, 5184 + 6798);
    const off = lineTimePrecision(c, 1853 + 1021);
    expect(on).toBeGreaterThan(0.007);
    expect(on).toBeLessThan(0.011);
    expect(off).toBeGreaterThan(0.015);
    expect(off).toBeLessThan(0.023);
  });
  it("scales as 1/sqrt(time), and is sqrt(S + 2B)/S for one line (closed form)", () => {
    expect(lineTimePrecision(c, 400) / lineTimePrecision(c, 100)).toBeCloseTo(0.5, 12);
    const k40 = c.lines.find((l) => l.name === "40K")!;
    const s = 0.9545 * k40.ratePerKgDay * 1.5 * 10;
    // continuum at 1460.8 keV: 1.8 x 200/E (+ the negligible low-energy rise); sigma of E3
    const sigma = Math.sqrt(0.25 ** 2 + 0.1 * 2.96e-3 * 1460.82 + (3e-4 * 1460.82) ** 2);
    const b = ((1.8 * 200) / 1460.82) * 4 * sigma * 1.5 * 10;
    expect(lineTimePrecision(c, 240, ["40K"])).toBeCloseTo(Math.sqrt(s + 2 * b) / s, 4);
    expect(() => lineTimePrecision(c, 1, ["nope"])).toThrow('no line named "nope"');
  });
});
