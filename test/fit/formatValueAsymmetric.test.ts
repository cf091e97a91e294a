import { describe, expect, it } from "vitest";
import { formatValueAsymmetric, formatValueError } from "../../lib/fit/format.js";
import { cellText, measuredAsymmetric, ResultTable } from "../../lib/fit/resultTable.js";

describe("formatValueAsymmetric", () => {
  it("rounds value and both errors to the place the PDG rule gives the narrower error", () => {
    // Narrower error 0.0343: leading digits 343 are in 100-354, two significant digits (1e-3).
    expect(formatValueAsymmetric(0.21349, 0.04061, 0.0343)).toBe("0.213 +0.034 −0.041");
    // Narrower 0.0456: 456 is in 355-949, one digit (1e-2).
    expect(formatValueAsymmetric(0.21349, 0.0456, 0.0612)).toBe("0.21 +0.06 −0.05");
    // Narrower 0.0996: 996 is in 950-999, rounded up to 0.10 with two digits (1e-2).
    expect(formatValueAsymmetric(1.2345, 0.2, 0.0996)).toBe("1.23 +0.10 −0.20");
  });

  it("uses a common exponent for very small values, as formatValueError does", () => {
    // <r^2> of the CsI toy: narrower error 1.441e-32, 144 keeps two digits (1e-33).
    expect(formatValueAsymmetric(-1.059e-32, 1.707e-32, 1.441e-32)).toBe("(-1.1 +1.4 −1.7)e-32");
    expect(formatValueError(-1.059e-32, 1.441e-32)).toBe("(-1.1 +- 1.4)e-32");
  });

  it("is a plain value ± error cell when both errors are equal", () => {
    expect(cellText(measuredAsymmetric(0.8476, 0.21, 0.21))).toBe("0.85 ± 0.21");
    expect(cellText(measuredAsymmetric(0.8476, 0.21, 0.25))).toBe("0.85 +0.25 −0.21");
  });

  it("drops the sign of a value that rounds to zero and right-aligns the cell", () => {
    // Narrower error 0.030: 300 keeps two digits (1e-3), so -0.0004 rounds to -0.000.
    expect(cellText(measuredAsymmetric(-0.0004, 0.04, 0.03))).toBe("0.000 +0.030 −0.040");
    const t = new ResultTable("", ["p", "v"], [["s", measuredAsymmetric(0.21349, 0.04061, 0.0343)]]);
    expect(t.toHTML()).toContain('<td style="text-align:right">0.213 +0.034 −0.041</td>');
  });
});
