import { describe, expect, it } from "vitest";
import { linearGrid } from "../../lib/math/linearGrid.js";
import { logGrid } from "../../lib/math/logGrid.js";

describe("grids", () => {
  it("logGrid(1, 1000, 4) is 1, 10, 100, 1000 (constant ratio, exact end points)", () => {
    const g = logGrid(1, 1000, 4);
    expect(g[0]).toBe(1);
    expect(g[3]).toBe(1000);
    expect(g[1]).toBeCloseTo(10, 12);
    expect(g[2]).toBeCloseTo(100, 11);
  });
  it("linearGrid(2, 3, 5) steps by 1/4", () => {
    expect(Array.from(linearGrid(2, 3, 5))).toEqual([2, 2.25, 2.5, 2.75, 3]);
  });
  it("refuses an empty or reversed range", () => {
    expect(() => logGrid(0, 1, 3)).toThrow();
    expect(() => linearGrid(1, 1, 3)).toThrow();
  });
});
