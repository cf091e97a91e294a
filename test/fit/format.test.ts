import { describe, expect, it } from "vitest";
import { formatValueError, pdgRoundError } from "../../lib/fit/format.js";

describe("PDG rounding rule (RPP Introduction, Sec. 5.3)", () => {
  it("keeps two significant digits for errors 100-354 (0.827 +- 0.119 -> 0.83 +- 0.12)", () => {
    expect(formatValueError(0.827, 0.119)).toBe("0.83 +- 0.12");
  });

  it("keeps one significant digit for errors 355-949 (0.827 +- 0.367 -> 0.8 +- 0.4)", () => {
    expect(formatValueError(0.827, 0.367)).toBe("0.8 +- 0.4");
  });

  it("rounds 950-999 up to 1000 with two digits (0.0097 -> 0.010)", () => {
    expect(pdgRoundError(0.0097)).toBeCloseTo(0.01, 15);
    expect(formatValueError(1.23456, 0.0097)).toBe("1.235 +- 0.010");
  });

  it("handles large errors and common exponents", () => {
    expect(formatValueError(1234.5, 56)).toBe("1230 +- 60");
    expect(formatValueError(3.2e-11, 0.45e-11)).toBe("(3.2 +- 0.5)e-11");
  });
});
