import { describe, expect, it } from "vitest";
import { allowedAntineutrinoSpectrum, fermiFunction, lnGammaRe, nuclearRadiusCm } from "../../lib/reactor/betaSpectrum.js";
import { integrate } from "../../lib/math/integrate.js";
import { reference, simpson } from "./simpson.js";

describe("lnGammaRe: Re ln Γ(x + iy)", () => {
  it("|Γ(1 + iy)|^2 = π y / sinh(π y) (closed form)", () => {
    for (const y of [0.01, 0.5, 1, 3, 10, 40]) {
      expect(2 * lnGammaRe(1, y)).toBeCloseTo(Math.log((Math.PI * y) / Math.sinh(Math.PI * y)), 11);
    }
  });
  it("|Γ(1/2 + iy)|^2 = π / cosh(π y) (closed form)", () => {
    for (const y of [0, 0.3, 2, 25]) {
      expect(2 * lnGammaRe(0.5, y)).toBeCloseTo(Math.log(Math.PI / Math.cosh(Math.PI * y)), 11);
    }
  });
  it("real argument: ln Γ(5) = ln 24, ln Γ(0.1) = 2.252712651734206", () => {
    expect(lnGammaRe(5, 0)).toBeCloseTo(Math.log(24), 13);
    expect(lnGammaRe(0.1, 0)).toBeCloseTo(2.252712651734206, 12);
  });
});

describe("fermiFunction", () => {
  it("agrees with an independent scipy.special.loggamma implementation to 1e-10", () => {
    for (const r of reference.fermi) {
      const ours = fermiFunction(r.z, r.w, nuclearRadiusCm(r.a));
      expect(Math.abs(ours / r.value - 1)).toBeLessThan(1e-10);
    }
  });
  it("tends to the non-relativistic 2πη/(1 - e^{-2πη}) for small Z", () => {
    // Z = 1, W = 2: γ ≈ 1 - 2.7e-5, so F0 ≈ F_NR within ~1e-3.
    const w = 2;
    const p = Math.sqrt(w * w - 1);
    const eta = w / 137.035999084 / p;
    const nr = (2 * Math.PI * eta) / (1 - Math.exp(-2 * Math.PI * eta));
    expect(fermiFunction(1, w, nuclearRadiusCm(3))).toBeCloseTo(nr, 3);
  });
  it("p W F0 stays finite as the electron momentum goes to 0 (β- Coulomb attraction)", () => {
    const r = nuclearRadiusCm(239);
    const pf = (w: number) => Math.sqrt(w * w - 1) * w * fermiFunction(94, w, r);
    const a = pf(1 + 1e-8);
    const b = pf(1 + 1e-6);
    expect(Number.isFinite(a)).toBe(true);
    expect(Math.abs(a / b - 1)).toBeLessThan(1e-2);
  });
});

describe("allowedAntineutrinoSpectrum", () => {
  const u239 = allowedAntineutrinoSpectrum({ endpointMeV: 1.2617, zDaughter: 93, massNumber: 239 });
  const np239 = allowedAntineutrinoSpectrum({ endpointMeV: 0.7226, zDaughter: 94, massNumber: 239 });
  it("is normalised to one antineutrino per decay (Gauss-Legendre; Simpson converges slowly at the endpoint, where p W F0 has a p^(2γ) term)", () => {
    for (const s of [u239, np239]) {
      const q = s.branch.endpointMeV;
      expect(integrate(s, 0, q, { order: 12, maxPanel: q / 40 })).toBeCloseTo(1, 10);
      expect(simpson(s, 0, q, 40000)).toBeCloseTo(1, 4);
    }
  });
  it("vanishes at and above the endpoint Q and at E_ν = 0, positive inside", () => {
    for (const s of [u239, np239]) {
      const q = s.branch.endpointMeV;
      expect(s(q)).toBe(0);
      expect(s(q + 1e-6)).toBe(0);
      expect(s(0)).toBe(0);
      expect(s(-0.1)).toBe(0);
      expect(s(q - 1e-6)).toBeGreaterThan(0);
      expect(s(1e-3)).toBeGreaterThan(0);
    }
  });
  it("is finite and non-zero just below the endpoint (electron at rest: Coulomb-enhanced)", () => {
    expect(u239(1.2617 - 1e-9)).toBeGreaterThan(0.1);
    expect(Number.isFinite(u239(1.2617 - 1e-12))).toBe(true);
  });
  it("mean energies and values agree with scipy (239U: 0.840 MeV, 239Np: 0.501 MeV)", () => {
    expect(u239.meanEnergyMeV).toBeCloseTo(reference.allowed.U239.meanEnergyMeV, 10);
    expect(np239.meanEnergyMeV).toBeCloseTo(reference.allowed.Np239.meanEnergyMeV, 10);
    for (const [e, v] of Object.entries(reference.allowed.U239.values)) expect(u239(Number(e))).toBeCloseTo(v, 9);
    for (const [e, v] of Object.entries(reference.allowed.Np239.values)) expect(np239(Number(e))).toBeCloseTo(v, 9);
    expect(u239.meanEnergyMeV + u239.meanElectronEnergyMeV).toBeCloseTo(1.2617, 12);
  });
  it("rejects unphysical input", () => {
    expect(() => allowedAntineutrinoSpectrum({ endpointMeV: 0, zDaughter: 93, massNumber: 239 })).toThrow(/endpoint/);
    expect(() => allowedAntineutrinoSpectrum({ endpointMeV: 1, zDaughter: 140, massNumber: 239 })).toThrow(/charge/);
  });
});
