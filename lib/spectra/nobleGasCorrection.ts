/*
 * The noble-gas correction (Beda et al., section 3, correction (1)): "Spectra measured under these
 * conditions [the runs removed by cut 2, footnote 2] are used to evaluate the contribution of each
 * radioactive gas to the low-energy part of the background. These contributions normalized to the
 * intensities of the corresponding gamma-lines are then subtracted from those few ON and OFF
 * spectra where small traces of these lines are still present. ... the value of such correction in
 * the ROI does not exceed 1-2 %."
 *
 * Construction (ours; the paper gives the idea only):
 * - Template blocks: the few-hour blocks removed by cut 2, through the event cuts (noise, audio,
 *   Fourier, anticoincidence) like the kept data. In block b the excess over the usual background
 *   is X_b(E) = S_b(E) - r_s(E) T_b, r_s the kept-data rate of the block's reactor state s, and the
 *   excess of gas g's line is L_gb = net_gb - l_gs T_b (l_gs the kept-data line rate).
 * - Yield per line count tau_g(E) (counts per template bin per line count of gas g): least squares
 *   X_b(E) = sum_g L_gb tau_g(E) over the blocks, bin by bin (weights 1 / var X_b), when there are at
 *   least 4 blocks and the three gases are separable (smallest/largest eigenvalue of the normal
 *   matrix > 1e-4; the variance of X_b is taken from the reference rate, not from the block's own
 *   counts); otherwise one combined template, tau(E) = sum_b X_b(E) / sum_b sum_g L_gb, which
 *   assumes the gas mix of the episodes is that of the kept data.
 * - Correction of the kept spectrum of a state: C(E) = sum_g max(0, net_g) tau_g(E), on coarse
 *   template bins (default 2 keV: the template statistics are small), spread over the fine bins in
 *   proportion to their width, with var C from the line counts and the template errors.
 */
import { invertSymmetric } from "../math/invertSymmetric.js";
import { histogram } from "./histogram.js";
import { LineTally, NOBLE_GAS_CORRECTION_LINES, type LineWindow } from "./lineCounts.js";

/** One block of noble-gas runs after the event cuts. */
export interface TemplateBlock {
  /** Reactor state of the block's runs (0 OFF, 1 ON, 2 TRANSITION; a block is split by state). */
  readonly state: number;
  readonly liveTimeS: number;
  /** Counts per template bin. */
  readonly counts: Float64Array;
  readonly lines: LineTally;
}

/** The kept data of one reactor state: what the templates are referred to and corrected. */
export interface KeptReference {
  readonly liveTimeS: number;
  /** Counts per template bin. */
  readonly counts: Float64Array;
  readonly lines: LineTally;
}

export interface NobleGasTemplates {
  readonly mode: "per-gas" | "combined" | "none";
  readonly lines: readonly LineWindow[];
  readonly templateEdgesKeV: Float64Array;
  /** Yield per line count per template bin: one array per gas ("per-gas") or one ("combined"). */
  readonly yieldPerLine: readonly Float64Array[];
  /** Variance of each yield (same shape). */
  readonly yieldVariance: readonly Float64Array[];
  /** Blocks used and their summed line excess per gas. */
  readonly blocks: number;
  readonly lineExcess: Float64Array;
}

/** Accumulates template blocks and kept references, then builds templates and corrections. */
export class NobleGasTemplateBuilder {
  readonly blocks: TemplateBlock[] = [];
  constructor(
    readonly templateEdgesKeV: Float64Array,
    readonly lines: readonly LineWindow[] = NOBLE_GAS_CORRECTION_LINES,
  ) {}

  /** Adds one block from the energies (E~) of its kept template events. */
  addBlock(state: number, liveTimeS: number, energyKeV: ArrayLike<number>, mask: ArrayLike<number>): void {
    if (!(liveTimeS > 0)) return;
    this.blocks.push({ state, liveTimeS, counts: histogram(energyKeV, this.templateEdgesKeV, mask), lines: new LineTally(this.lines).add(energyKeV, mask) });
  }

