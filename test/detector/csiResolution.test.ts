import { describe, expect, it } from "vitest";
import { csiFoldWeights, csiLineFractions, csiSigmaKeV, foldWithWeights, simpsonGrid } from "../../lib/detector/csiResolution.js";

describe("CsI(Tl) resolution and folding", () => {
  it("FWHM is 10 % at 662 keV and scales as 1/sqrt(E): 5.0 % at 2614.5 keV, 2.88 % at 8 MeV", () => {
    const fwhm = (e: number) => (2 * Math.sqrt(2 * Math.LN2) * csiSigmaKeV(e)) / e;
    expect(fwhm(661.657)).toBeCloseTo(0.1, 12);
    expect(fwhm(2614.511)).toBeCloseTo(0.1 * Math.sqrt(661.657 / 2614.511), 12);
    expect(fwhm(8000)).toBeCloseTo(0.02876, 5);
  });
  it("a line's bin shares are Gaussian integrals (symmetric; equal to a Simpson integral of the density)", () => {
    const s = csiSigmaKeV(3000);
    const f = csiLineFractions(3000, [2900, 3000, 3100]);
    expect(f[0]).toBeCloseTo(f[1], 14);
    const n = 2000;
    let integral = 0;
    for (let i = 0; i <= n; i++) {
      const x = -100 + (200 * i) / n;
      integral += ((i === 0 || i === n ? 1 : i % 2 ? 4 : 2) * (200 / n) * Math.exp(-0.5 * (x / s) ** 2)) / (3 * s * Math.sqrt(2 * Math.PI));
    }
    expect(f[0] + f[1]).toBeCloseTo(integral, 10);
  });
  it("folding a flat density: bins far from the grid ends keep their width; a linear density keeps its integral", () => {
    const x = simpsonGrid(1000, 12000, 2);
    const edges = [3000, 3500, 5000, 8000];
    const w = csiFoldWeights(x, edges);
    const flat = foldWithWeights(w, new Float64Array(x.length).fill(1));
    expect(flat[0]).toBeCloseTo(500, 6);
    expect(flat[1]).toBeCloseTo(1500, 6);
    expect(flat[2]).toBeCloseTo(3000, 6);
    // A linear density a + bE: Gaussian smearing with an E-dependent sigma moves counts across the
    // edges in proportion to d(sigma^2)/dE, which is constant here; the total over the three bins is
    // then the true integral plus the flux through the two outer edges, which a first-order
    // (Kramers-Moyal) expansion gives exactly here (higher moments vanish on polynomials of this
    // degree): sum = int f + F(8000) - F(3000), F = (1/2) d(sigma^2 f)/dE; flux() below is -F.
    const lin = foldWithWeights(w, x.map((e) => 1 + e / 1000));
    const s2p = csiSigmaKeV(1000) ** 2 / 1000; // sigma^2 = c E
    const flux = (e: number) => -0.5 * (s2p * (1 + e / 1000) + s2p * e * (1 / 1000));
    const exact = (8000 - 3000) + (8000 ** 2 - 3000 ** 2) / 2000;
    expect(lin[0] + lin[1] + lin[2]).toBeCloseTo(exact + flux(3000) - flux(8000), 2);
    expect(lin[0] + lin[1] + lin[2] - exact).toBeGreaterThan(5);
  });
});
