// Test helper (not library code): composite Gauss-Legendre quadrature for "integral done two ways" checks.

/** Nodes and weights of n-point Gauss-Legendre on [-1, 1] (Newton on P_n, Numerical Recipes gauleg). */
export function gaussLegendre(n: number): { x: Float64Array; w: Float64Array } {
  const x = new Float64Array(n);
  const w = new Float64Array(n);
  const m = (n + 1) >> 1;
  for (let i = 0; i < m; i++) {
    let z = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let pp = 0;
    for (let it = 0; it < 100; it++) {
      let p1 = 1;
      let p2 = 0;
      for (let j = 1; j <= n; j++) {
        const p3 = p2;
        p2 = p1;
        p1 = ((2 * j - 1) * z * p2 - (j - 1) * p3) / j;
      }
      pp = (n * (z * p1 - p2)) / (z * z - 1);
      const z1 = z;
      z = z1 - p1 / pp;
      if (Math.abs(z - z1) < 1e-15) break;
    }
    x[i] = -z;
    x[n - 1 - i] = z;
    w[i] = 2 / ((1 - z * z) * pp * pp);
    w[n - 1 - i] = w[i];
  }
  return { x, w };
}

/** integral_a^b f on `panels` equal panels (linear, or logarithmic when log is true and a > 0), order-point rule each. */
export function integrate(f: (x: number) => number, a: number, b: number, panels = 64, order = 16, log = false): number {
  const { x, w } = gaussLegendre(order);
  let sum = 0;
  for (let p = 0; p < panels; p++) {
    const lo = log ? a * Math.pow(b / a, p / panels) : a + ((b - a) * p) / panels;
    const hi = log ? a * Math.pow(b / a, (p + 1) / panels) : a + ((b - a) * (p + 1)) / panels;
    const c = 0.5 * (lo + hi);
    const h = 0.5 * (hi - lo);
    for (let k = 0; k < order; k++) sum += w[k] * h * f(c + h * x[k]);
  }
  return sum;
}

/** Trapezoid rule over tabulated points. */
export function trapezoid(x: Float64Array, y: Float64Array): number {
  let s = 0;
  for (let i = 1; i < x.length; i++) s += 0.5 * (x[i] - x[i - 1]) * (y[i] + y[i - 1]);
  return s;
}

/** n points from a to b inclusive, evenly spaced. */
export function linspace(a: number, b: number, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = a + ((b - a) * i) / (n - 1);
  return out;
}

/** n points from a to b inclusive, logarithmically spaced. */
export function logspace(a: number, b: number, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = a * Math.pow(b / a, i / (n - 1));
  return out;
}
