import { describe, expect, it } from "vitest";
import { migrad } from "../../lib/fit/migrad.js";

describe("migrad", () => {
  it("fits a straight line by chi-square like the normal-equation closed form, errors included", () => {
    // Data y_i +- s_i; closed form (weighted): S = sum w, Sx, Sxx, Sy, Sxy; D = S Sxx - Sx^2;
    // b = (S Sxy - Sx Sy)/D, a = (Sxx Sy - Sx Sxy)/D, var b = S/D, var a = Sxx/D, cov = -Sx/D.
    const xs = [0, 1, 2, 3, 4, 5];
    const ys = [1.1, 2.9, 5.2, 6.8, 9.1, 11.2];
    const ss = [0.2, 0.3, 0.2, 0.4, 0.3, 0.5];
    let S = 0, Sx = 0, Sxx = 0, Sy = 0, Sxy = 0;
    xs.forEach((x, i) => {
      const w = 1 / ss[i] ** 2;
      S += w; Sx += w * x; Sxx += w * x * x; Sy += w * ys[i]; Sxy += w * x * ys[i];
    });
    const D = S * Sxx - Sx * Sx;
    const chi2 = (p: Float64Array) => xs.reduce((s, x, i) => s + ((ys[i] - p[0] - p[1] * x) / ss[i]) ** 2, 0);
    const r = migrad(chi2, [0, 1], { names: ["a", "b"] });
    expect(r.valid).toBe(true);
    expect(r.value("a")).toBeCloseTo((Sxx * Sy - Sx * Sxy) / D, 5);
    expect(r.value("b")).toBeCloseTo((S * Sxy - Sx * Sy) / D, 5);
    expect(r.error("a")).toBeCloseTo(Math.sqrt(Sxx / D), 7);
    expect(r.error("b")).toBeCloseTo(Math.sqrt(S / D), 7);
    expect(r.covariance[1]).toBeCloseTo(-Sx / D, 7);
    expect(r.correlation()[1]).toBeCloseTo(-Sx / Math.sqrt(Sxx * S), 6);
  });

  it("warns when a parameter sits at a limit and prints it", () => {
    const r = migrad((p) => (p[0] - 3) ** 2 + (p[1] - 1) ** 2, [0, 0], { names: ["x", "y"], limits: [[-1, 2], null] });
    expect(r.value("x")).toBeCloseTo(2, 6);
    expect(r.atLimit).toEqual([true, false]);
    expect(r.valid).toBe(false);
    expect(r.warnings.join(" ")).toMatch(/x is at a limit/);
    expect(String(r)).toMatch(/\[at limit\]/);
    expect(r.toJSON()).toMatchObject({ valid: false });
  });
});
