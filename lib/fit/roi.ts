/**
 * Regions of interest on an energy axis: a list of [lo, hi] keV intervals, e.g. the GEMMA ROI
 * [[2.9, 9.4], [11.2, 55]] (GEMMA paper, footnote 4 and Sec. 3) whose gap holds the ~10.4 keV
 * Ga K-shell X-ray peak.
 */

/** A list of [lo, hi] keV intervals. */
export type Roi = ReadonlyArray<readonly [number, number]>;

/**
 * Bin mask of a ROI: 1 for a bin lying entirely inside one ROI interval (to 1e-9 keV), 0 otherwise.
 * A bin that straddles an interval edge is excluded, so no bin reaches into a masked peak.
 * Without a ROI every bin is used.
 *
 * @example
 * roiMask([0, 1, 2, 3, 4], [[1, 3]]); // => [0, 1, 1, 0]
 */
export function roiMask(edgesKeV: ArrayLike<number>, roi?: Roi | null): Uint8Array {
  const n = edgesKeV.length - 1;
  if (n < 1) throw new Error("roiMask: need at least two edges");
  const mask = new Uint8Array(n);
  const eps = 1e-9;
  for (let i = 0; i < n; i++) {
    const lo = edgesKeV[i];
    const hi = edgesKeV[i + 1];
    if (!(hi > lo)) throw new Error(`roiMask: edges must increase (edge ${i} = ${lo}, edge ${i + 1} = ${hi})`);
    if (!roi) {
      mask[i] = 1;
      continue;
    }
    for (const [a, b] of roi) {
      if (lo >= a - eps && hi <= b + eps) {
        mask[i] = 1;
        break;
      }
    }
  }
  return mask;
}

/** Indices of the bins a mask keeps. */
export function maskedIndices(mask: ArrayLike<number>): Int32Array {
  let m = 0;
  for (let i = 0; i < mask.length; i++) if (mask[i]) m++;
  const idx = new Int32Array(m);
  let j = 0;
  for (let i = 0; i < mask.length; i++) if (mask[i]) idx[j++] = i;
  return idx;
}
