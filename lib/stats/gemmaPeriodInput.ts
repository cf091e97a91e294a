import type { Roi } from "../fit/roi.js";

/** Inputs of one period. */
export interface GemmaPeriodInput {
  /** n + 1 bin edges, keV. */
  edgesKeV: ArrayLike<number>;
  /** S_ON per bin, counts. */
  onCounts: ArrayLike<number>;
  /** Variance of S_ON (default max(S_ON, 1)). */
  onVariance?: ArrayLike<number>;
  /** S_OFF per bin, counts over the OFF time (raw, or a fitted curve's counts). */
  offCounts: ArrayLike<number>;
  /** Variance of S_OFF (default max(S_OFF, 1), right for raw counts; give the fit variance for a curve). */
  offVariance?: ArrayLike<number>;
  /** tau~ = T~ON / T~OFF. */
  tauTilde: number;
  /** T_ON, days. */
  onDays: number;
  /** Fiducial detector mass m_d, kg. */
  massKg: number;
  /** Expected EM rate for X = 1 per bin, counts/(keV kg day). */
  emPerKeVKgDay: ArrayLike<number>;
  /** Expected weak rate per bin, counts/(keV kg day) (default 0). */
  weakPerKeVKgDay?: ArrayLike<number>;
  /** ROI (default all bins); a bin counts when it lies entirely inside one interval. */
  roi?: Roi;
}
