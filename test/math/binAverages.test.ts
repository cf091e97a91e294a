import { describe, expect, it } from "vitest";
import { binAverages } from "../../lib/math/binAverages.js";

describe("binAverages (Gauss-Legendre per bin)", () => {
  it("is exact for a polynomial of degree 7 with 4 nodes: the mean of T^7 over [a, b] is (b^8 - a^8) / 8(b - a)", () => {
    const r = binAverages((t) => t.map((x) => x ** 7), [1, 2, 5]);
    expect(r[0] / (255 / 8) - 1).toBeLessThan(1e-14);
    expect(Math.abs(r[1] / ((5 ** 8 - 2 ** 8) / 24) - 1)).toBeLessThan(1e-14);
  });
  it("averages 1/T^2 over [3, 4] to 1/(3 4) = 1/12 (to 1e-7 with 4 nodes)", () => {
    const r = binAverages((t) => t.map((x) => 1 / (x * x)), [3, 4]);
    expect(Math.abs(r[0] * 12 - 1)).toBeLessThan(1e-7);
  });
  it("calls the function once with all nodes, and refuses decreasing edges", () => {
    let calls = 0;
    binAverages((t) => {
      calls++;
      return t;
    }, [0, 1, 2, 3], 5);
    expect(calls).toBe(1);
    expect(() => binAverages((t) => t, [0, 2, 1])).toThrow(/must not decrease/);
  });
});
