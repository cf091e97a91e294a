// The pure step from accumulated histograms to the spectra file, on sums built by hand, against
// closed forms: without templates or pulser the spectra are the histograms; T~ = T_raw N_sel / N_raw
// with the subset error sqrt(N_rem^2 N_sel + N_sel^2 N_rem) / N_raw^2 (lib/spectra/activeTime.ts,
// for peak counts without side-band counts); tau~ = T~ON / T~OFF with the errors in quadrature; the
// ROI of a period: the caller's, else the phase's own, else the dataset's.
import { describe, expect, it } from "vitest";
import { RunState } from "../../lib/events/index.js";
import { PhaseAccumulator, SpectraAccumulator, spectraFromAccumulated, type SpectraFileInputs } from "../../lib/spectra/index.js";

const PB212_KEV = 238.632;
const edges = Float64Array.from([2, 4, 6, 8]);
const LIVE_ON_S = 86400 * 10;
const LIVE_OFF_S = 86400 * 4;

/** One phase with ON histogram [100, 50, 10], OFF [80, 40, 5]; N_raw / N_sel of the 212Pb line: ON 100 / 90, OFF 50 / 40. */
function handBuilt(phases: number[] = [1]): SpectraAccumulator {
  const acc = new SpectraAccumulator(edges);
  acc.dataset = {
    experiment: "GEMMA",
    massKg: 1.5,
    phaseNames: { "1": "Phase I", "2": "Phase II" },
    pulser: undefined,
    simulatedRoiKeV: [[2, 6]],
    simulatedPhaseRoiKeV: new Map([[2, [[4, 8]] as [number, number][]]]),
  };
  for (const phase of phases) {
    const a = new PhaseAccumulator(phase, edges, acc.templateEdgesKeV, undefined, false);
    const fill = (state: number, raw: number[], nRaw: number, nSel: number, live: number) => {
      const st = a.states[state];
      st.raw.set(raw);
      st.rawLines.add(new Float64Array(nRaw).fill(PB212_KEV));
      st.keptLines.add(new Float64Array(nSel).fill(PB212_KEV));
      st.rawLive = live;
      st.ledgerLive = live;
    };
    fill(RunState.ON, [100, 50, 10], 100, 90, LIVE_ON_S);
    fill(RunState.OFF, [80, 40, 5], 50, 40, LIVE_OFF_S);
    a.weights.set("2005-08", [0.2, 0.5, 0.3]);
    acc.phases.set(phase, a);
  }
  return acc;
}

const inputs = (roiKeV?: [number, number][]): SpectraFileInputs => ({
  source: "hand-built",
  selection: { cutFlow: { total: { steps: [] } }, settings: "plain", events: 0 } as unknown as SpectraFileInputs["selection"],
  roiKeV,
  fourierK: 3,
});

describe("spectraFromAccumulated on hand-built sums", () => {
  const r = spectraFromAccumulated(handBuilt(), inputs());
  const p = r.spectra.periods[0];

  it("no templates, no pulser: the spectra are the histograms, variance = counts", () => {
    expect(p.on_counts).toEqual([100, 50, 10]);
    expect(p.off_counts).toEqual([80, 40, 5]);
    expect(p.on_variance).toEqual([100, 50, 10]);
    expect(p.notes!.threshold).toBeNull();
    expect(p.notes!.corrections).toEqual(["threshold efficiency GEMMA (4)"]);
  });

  it("T~ = T_raw N_sel / N_raw, with the subset error", () => {
    expect(p.t_on_days).toBeCloseTo(10 * 0.9, 12);
    expect(p.t_off_days).toBeCloseTo(4 * 0.8, 12);
    // ON: sqrt(10^2 * 90 + 90^2 * 10) / 100^2 = 0.03 on f = 0.9.
    expect(p.t_on_rel_uncertainty).toBeCloseTo(0.03 / 0.9, 12);
    // OFF: sqrt(10^2 * 40 + 40^2 * 10) / 50^2 = 0.0565685 on f = 0.8.
    const offRel = Math.sqrt(100 * 40 + 1600 * 10) / 2500 / 0.8;
    expect(p.tau_rel_uncertainty).toBeCloseTo(Math.hypot(0.03 / 0.9, offRel), 12);
    expect(r.periods[0].tau!.tau).toBeCloseTo((10 * 0.9) / (4 * 0.8), 12);
  });

  it("the file's header and notes: experiment, mass, no flux (null) without published data, phase name, weights", () => {
    expect(r.spectra.experiment).toBe("gemma");
    expect(r.spectra.mass_kg).toBe(1.5);
    expect(r.spectra.flux_per_cm2_s).toBeNull();
    expect(p.name).toBe("phase-1");
    expect(p.notes!.phase_name).toBe("Phase I");
    expect(p.notes!.weights).toEqual({ "2005-08": [0.2, 0.5, 0.3] });
  });

  it("ROI: the dataset's (simulated) for a phase without its own, the phase's own, the caller's for all", () => {
    const two = spectraFromAccumulated(handBuilt([2, 1]), inputs());
    expect(two.spectra.periods.map((q) => [q.name, q.roi_kev])).toEqual([["phase-1", [[2, 6]]], ["phase-2", [[4, 8]]]]);
    expect(two.roiKeV).toEqual([[2, 6]]);
    const given = spectraFromAccumulated(handBuilt([2, 1]), inputs([[3, 7]]));
    expect(given.spectra.periods.map((q) => q.roi_kev)).toEqual([[[3, 7]], [[3, 7]]]);
  });

  it("a phase without OFF data is reported as skipped; none left is an error naming the source", () => {
    const acc = handBuilt([1, 2]);
    acc.phases.get(2)!.states[RunState.OFF].rawLive = 0;
    const r2 = spectraFromAccumulated(acc, inputs());
    expect(r2.spectra.periods.map((q) => q.name)).toEqual(["phase-1"]);
    expect(r2.periods[1].skipped).toBe("no OFF data in phase 2");
    acc.phases.get(1)!.states[RunState.ON].rawLive = 0;
    expect(() => spectraFromAccumulated(acc, inputs())).toThrow(/^hand-built: no analysis period with both ON and OFF data \(no ON data in phase 1; no OFF data in phase 2\)/);
  });
});
