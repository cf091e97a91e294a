/** Composite Gauss-Legendre rule on panels (Numerical Recipes 3rd ed., Sec. 4.6). */
import { gaussLegendre } from "./gaussLegendre.js";

/** A quadrature rule on an interval of the real line: sum_i weights[i] f(nodes[i]) ~ integral of f. */
export interface QuadratureRule {
  readonly nodes: Float64Array;
  readonly weights: Float64Array;
}

/**
 * Composite Gauss-Legendre rule on the panels [edges[k], edges[k+1]], `order` points per panel.
 * `edges` must be increasing; zero-width panels are skipped.
 *
 * @example
 * panelRule([0, 1, 2], 2).nodes; // => [0.211325, 0.788675, 1.211325, 1.788675] (1/2 -+ 1/(2 sqrt 3) in each panel)
 */
export function panelRule(edges: ArrayLike<number>, order: number): QuadratureRule {
  const g = gaussLegendre(order);
  let panels = 0;
  for (let k = 0; k + 1 < edges.length; k++) {
    const w = edges[k + 1] - edges[k];
    if (!(w >= 0)) throw new Error(`panelRule: edges must be increasing, edge ${k} = ${edges[k]} > edge ${k + 1} = ${edges[k + 1]}`);
    if (w > 0) panels++;
  }
  const nodes = new Float64Array(panels * order);
  const weights = new Float64Array(panels * order);
  let j = 0;
  for (let k = 0; k + 1 < edges.length; k++) {
    const a = edges[k];
    const b = edges[k + 1];
    if (b === a) continue;
    const half = 0.5 * (b - a);
    const mid = 0.5 * (a + b);
    for (let i = 0; i < order; i++) {
      nodes[j] = mid + half * g.nodes[i];
      weights[j] = half * g.weights[i];
      j++;
    }
  }
  return { nodes, weights };
}
