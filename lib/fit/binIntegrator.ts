/**
 * Expected counts per bin from a density curve: exposure x integral over the bin, by
 * Gauss-Legendre quadrature (the project's rule, `math/gaussLegendre.ts`) with `order` nodes per
 * bin, exact for polynomials of degree 2 order - 1; or, for curves that stand for bin averages
 * (`midpointBins`), exposure x width x density(centre).
 */
import { gaussLegendre } from "../math/gaussLegendre.js";
import type { CurveModel } from "./curveModel.js";

/** Precomputed quadrature nodes for a set of bins; evaluates a model's expected counts fast. */
export class BinIntegrator {
  /** Number of bins handled. */
  readonly size: number;
  private readonly nodes: Float64Array;
  private readonly weights: Float64Array;
  private readonly centers: Float64Array;
  private readonly widths: Float64Array;
  private readonly buffer: Float64Array;
  private readonly order: number;

  /**
   * @param edgesKeV bin edges, keV
   * @param bins indices of the bins to integrate (default all)
   * @param order Gauss-Legendre nodes per bin (default 8)
   */
  constructor(edgesKeV: ArrayLike<number>, bins?: ArrayLike<number>, order = 8) {
    const idx = bins ?? Int32Array.from({ length: edgesKeV.length - 1 }, (_, i) => i);
    const g = gaussLegendre(order);
    this.order = order;
    this.size = idx.length;
    this.nodes = new Float64Array(idx.length * order);
    this.weights = new Float64Array(idx.length * order);
    this.centers = new Float64Array(idx.length);
    this.widths = new Float64Array(idx.length);
    for (let b = 0; b < idx.length; b++) {
      const lo = edgesKeV[idx[b]];
      const hi = edgesKeV[idx[b] + 1];
      const half = 0.5 * (hi - lo);
      const mid = 0.5 * (hi + lo);
      this.centers[b] = mid;
      this.widths[b] = hi - lo;
      for (let k = 0; k < order; k++) {
        this.nodes[b * order + k] = mid + half * g.nodes[k];
        this.weights[b * order + k] = half * g.weights[k];
      }
    }
    this.buffer = new Float64Array(idx.length * order);
  }

  /**
   * Derivatives of the expected counts with respect to the parameters, row-major (bins x
   * parameters), from the model's analytic `gradient` integrated with the same rule.
   */
  expectedGradient(model: CurveModel, params: ArrayLike<number>, exposure: number, out?: Float64Array): Float64Array {
    if (!model.gradient) throw new Error(`BinIntegrator.expectedGradient: model ${model.name} has no gradient`);
    const np = model.parameterNames.length;
    const res = out ?? new Float64Array(this.size * np);
    if (model.midpointBins) {
      model.gradient(params, this.centers, res);
      for (let b = 0; b < this.size; b++) for (let k = 0; k < np; k++) res[b * np + k] *= exposure * this.widths[b];
      return res;
    }
    const o = this.order;
    if (!this.gradBuffer || this.gradBuffer.length !== this.size * o * np) this.gradBuffer = new Float64Array(this.size * o * np);
    const g = this.gradBuffer;
    model.gradient(params, this.nodes, g);
    for (let b = 0; b < this.size; b++) {
      for (let k = 0; k < np; k++) {
        let s = 0;
        for (let q = 0; q < o; q++) s += this.weights[b * o + q] * g[(b * o + q) * np + k];
        res[b * np + k] = exposure * s;
      }
    }
    return res;
  }

  private gradBuffer: Float64Array | null = null;

  /** Expected counts of the bins: exposure x integral of the density (or midpoint value for midpointBins models). */
  expected(model: CurveModel, params: ArrayLike<number>, exposure: number, out: Float64Array = new Float64Array(this.size)): Float64Array {
    if (model.midpointBins) {
      model.density(params, this.centers, out);
      for (let b = 0; b < this.size; b++) out[b] *= exposure * this.widths[b];
      return out;
    }
    model.density(params, this.nodes, this.buffer);
    const o = this.order;
    for (let b = 0; b < this.size; b++) {
      let s = 0;
      for (let k = 0; k < o; k++) s += this.weights[b * o + k] * this.buffer[b * o + k];
      out[b] = exposure * s;
    }
    return out;
  }
}
