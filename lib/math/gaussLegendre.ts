/**
 * The n-point Gauss-Legendre rule on [-1, 1]: nodes and weights from Newton iteration on the
 * Legendre recurrence (Press et al., Numerical Recipes 3rd ed., Sec. 4.6.1, routine `gauleg`),
 * computed once per order and cached. A rule of order n integrates polynomials of degree 2n-1
 * exactly, so functions that are smooth inside a panel converge fast; kinks and jumps (bin edges,
 * beta endpoints, a fit junction) must be panel boundaries (`panelRule`, `integrate`).
 */

/** Nodes x_i and weights w_i of the n-point Gauss-Legendre rule on [-1, 1]. */
export interface GaussRule {
  readonly nodes: Float64Array;
  readonly weights: Float64Array;
}

const ruleCache = new Map<number, GaussRule>();

/**
 * The n-point Gauss-Legendre rule on [-1, 1] (cached).
 * Numerical Recipes 3rd ed., Sec. 4.6.1: Newton iteration on P_n with the three-term recurrence,
 * w_i = 2 / ((1 - x_i^2) P_n'(x_i)^2).
 *
 * @example
 * gaussLegendre(3).weights; // => [0.5556, 0.8889, 0.5556] (5/9, 8/9, 5/9; Abramowitz & Stegun Table 25.4)
 * gaussLegendre(3).nodes[2]; // => 0.774597 (sqrt(3/5))
 */
export function gaussLegendre(n: number): GaussRule {
  if (!Number.isInteger(n) || n < 1 || n > 200) throw new Error(`gaussLegendre: order must be an integer in 1..200, got ${n}`);
  const cached = ruleCache.get(n);
  if (cached) return cached;
  const nodes = new Float64Array(n);
  const weights = new Float64Array(n);
  const m = (n + 1) >> 1;
  for (let i = 0; i < m; i++) {
    let z = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let pp = 0;
    for (let iter = 0; iter < 100; iter++) {
      let p1 = 1;
      let p2 = 0;
      for (let j = 0; j < n; j++) {
        const p3 = p2;
        p2 = p1;
        p1 = ((2 * j + 1) * z * p2 - j * p3) / (j + 1);
      }
      pp = (n * (z * p1 - p2)) / (z * z - 1);
      const z1 = z;
      z = z1 - p1 / pp;
      if (Math.abs(z - z1) < 1e-15) break;
    }
    nodes[i] = -z;
    nodes[n - 1 - i] = z;
    weights[i] = 2 / ((1 - z * z) * pp * pp);
    weights[n - 1 - i] = weights[i];
  }
  const rule = { nodes, weights };
  ruleCache.set(n, rule);
  return rule;
}
