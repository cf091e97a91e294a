/** Gauss-Jordan elimination with partial pivoting (Numerical Recipes 3rd ed., Sec. 2.1). */

import { FitError } from "../errors.js";
import { identity } from "./identity.js";

/**
 * Inverse of a general square matrix by Gauss-Jordan elimination with partial (row) pivoting.
 * Throws when the matrix is singular to working precision.
 *
 * @example
 * invertGaussJordan([4, 7, 2, 6], 2); // => [0.600000, -0.700000, -0.200000, 0.400000] ([[6, -7], [-2, 4]] / det 10)
 */
export function invertGaussJordan(a: ArrayLike<number>, n: number): Float64Array {
  const m = Float64Array.from(a as ArrayLike<number>);
  const inv = identity(n);
  let scale = 0;
  for (let i = 0; i < n * n; i++) scale = Math.max(scale, Math.abs(m[i]));
  for (let c = 0; c < n; c++) {
    let p = c;
    let best = Math.abs(m[c * n + c]);
    for (let r = c + 1; r < n; r++) {
      const v = Math.abs(m[r * n + c]);
      if (v > best) {
        best = v;
        p = r;
      }
    }
    if (!(best > 1e-14 * scale)) throw new FitError(`invertGaussJordan: matrix is singular (pivot ${best} in column ${c})`);
    if (p !== c) {
      for (let k = 0; k < n; k++) {
        let t = m[c * n + k];
        m[c * n + k] = m[p * n + k];
        m[p * n + k] = t;
        t = inv[c * n + k];
        inv[c * n + k] = inv[p * n + k];
        inv[p * n + k] = t;
      }
    }
    const piv = 1 / m[c * n + c];
    for (let k = 0; k < n; k++) {
      m[c * n + k] *= piv;
      inv[c * n + k] *= piv;
    }
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r * n + c];
      if (f === 0) continue;
      for (let k = 0; k < n; k++) {
        m[r * n + k] -= f * m[c * n + k];
        inv[r * n + k] -= f * inv[c * n + k];
      }
    }
  }
  return inv;
}
