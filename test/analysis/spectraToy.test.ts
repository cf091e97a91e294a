import { describe, expect, it } from "vitest";
import { asimovSpectraFile, expectedToySpectra, gemmaToyConditions, texonoToyConditions, toySpectraFile } from "../../lib/analysis/spectraToy.js";
import { binAveragedRate, modelFluxPerCm2s } from "../../lib/analysis/binnedRates.js";
import { validateSpectra } from "../../lib/spectra/spectraFile.js";

describe("spectraToy: expected spectra from the published GEMMA conditions", () => {
  const cond = gemmaToyConditions();

  it("uses the published periods (5184 + 6798 h ON, 1853 + 1021 h OFF), 1.5 kg, 2.7e13 /cm^2/s and the GEMMA ROI", () => {
    expect(cond.periods.map((p) => p.onDays * 24)).toEqual([5184, 6798]);
    expect(cond.periods.map((p) => Math.round(p.offDays * 24))).toEqual([1853, 1021]);
    expect(cond.massKg).toBe(1.5);
    expect(cond.fluxPerCm2s).toBe(2.7e13);
    expect(cond.roiKeV).toEqual([[3, 9.4], [11.2, 55]]);
  });

  it("the OFF counts in the ROI equal T m times the closed-form integral of 1.8 + 3.5 exp(-E/3.5) (lines outside)", () => {
    const e = expectedToySpectra(cond, { model: "fe", muB: 0 })[0];
    const edges = cond.edgesKeV;
    let sum = 0;
    for (let i = 0; i < edges.length - 1; i++) if ((edges[i] >= 3 - 1e-9 && edges[i + 1] <= 9.4 + 1e-9) || (edges[i] >= 11.2 - 1e-9 && edges[i + 1] <= 55 + 1e-9)) sum += e.offMean[i];
    const F = (a: number, b: number) => 1.8 * (b - a) + 3.5 * 3.5 * (Math.exp(-a / 3.5) - Math.exp(-b / 3.5));
    const expected = (1853 / 24) * 1.5 * (F(3, 9.4) + F(11.2, 55));
    // The Ga K line (10.367 keV, sigma 0.27 keV) leaks < 1e-4 of its counts past 9.4 and 11.2 keV.
    expect(sum / expected).toBeCloseTo(1, 4);
  });

  it("ON - tau K OFF is the weak + magnetic signal T m w (W + X EM), scaled to the stated flux", () => {
    const mu = 5e-11;
    const [e] = expectedToySpectra(cond, { model: "fe", muB: mu });
    const w = binAveragedRate("gemma", "weak", cond.edgesKeV);
    const em = binAveragedRate("gemma", "em-fe", cond.edgesKeV, { params: { muNu_muB: 1e-11 } });
    const scale = 2.7e13 / modelFluxPerCm2s("gemma");
    const tau = e.onDays / e.offDays;
    for (const i of [10, 50, 200]) {
      const s = e.onMean[i] - tau * e.offMean[i];
      const width = cond.edgesKeV[i + 1] - cond.edgesKeV[i];
      expect(s / (e.onDays * 1.5 * width * scale * (w[i] + 25 * em[i]))).toBeCloseTo(1, 10);
    }
  });

  it("writes valid spectra files; the same seed gives the same counts, and the mean of many toys is the expectation", () => {
    const sig = { model: "fe" as const, muB: 0 };
    const a = toySpectraFile(cond, sig, 7);
    const b = toySpectraFile(cond, sig, 7);
    expect(() => validateSpectra(JSON.parse(JSON.stringify(a)))).not.toThrow();
    expect(a.periods[1].on_counts).toEqual(b.periods[1].on_counts);
    expect(a.periods[0].on_counts.every((c) => Number.isInteger(c))).toBe(true);
    const exp = expectedToySpectra(cond, sig);
    const n = 40;
    let chi2 = 0;
    let dof = 0;
    const sums = new Float64Array(exp[1].offMean.length);
    for (let s = 0; s < n; s++) toySpectraFile(cond, sig, 100 + s, exp).periods[1].off_counts.forEach((c, i) => (sums[i] += c));
    // sum of n Poisson(mu) is Poisson(n mu): a chi-square over the bins with mu > 5.
    sums.forEach((sum, i) => {
      const m = n * exp[1].offMean[i];
      if (m > 5) {
        chi2 += (sum - m) ** 2 / m;
        dof++;
      }
    });
    expect(chi2 / dof).toBeLessThan(1 + 4 * Math.sqrt(2 / dof));
    expect(chi2 / dof).toBeGreaterThan(1 - 4 * Math.sqrt(2 / dof));
  });

  it("with the threshold efficiency, counts are written corrected (n/eta) with variance n/eta^2", () => {
    const c2 = gemmaToyConditions({ efficiency: true, roiKeV: [[2, 9.4], [11.2, 55]] });
    const f = toySpectraFile(c2, { model: "fe", muB: 0 }, 3);
    const p = f.periods[0];
    const i = 10; // 2.0-2.1 keV: eta ~ 0.6
    const eta = p.on_counts[i] / p.on_variance![i];
    expect(eta).toBeGreaterThan(0.4);
    expect(eta).toBeLessThan(0.8);
    expect(Number.isInteger(Math.round(p.on_counts[i] * eta * 1e6) / 1e6)).toBe(true);
    const asimov = asimovSpectraFile(c2, { model: "fe", muB: 0 });
    expect(asimov.periods[0].on_variance![40] / asimov.periods[0].on_counts[40]).toBeCloseTo(1, 6); // 6.8 keV: eta = 1
  });

  it("TEXONO: 570.7/127.8 days, 1.06 kg, 6.4e12 /cm^2/s, the 12-60 keV window", () => {
    const t = texonoToyConditions();
    expect(t.periods[0].onDays).toBe(570.7);
    expect(t.periods[0].offDays).toBe(127.8);
    expect(t.massKg).toBe(1.06);
    expect(t.roiKeV).toEqual([[12, 60]]);
    expect(() => validateSpectra(asimovSpectraFile(t, { model: "fe", muB: 0 }))).not.toThrow();
  });
});

describe("background families of the background-model study", () => {
  it("power law 1.5 + 0.6 (E/10 keV)^-1.5 at 20 keV, steep rise 1.8 + 3.5 e^(-E/1.5 keV) - 0.005 (E - 30 keV) at 5 keV (narrow bins, closed form)", async () => {
    const { backgroundFamily, toyBackgroundDensity } = await import("../../lib/analysis/spectraToy.js");
    const pl = toyBackgroundDensity(backgroundFamily("power-law"), [19.999, 20.001], 0.25);
    expect(pl.off[0]).toBeCloseTo(1.5 + 0.6 * Math.pow(2, -1.5), 6);
    const st = toyBackgroundDensity(backgroundFamily("steep-rise"), [4.999, 5.001], 0.25);
    expect(st.off[0]).toBeCloseTo(1.8 + 3.5 * Math.exp(-5 / 1.5) - 0.005 * (5 - 30), 6);
    expect(toyBackgroundDensity(backgroundFamily("flat"), [30, 31], 0.25).on[0]).toBeCloseTo(2, 12);
    expect(() => backgroundFamily("wavy" as never)).toThrow(/unknown background family "wavy"/);
  });
});
