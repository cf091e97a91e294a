import { gaussLegendre } from "./gaussLegendre.js";

/**
 * Bin averages (1/w) integral_bin f dT of a function over the bins of `edges`, by the Gauss-Legendre
 * rule with `order` nodes per bin (Numerical Recipes 3rd ed., Sec. 4.6; exact for polynomials of
 * degree 2 order - 1 inside a bin). The nodes of all bins go through `f` in one call, so that an
 * expensive vectorised function (a resolution-folded rate) is evaluated once.
 *
 * @example
 * binAverages((x) => x.map((v) => v * v), [0, 1, 2]); // => [0.333333, 2.333333] (the averages of x^2: 1/3 and 7/3)
 */
export function binAverages(f: (x: Float64Array) => ArrayLike<number>, edges: ArrayLike<number>, order = 4): Float64Array {
  const n = edges.length - 1;
  if (n < 1) throw new Error("binAverages: need at least two edges");
  const gl = gaussLegendre(order);
  const nodes = new Float64Array(n * order);
  for (let i = 0; i < n; i++) {
    if (!(edges[i + 1] >= edges[i])) throw new Error(`binAverages: edges must not decrease (at ${i}: ${edges[i]}, ${edges[i + 1]})`);
    const half = 0.5 * (edges[i + 1] - edges[i]);
    const mid = 0.5 * (edges[i + 1] + edges[i]);
    for (let k = 0; k < order; k++) nodes[i * order + k] = mid + half * gl.nodes[k];
  }
  const values = f(nodes);
  if (values.length !== nodes.length) throw new Error(`binAverages: the function returned ${values.length} values for ${nodes.length} nodes`);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = 0; k < order; k++) s += 0.5 * gl.weights[k] * values[i * order + k];
    out[i] = s;
  }
  return out;
}
