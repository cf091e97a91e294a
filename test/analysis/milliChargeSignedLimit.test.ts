import { afterAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { limitCommand } from "../../lib/cli/commands/limit.js";
import { writeSpectraFile } from "../../lib/spectra/spectraFile.js";
import { analyseSpectra } from "../../lib/analysis/limit.js";
import { modelFluxPerCm2s, responseSpec } from "../../lib/analysis/binnedRates.js";
import { fitSignedPeriod, signedLimitFromFits, signedMilliChargeLimit, signedPeriodLogDensity, type SignedPeriodFit, type SignedPeriodInput } from "../../lib/analysis/milliChargeSignedLimit.js";
import { asimovSpectraFile, gemmaToyConditions, toySpectraFile } from "../../lib/analysis/spectraToy.js";
import { linearGrid } from "../../lib/math/linearGrid.js";
import { experimentConditions } from "../../lib/prospects/asimovConditions.js";
import { expectedSignedMilliChargeBounds } from "../../lib/prospects/milliChargeInterference.js";
import { GemmaChi2 } from "../../lib/stats/gemmaChi2.js";

describe("signed milli-charge limit from a spectra file", () => {
  it("with S_int = 0 it is the existing pure-term limit (analyseSpectra, GEMMA's Gaussian X_j +- dX_j with the 4 % systematic) to 1e-3, both signs", () => {
    const spectra = toySpectraFile(gemmaToyConditions(), { model: "fe", muB: 0 }, 5);
    const pure = analyseSpectra(spectra, { coupling: "delta-q", model: "fe" });
    const alts = pure.alternatives.map((a) => ({ label: a.label, weight: a.weight, periods: a.periods.map((p) => fitSignedPeriod({ analysis: p, interferencePerKeVKgDay: new Float64Array(p.emPerKeVKgDay.length) })) }));
    // The quadratic form along A alone is GEMMA's 1/dX_j^2 and its centre X_j.
    alts[0].periods.forEach((f, j) => {
      expect(f.aHat).toBeCloseTo(pure.periods[j].x_hat, 4);
      expect(f.fAA * pure.periods[j].x_err ** 2).toBeCloseTo(1, 6);
    });
    const r = signedLimitFromFits(alts, { relSyst: pure.relSyst });
    expect(Math.abs(r.xUpperPositive / pure.xUpper - 1)).toBeLessThan(1e-3);
    expect(Math.abs(r.xUpperNegative / pure.xUpper - 1)).toBeLessThan(1e-3);
  });

  it("on an Asimov spectra file it gives lib/prospects' expected bounds for the same conditions within 1e-3, free electrons and stepping (flat background, cubic OFF curve with diagonal errors, 0.2 keV bins, resolution-only folding)", () => {
    const background = experimentConditions("gemma").backgroundPerKeVKgDay;
    const cond = gemmaToyConditions({
      edgesKeV: linearGrid(3, 55, 261),
      background: { flatPerKeVKgDay: background, expAmpPerKeVKgDay: 0, expSlopeKeV: 1, slopePerKeV2KgDay: 0, lines: [] },
      fluxPerCm2s: modelFluxPerCm2s("gemma"),
    });
    const spectra = asimovSpectraFile(cond, { model: "fe", muB: 0 });
    for (const model of ["fe", "stepping"] as const) {
      const expected = expectedSignedMilliChargeBounds(experimentConditions("gemma", { binKeV: 0.2, response: responseSpec("gemma", "corrected") }), model);
      const pure = analyseSpectra(spectra, { coupling: "delta-q", model, background: "polynomial", polynomialDegree: 3, offErrors: "diagonal" });
      const r = signedMilliChargeLimit(spectra, pure);
      // Different routes (the same Gauss-Legendre bin averages, Poisson vs least-squares OFF fit,
      // profileFit along three lines vs three Asimov fits): 1e-3 is far inside "a few %".
      expect(Math.abs(pure.upper / expected.pureOnly - 1)).toBeLessThan(1e-3);
      expect(Math.abs(r.positive / expected.positive - 1)).toBeLessThan(1e-3);
      expect(Math.abs(r.negative / expected.negative - 1)).toBeLessThan(1e-3);
      // Asimov data: the fit sits at the origin, and constructive interference (delta_Q < 0) gives the tighter bound.
      for (const f of r.alternatives[0].periods) expect(Math.abs(f.aHat) * Math.sqrt(f.fAA)).toBeLessThan(1e-3);
      expect(r.negative).toBeLessThan(pure.upper);
      expect(r.positive).toBeGreaterThan(pure.upper);
    }
  });

  it("a hand-made period with an exact OFF curve: (A, B) and F are the weighted least-squares solution and the Schur complement of the 3 x 3 normal matrix over (A, B, K)", () => {
    // With var OFF = 0 the chi^2 sum (a - A e_p - B e_i - K b)^2 / v is linear least squares in
    // (A, B, K); four bins (the period chi-square needs at least three). 1 day, 1 kg, 1 keV bins.
    const on = [110, 96, 88, 70];
    const off = [100, 90, 80, 70];
    const ep = [9, 5, 3, 1];
    const ei = [-4, -1, 0.5, 1];
    const v = [110, 96, 88, 70];
    const input = { edgesKeV: [0, 1, 2, 3, 4], onCounts: on, onVariance: v, offCounts: off, offVariance: [0, 0, 0, 0], tauTilde: 1, onDays: 1, massKg: 1, emPerKeVKgDay: ep };
    const chi2 = new GemmaChi2(input);
    const analysis = { name: "hand", emPerKeVKgDay: Float64Array.from(ep), input, chi2, fit: chi2.profileFit() } as unknown as SignedPeriodInput["analysis"];
    const f = fitSignedPeriod({ analysis, interferencePerKeVKgDay: ei });
    // Normal equations N theta = y for theta = (A, B, K), columns (e_p, e_i, b).
    const cols = [ep, ei, off];
    const N = cols.map((c1) => cols.map((c2) => c1.reduce((s, _, i) => s + (c1[i] * c2[i]) / v[i], 0)));
    const y = cols.map((c) => c.reduce((s, _, i) => s + (c[i] * on[i]) / v[i], 0));
    const det3 = (m: number[][]) => m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0]) + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    const cramer = (k: number) => det3(N.map((row, i) => row.map((x, j) => (j === k ? y[i] : x)))) / det3(N);
    expect(f.aHat).toBeCloseTo(cramer(0), 6);
    expect(f.bHat).toBeCloseTo(cramer(1), 6);
    expect(f.kHat).toBeCloseTo(cramer(2), 8);
    const schur = (i: number, j: number) => N[i][j] - (N[i][2] * N[2][j]) / N[2][2];
    expect(f.fAA / schur(0, 0)).toBeCloseTo(1, 6);
    expect(f.fBB / schur(1, 1)).toBeCloseTo(1, 6);
    expect(f.fAB / schur(0, 1)).toBeCloseTo(1, 5);
    expect(f.check).toBeLessThan(1e-6);
    // This chi^2 is exactly quadratic: the limits from the K-profiled chi^2 along the curve
    // (profile "exact", numerical systematic integral) equal the quadratic form's.
    const alts = [{ label: "hand", weight: 1, periods: [f] }];
    const inputs = [[{ analysis, interferencePerKeVKgDay: ei }]];
    const quad = signedLimitFromFits(alts, {}, inputs);
    const exact = signedLimitFromFits(alts, { profile: "exact" }, inputs);
    expect(exact.xUpperPositive / quad.xUpperPositive).toBeCloseTo(1, 3);
    expect(exact.xUpperNegative / quad.xUpperNegative).toBeCloseTo(1, 3);
  });

  it("the 4 % systematic in closed form equals the numerical integral over the signal normalisation (1 + eps), eps ~ N(0, r)", () => {
    const f: SignedPeriodFit = { name: "t", aHat: 1.5, bHat: -0.7, kHat: 1, chi2Min: 0, fAA: 0.4, fAB: -0.3, fBB: 0.5, check: 0 };
    const r = 0.04;
    const numeric = (x: number, s: 1 | -1) => {
      const ua = x;
      const ub = s * Math.sqrt(x);
      let sum = 0;
      const h = 1e-4;
      // The integrand peaks at eps = -p / (q + 1/r^2), up to -0.35 here: integrate over +-40 r.
      for (let k = -16000; k <= 16000; k++) {
        const e = k * h;
        const da = (1 + e) * ua - f.aHat;
        const db = (1 + e) * ub - f.bHat;
        sum += Math.exp(-(f.fAA * da * da + 2 * f.fAB * da * db + f.fBB * db * db) / 2 - (e * e) / (2 * r * r)) * h;
      }
      return sum / (Math.sqrt(2 * Math.PI) * r);
    };
    for (const s of [1, -1] as const) {
      const ratio = (x: number) => numeric(x, s) / Math.exp(signedPeriodLogDensity(f, x, s, r));
      for (const x of [0.5, 4, 30]) expect(ratio(x) / ratio(1)).toBeCloseTo(1, 6);
    }
  });
});

