import { mergeEdges } from "./panelEdges.js";
import { panelRule } from "./panelRule.js";

/**
 * Integral of f over [a, b] with the composite Gauss-Legendre rule: panels no wider than
 * `maxPanel` (default (b - a) / 16), `order` points each (default 8), and extra panel boundaries
 * at `breaks` (points inside (a, b) where f has a kink or a jump).
 *
 * @example
 * integrate(Math.sin, 0, Math.PI); // => 2.00000000 (the integral of sin over [0, pi])
 */
export function integrate(
  f: (x: number) => number,
  a: number,
  b: number,
  options: { order?: number; maxPanel?: number; breaks?: ArrayLike<number> } = {},
): number {
  if (b === a) return 0;
  if (b < a) return -integrate(f, b, a, options);
  const order = options.order ?? 8;
  const maxPanel = options.maxPanel ?? (b - a) / 16;
  const edges = mergeEdges(a, b, options.breaks ?? [], maxPanel);
  const rule = panelRule(edges, order);
  let s = 0;
  for (let i = 0; i < rule.nodes.length; i++) s += rule.weights[i] * f(rule.nodes[i]);
  return s;
}
