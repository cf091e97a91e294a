/**
 * Rebinning of a spectrum inside a region of interest: the analysis alternatives of GEMMA Sec. 3
 * ("different reasonable combinations of ... ROI edges") change the ROI's low edge and the channel
 * grouping. Bins are grouped inside each ROI interval separately, starting at the interval's low
 * edge, so that no new bin reaches across an interval edge (e.g. into the Ga K gap 9.4-11.2 keV).
 * A new binning holds only the ROI: its bins are the groups, plus one bin for each gap between
 * intervals (outside the ROI, never used).
 */
import type { Roi } from "../fit/roi.js";

/** A rebinned ROI: new edges, the ROI on them, and the source bins of each new bin. */
export interface RoiBinning {
  edgesKeV: Float64Array;
  /** The ROI intervals moved to the new bin edges. */
  roi: [number, number][];
  /** Source bin indices per new bin (empty for a gap bin). */
  groups: number[][];
}

const EPS = 1e-9;

/**
 * Groups the source bins lying inside each ROI interval into bins of at least `widthKeV` (default:
 * no grouping). A last group narrower than half the width joins the previous one. Intervals that
 * hold no whole source bin are dropped; an error if none is left.
 */
export function roiBinning(edgesKeV: ArrayLike<number>, roi: Roi, widthKeV?: number): RoiBinning {
  const n = edgesKeV.length - 1;
  if (widthKeV !== undefined && !(widthKeV > 0)) throw new Error(`analysis bin width must be > 0 keV, got ${widthKeV}`);
  const intervals = [...roi].map((r) => [r[0], r[1]] as [number, number]).sort((p, q) => p[0] - q[0]);
  const edges: number[] = [];
  const groups: number[][] = [];
  const outRoi: [number, number][] = [];
  for (const [lo, hi] of intervals) {
    const inside: number[] = [];
    for (let i = 0; i < n; i++) if (edgesKeV[i] >= lo - EPS && edgesKeV[i + 1] <= hi + EPS) inside.push(i);
    if (inside.length === 0) continue;
    const mine: number[][] = [];
    let cur: number[] = [];
    let curLo = edgesKeV[inside[0]];
    for (const i of inside) {
      if (cur.length > 0 && edgesKeV[i] - edgesKeV[cur[cur.length - 1] + 1] > EPS) {
        throw new Error(`ROI interval [${lo}, ${hi}] keV: the spectra's bins inside it are not contiguous at ${edgesKeV[i]} keV (edges_kev has a gap)`);
      }
      cur.push(i);
      if (widthKeV === undefined || edgesKeV[i + 1] - curLo >= widthKeV - EPS) {
        mine.push(cur);
        cur = [];
        curLo = edgesKeV[i + 1];
      }
    }
    if (cur.length > 0) {
      const w = edgesKeV[cur[cur.length - 1] + 1] - edgesKeV[cur[0]];
      if (mine.length > 0 && w < 0.5 * (widthKeV ?? 0)) mine[mine.length - 1].push(...cur);
      else mine.push(cur);
    }
    const first = edgesKeV[mine[0][0]];
    const lastGroup = mine[mine.length - 1];
    const last = edgesKeV[lastGroup[lastGroup.length - 1] + 1];
    if (edges.length > 0) {
      const prevEnd = edges[edges.length - 1];
      if (first < prevEnd - EPS) throw new Error(`ROI intervals overlap at ${first} keV (roi_kev)`);
      if (first > prevEnd + EPS) groups.push([]); // gap bin [prevEnd, first]
    }
    if (edges.length === 0 || first > edges[edges.length - 1] + EPS) edges.push(first);
    for (const g of mine) {
      groups.push(g);
      edges.push(edgesKeV[g[g.length - 1] + 1]);
    }
    outRoi.push([first, last]);
  }
  if (groups.length === 0) throw new Error(`no whole bin of the spectra (edges_kev) lies inside the ROI ${JSON.stringify(roi)} keV`);
  return { edgesKeV: Float64Array.from(edges), roi: outRoi, groups };
}

/** Sums per-bin values (counts, variances) of the source binning into the new bins (0 in gap bins). */
export function rebinValues(values: ArrayLike<number>, binning: RoiBinning): Float64Array {
  return Float64Array.from(binning.groups, (g) => g.reduce((s, i) => s + values[i], 0));
}

/**
 * The ROI with its lowest edge replaced (an analysis alternative): raised (intervals entirely below
 * it are dropped; a value inside a gap starts the ROI at the next interval) or lowered below the
 * stated ROI.
 */
export function roiWithLowEdge(roi: Roi, lowKeV: number): [number, number][] {
  const sorted = [...roi].map((r) => [r[0], r[1]] as [number, number]).sort((p, q) => p[0] - q[0]);
  const out = sorted.filter((r) => r[1] > lowKeV).map((r) => [Math.max(r[0], lowKeV), r[1]] as [number, number]);
  if (out.length > 0 && lowKeV < sorted[0][0]) out[0][0] = lowKeV; // extended below the stated ROI
  if (out.length === 0 || !(out[0][1] > out[0][0])) throw new Error(`ROI low edge ${lowKeV} keV leaves no ROI: it lies above every interval of roi_kev ${JSON.stringify(roi)}`);
  return out;
}
