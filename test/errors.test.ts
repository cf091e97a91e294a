import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FitError, InputDataError, NuemError, OptionError, OutputPathError, withContext } from "../lib/errors.js";
import { EventDataError } from "../lib/events/errors.js";
import { FitRefusedError } from "../lib/fit/fitQuality.js";
import { InputFileError } from "../lib/io/regularFile.js";
import { numberOption } from "../lib/cli/command.js";
import { validateOptions } from "../lib/validateOptions.js";
import { readSpectraFile } from "../lib/spectra/spectraFile.js";
import { crossingEnergy } from "../lib/rates/crossing.js";

const nuem = (...args: string[]) => spawnSync(process.execPath, ["bin/nuem.js", ...args], { encoding: "utf8" });
const SPECTRA = "data/simulated/gemma-mu0-seed11.spectra.json";

/** The error f throws (the test fails when it throws none). */
function caught(f: () => unknown): Error {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error("expected an error, none was thrown");
}

describe("error classes carry where the problem is", () => {
  it("InputDataError: file, field, row and line, kind input-data", () => {
    const e = new InputDataError("f.json: periods[0].t_on_days: expected a number", { file: "f.json", field: "periods[0].t_on_days", row: 3, line: 4 });
    expect(e).toBeInstanceOf(NuemError);
    expect(e).toBeInstanceOf(Error);
    expect([e.kind, e.name, e.file, e.field, e.row, e.line]).toEqual(["input-data", "InputDataError", "f.json", "periods[0].t_on_days", 3, 4]);
    expect(e.toJSON()).toEqual({ kind: "input-data", message: "f.json: periods[0].t_on_days: expected a number", file: "f.json", field: "periods[0].t_on_days", row: 3, line: 4 });
  });
  it("OptionError: option, value and domain, kind option", () => {
    const e = new OptionError("--cl: expected a number in (0, 1), got 2", { option: "--cl", value: "2", domain: { min: 0, max: 1 } });
    expect([e.kind, e.option, e.value, e.domain]).toEqual(["option", "--cl", "2", { min: 0, max: 1 }]);
    expect(e.toJSON()).toEqual({ kind: "option", message: e.message, option: "--cl", value: "2", domain: { min: 0, max: 1 } });
  });
  it("FitError: period, model and parameter, kind fit; absent fields are left out of toJSON", () => {
    const e = new FitError("no minimum in K", { period: "phase-1", parameter: "K" });
    expect([e.kind, e.period, e.model, e.parameter]).toEqual(["fit", "phase-1", undefined, "K"]);
    expect(e.toJSON()).toEqual({ kind: "fit", message: "no minimum in K", period: "phase-1", parameter: "K" });
  });
  it("toJSON keeps a value JSON cannot hold as its String (a BigInt option value)", () => {
    const e = new OptionError("seed: expected a number, got 5n", { option: "seed", value: 5n });
    expect(JSON.parse(JSON.stringify(e.toJSON())).value).toBe("5");
  });
  it("OutputPathError: path and option, kind output", () => {
    const e = new OutputPathError("/o", "--out /o exists already", "--out");
    expect([e.kind, e.path, e.option, e.message]).toEqual(["output", "/o", "--out", "--out /o exists already"]);
  });
  it("the older classes are subclasses with their fields and messages unchanged", () => {
    const ev = new EventDataError("runs.arrow", "bad value", { row: 7, column: "live_s" });
    expect(ev).toBeInstanceOf(InputDataError);
    expect([ev.name, ev.message, ev.file, ev.row, ev.column, ev.field]).toEqual(["EventDataError", "runs.arrow: bad value", "runs.arrow", 7, "live_s", "live_s"]);
    const inp = new InputFileError("x.json", "does not exist");
    expect(inp).toBeInstanceOf(InputDataError);
    expect([inp.name, inp.message, inp.file]).toEqual(["InputFileError", "x.json: does not exist", "x.json"]);
    const fr = new FitRefusedError("period p: refused", "p", "GEL");
    expect(fr).toBeInstanceOf(FitError);
    expect([fr.name, fr.kind, fr.period, fr.model]).toEqual(["FitRefusedError", "fit", "p", "GEL"]);
  });
  it("withContext prefixes the message and keeps a NuemError's class and fields", () => {
    const e = withContext(new FitRefusedError("period p: refused", "p", "GEL"), "s.json: ");
    expect(e).toBeInstanceOf(FitRefusedError);
    expect([e.message, (e as FitRefusedError).period]).toEqual(["s.json: period p: refused", "p"]);
    const plain = withContext(new RangeError("boom"), "s.json: ");
    expect(plain).not.toBeInstanceOf(NuemError);
    expect(plain.message).toBe("s.json: boom");
  });
});

