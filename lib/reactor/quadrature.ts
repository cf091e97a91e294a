/**
 * Gauss-Legendre quadrature on panels: the one integrator of the reactor stage.
 *
 * Nodes and weights of the n-point rule on [-1, 1] come from Newton iteration on the Legendre
 * recurrence (Press et al., Numerical Recipes 3rd ed., Sec. 4.6.1, routine `gauleg`); they are
 * computed once per order and cached. A rule of order n integrates polynomials of degree 2n-1
 * exactly, so spectra that are smooth inside a panel converge fast; kinks and jumps (bin edges,
 * beta endpoints, the fit junction) must be panel boundaries.
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

/** A quadrature rule on an interval of the real line: sum_i weights[i] f(nodes[i]) ~ integral of f. */
export interface QuadratureRule {
  readonly nodes: Float64Array;
  readonly weights: Float64Array;
}

/**
 * Composite Gauss-Legendre rule on the panels [edges[k], edges[k+1]], `order` points per panel.
 * `edges` must be increasing; zero-width panels are skipped.
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

/**
 * `n + 1` edges splitting [a, b] into n equal panels (n = ceil((b - a) / maxWidth), at least 1).
 */
export function uniformEdges(a: number, b: number, maxWidth: number): Float64Array {
  const n = Math.max(1, Math.ceil((b - a) / maxWidth - 1e-12));
  const e = new Float64Array(n + 1);
  for (let k = 0; k <= n; k++) e[k] = a + ((b - a) * k) / n;
  e[n] = b;
  return e;
}

/**
 * Integral of f over [a, b] with the composite Gauss-Legendre rule: panels no wider than
 * `maxPanel` (default (b - a) / 16), `order` points each (default 8), and extra panel boundaries
 * at `breaks` (points inside (a, b) where f has a kink or a jump).
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

/**
 * Sorted panel edges on [a, b]: a, b, every break strictly inside (a, b), and uniform
 * subdivisions so that no panel is wider than maxPanel.
 */
export function mergeEdges(a: number, b: number, breaks: ArrayLike<number>, maxPanel: number): Float64Array {
  const pts: number[] = [a, b];
  for (let i = 0; i < breaks.length; i++) {
    const x = breaks[i];
    if (x > a && x < b) pts.push(x);
  }
  pts.sort((x, y) => x - y);
  const out: number[] = [pts[0]];
  for (let k = 1; k < pts.length; k++) {
    const lo = out[out.length - 1];
    const hi = pts[k];
    if (hi - lo <= 1e-12 * Math.max(1, Math.abs(hi))) continue;
    const sub = uniformEdges(lo, hi, maxPanel);
    for (let j = 1; j < sub.length; j++) out.push(sub[j]);
  }
  return Float64Array.from(out);
}
