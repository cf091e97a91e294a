/**
 * One case of the fit sweep (`scripts/fitSweep.ts`, `test/analysis/fitSweep.test.ts`): a spectra
 * file analysed with one background, method and OFF-error treatment. The outcome is a result whose
 * fits pass their checks (re-checked here from the reported numbers, not only from the result's own
 * verdict), a refusal (`FitRefusedError`, which names the period, the model and what to try), or an
 * unexplained failure (any other error, or an implausible fit reported as a result).
 */
import type { BackgroundKind } from "../lib/analysis/backgroundFit.js";
import { analyseSpectra, type LimitMethod } from "../lib/analysis/limit.js";
import type { OffErrors } from "../lib/analysis/periodAnalysis.js";
import { gemmaToyConditions, toySpectraFile } from "../lib/analysis/spectraToy.js";
import { FitRefusedError, PLAUSIBLE_GOF_Z } from "../lib/fit/fitQuality.js";
import type { SpectraFile } from "../lib/spectra/spectraFile.js";

export interface SweepCase {
  background: BackgroundKind;
  method: LimitMethod;
  offErrors: OffErrors;
}

export interface SweepOutcome extends SweepCase {
  outcome: "result" | "refused" | "failed";
  detail: string;
}

/** A GEMMA-like toy spectra file: one period of `days` ON and OFF, or "full" (the published Phases I + II). */
export function sweepFile(days: number | "full", seed: number): SpectraFile {
  const cond = days === "full" ? gemmaToyConditions() : gemmaToyConditions({ periods: [{ name: "phase-1", onDays: days, offDays: days }] });
  return toySpectraFile(cond, { model: "fe", muB: 0 }, seed);
}

/** Every background x method x OFF errors (raw has no curve: one OFF-error case; the profile likelihood ignores the curve's errors: one). */
export function sweepCases(methods: readonly LimitMethod[] = ["pdg", "fc", "profile"]): SweepCase[] {
  const out: SweepCase[] = [];
  for (const background of ["gel", "polynomial", "spline", "raw"] as const)
    for (const method of methods)
      for (const offErrors of ["correlated", "diagonal", "none"] as const) {
        if ((background === "raw" || method === "profile") && offErrors !== "correlated") continue;
        out.push({ background, method, offErrors });
      }
  return out;
}

/** Runs one case (see the file header). */
export function runSweepCase(file: SpectraFile, c: SweepCase): SweepOutcome {
  try {
    const r = analyseSpectra(file, { background: c.background, method: c.method, ...(c.background === "raw" ? {} : { offErrors: c.offErrors }) });
    const bad = r.fitQuality().filter((q) => {
      const b = q.background_fit;
      const p = q.profile;
      return !q.ok || !b.converged || !b.covariance_finite || b.non_positive_bins > 0 || (b.gof_z ?? 0) > PLAUSIBLE_GOF_Z || p.gof_z > PLAUSIBLE_GOF_Z || !p.hessian_positive_definite || !(p.k_hat > 0 && p.k_hat >= p.k_range[0] && p.k_hat <= p.k_range[1]);
    });
    if (bad.length > 0) return { ...c, outcome: "failed", detail: `implausible fit reported as a result: ${JSON.stringify(bad[0])}` };
    if (!(Number.isFinite(r.xHat) && r.xErr > 0 && r.xUpper > 0)) return { ...c, outcome: "failed", detail: `not a finite result: X = ${r.xHat} +- ${r.xErr}, X < ${r.xUpper}` };
    return { ...c, outcome: "result", detail: `X = ${r.xHat.toPrecision(3)} +- ${r.xErr.toPrecision(2)}, X < ${r.xUpper.toPrecision(3)}${r.notes.length ? `; note: ${r.notes.join("; ")}` : ""}` };
  } catch (e) {
    const err = e as Error;
    const explained = err instanceof FitRefusedError;
    return { ...c, outcome: explained ? "refused" : "failed", detail: err.message };
  }
}
