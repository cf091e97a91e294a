import { describe, expect, it } from "vitest";
import { thresholdEfficiencyFunction } from "../../lib/detector/efficiency.js";
import { type DetectorResponse, binnedResponseMatrix, foldBinned, foldDensity, foldLine } from "../../lib/detector/fold.js";
import { germaniumResolution } from "../../lib/detector/resolution.js";
import { linspace, trapezoid } from "../xsec/quadrature.js";
import { REF } from "../xsec/reference.js";

const keV = (k: number) => k * 1e-3;
const constant = (s: number): DetectorResponse => ({ sigmaMeV: () => s });
const ge: DetectorResponse = { sigmaMeV: germaniumResolution(keV(0.08)) };

describe("foldDensity (piecewise-linear density, Gaussian resolution)", () => {
  it("a flat spectrum comes back flat away from the ends (exactly for constant sigma)", () => {
    const e = linspace(keV(1), keV(30), 300);
    const flat = new Float64Array(e.length).fill(7);
    const out = linspace(keV(5), keV(25), 101);
    for (const v of foldDensity(e, flat, out, constant(keV(0.3)))) expect(v).toBeCloseTo(7, 12);
    for (const v of foldDensity(e, flat, out, ge)) expect(Math.abs(v / 7 - 1)).toBeLessThan(1e-6);
  });
  it("a linear spectrum is unchanged by a symmetric kernel (constant sigma)", () => {
    const e = linspace(keV(1), keV(30), 50);
    const lin = e.map((x) => 3 + 1000 * x);
    const out = linspace(keV(5), keV(25), 41);
    foldDensity(e, lin, out, constant(keV(0.5))).forEach((v, j) => expect(v / (3 + 1000 * out[j])).toBeCloseTo(1, 12));
  });
  it("conserves the integral of a falling spectrum (1/T^2 + const) over a covering output grid", () => {
    const e = linspace(keV(2), keV(40), 2000);
    const s = e.map((x) => 1e-6 / (x * x) + 3);
    const out = linspace(keV(0), keV(45), 4501);
    const folded = foldDensity(e, s, out, ge);
    expect(Math.abs(trapezoid(out, folded) / trapezoid(e, s) - 1)).toBeLessThan(1e-7);
  });
  it("a box with energy-dependent sigma matches scipy quadrature of the convolution", () => {
    const b = REF.foldBox;
    const e = linspace(b.a, b.b, 4001);
    const dens = new Float64Array(e.length).fill(1);
    const resp: DetectorResponse = { sigmaMeV: germaniumResolution(b.sigma0MeV, b.fano, b.pairMeV) };
    const out = Float64Array.from(b.points, (p) => p.eMeV);
    foldDensity(e, dens, out, resp).forEach((v, j) => expect(Math.abs(v - b.points[j].value)).toBeLessThan(1e-6));
  });
  it("applies the threshold efficiency at the measured energy", () => {
    const e = linspace(keV(0.1), keV(10), 500);
    const flat = new Float64Array(e.length).fill(1);
    const out = linspace(keV(1), keV(5), 9);
    const eff = thresholdEfficiencyFunction(keV(1.5), keV(0.3));
    const with_ = foldDensity(e, flat, out, { sigmaMeV: () => keV(0.1), efficiency: eff });
    out.forEach((x, j) => expect(with_[j]).toBeCloseTo(eff(x), 9));
  });
});

describe("foldLine", () => {
  it("a line becomes a normalised Gaussian of sigma(E_line) centred on the line", () => {
    const line = keV(10.37);
    const out = linspace(keV(9), keV(12), 6001);
    const g = foldLine(line, 250, out, ge);
    const n = trapezoid(out, g);
    const mean = trapezoid(out, g.map((v, j) => v * out[j])) / n;
    const varc = trapezoid(out, g.map((v, j) => v * (out[j] - mean) ** 2)) / n;
    expect(n).toBeCloseTo(250, 8);
    expect(mean / line).toBeCloseTo(1, 10);
    expect(Math.sqrt(varc) / ge.sigmaMeV(line)).toBeCloseTo(1, 8);
  });
  it("is the limit of foldDensity for a narrow triangle", () => {
    const line = keV(5);
    const w = keV(1e-4);
    const e = Float64Array.from([line - w, line, line + w]);
    const d = Float64Array.from([0, 1 / w, 0]);
    const out = linspace(keV(4.5), keV(5.5), 101);
    const a = foldDensity(e, d, out, constant(keV(0.1)));
    const b = foldLine(line, 1, out, constant(keV(0.1)));
    a.forEach((v, j) => expect(Math.abs(v - b[j])).toBeLessThan(1e-6 * 4e3));
  });
});

describe("foldBinned (histograms)", () => {
  const edges = linspace(keV(2), keV(20), 181); // 0.1 keV bins
  it("conserves counts exactly when the output covers the spectrum", () => {
    const counts = Float64Array.from({ length: 180 }, (_, i) => 100 / (1 + i));
    const out = linspace(0, keV(25), 251);
    const f = foldBinned(edges, counts, out, ge);
    expect(f.reduce((a, b) => a + b, 0) / counts.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });
  it("a flat histogram stays flat away from the ends (constant sigma, exactly)", () => {
    const counts = new Float64Array(180).fill(5);
    const out = linspace(keV(6), keV(16), 51); // 0.2 keV bins: 10 counts each
    for (const v of foldBinned(edges, counts, out, constant(keV(0.25)))) expect(v).toBeCloseTo(10, 10);
  });
  it("a single bin spreads into a Gaussian with the bin's counts", () => {
    const counts = new Float64Array(180);
    counts[80] = 1000; // [10.0, 10.1] keV
    const out = linspace(keV(8), keV(12), 401);
    const f = foldBinned(edges, counts, out, constant(keV(0.2)));
    expect(f.reduce((a, b) => a + b, 0)).toBeCloseTo(1000, 9);
    let m = 0;
    f.forEach((v, j) => (m += (v * (out[j] + out[j + 1])) / 2));
    expect(m / 1000 / keV(10.05)).toBeCloseTo(1, 10);
  });
  it("the response matrix reproduces foldBinned, efficiency included", () => {
    const resp: DetectorResponse = { sigmaMeV: germaniumResolution(keV(0.1)), efficiency: thresholdEfficiencyFunction(keV(3), keV(0.3)) };
    const counts = Float64Array.from({ length: 180 }, (_, i) => Math.exp(-i / 40));
    const out = linspace(keV(1), keV(21), 101);
    const f = foldBinned(edges, counts, out, resp);
    const r = binnedResponseMatrix(edges, out, resp);
    for (let j = 0; j < 100; j++) {
      let s = 0;
      for (let i = 0; i < 180; i++) s += r[j * 180 + i] * counts[i];
      expect(s).toBeCloseTo(f[j], 12);
    }
  });
  it("rejects mismatched lengths and unsorted grids", () => {
    expect(() => foldBinned(edges, new Float64Array(3), edges, ge)).toThrow(/edges need 180 counts/);
    expect(() => foldDensity(Float64Array.from([2, 1]), Float64Array.from([1, 1]), edges, ge)).toThrow(/ascending/);
  });
});