  /** The templates, referred to the kept data of each state (`refs[state]`; TRANSITION uses ON). */
  templates(refs: Readonly<Record<number, KeptReference | undefined>>): NobleGasTemplates {
    const nb = this.templateEdgesKeV.length - 1;
    const G = this.lines.length;
    const usable: { x: Float64Array; v: Float64Array; l: Float64Array }[] = [];
    for (const b of this.blocks) {
      const ref = refs[b.state] ?? (b.state === 2 ? refs[1] : undefined);
      if (!ref || !(ref.liveTimeS > 0)) continue;
      const k = b.liveTimeS / ref.liveTimeS;
      const x = new Float64Array(nb);
      const v = new Float64Array(nb);
      for (let j = 0; j < nb; j++) {
        x[j] = b.counts[j] - k * ref.counts[j];
        // Variance from the expected (reference) count, not the block's own: weights that follow a
        // block's downward fluctuations would bias the yields low (Neyman's chi^2).
        v[j] = Math.max(1e-3, k * ref.counts[j] + k * k * ref.counts[j]);
      }
      const l = new Float64Array(G);
      for (let g = 0; g < G; g++) l[g] = b.lines.net(g) - k * ref.lines.net(g);
      usable.push({ x, v, l });
    }
    const lineExcess = new Float64Array(G);
    for (const u of usable) for (let g = 0; g < G; g++) lineExcess[g] += u.l[g];
    const none: NobleGasTemplates = { mode: "none", lines: this.lines, templateEdgesKeV: this.templateEdgesKeV, yieldPerLine: [], yieldVariance: [], blocks: usable.length, lineExcess };
    if (usable.length === 0) return none;
    // Per gas, when the blocks separate the gases.
    if (usable.length >= G + 1) {
      const m = new Float64Array(G * G);
      for (const u of usable) for (let a = 0; a < G; a++) for (let c = 0; c < G; c++) m[a * G + c] += u.l[a] * u.l[c];
      const inv = invertSymmetric(m, G);
      let ok = inv !== null;
      if (inv) {
        // Conditioning: diag(M) diag(M^-1) is 1 for orthogonal gases; large when they are confounded.
        for (let a = 0; a < G; a++) if (!(m[a * G + a] * inv[a * G + a] < 1e4)) ok = false;
      }
      if (ok) {
        const y = Array.from({ length: G }, () => new Float64Array(nb));
        const yv = Array.from({ length: G }, () => new Float64Array(nb));
        for (let j = 0; j < nb; j++) {
          const mm = new Float64Array(G * G);
          const rhs = new Float64Array(G);
          for (const u of usable) {
            const w = 1 / u.v[j];
            for (let a = 0; a < G; a++) {
              rhs[a] += w * u.l[a] * u.x[j];
              for (let c = 0; c < G; c++) mm[a * G + c] += w * u.l[a] * u.l[c];
            }
          }
          const mi = invertSymmetric(mm, G);
          if (!mi) continue;
          for (let a = 0; a < G; a++) {
            let s = 0;
            for (let c = 0; c < G; c++) s += mi[a * G + c] * rhs[c];
            y[a][j] = s;
            yv[a][j] = mi[a * G + a];
          }
        }
        return { mode: "per-gas", lines: this.lines, templateEdgesKeV: this.templateEdgesKeV, yieldPerLine: y, yieldVariance: yv, blocks: usable.length, lineExcess };
      }
    }
    // One template normalised to the summed line excess.
    let lam = 0;
    let lamVar = 0;
    for (const b of usable) for (let g = 0; g < G; g++) lam += b.l[g];
    for (const b of this.blocks) for (let g = 0; g < G; g++) lamVar += b.lines.netVariance(g);
    if (!(lam > 0)) return none;
    const y = new Float64Array(nb);
    const yv = new Float64Array(nb);
    for (let j = 0; j < nb; j++) {
      let x = 0;
      let v = 0;
      for (const u of usable) {
        x += u.x[j];
        v += u.v[j];
      }
      y[j] = x / lam;
      yv[j] = v / (lam * lam) + (y[j] * y[j] * lamVar) / (lam * lam);
    }
    return { mode: "combined", lines: this.lines, templateEdgesKeV: this.templateEdgesKeV, yieldPerLine: [y], yieldVariance: [yv], blocks: usable.length, lineExcess };
  }
}