describe("the library throws them where the file, field or option is known", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "nuem-errors-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("a spectra file with a bad field: InputDataError naming the file and the field", () => {
    const doc = JSON.parse(readFileSync(SPECTRA, "utf8"));
    doc.periods[0].t_on_days = -1;
    const f = join(dir, "bad.spectra.json");
    writeFileSync(f, JSON.stringify(doc));
    const err = caught(() => readSpectraFile(f));
    expect(err).toBeInstanceOf(InputDataError);
    expect((err as InputDataError).file).toBe(f);
    expect((err as InputDataError).field).toBe("periods[0].t_on_days");
  });
  it("a missing spectra file: InputDataError naming the file", () => {
    const f = join(dir, "missing.json");
    expect(() => readSpectraFile(f)).toThrow(InputDataError);
    expect(() => readSpectraFile(f)).toThrow(`${f}: does not exist`);
  });
  it("numberOption and validateOptions: OptionError naming the option", () => {
    const e1 = caught(() => numberOption({ cl: "2" }, "cl", undefined, { min: 0, max: 1 }));
    expect(e1).toBeInstanceOf(OptionError);
    expect([(e1 as OptionError).option, (e1 as OptionError).value]).toEqual(["--cl", "2"]);
    const e2 = caught(() => validateOptions("fit options", { binKeV: -1 }, { binKeV: { kind: "number", min: 0.01 } }));
    expect(e2).toBeInstanceOf(OptionError);
    expect([(e2 as OptionError).option, (e2 as OptionError).value]).toEqual(["binKeV", -1]);
    expect(e2.message).toBe('fit options: option "binKeV" is -1, expected a number >= 0.01');
  });
  it("a numerical search that finds nothing throws a FitError (the class fallbacks catch)", () => {
    // 2/t and 1/t never cross.
    expect(() => crossingEnergy((t) => 2 / t, (t) => 1 / t, 1, 10)).toThrow(FitError);
  });
});

describe("the CLI maps them to messages, exit codes and --json error objects", () => {
  let dir: string;
  let bad: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "nuem-errors-cli-"));
    const doc = JSON.parse(readFileSync(SPECTRA, "utf8"));
    doc.periods[0].t_on_days = -1;
    bad = join(dir, "bad.spectra.json");
    writeFileSync(bad, JSON.stringify(doc));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("a bad input file: exit 1, the file and the field in the text and in --json", () => {
    const t = nuem("limit", "--spectra", bad);
    expect(t.status).toBe(1);
    expect(t.stderr).toContain(`nuem limit: ${bad}: periods[0].t_on_days: -1 is outside its domain`);
    const j = nuem("limit", "--spectra", bad, "--json");
    expect(j.status).toBe(1);
    const o = JSON.parse(j.stdout);
    expect(o.error).toBe(`${bad}: periods[0].t_on_days: -1 is outside its domain: a number in [0.001, 36525] days (a minute to a century)`);
    expect([o.kind, o.file, o.field]).toEqual(["input-data", bad, "periods[0].t_on_days"]);
  });
  it("a bad option: exit 2, the option named in the text (with a pointer to --help) and in --json", () => {
    const t = nuem("limit", "--spectra", SPECTRA, "--cl", "2");
    expect(t.status).toBe(2);
    expect(t.stderr).toContain("nuem limit: --cl: expected a number in (0, 1) (a confidence level), got 2");
    expect(t.stderr).toContain("nuem limit --help");
    const j = nuem("limit", "--spectra", SPECTRA, "--cl", "2", "--json");
    expect(j.status).toBe(2);
    const o = JSON.parse(j.stdout);
    expect([o.kind, o.option, o.value]).toEqual(["option", "--cl", "2"]);
    expect(o.domain).toEqual({ min: 0, max: 1, minExclusive: true, maxExclusive: true, note: "a confidence level" });
    expect(o.error).toBe("--cl: expected a number in (0, 1) (a confidence level), got 2");
  });
  it("a refused fit: exit 1, kind fit with the period and the background model", () => {
    // OFF counts zeroed in every other bin of phase-1: no smooth background describes them.
    const doc = JSON.parse(readFileSync(SPECTRA, "utf8"));
    doc.periods[0].off_counts = doc.periods[0].off_counts.map((c: number, i: number) => (i % 2 ? 3 * c : 0));
    const f = join(dir, "comb.spectra.json");
    writeFileSync(f, JSON.stringify(doc));
    const j = nuem("limit", "--spectra", f, "--background", "gel", "--json");
    expect(j.status).toBe(1);
    const o = JSON.parse(j.stdout);
    expect([o.kind, o.period, o.model]).toEqual(["fit", "phase-1", "Gaussian + exponential + linear"]);
    expect(o.error.startsWith(`${f}: period phase-1: the OFF background fit (Gaussian + exponential + linear) is refused`)).toBe(true);
  });
  it("an unknown option from the argument parser is an option error too", () => {
    const j = nuem("limit", "--frobnicate", "--json");
    expect(j.status).toBe(2);
    expect(JSON.parse(j.stdout)).toMatchObject({ kind: "option", option: "--frobnicate" });
  });
});
