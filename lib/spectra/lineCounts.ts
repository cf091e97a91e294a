/*
 * Counting gamma lines with side-band subtraction: the net count of a line is the count in the
 * peak window [E - h, E + h) minus the side bands [E - h - w, E - h) and [E + h, E + h + w) scaled
 * by h/w (a flat continuum under the line). Used for the active-time lines (GEMMA sec. 3: 238 keV
 * of 212Pb, 1173 and 1333 keV of 60Co, 1461 keV of 40K) and the noble-gas lines (81 keV 133Xe,
 * 250 keV 135Xe, 1294 keV 41Ar) of the noble-gas correction.
 */

/** A line and its counting windows. */
export interface LineWindow {
  readonly name: string;
  /** Line energy, keV. */
  readonly energyKeV: number;
  /** Half width h of the peak window, keV. */
  readonly halfWidthKeV: number;
  /** Width w of each side band, keV. Default h (each side band half as wide as the peak window). */
  readonly sidebandWidthKeV?: number;
}

/**
 * The live-time lines of GEMMA sec. 3; energies from ENSDF (NuDat 3): 212Pb 238.632 keV, 60Co
 * 1173.228 and 1332.492 keV, 40K 1460.820 keV. Half widths (ours): about 4 sigma of a coaxial HPGe
 * (sigma ~0.45 keV at 238 keV, ~0.75 keV at 1.3-1.5 MeV).
 */
export const ACTIVE_TIME_LINES: readonly LineWindow[] = [
  { name: "212Pb 238 keV", energyKeV: 238.632, halfWidthKeV: 2.0 },
  { name: "60Co 1173 keV", energyKeV: 1173.228, halfWidthKeV: 3.0 },
  { name: "60Co 1333 keV", energyKeV: 1332.492, halfWidthKeV: 3.0 },
  { name: "40K 1461 keV", energyKeV: 1460.82, halfWidthKeV: 3.0 },
];

/**
 * The noble-gas lines of GEMMA sec. 3 (cut 2 and correction 1): 133Xe 80.997 keV, 135Xe 249.794 keV,
 * 41Ar 1293.64 keV (ENSDF); windows as for the live-time lines.
 */
export const NOBLE_GAS_CORRECTION_LINES: readonly LineWindow[] = [
  { name: "133Xe 81 keV", energyKeV: 80.997, halfWidthKeV: 1.5 },
  { name: "135Xe 250 keV", energyKeV: 249.794, halfWidthKeV: 2.0 },
  { name: "41Ar 1294 keV", energyKeV: 1293.64, halfWidthKeV: 3.0 },
];

/** Peak and side-band counts of a set of lines (additive). */
export class LineTally {
  readonly peak: Float64Array;
  readonly side: Float64Array;
  constructor(readonly lines: readonly LineWindow[]) {
    this.peak = new Float64Array(lines.length);
    this.side = new Float64Array(lines.length);
  }

  /** Counts the energies (keV) of the rows with mask 1 (all rows without a mask). */
  add(energyKeV: ArrayLike<number>, mask?: ArrayLike<number>): this {
    const L = this.lines;
    const nl = L.length;
    let lo = Infinity;
    let hi = -Infinity;
    for (const l of L) {
      const w = l.sidebandWidthKeV ?? l.halfWidthKeV;
      lo = Math.min(lo, l.energyKeV - l.halfWidthKeV - w);
      hi = Math.max(hi, l.energyKeV + l.halfWidthKeV + w);
    }
    for (let i = 0; i < energyKeV.length; i++) {
      if (mask && !mask[i]) continue;
      const e = energyKeV[i];
      if (!(e >= lo && e < hi)) continue;
      for (let k = 0; k < nl; k++) {
        const l = L[k];
        const h = l.halfWidthKeV;
        const w = l.sidebandWidthKeV ?? h;
        const x = e - l.energyKeV;
        if (x >= -h && x < h) this.peak[k]++;
        else if ((x >= -h - w && x < -h) || (x >= h && x < h + w)) this.side[k]++;
      }
    }
    return this;
  }

  /** Adds another tally of the same lines. */
  merge(o: LineTally): this {
    for (let k = 0; k < this.peak.length; k++) {
      this.peak[k] += o.peak[k];
      this.side[k] += o.side[k];
    }
    return this;
  }

  /** The difference this - o (counts of a subset removed). */
  minus(o: LineTally): LineTally {
    const t = new LineTally(this.lines);
    for (let k = 0; k < this.peak.length; k++) {
      t.peak[k] = this.peak[k] - o.peak[k];
      t.side[k] = this.side[k] - o.side[k];
    }
    return t;
  }

  /** Side-band scale h/w of line k. */
  scale(k: number): number {
    const l = this.lines[k];
    return l.halfWidthKeV / (l.sidebandWidthKeV ?? l.halfWidthKeV);
  }

  /** Net count of line k: peak - (h/w) side. */
  net(k: number): number {
    return this.peak[k] - this.scale(k) * this.side[k];
  }

  /** Poisson variance of the net count of line k: peak + (h/w)^2 side. */
  netVariance(k: number): number {
    const a = this.scale(k);
    return this.peak[k] + a * a * this.side[k];
  }

  /** Sum of the net counts and of their variances over the lines. */
  total(): { net: number; variance: number } {
    let n = 0;
    let v = 0;
    for (let k = 0; k < this.peak.length; k++) {
      n += this.net(k);
      v += this.netVariance(k);
    }
    return { net: n, variance: v };
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.lines.map((l, k) => [l.name, { peak: this.peak[k], sideband: this.side[k], net: this.net(k) }]));
  }
}