export interface NobleGasCorrection {
  /** Counts to subtract per fine bin, and their variance (per bin; neighbouring fine bins share a template bin and are correlated). */
  readonly counts: Float64Array;
  readonly variance: Float64Array;
  /** The same per template bin (`templateEdgesKeV`; uncorrelated between template bins). */
  readonly templateCounts: Float64Array;
  readonly templateVariance: Float64Array;
  readonly templateEdgesKeV: Float64Array;
  /** Net line counts per gas in the kept data (the normalisation). */
  readonly lineCounts: Float64Array;
}

/** The correction of a kept spectrum (fine `edgesKeV`) from its noble-gas line counts. */
export function nobleGasCorrection(t: NobleGasTemplates, kept: LineTally, edgesKeV: ArrayLike<number>): NobleGasCorrection {
  const nf = edgesKeV.length - 1;
  const counts = new Float64Array(nf);
  const variance = new Float64Array(nf);
  const G = t.lines.length;
  const lineCounts = new Float64Array(G);
  for (let g = 0; g < G; g++) lineCounts[g] = Math.max(0, kept.net(g));
  const te = t.templateEdgesKeV;
  const nb = te.length - 1;
  // Per template bin: C_j and var C_j.
  const c = new Float64Array(nb);
  const cv = new Float64Array(nb);
  if (t.mode === "none") return { counts, variance, templateCounts: c, templateVariance: cv, templateEdgesKeV: te, lineCounts };
  for (let j = 0; j < nb; j++) {
    if (t.mode === "per-gas") {
      for (let g = 0; g < G; g++) {
        c[j] += lineCounts[g] * t.yieldPerLine[g][j];
        cv[j] += lineCounts[g] ** 2 * t.yieldVariance[g][j] + t.yieldPerLine[g][j] ** 2 * kept.netVariance(g);
      }
    } else {
      let lam = 0;
      let lamVar = 0;
      for (let g = 0; g < G; g++) {
        lam += lineCounts[g];
        lamVar += kept.netVariance(g);
      }
      c[j] = lam * t.yieldPerLine[0][j];
      cv[j] = lam * lam * t.yieldVariance[0][j] + t.yieldPerLine[0][j] ** 2 * lamVar;
    }
  }
  // Spread over the fine bins by overlap width.
  for (let i = 0; i < nf; i++) {
    const a = edgesKeV[i];
    const b = edgesKeV[i + 1];
    for (let j = 0; j < nb; j++) {
      const o = Math.min(b, te[j + 1]) - Math.max(a, te[j]);
      if (o <= 0) continue;
      const f = o / (te[j + 1] - te[j]);
      counts[i] += f * c[j];
      variance[i] += f * f * cv[j];
    }
  }
  return { counts, variance, templateCounts: c, templateVariance: cv, templateEdgesKeV: te, lineCounts };
}

/** The correction summed over energy ranges (keV), with its variance from the template bins. */
export function correctionInRanges(c: NobleGasCorrection, ranges: readonly (readonly [number, number])[]): { counts: number; error: number } {
  const te = c.templateEdgesKeV;
  let n = 0;
  let v = 0;
  for (let j = 0; j + 1 < te.length; j++) {
    let o = 0;
    for (const [lo, hi] of ranges) o += Math.max(0, Math.min(hi, te[j + 1]) - Math.max(lo, te[j]));
    const f = o / (te[j + 1] - te[j]);
    n += f * c.templateCounts[j];
    v += f * f * c.templateVariance[j];
  }
  return { counts: n, error: Math.sqrt(v) };
}
