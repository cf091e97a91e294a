import { describe, expect, it } from "vitest";
import { gaussLegendre } from "../../lib/math/gaussLegendre.js";
import { integrate } from "../../lib/math/integrate.js";
import { mergeEdges } from "../../lib/math/panelEdges.js";
import { panelRule } from "../../lib/math/panelRule.js";

describe("gaussLegendre", () => {
  it("n-point rule integrates x^k exactly on [-1, 1] for k <= 2n-1", () => {
    for (const n of [1, 2, 4, 7, 10]) {
      const g = gaussLegendre(n);
      for (let k = 0; k <= 2 * n - 1; k++) {
        let s = 0;
        for (let i = 0; i < n; i++) s += g.weights[i] * g.nodes[i] ** k;
        const exact = k % 2 === 1 ? 0 : 2 / (k + 1);
        expect(s).toBeCloseTo(exact, 13);
      }
    }
  });
  it("reproduces the tabulated 5-point nodes (Abramowitz & Stegun Table 25.4)", () => {
    const g = gaussLegendre(5);
    expect(g.nodes[4]).toBeCloseTo(0.906179845938664, 14);
    expect(g.weights[4]).toBeCloseTo(0.236926885056189, 14);
    expect(g.nodes[2]).toBeCloseTo(0, 15);
    expect(g.weights[2]).toBeCloseTo(0.568888888888889, 14);
  });
  it("rejects a bad order", () => {
    expect(() => gaussLegendre(0)).toThrow(/order/);
    expect(() => gaussLegendre(2.5)).toThrow(/order/);
  });
});

describe("integrate", () => {
  it("∫_0^1 e^x dx = e - 1", () => {
    expect(integrate(Math.exp, 0, 1)).toBeCloseTo(Math.E - 1, 14);
  });
  it("a step function is exact when its jump is a break", () => {
    const step = (x: number) => (x < 0.3 ? 1 : 2);
    expect(integrate(step, 0, 1, { breaks: [0.3] })).toBeCloseTo(0.3 + 1.4, 14);
  });
  it("reversed limits change the sign", () => {
    expect(integrate((x) => x * x, 1, 0)).toBeCloseTo(-1 / 3, 14);
  });
});

describe("mergeEdges / panelRule", () => {
  it("keeps breaks, splits wide panels and drops duplicates", () => {
    const e = Array.from(mergeEdges(0, 1, [0.5, 0.5, 2, -1], 0.3));
    expect(e[0]).toBe(0);
    expect(e[e.length - 1]).toBe(1);
    expect(e).toContain(0.5);
    for (let i = 1; i < e.length; i++) expect(e[i] - e[i - 1]).toBeLessThanOrEqual(0.3 + 1e-12);
  });
  it("the weights of a panel rule sum to the interval length", () => {
    const r = panelRule([0, 0.1, 0.1, 2.5], 3);
    expect(r.nodes.length).toBe(6);
    expect(r.weights.reduce((s, w) => s + w, 0)).toBeCloseTo(2.5, 13);
  });
});