describe("nuem limit --parameter delta-q --interference", () => {
  const dir = mkdtempSync(join(tmpdir(), "nuem-limit-signed-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, "spectra.json");
  const spectra = toySpectraFile(gemmaToyConditions(), { model: "fe", muB: 0 }, 9);
  writeSpectraFile(file, spectra);

  it("on (default): both signs beside the unchanged pure-term keys, which equal analyseSpectra's; off: the pure-term output alone; refused for mu, fc and epa", async () => {
    const on = (await limitCommand.run({ spectra: file, parameter: "delta-q" }, [])).json as Record<string, number | string>;
    const off = (await limitCommand.run({ spectra: file, parameter: "delta-q", interference: "off" }, [])).json as Record<string, number | string>;
    const direct = analyseSpectra(spectra, { coupling: "delta-q", model: "fe" });
    const signed = signedMilliChargeLimit(spectra, direct);
    expect(off.delta_q_upper_e).toBe(direct.upper);
    expect(on.delta_q_upper_e).toBe(direct.upper);
    expect(on.delta_q_upper_e_pure_term).toBe(direct.upper);
    expect(on.delta_q_upper_e_positive).toBe(signed.positive);
    expect(on.delta_q_upper_e_negative).toBe(signed.negative);
    expect(off).not.toHaveProperty("delta_q_upper_e_positive");
    await expect(async () => limitCommand.run({ spectra: file, interference: "on" }, [])).rejects.toThrow(/applies to --parameter delta-q/);
    await expect(async () => limitCommand.run({ spectra: file, parameter: "delta-q", method: "fc" }, [])).rejects.toThrow(/--interference off/);
    await expect(async () => limitCommand.run({ spectra: file, parameter: "delta-q", model: "epa" }, [])).rejects.toThrow(/no interference term/);
  });
});
