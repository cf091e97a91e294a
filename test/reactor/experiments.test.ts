import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  EXPERIMENT_NAMES,
  experimentCore,
  liveTimeDays,
  loadExperiment,
  loadExperimentFile,
  parseExperiment,
} from "../../lib/reactor/experiments.js";

// The stored GEMMA document as plain JSON (without the loader's own "file" field), to corrupt.
const gemmaDoc = (): Record<string, any> => {
  const d = JSON.parse(JSON.stringify(loadExperiment("gemma")));
  delete d.file;
  return d;
};

describe("loadExperiment", () => {
  it("loads the three stored experiments; every quantity has a source", () => {
    for (const name of EXPERIMENT_NAMES) {
      const e = loadExperiment(name);
      expect(e.file).toMatch(new RegExp(`experiments[/\\\\]${name}\\.json$`));
      for (const q of [e.reactor.thermalPower, e.reactor.distance, e.reactor.publishedFlux, e.detector.mass]) expect(q.source.length).toBeGreaterThan(5);
    }
  });
  it("GEMMA: the numbers of the paper (3.0 GW, 13.9 m, 1.5 kg, 2.7e13, ROI, phases, limits, systematics)", () => {
    const g = loadExperiment("gemma");
    expect(g.reactor.thermalPower.value).toBe(3.0);
    expect(g.reactor.distance).toMatchObject({ value: 13.9, unit: "m" });
    expect(g.reactor.publishedFlux.value).toBe(2.7e13);
    expect(g.detector.mass.value).toBe(1.5);
    expect(g.detector.triggerThreshold?.value).toBe(1.5);
    expect(g.detector.roi?.value).toEqual([[3.0, 9.4], [11.2, 55.0]]);
    expect(g.detector.background?.value).toBe(2);
    expect(g.exposure?.periods?.map((p) => [p.on.value, p.off?.value])).toEqual([[5184, 1853], [6798, 1021]]);
    expect(g.results?.limits?.map((l) => l.value)).toEqual([3.2e-11, 5.0e-12]);
    expect(g.systematics?.onTime.value).toBe(0.9);
    expect(g.systematics?.detectorMass.value).toBe(1.7);
    expect(g.systematics?.flux.value).toBe(3.5);
    // Quadrature sum of the three, GEMMA Eq. (8): 4.0 %.
    const s = g.systematics!;
    expect(Math.hypot(s.onTime.value, s.detectorMass.value, s.flux.value)).toBeCloseTo(4.0, 1);
  });
  it("GEMMA live time: 11982 h ON = 499.25 d, 2874 h OFF = 119.75 d", () => {
    expect(liveTimeDays(loadExperiment("gemma"))).toEqual({ on: 11982 / 24, off: 2874 / 24 });
  });
  it("TEXONO: 2.9 GW, 28 m, 1.06 kg, 6.4e12, 570.7/127.8 days, 7.4e-11 mu_B", () => {
    const t = loadExperiment("texono");
    expect([t.reactor.thermalPower.value, t.reactor.distance.value, t.detector.mass.value, t.reactor.publishedFlux.value]).toEqual([2.9, 28, 1.06, 6.4e12]);
    expect(liveTimeDays(t)).toEqual({ on: 570.7, off: 127.8 });
    expect(t.detector.analysisThreshold?.value).toBe(12);
    expect(t.results?.limits?.[0].value).toBe(7.4e-11);
  });
  it("GEMMA-II: 3.1 GW, 10.7 m, 4 x 0.4 kg, 5.4e13, 0.30-0.35 keV, 2 years, goal 1e-12 mu_B", () => {
    const g = loadExperiment("gemma2");
    expect([g.reactor.thermalPower.value, g.reactor.distance.value, g.reactor.publishedFlux.value]).toEqual([3.1, 10.7, 5.4e13]);
    expect(g.detector.modules?.value).toBe(4);
    expect(g.detector.analysisThreshold?.value).toEqual([0.3, 0.35]);
    expect(g.exposure?.duration).toMatchObject({ value: 2, unit: "yr" });
    expect(g.results?.goal?.value).toBe(1e-12);
  });
  it("experimentCore makes a reactorSpectrum configuration", () => {
    expect(experimentCore(loadExperiment("texono"), { capture: false })).toEqual({ thermalPowerGW: 2.9, distanceM: 28, capture: false });
  });
  it("an unknown name is an error listing the known ones", () => {
    expect(() => loadExperiment("munu" as never)).toThrow(/unknown experiment "munu" \(expected one of gemma, gemma2, texono/);
  });
});

describe("experiment validation errors name the file and the JSON path", () => {
  it("wrong unit", () => {
    const d = gemmaDoc();
    d.reactor.distance.unit = "km";
    expect(() => parseExperiment(d, "x/gemma.json")).toThrow('x/gemma.json: reactor.distance.unit: expected "m", found "km"');
  });
  it("missing field and missing source", () => {
    const d = gemmaDoc();
    delete d.reactor.publishedFlux;
    expect(() => parseExperiment(d, "g.json")).toThrow("g.json: reactor.publishedFlux: missing required field");
    const e = gemmaDoc();
    delete e.detector.mass.source;
    expect(() => parseExperiment(e, "g.json")).toThrow("g.json: detector.mass.source: missing required field");
  });
  it("misspelt field", () => {
    const d = gemmaDoc();
    d.reactor.distanse = d.reactor.distance;
    expect(() => parseExperiment(d, "g.json")).toThrow(/g\.json: reactor\.distanse: unknown field/);
  });
  it("wrong types and values", () => {
    const d = gemmaDoc();
    d.detector.mass.value = "1.5";
    expect(() => parseExperiment(d, "g.json")).toThrow('g.json: detector.mass.value: expected a finite number, found string "1.5"');
    const e = gemmaDoc();
    e.detector.roi.value = [[9.4, 3.0]];
    expect(() => parseExperiment(e, "g.json")).toThrow("g.json: detector.roi.value[0]: range must have lo <= hi, found [9.4, 3]");
    const f = gemmaDoc();
    f.results.limits[1].cl = 90;
    expect(() => parseExperiment(f, "g.json")).toThrow("g.json: results.limits[1].cl: confidence level must be in (0, 1), found 90");
    const g = gemmaDoc();
    g.reactor.thermalPower.value = -3;
    expect(() => parseExperiment(g, "g.json")).toThrow("g.json: reactor.thermalPower.value: must be > 0, found -3");
    expect(() => parseExperiment([], "g.json")).toThrow("g.json: (top level): expected an object, found an array of 0");
  });
  it("unreadable file and invalid JSON", () => {
    const dir = mkdtempSync(join(tmpdir(), "nuem-reactor-"));
    const bad = join(dir, "broken.json");
    writeFileSync(bad, "{ not json");
    expect(() => loadExperimentFile(bad)).toThrow(/broken\.json: invalid JSON/);
    expect(() => loadExperimentFile(join(dir, "absent.json"))).toThrow(/absent\.json: cannot read/);
  });
});
