import { describe, expect, it, vi } from "vitest";
import { formatMeasurement, formatPercent, formatSig, markdownToText, showMarkdown } from "../../lib/plots/index.js";

describe("formatSig", () => {
  it("writes significant digits, with powers of ten outside 1e-3..1e4", () => {
    expect(formatSig(2.8412e-12)).toBe("2.8×10⁻¹²");
    expect(formatSig(0.8712)).toBe("0.87");
    expect(formatSig(631.2)).toBe("630");
    expect(formatSig(25432)).toBe("2.5×10⁴");
    expect(formatSig(32.84, 3)).toBe("32.8");
    expect(formatSig(-0.7812)).toBe("-0.78");
    expect(formatSig(0)).toBe("0");
  });
});

describe("formatPercent", () => {
  it("multiplies by 100", () => {
    expect(formatPercent(0.3541)).toBe("35 %");
    expect(formatPercent(1.1812, 3)).toBe("118 %");
  });
});

describe("formatMeasurement", () => {
  it("follows the PDG rounding rule (RPP Introduction, Sec. 5.3)", () => {
    // 123 -> two digits; 400 -> one digit; 980 -> 1000 with two digits.
    expect(formatMeasurement(0.2312, 0.0123)).toBe("0.231 ± 0.012");
    expect(formatMeasurement(0.2312, 0.04)).toBe("0.23 ± 0.04");
    expect(formatMeasurement(1.0, 0.0098)).toBe("1.000 ± 0.010");
    expect(formatMeasurement(3.2e-11, 1.23e-12)).toBe("(3.20 ± 0.12)×10⁻¹¹");
  });
});

describe("markdownToText", () => {
  it("drops emphasis and code marks", () => {
    expect(markdownToText("**bold**, *it* and `code`")).toBe("bold, it and code");
  });
});

describe("showMarkdown", () => {
  it("prints plain text outside a notebook", () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    showMarkdown(`X < **${formatSig(2.77e-12)}** e`);
    expect(log).toHaveBeenCalledWith("X < 2.8×10⁻¹² e");
    log.mockRestore();
  });
});
