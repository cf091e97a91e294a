import { describe, expect, it } from "vitest";
import { analyseSpectra } from "../lib/analysis/limit.js";
import { expectedSensitivity } from "../lib/analysis/sensitivity.js";
import { readSpectraFile } from "../lib/spectra/index.js";
import { validateOptions } from "../lib/validateOptions.js";

describe("validateOptions", () => {
  const rules = { cl: { kind: "number", min: 0, max: 1, minExclusive: true, maxExclusive: true }, method: { kind: "choice", choices: ["pdg", "fc"] }, fast: { kind: "boolean" } } as const;
  it("names an unknown key and the allowed ones", () => {
    expect(() => validateOptions("f options", { cl: 0.9, colour: "red" }, rules)).toThrow('f options: unknown option "colour" (allowed: cl, method, fast)');
  });
  it("names a value outside its domain or choices", () => {
    expect(() => validateOptions("f options", { cl: 1 }, rules)).toThrow('f options: option "cl" is 1, expected a number in (0, 1)');
    expect(() => validateOptions("f options", { method: "bayes" }, rules)).toThrow('option "method" is "bayes", expected one of "pdg", "fc"');
    expect(() => validateOptions("f options", { fast: "yes" }, rules)).toThrow('option "fast" is "yes", expected true or false');
  });
  it("refuses conflicting options (false and undefined count as absent)", () => {
    const c = [{ keys: ["fast", "method"], why: "fast has no method" }];
    expect(() => validateOptions("f options", { fast: true, method: "fc" }, rules, c)).toThrow('f options: "fast" and "method" cannot be combined: fast has no method');
    expect(() => validateOptions("f options", { fast: false, method: "fc" }, rules, c)).not.toThrow();
  });
});

describe("library option objects", () => {
  const spectra = readSpectraFile("data/simulated/gemma-mu0-seed11.spectra.json");
  it("analyseSpectra refuses a background that its GEMMA alternatives would ignore", () => {
    expect(() => analyseSpectra(spectra, { alternatives: "gemma", background: "spline" })).toThrow('"background" and "alternatives" cannot be combined here');
  });
  it("analyseSpectra refuses an unknown key, naming the allowed ones", () => {
    expect(() => analyseSpectra(spectra, { backgrund: "spline" } as never)).toThrow(/unknown option "backgrund" \(allowed: model, coupling, method, cl, background, /);
  });
  it("analyseSpectra refuses a profile threshold with another method, and a bad alternative", () => {
    expect(() => analyseSpectra(spectra, { profileThreshold: "one-sided" })).toThrow('"profileThreshold" applies to method "profile" only');
    expect(() => analyseSpectra(spectra, { alternatives: [{ binKeV: -1 }] })).toThrow('alternatives[0]: option "binKeV" is -1');
  });
  it("expectedSensitivity refuses a negative background", () => {
    expect(() => expectedSensitivity("gemma", { backgroundPerKeVKgDay: -1 })).toThrow('sensitivity options: option "backgroundPerKeVKgDay" is -1, expected a number in [0.001, 1000000]');
  });
});
