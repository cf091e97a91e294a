import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkDomain, describeDomain, numberOption } from "../../lib/cli/command.js";
import { nonFinitePath } from "../../lib/cli/finiteJson.js";
import { boundCommand } from "../../lib/cli/commands/bound.js";
import { limitCommand } from "../../lib/cli/commands/limit.js";
import { notebooksCommand } from "../../lib/cli/commands/notebooks.js";
import { ratesCommand } from "../../lib/cli/commands/rates.js";
import { sensitivityCommand } from "../../lib/cli/commands/sensitivity.js";
import { xsecCommand } from "../../lib/cli/commands/xsec.js";

const nuem = (...args: string[]) => spawnSync(process.execPath, ["bin/nuem.js", ...args], { encoding: "utf8" });
const run = async (cmd: { run: (v: never, p: string[]) => unknown }, values: Record<string, unknown>, positionals: string[] = []) => cmd.run(values as never, positionals);

// CODATA 2018 electron mass, MeV; T_max = 2E^2/(m_e + 2E) for scattering on an electron at rest.
const M_E = 0.51099895;
const tMaxKeV = (eMeV: number) => ((2 * eMeV * eMeV) / (M_E + 2 * eMeV)) * 1000;

describe("numeric domains", () => {
  it("describe themselves in interval notation and are enforced", () => {
    expect(describeDomain({ min: 0, max: 1, minExclusive: true, maxExclusive: true })).toBe("a number in (0, 1)");
    expect(describeDomain({ min: 1, integer: true })).toBe("an integer >= 1");
    expect(() => checkDomain("cl", 1.5, { min: 0, max: 1, maxExclusive: true })).toThrow("--cl: expected a number in [0, 1), got 1.5");
    expect(() => numberOption({ toys: "2.5" }, "toys", undefined, { min: 1, integer: true })).toThrow("--toys: expected an integer >= 1, got 2.5");
    expect(() => numberOption({ mu: "Infinity" }, "mu", undefined, { min: 0 })).toThrow("--mu: expected a finite number");
  });
  it("xsec refuses E_nu = 1e300 and mu = 1e300 naming the domain", async () => {
    await expect(run(xsecCommand, { process: "em-fe", "enu-mev": "1e300", "t-kev": "10", mu: "1e-10" })).rejects.toThrow("--enu-mev: expected a number in (0, 100] MeV");
    await expect(run(xsecCommand, { process: "em-fe", "enu-mev": "1", "t-kev": "10", mu: "1e300" })).rejects.toThrow("--mu: expected a number in [0, 0.000001] mu_B");
  });
  it("xsec refuses T above T_max = 2E^2/(m_e + 2E), quoting T_max", async () => {
    const e = 1.5;
    const tMax = tMaxKeV(e); // 1253.83 keV
    await expect(run(xsecCommand, { process: "weak", "enu-mev": String(e), "t-kev": String(tMax * 1.001) })).rejects.toThrow(`T_max = 2E^2/(m_e + 2E) = ${tMax.toPrecision(6)} keV`);
    const ok = (await run(xsecCommand, { process: "weak", "enu-mev": String(e), "t-kev": String(tMax * 0.999) })) as { json: { t_max_kev: number } };
    expect(ok.json.t_max_kev).toBeCloseTo(tMax, 3);
  });
  it("xsec refuses em-epa at T = 0.001 keV, naming the photoabsorption table's range (from 0.1 keV)", async () => {
    await expect(run(xsecCommand, { process: "em-epa", "enu-mev": "1", "t-kev": "0.001", mu: "1e-10" })).rejects.toThrow(/outside the domain of em-epa .*\[0\.1, 796\.496\] keV .*table starts at 0\.1 keV/);
  });
  it("rates refuses an EPA energy below the table without --response", async () => {
    await expect(run(ratesCommand, { experiment: "gemma", process: "em-epa", "t-kev": "0.05,1", mu: "1e-11" })).rejects.toThrow("--t-kev: 0.05 keV lies outside the elam photoabsorption table of em-epa");
  });
  it("sensitivity and bound refuse a negative background", async () => {
    await expect(run(sensitivityCommand, { experiment: "gemma", background: "-1" })).rejects.toThrow("--background: expected a number in [0.001, 1000000] counts/(keV kg day)");
    await expect(run(boundCommand, { parameter: "mu", background: "-1" })).rejects.toThrow("--background: expected a number in [0.001, 1000000] counts/(keV kg day)");
  });
  it("options that another option would drop are refused", async () => {
    await expect(run(limitCommand, { spectra: "x.json", alternatives: "gemma", "roi-low-kev": "3,4,5" })).rejects.toThrow("--alternatives gemma and --roi-low-kev cannot be combined");
    await expect(run(limitCommand, { spectra: "x.json", "profile-threshold": "one-sided" })).rejects.toThrow("--profile-threshold applies to --method profile only");
    await expect(run(limitCommand, { spectra: "x.json", seed: "3" })).rejects.toThrow("--seed applies to --parameter sin2w|r2 only");
    await expect(run(limitCommand, { parameter: "sin2w", method: "fc" })).rejects.toThrow("--method does not apply to --parameter sin2w");
    await expect(run(boundCommand, { parameter: "sin2w", model: "epa" })).rejects.toThrow("--model does not apply to --parameter sin2w");
    await expect(run(boundCommand, { parameter: "delta-q", model: "fe", "cutoff-ev": "10" })).rejects.toThrow("--cutoff-ev applies to --model epa only");
    await expect(run(sensitivityCommand, { experiment: "gemma", seed: "2" })).rejects.toThrow("--seed applies to the pseudo-experiments only");
  });
  it("notebooks NAME must match a notebook; the error lists them", async () => {
    await expect(run(notebooksCommand, {}, ["no-such-notebook"])).rejects.toThrow(/no notebook matches "no-such-notebook"; the notebooks are: 00-getting-started, .*09-limit/);
  });
});

