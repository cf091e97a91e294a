import { describe, expect, it } from "vitest";
import { levenbergMarquardt, type LeastSquaresProblem } from "../../lib/math/levenbergMarquardt.js";

/** Weighted straight line mu = a + b x: chi2 and its linearisation. */
function lineProblem(x: number[], y: number[], sigma: number[]): LeastSquaresProblem {
  const chi2 = (p: Float64Array) => x.reduce((s, xi, i) => s + ((y[i] - p[0] - p[1] * xi) / sigma[i]) ** 2, 0);
  return {
    rows: x.length,
    objective: chi2,
    linearise: (p, out) => {
      for (let i = 0; i < x.length; i++) {
        out.residual[i] = y[i] - p[0] - p[1] * x[i];
        out.weight[i] = 1 / sigma[i] ** 2;
        out.jacobian[2 * i] = 1;
        out.jacobian[2 * i + 1] = x[i];
      }
    },
  };
}

describe("levenbergMarquardt", () => {
  it("a weighted straight line reaches the closed-form least-squares solution (normal equations by hand)", () => {
    const x = [0, 1, 2, 3, 4, 5];
    const y = [1.1, 2.9, 5.2, 7.1, 8.8, 11.3];
    const sigma = [0.1, 0.2, 0.1, 0.3, 0.2, 0.1];
    // Closed form: with S = sum w, Sx = sum w x, Sy, Sxx, Sxy, D = S Sxx - Sx^2,
    // a = (Sxx Sy - Sx Sxy) / D, b = (S Sxy - Sx Sy) / D.
    let S = 0, Sx = 0, Sy = 0, Sxx = 0, Sxy = 0;
    x.forEach((xi, i) => {
      const w = 1 / sigma[i] ** 2;
      S += w; Sx += w * xi; Sy += w * y[i]; Sxx += w * xi * xi; Sxy += w * xi * y[i];
    });
    const D = S * Sxx - Sx * Sx;
    const r = levenbergMarquardt(lineProblem(x, y, sigma), [0, 0], { tolerance: 1e-12, edm: true });
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo((Sxx * Sy - Sx * Sxy) / D, 8);
    expect(r.x[1]).toBeCloseTo((S * Sxy - Sx * Sy) / D, 8);
    expect(r.edm).toBeLessThan(1e-10);
  });

  it("a nonlinear Gaussian fit mu = exp(p) of a constant gives p = ln(mean y)", () => {
    const y = [3, 5, 4, 6, 2, 4.5];
    const problem: LeastSquaresProblem = {
      rows: y.length,
      objective: (p) => y.reduce((s, yi) => s + (yi - Math.exp(p[0])) ** 2, 0),
      linearise: (p, out) => {
        for (let i = 0; i < y.length; i++) {
          out.residual[i] = y[i] - Math.exp(p[0]);
          out.weight[i] = 1;
          out.jacobian[i] = Math.exp(p[0]);
        }
      },
    };
    const r = levenbergMarquardt(problem, [0], { tolerance: 1e-14 });
    const mean = y.reduce((a, b) => a + b, 0) / y.length;
    expect(r.x[0]).toBeCloseTo(Math.log(mean), 7);
  });

  it("Poisson Fisher scoring (weights 1/mu, the likelihood chi-square) of mu_i = s_i exp(p) gives exp(p) = sum n / sum s", () => {
    const n = [3, 0, 7, 2, 5];
    const s = [1, 0.5, 2, 1.5, 1];
    const bc = (p: Float64Array) =>
      n.reduce((acc, ni, i) => {
        const mu = s[i] * Math.exp(p[0]);
        return acc + 2 * (mu - ni + (ni > 0 ? ni * Math.log(ni / mu) : 0));
      }, 0);
    const problem: LeastSquaresProblem = {
      rows: n.length,
      objective: bc,
      linearise: (p, out) => {
        for (let i = 0; i < n.length; i++) {
          const mu = s[i] * Math.exp(p[0]);
          out.residual[i] = n[i] - mu;
          out.weight[i] = 1 / mu;
          out.jacobian[i] = mu;
        }
      },
    };
    const r = levenbergMarquardt(problem, [0], { tolerance: 1e-14 });
    expect(Math.exp(r.x[0])).toBeCloseTo(17 / 6, 7);
  });
});
