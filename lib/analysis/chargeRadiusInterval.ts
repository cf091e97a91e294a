import normalCdf from "@stdlib/stats-base-dists-normal-cdf";
import { FieldsRecord, measured, quantityTable, type ResultTable } from "../fit/resultTable.js";

/** The fields of a Gaussian two-sided interval on <r^2>, cm^2: central value, 1-sigma error, ends. */
export interface ChargeRadiusIntervalFields {
  central: number;
  sigma: number;
  lower: number;
  upper: number;
}

/**
 * What `chargeRadiusInterval` returns: the fields as they are (its JSON is theirs, as in
 * `nuem bound --parameter r2 --json`), shown as ⟨r²⟩ = central ± sigma (PDG rule) and the ends
 * of the central interval, whose confidence level follows from the fields: the ends lie z sigma
 * from the centre, CL = 2 Φ(z) − 1.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface ChargeRadiusInterval extends ChargeRadiusIntervalFields {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class ChargeRadiusInterval extends FieldsRecord<ChargeRadiusIntervalFields> {
  /** The confidence level of the interval, from its ends and sigma. */
  confidenceLevel(): number {
    return 2 * normalCdf((this.upper - this.central) / this.sigma, 0, 1) - 1;
  }

  view(): ResultTable {
    const cl = `${Number((100 * this.confidenceLevel()).toPrecision(3))} % CL`;
    return quantityTable(`⟨r²⟩ from sin²θ_W, central interval (${cl})`, [
      ["⟨r²⟩ (cm²)", measured(this.central, this.sigma)],
      [`lower end, ${cl} (cm²)`, this.lower],
      [`upper end, ${cl} (cm²)`, this.upper],
    ]);
  }
}
