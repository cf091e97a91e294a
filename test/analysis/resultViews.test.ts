// The result classes of the analysis stage render themselves (toHTML for notebooks) with values
// and errors rounded by the PDG rule, and their JSON keeps the fields it had.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { coverageTable, readCoverageFile } from "../../lib/analysis/coverageFile.js";
import { analyseSpectra } from "../../lib/analysis/limit.js";
import { runPseudoExperiments } from "../../lib/analysis/pseudoExperiments.js";
import { gemmaToyConditions, toySpectraFile } from "../../lib/analysis/spectraToy.js";
import { dataPath } from "../../lib/data/paths.js";
import { formatValueError, pdgDecimals } from "../../lib/fit/format.js";

/** The PDG rule written out: the error's leading three digits 100-354 keep two digits, 355-949 one. */
function pdgByHand(value: number, error: number): string {
  const d = pdgDecimals(error);
  const places = Math.max(0, -d);
  const r = (v: number) => (Math.round(v / 10 ** d) * 10 ** d).toFixed(places);
  return `${r(value)} ± ${r(error)}`;
}

describe("CoverageRecord", () => {
  const rec = readCoverageFile("bias-flat-gel.json");

  it("toJSON gives back the file's fields and its name", () => {
    const file = JSON.parse(readFileSync(dataPath("coverage/bias-flat-gel.json"), "utf8"));
    expect(JSON.parse(JSON.stringify(rec))).toEqual({ ...file, file: "bias-flat-gel.json" });
    expect(rec.pull_mean).toBe(file.pull_mean);
  });

  it("toHTML rounds the pulls and the coverage by the PDG rule", () => {
    // pull mean 0.2072 +- 0.0658 (658: one digit), width 1.0404 +- 0.0466 (466: one digit),
    // coverage 0.984 +- 0.00839 (839: one digit).
    const h = rec.toHTML();
    expect(h).toContain("0.21 ± 0.07");
    expect(h).toContain("1.04 ± 0.05");
    expect(h).toContain("0.984 ± 0.008");
    expect(pdgByHand(rec.pull_mean, rec.pull_mean_err)).toBe("0.21 ± 0.07");
  });

  it("coverageTable has one row per record and refuses an unknown column", () => {
    const t = coverageTable([rec, readCoverageFile("bias-flat-raw.json")], ["OFF model", "coverage"]);
    expect(t.rows.map((r) => r[0])).toEqual(["gel", "raw"]);
    expect(() => coverageTable([rec], ["nonsense" as never])).toThrow(/unknown column "nonsense"/);
  });
});

describe("SpectraLimit", () => {
  const cond = gemmaToyConditions({ periods: [{ name: "phase-1", onDays: 60, offDays: 30 }] });
  const r = analyseSpectra(toySpectraFile(cond, { model: "fe", muB: 0 }, 7));

  it("toHTML shows X +- dX, each period's X by the PDG rule, and the upper limits", () => {
    const h = r.toHTML();
    expect(h).toContain(pdgByHand(r.xHat, r.xErr).replace(/^-(0(\.0+)?) /, "$1 "));
    expect(h).toContain(pdgByHand(r.periods[0].x_hat, r.periods[0].x_err).replace(/^-(0(\.0+)?) /, "$1 "));
    expect(h).toContain(r.upper.toExponential(3));
    expect(pdgByHand(r.xHat, r.xErr)).toBe(formatValueError(r.xHat, r.xErr).replace(" +- ", " ± "));
  });

  it("toJSON keeps the CLI's fields", () => {
    expect(Object.keys(r.toJSON())).toEqual(["x_hat", "x_err", "x_upper", "parameter", "mu_upper_mub", "x_reference", "method", "procedure", "model", "periods", "cl", "experiment", "off_errors", "rel_syst", "alternatives", "background_fits", "fit_quality"]);
  });
});

describe("PseudoExperiments", () => {
  it("toHTML shows the pull mean and width with their errors by the PDG rule", () => {
    const cond = gemmaToyConditions({ periods: [{ name: "phase-1", onDays: 60, offDays: 30 }] });
    const pe = runPseudoExperiments(cond, { n: 12, seed: 5, background: "raw" });
    const p = pe.pullSummary();
    const h = pe.toHTML();
    expect(h).toContain(pdgByHand(p.mean, p.meanError).replace(/^-(0(\.0+)?) /, "$1 "));
    expect(h).toContain(pdgByHand(p.sd, p.sdError));
    expect(h).toContain("12 pseudo-experiments");
  });
});

describe("CouplingLimit and SignedMilliChargeLimit", () => {
  it("show the limits and their periods", async () => {
    const { expectedCouplingLimit, milliChargeShape } = await import("../../lib/prospects/index.js");
    const { experimentConditions } = await import("../../lib/prospects/index.js");
    const l = expectedCouplingLimit(experimentConditions("gemma"), milliChargeShape("fe"));
    const h = l.toHTML();
    expect(h).toContain(l.upper.toExponential(3));
    for (const p of l.periods) expect(h).toContain(`>${p.name}</td>`);
  });
});
