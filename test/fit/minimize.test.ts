import { describe, expect, it } from "vitest";
import { minimize } from "../../lib/fit/minimize.js";

const rosenbrock = (x: Float64Array) => 100 * (x[1] - x[0] ** 2) ** 2 + (1 - x[0]) ** 2;

describe("minimize (Nelder-Mead with restarts)", () => {
  it("finds the Rosenbrock minimum (1, 1) from the classic start (-1.2, 1)", () => {
    const r = minimize(rosenbrock, [-1.2, 1]);
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 6);
    expect(r.x[1]).toBeCloseTo(1, 6);
    expect(r.fval).toBeLessThan(1e-12);
  });

  it("finds the minimum (1, 1, 1, 1) of the 4-D extended Rosenbrock function", () => {
    const f = (x: Float64Array) => {
      let s = 0;
      for (let i = 0; i < 3; i++) s += 100 * (x[i + 1] - x[i] ** 2) ** 2 + (1 - x[i]) ** 2;
      return s;
    };
    const r = minimize(f, [-1.2, 1, -1.2, 1], { ftol: 1e-14 });
    for (let i = 0; i < 4; i++) expect(r.x[i]).toBeCloseTo(1, 4);
  });

  it("keeps parameters inside limits (minimum on the boundary x0 = 0.5 of Rosenbrock)", () => {
    let outside = 0;
    const r = minimize(
      (x) => {
        if (x[0] > 0.5) outside++;
        return rosenbrock(x);
      },
      [-1.2, 1],
      { limits: [[-2, 0.5], null] },
    );
    expect(outside).toBe(0);
    // On the line x0 = 0.5 the minimum is at x1 = 0.25 (and f = 0.25); the constrained optimum is there.
    expect(r.x[0]).toBeCloseTo(0.5, 6);
    expect(r.x[1]).toBeCloseTo(0.25, 5);
  });

  it("holds fixed parameters at their start values", () => {
    const r = minimize((x) => (x[0] - 3) ** 2 + (x[1] - 4) ** 2 + (x[2] + 1) ** 2, [0, 7, 0], { fixed: [false, true, false] });
    expect(r.x[1]).toBe(7);
    expect(r.x[0]).toBeCloseTo(3, 6);
    expect(r.x[2]).toBeCloseTo(-1, 6);
  });

  it("works with one-sided limits", () => {
    const r = minimize((x) => (x[0] + 2) ** 2 + (x[1] - 5) ** 2, [1, 1], { limits: [[0, Infinity], [-Infinity, 3]] });
    expect(r.x[0]).toBeCloseTo(0, 5);
    expect(r.x[1]).toBeCloseTo(3, 5);
  });
});
