import { describe, expect, it, vi } from "vitest";
import { show } from "../../lib/plots/index.js";
import { measured, quantityTable } from "../../lib/fit/resultTable.js";

describe("show", () => {
  it("prints a result's toString in a terminal", () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const r = quantityTable("a fit", [["slope", measured(0.0532, 0.0123)]]);
    show(r);
    expect(log).toHaveBeenCalledWith(r.toString());
    // PDG rule: error 0.0123 -> digits 123 -> two significant digits, value to the same place.
    expect(log.mock.calls[0][0]).toContain("0.053 ± 0.012");
    log.mockRestore();
  });

  it("refuses a value that cannot show itself, saying what to use instead", () => {
    expect(() => show(42)).toThrow(/cannot show a number \(42\).*showTable/);
    expect(() => show({ a: 1 })).toThrow(/class Object without toHTML/);
    expect(() => show([1, 2])).toThrow(/an array of 2/);
    expect(() => show(null)).toThrow(/cannot show null/);
    // toHTML alone is not enough: Object's own toString prints "[object Object]".
    expect(() => show({ toHTML: () => "<b/>" })).toThrow(/cannot show/);
  });
});