describe("spectra files through nuem limit", () => {
  const dir = mkdtempSync(join(tmpdir(), "nuem-domains-"));
  const base = JSON.parse(readFileSync("data/simulated/gemma-mu0-seed11.spectra.json", "utf8"));
  const write = (name: string, edit: (d: typeof base) => void) => {
    const d = structuredClone(base);
    edit(d);
    const f = join(dir, name);
    writeFileSync(f, JSON.stringify(d));
    return f;
  };
  it("a period listed twice is refused naming it", async () => {
    const f = write("dup.json", (d) => d.periods.push(structuredClone(d.periods[0])));
    await expect(run(limitCommand, { spectra: f })).rejects.toThrow(`${f}: periods[3].name: period "phase-1" is listed twice (also periods[0])`);
  });
  it("a ROI bin of -1e6 and a relative uncertainty of 1e300 are refused naming the field", async () => {
    const roiBin = base.periods[1].edges_kev.findIndex((e: number) => e >= 20);
    const f = write("neg.json", (d) => (d.periods[1].on_counts[roiBin] = -1e6));
    await expect(run(limitCommand, { spectra: f })).rejects.toThrow(`${f}: periods[1].on_counts[${roiBin}]: count -1000000 lies`);
    const g = write("tau.json", (d) => (d.periods[0].tau_rel_uncertainty = 1e300));
    await expect(run(limitCommand, { spectra: g })).rejects.toThrow(`${g}: periods[0].tau_rel_uncertainty: 1e+300 is outside its domain: a number in [0, 1)`);
    const h = write("var.json", (d) => (d.periods[0].off_variance = d.periods[0].off_variance.map(() => 0)));
    await expect(run(limitCommand, { spectra: h })).rejects.toThrow(`${h}: periods[0].off_variance[0]: variance 0 under a non-zero count`);
  });
});

describe("no non-finite number in --json", () => {
  it("finds the path of a NaN or Infinity, through toJSON and typed arrays", () => {
    expect(nonFinitePath({ a: 1, b: [1, { c: "x" }], d: null })).toBeNull();
    expect(nonFinitePath({ a: 1, b: [1, { c: NaN }] })).toBe("b[1].c");
    expect(nonFinitePath({ r: { toJSON: () => ({ x_upper: Infinity }) } })).toBe("r.x_upper");
    expect(nonFinitePath({ t: Float64Array.from([1, -Infinity]) })).toBe("t[1]");
  });
  it("an ordinary --json result passes the guard", () => {
    const r = nuem("xsec", "--process", "weak", "--enu-mev", "1", "--t-kev", "10", "--json");
    expect(r.status).toBe(0);
    expect(r.stdout).not.toMatch(/null|NaN|Infinity/);
  });
});
