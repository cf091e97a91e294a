// A phase's own detector conditions (GEMMA sec. 3: Phase II periods differed in gain, noise and ROI edge).
import { afterAll, describe, expect, it } from "vitest";
import { Origin } from "../../lib/events/origin.js";
import { freeElectronClosedFormSignal, gemmaConfig, simulate } from "../../lib/sim/index.js";
import { buildSpectra } from "../../lib/spectra/buildSpectra.js";
import { loadDataset, scratch } from "./helpers.js";

describe("per-phase channels, noise direction and ROI", () => {
  const s = scratch();
  afterAll(s.cleanup);
  const base = gemmaConfig();
  const channels = [
    { name: "E1", shapingUs: 2, gain: 1.05, sigma0KeV: 0.3 },
    { name: "E2", shapingUs: 4, gain: 1.0, sigma0KeV: 0.22 },
    { name: "E3", shapingUs: 12, gain: 0.95, sigma0KeV: 0.25 },
  ];
  const roiKeV: [number, number][] = [[3.4, 9.4], [11.2, 55]];
  const config = { ...base, phases: [{ ...base.phases[0], channels, artefactDirection: [1, 0.8, 0.5] as [number, number, number], roiKeV }] };
  const dir = `${s.dir}/d`;
  const summary = simulate(config, { seed: 7, outDir: dir, signal: freeElectronClosedFormSignal(0), hoursOn: 48, hoursOff: 48, progress: false });
  const d = loadDataset(dir, summary, config);

  it("physical deposits carry the phase's gains: mean E1/E3 of continuum events above 20 keV = 1.05/0.95", () => {
    let sum = 0;
    let n = 0;
    for (let j = 0; j < d.ev.length; j++) {
      if (d.ev.truth.origin[j] !== Origin.CONTINUUM || d.ev.truth.e_true_kev![j] < 20) continue;
      sum += d.ev.e1_kev[j] / d.ev.e3_kev[j];
      n++;
    }
    expect(n).toBeGreaterThan(200);
    expect(sum / n).toBeCloseTo(1.05 / 0.95, 2);
  });

  it("off-diagonal artefacts follow the phase's direction: mean E3/E1 = 0.5 above 4 keV", () => {
    let sum = 0;
    let n = 0;
    for (let j = 0; j < d.ev.length; j++) {
      if (d.ev.truth.origin[j] !== Origin.ARTEFACT || d.ev.e1_kev[j] < 4) continue;
      sum += d.ev.e3_kev[j] / d.ev.e1_kev[j];
      n++;
    }
    expect(n).toBeGreaterThan(100);
    expect(sum / n).toBeCloseTo(0.5, 1);
  });

  it("the spectra file gives the phase its own ROI", () => {
    const r = buildSpectra(dir);
    expect(r.spectra.periods.map((p) => p.roi_kev)).toEqual([roiKeV]);
    expect(Object.values(r.spectra.periods[0].notes!.weights as object).length).toBeGreaterThan(0);
  });
});
