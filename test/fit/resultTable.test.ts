import { describe, expect, it } from "vitest";
import { formatValueError } from "../../lib/fit/format.js";
import { formatMeasured, measured, quantityTable, ResultTable } from "../../lib/fit/resultTable.js";

describe("formatMeasured", () => {
  it("follows the PDG rounding rule (RPP Introduction, Sec. 5.3)", () => {
    // Three leading digits of the error: 123 -> two digits, 400 -> one, 980 -> 1000 with two.
    expect(formatMeasured(measured(0.0532, 0.0123))).toBe("0.053 ± 0.012");
    expect(formatMeasured(measured(0.2312, 0.04))).toBe("0.23 ± 0.04");
    expect(formatMeasured(measured(1.0, 0.0098))).toBe("1.000 ± 0.010");
    expect(formatMeasured(measured(-36.41, 31.27))).toBe("-36 ± 31");
    expect(formatMeasured(measured(-36.41, 61.27))).toBe("-40 ± 60");
    expect(formatMeasured(measured(3.2e-11, 1.23e-12))).toBe("(3.20 ± 0.12)e-11");
  });

  it("is fit/format.ts's rule with ± for +-", () => {
    for (const [v, e] of [[12.345, 0.355], [0.98765, 0.0951], [1234.5, 27.1]]) expect(formatMeasured(measured(v, e))).toBe(formatValueError(v, e).replace("+-", "±"));
  });

  it("drops the sign of a value that rounds to zero", () => {
    expect(formatMeasured(measured(-0.002948, 0.1067))).toBe("0.00 ± 0.11");
    expect(formatMeasured(measured(-0.02948, 0.1067))).toBe("-0.03 ± 0.11");
  });

  it("prints an error that is not positive as it is", () => {
    expect(formatMeasured(measured(1.5, 0))).toBe("1.5 ± 0");
    expect(formatMeasured(measured(1.5, NaN))).toBe("1.5 ± NaN");
  });
});

describe("ResultTable", () => {
  const t = new ResultTable("limits", ["period", "X", "K"], [["phase-1", measured(0.0532, 0.0123), 1.0123456], ["phase-2", measured(-12.3, 25.6), 0.99]], ["a note & <more>"]);

  it("toHTML holds the PDG-rounded values, numbers right-aligned, notes escaped", () => {
    const h = t.toHTML();
    expect(h).toContain("<caption>limits</caption>");
    expect(h).toContain('<td style="text-align:right">0.053 ± 0.012</td>');
    expect(h).toContain('<td style="text-align:right">-12 ± 26</td>');
    expect(h).toContain('<td style="text-align:right">1.012</td>');
    expect(h).toContain("note: a note &amp; &lt;more&gt;");
  });

  it("toString aligns the columns", () => {
    expect(t.toString().split("\n")).toEqual([
      "limits",
      "period               X      K",
      "-------  -------------  -----",
      "phase-1  0.053 ± 0.012  1.012",
      "phase-2       -12 ± 26   0.99",
      "note: a note & <more>",
    ]);
  });

  it("refuses a row of the wrong length", () => {
    expect(() => new ResultTable("t", ["a", "b"], [[1]])).toThrow(/row 0 has 1 cells for 2 columns/);
  });

  it("quantityTable is a two-column table", () => {
    expect(quantityTable("q", [["n", 3], ["ok", true]]).toString()).toBe("q\nquantity  value\n--------  -----\nn         3\nok        yes");
  });
});
