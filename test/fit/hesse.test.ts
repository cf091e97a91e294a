import { describe, expect, it } from "vitest";
import { hesse } from "../../lib/fit/hesse.js";
import { invertGaussJordan } from "../../lib/math/invertGaussJordan.js";

// A known covariance C (positive definite, correlated) and centre mu.
const C = [4, 1.2, -0.5, 1.2, 1, -0.3, -0.5, -0.3, 0.25];
const Cinv = invertGaussJordan(C, 3);
const mu = [1, -2, 3];
const quad = (x: Float64Array) => {
  let s = 0;
  for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) s += (x[i] - mu[i]) * Cinv[i * 3 + j] * (x[j] - mu[j]);
  return s;
};

describe("hesse", () => {
  it("recovers the covariance C of chi2 = (x - mu)^T C^-1 (x - mu) as 2 H^-1 (errordef 1)", () => {
    const h = hesse((x) => quad(x) + 12.5, mu);
    expect(h.posdef).toBe(true);
    h.covariance.forEach((v, i) => expect(v).toBeCloseTo(C[i], 7));
    expect(Array.from(h.errors)).toEqual([2, 1, 0.5].map((e) => expect.closeTo(e, 8)));
  });

  it("recovers C from -ln L = chi2 / 2 as H^-1 (errordef 0.5)", () => {
    const h = hesse((x) => 0.5 * quad(x), mu, { errordef: 0.5 });
    h.covariance.forEach((v, i) => expect(v).toBeCloseTo(C[i], 7));
  });

  it("gives the Hessian 2 C^-1 of the chi2", () => {
    const h = hesse(quad, mu);
    h.hessian.forEach((v, i) => expect(v).toBeCloseTo(2 * Cinv[i], 5));
  });

  it("stays inside a limit with one-sided differences and still recovers the curvature", () => {
    let outside = 0;
    const f = (x: Float64Array) => {
      if (x[0] < 1) outside++;
      return quad(x);
    };
    const h = hesse(f, mu, { limits: [[1, 5], null, null] });
    expect(outside).toBe(0);
    h.covariance.forEach((v, i) => expect(v).toBeCloseTo(C[i], 5));
  });

  it("zeroes fixed parameters and gives the conditional errors of the others", () => {
    const h = hesse(quad, mu, { fixed: [false, false, true] });
    expect(h.errors[2]).toBe(0);
    // Conditional covariance of (x0, x1) given x2 = inverse of the (0,1) block of C^-1.
    const block = [Cinv[0], Cinv[1], Cinv[3], Cinv[4]];
    const cond = invertGaussJordan(block, 2);
    expect(h.covariance[0]).toBeCloseTo(cond[0], 7);
    expect(h.covariance[4]).toBeCloseTo(cond[3], 7);
  });
});
