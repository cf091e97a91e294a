import { describe, expect, it } from "vitest";
import {
  activeTimeFromLines,
  ACTIVE_TIME_LINES,
  correctionInRanges,
  LineTally,
  nobleGasCorrection,
  NobleGasTemplateBuilder,
  NOBLE_GAS_CORRECTION_LINES,
  roiBinMask,
  roiOnEdges,
  tauTilde,
  uniformEdgesKeV,
} from "../../lib/spectra/index.js";
import { createRng } from "../../lib/stats/random.js";

describe("binning", () => {
  it("0.2 keV bins from 2 to 60 keV put GEMMA's ROI edges on bin edges", () => {
    const e = uniformEdgesKeV();
    expect(e.length).toBe(291);
    expect(e[5]).toBe(3);
    expect(roiOnEdges(e, [[3, 9.4], [11.2, 55]])).toBe(true);
    expect(roiOnEdges(e, [[2.9, 9.4]])).toBe(false);
    expect(roiOnEdges(uniformEdgesKeV(2, 60, 0.1), [[2.9, 9.4]])).toBe(true);
    expect(roiOnEdges(uniformEdgesKeV(2, 60, 0.5), [[3, 9.4]])).toBe(false);
    const m = roiBinMask(e, [[3, 9.4], [11.2, 55]]);
    expect(m.reduce((a, b) => a + b, 0)).toBe(32 + 219);
    expect(() => uniformEdgesKeV(2, 60, 0.7)).toThrow(/whole number/);
  });
});

describe("line counting with side bands", () => {
  it("net = peak - (h/w) side bands; a flat continuum nets to zero", () => {
    const e: number[] = [];
    for (let i = 0; i < 4000; i++) e.push(230 + (i + 0.5) * 0.005); // flat, 200 per keV over 230-250 keV
    for (let i = 0; i < 50; i++) e.push(238.632);
    const t = new LineTally(ACTIVE_TIME_LINES).add(e);
    expect(t.peak[0]).toBe(800 + 50);
    expect(t.side[0]).toBe(800);
    expect(t.net(0)).toBe(50);
    expect(t.netVariance(0)).toBe(1650);
    expect(t.net(1)).toBe(0);
  });
});

describe("active time from lines with and without selections", () => {
  const lines = ACTIVE_TIME_LINES.slice(0, 1);
  const tally = (peak: number, side: number): LineTally => {
    const t = new LineTally(lines);
    t.peak[0] = peak;
    t.side[0] = side;
    return t;
  };
  it("no event removed: T~ is the raw live time with no error", () => {
    const a = activeTimeFromLines(tally(1000, 100), tally(1000, 100), 3600);
    expect(a.activeTimeS).toBe(3600);
    expect(a.errorS).toBe(0);
    expect(a.lineStatisticsRelError).toBeCloseTo(Math.sqrt(1100) / 900, 15);
  });
  it("T~ = T_raw N_sel / N_raw with the subset error (N_rem^2 var N_sel + N_sel^2 var N_rem) / N_raw^4", () => {
    const a = activeTimeFromLines(tally(1000, 100), tally(800, 80), 1000);
    expect(a.activeTimeS).toBeCloseTo((1000 * 720) / 900, 12);
    const vSel = 880;
    const vRem = 220;
    expect(a.errorS).toBeCloseTo((1000 * Math.sqrt(180 ** 2 * vSel + 720 ** 2 * vRem)) / 900 ** 2, 10);
  });
  it("Monte Carlo: binomial thinning of Poisson line counts; the stated error matches the spread", () => {
    const rng = createRng(5);
    const keepP = 0.85;
    const vals: number[] = [];
    const errs: number[] = [];
    for (let s = 0; s < 400; s++) {
      // Peak: 300 line + 60 continuum; side bands 60 (same width): net expectation 300.
      const draw = (mu: number): number => rng.poisson(mu);
      const pk = draw(360);
      const sd = draw(60);
      let pkSel = 0;
      let sdSel = 0;
      for (let i = 0; i < pk; i++) if (rng.uniform() < keepP) pkSel++;
      for (let i = 0; i < sd; i++) if (rng.uniform() < keepP) sdSel++;
      const a = activeTimeFromLines(tally(pk, sd), tally(pkSel, sdSel), 1);
      vals.push(a.activeTimeS);
      errs.push(a.errorS);
    }
    const mean = vals.reduce((a, b) => a + b, 0) / vals.length;
    const sd = Math.sqrt(vals.reduce((a, b) => a + (b - mean) ** 2, 0) / (vals.length - 1));
    const meanErr = errs.reduce((a, b) => a + b, 0) / errs.length;
    expect(Math.abs(mean - keepP)).toBeLessThan(3 * (sd / Math.sqrt(vals.length)) + 1e-3);
    expect(meanErr / sd).toBeGreaterThan(0.85);
    expect(meanErr / sd).toBeLessThan(1.15);
  });
  it("tau~ = T~ON / T~OFF with the relative errors in quadrature", () => {
    const on = activeTimeFromLines(tally(1000, 100), tally(800, 80), 1000);
    const off = activeTimeFromLines(tally(500, 50), tally(450, 45), 300);
    const t = tauTilde(on, off);
    expect(t.tau).toBeCloseTo(on.activeTimeS / off.activeTimeS, 14);
    expect(t.relError).toBeCloseTo(Math.hypot(on.relError, off.relError), 14);
  });
});

