import { FieldsRecord, measuredAsymmetric, ResultTable } from "../fit/resultTable.js";

/** The fields of a one-parameter CsI(Tl) fit: best value, Delta chi2 = 1 errors, chi2 and degrees of freedom. */
export interface CsiFitFields {
  parameter: "xi" | "sin2ThetaW" | "chargeRadius2_cm2";
  value: number;
  errLow: number;
  errHigh: number;
  /** (errLow + errHigh) / 2. */
  err: number;
  chi2: number;
  ndf: number;
}

/** How a parameter of the CsI fit is named in a table. */
const LABELS: Readonly<Record<CsiFitFields["parameter"], string>> = {
  xi: "ξ = R / R_SM",
  sin2ThetaW: "sin²θ_W",
  chargeRadius2_cm2: "⟨r²⟩ (cm²)",
};

function fitRow(f: CsiFitFields): [string, ReturnType<typeof measuredAsymmetric>, string] {
  // chi2 / ndf with one decimal, as the CsI notebook has always printed it.
  return [LABELS[f.parameter], measuredAsymmetric(f.value, f.errLow, f.errHigh), `${f.chi2.toFixed(1)}/${f.ndf}`];
}

/**
 * Several CsI(Tl) fits (e.g. ξ, sin²θ_W and ⟨r²⟩ of one spectrum) as one table: value with its
 * Delta chi2 = 1 errors (PDG rule on the narrower one), chi2 / ndf.
 */
export function csiFitTable(fits: readonly CsiFitFields[], caption = "CsI(Tl) ON − OFF residual fits (Δχ² = 1 errors)"): ResultTable {
  return new ResultTable(caption, ["parameter", "value", "χ²/ndf"], fits.map(fitRow));
}

/**
 * What `fitCsiResidual` returns: the fields of {@link CsiFitFields} as they are (its JSON is
 * theirs), shown as a one-row table with the value and its asymmetric errors by the PDG rule.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface CsiFit extends CsiFitFields {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class CsiFit extends FieldsRecord<CsiFitFields> {
  view(): ResultTable {
    return csiFitTable([this], `CsI(Tl) fit of ${LABELS[this.parameter]} (Δχ² = 1 errors)`);
  }
}
