import { describe, expect, it } from "vitest";
import { histogram } from "../../lib/spectra/index.js";

describe("histogram", () => {
  it("counts half-open bins, the last one closed, and ignores values outside", () => {
    expect(Array.from(histogram([0, 0.5, 1, 1.5, 2, 2.5, -1], [0, 1, 2]))).toEqual([2, 3]);
  });
  it("applies a mask and agrees with a direct count on uneven bins", () => {
    const v = Array.from({ length: 1000 }, (_, i) => (i * 7.3) % 50);
    const edges = [0, 3, 9.4, 11.2, 55];
    const h = histogram(v, edges, v.map((_, i) => i % 2));
    for (let b = 0; b < 4; b++) expect(h[b]).toBe(v.filter((x, i) => i % 2 === 1 && x >= edges[b] && (b === 3 ? x <= edges[4] : x < edges[b + 1])).length);
  });
});
