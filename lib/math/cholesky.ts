/**
 * Cholesky factorisation of a symmetric positive-definite matrix (Golub & Van Loan, Matrix
 * Computations 4th ed., Alg. 4.2.1) and the solution of A x = b with the factor. Matrices are
 * row-major Float64Array of n x n.
 */

/**
 * Lower-triangular L with A = L L^T, or null when A is not (numerically) positive definite.
 * Only the lower triangle of `a` is read.
 *
 * @example
 * cholesky([4, 2, 2, 3], 2); // => [2, 0, 1, 1.414214] (L L^T = A: L = [[2, 0], [1, sqrt 2]])
 */
export function cholesky(a: ArrayLike<number>, n: number): Float64Array | null {
  const l = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    let d = a[j * n + j];
    for (let k = 0; k < j; k++) d -= l[j * n + k] * l[j * n + k];
    if (!(d > 0)) return null;
    const ljj = Math.sqrt(d);
    l[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let s = a[i * n + j];
      for (let k = 0; k < j; k++) s -= l[i * n + k] * l[j * n + k];
      l[i * n + j] = s / ljj;
    }
  }
  return l;
}

/**
 * Solves L L^T x = b for x, given the Cholesky factor L (forward then back substitution).
 *
 * @example
 * choleskySolve(cholesky([4, 2, 2, 3], 2)!, 2, [6, 5]); // => [1.000000, 1.000000] (4 + 2 = 6, 2 + 3 = 5)
 */
export function choleskySolve(l: ArrayLike<number>, n: number, b: ArrayLike<number>): Float64Array {
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= l[i * n + k] * y[k];
    y[i] = s / l[i * n + i];
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i];
    for (let k = i + 1; k < n; k++) s -= l[k * n + i] * x[k];
    x[i] = s / l[i * n + i];
  }
  return x;
}