describe("noble-gas templates and correction", () => {
  // Three gases with known yields per line count on 4 template bins (2-10 keV, 2 keV each); the
  // kept data have a flat background of 100 counts per bin per 1000 s and a known gas mix.
  const edges = uniformEdgesKeV(2, 10, 2);
  const yields = [
    [0.1, 0.05, 0.02, 0.3],
    [0.2, 0.2, 0.1, 0.05],
    [0.02, 0.02, 0.02, 0.02],
  ];
  const lineWindows = NOBLE_GAS_CORRECTION_LINES;
  const mkLines = (counts: number[]): LineTally => {
    const t = new LineTally(lineWindows);
    counts.forEach((c, g) => (t.peak[g] = c));
    return t;
  };
  const keptLines = [30, 20, 60];
  const keptLive = 1e5;
  const keptCounts = new Float64Array(4).map((_, j) => 100 * (keptLive / 1000) + keptLines.reduce((a, l, g) => a + l * yields[g][j], 0));
  const ref = { liveTimeS: keptLive, counts: keptCounts, lines: mkLines(keptLines) };
  const block = (b: NobleGasTemplateBuilder, mix: number[], live: number): void => {
    // The block: usual background and lines scaled to its live time, plus the episode excess `mix`.
    const k = live / keptLive;
    const counts = new Float64Array(4).map((_, j) => k * keptCounts[j] + mix.reduce((a, l, g) => a + l * yields[g][j], 0));
    b.blocks.push({ state: 0, liveTimeS: live, counts, lines: mkLines(keptLines.map((l, g) => k * l + mix[g])) });
  };
  it("per gas: four blocks with different mixes give back each gas's yield exactly (noise-free)", () => {
    const b = new NobleGasTemplateBuilder(edges);
    block(b, [100, 0, 10], 7200);
    block(b, [5, 80, 0], 3600);
    block(b, [0, 10, 300], 10800);
    block(b, [50, 50, 50], 3600);
    const t = b.templates({ 0: ref });
    expect(t.mode).toBe("per-gas");
    for (let g = 0; g < 3; g++) for (let j = 0; j < 4; j++) expect(t.yieldPerLine[g][j]).toBeCloseTo(yields[g][j], 10);
    const c = nobleGasCorrection(t, ref.lines, uniformEdgesKeV(2, 10, 0.5));
    // Kept data: 30, 20, 60 line counts -> the known contribution, spread over the 0.5 keV bins.
    const truth = [0, 1, 2, 3].map((j) => keptLines.reduce((a, l, g) => a + l * yields[g][j], 0));
    for (let i = 0; i < 16; i++) expect(c.counts[i]).toBeCloseTo(truth[Math.floor(i / 4)] / 4, 9);
    expect(correctionInRanges(c, [[2, 6]]).counts).toBeCloseTo(truth[0] + truth[1], 9);
  });
  it("combined: with two blocks one template normalised to the summed line excess (exact when the mix is the kept one)", () => {
    const b = new NobleGasTemplateBuilder(edges);
    block(b, [30, 20, 60].map((x) => 2 * x), 3600);
    block(b, [30, 20, 60].map((x) => 5 * x), 7200);
    const t = b.templates({ 0: ref });
    expect(t.mode).toBe("combined");
    const c = nobleGasCorrection(t, ref.lines, edges);
    for (let j = 0; j < 4; j++) expect(c.counts[j]).toBeCloseTo(keptLines.reduce((a, l, g) => a + l * yields[g][j], 0), 9);
  });
  it("no template blocks: no correction", () => {
    const t = new NobleGasTemplateBuilder(edges).templates({ 0: ref });
    expect(t.mode).toBe("none");
    expect(Array.from(nobleGasCorrection(t, ref.lines, edges).counts)).toEqual([0, 0, 0, 0]);
  });
});
