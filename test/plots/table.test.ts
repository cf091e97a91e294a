import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { formatNumber, tableHtml, tableText } from "../../lib/plots/index.js";

describe("formatNumber", () => {
  it("keeps integers, rounds to significant digits, uses exponents for very small or large values", () => {
    expect(formatNumber(5184)).toBe("5184");
    expect(formatNumber(2.4947e-25)).toBe("2.495e-25");
    expect(formatNumber(13.9)).toBe("13.9");
    expect(formatNumber(1 / 3)).toBe("0.3333");
    expect(formatNumber(2.7e13)).toBe("2.700e+13");
  });
});

describe("tables", () => {
  const rows = [
    { experiment: "TEXONO", distance_m: 28 },
    { experiment: "GEMMA", distance_m: 13.9 },
  ];
  it("align text columns: names left, numbers right", () => {
    expect(tableText(rows)).toBe(["experiment  distance_m", "----------  ----------", "TEXONO              28", "GEMMA             13.9"].join("\n"));
  });
  it("render an arquero table and an array of rows identically", () => {
    expect(tableHtml(aq.from(rows))).toBe(tableHtml(rows));
    expect(tableHtml(rows)).toContain('<td style="text-align:right">13.9</td>');
  });
  it("show a result object as quantity/value rows and escape HTML", () => {
    expect(tableHtml({ "a<b": 1 })).toContain("<td style=\"text-align:left\">a&lt;b</td>");
  });
});
