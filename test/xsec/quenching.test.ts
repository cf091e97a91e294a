import { describe, expect, it } from "vitest";
import { cevnsTMaxMeV, dSigmaCevnsDT } from "../../lib/xsec/cevns.js";
import {
  LINDHARD_K_GE,
  dSigmaCevnsDEee,
  ionizationEnergyMeV,
  ionizationJacobian,
  lindhardK,
  lindhardQuenching,
  recoilEnergyFromIonizationMeV,
} from "../../lib/xsec/quenching.js";
import { integrate } from "./quadrature.js";
import { REF, relDiff } from "./reference.js";

describe("Lindhard quenching in germanium", () => {
  it("k = 0.133 Z^(2/3) A^(-1/2) = 0.157 for Ge", () => {
    expect(lindhardK(32, 72.63)).toBeCloseTo(0.157, 3);
    expect(LINDHARD_K_GE).toBe(0.157);
  });
  it("f(E_R) matches the reference script; ~0.17 at 1 keVnr and ~0.23 at 10 keVnr", () => {
    for (const r of REF.lindhard) expect(relDiff(lindhardQuenching(r.recoilMeV), r.f)).toBeLessThan(1e-12);
    expect(lindhardQuenching(1e-3)).toBeCloseTo(0.171, 3);
    expect(lindhardQuenching(1e-2)).toBeCloseTo(0.234, 3);
  });
  it("inverse agrees with scipy brentq, and the analytic Jacobian with a centred difference", () => {
    for (const r of REF.lindhardInverse) {
      const er = recoilEnergyFromIonizationMeV(r.eeMeV);
      expect(relDiff(er, r.recoilMeV)).toBeLessThan(1e-10);
      expect(relDiff(ionizationEnergyMeV(er), r.eeMeV)).toBeLessThan(1e-12);
      expect(relDiff(ionizationJacobian(er), r.jacobian)).toBeLessThan(1e-7);
    }
  });
  it("integral done two ways: integral dsigma/dE_ee dE_ee = integral dsigma/dT_N dT_N over matching ranges", () => {
    const e = 6;
    const a = 1e-4;
    // one nucleus mass, so that the integrand has no isotope end points inside the range
    const opts = { nucleus: "mean" as const };
    const b = cevnsTMaxMeV(e, "mean") * 0.999;
    const inRecoil = integrate((t) => dSigmaCevnsDT(e, t, opts), a, b, 16, 16, true);
    const inIonization = integrate((x) => dSigmaCevnsDEee(e, x, opts), ionizationEnergyMeV(a), ionizationEnergyMeV(b), 16, 16, true);
    expect(relDiff(inIonization, inRecoil)).toBeLessThan(1e-9);
  });
  it("dsigma/dE_ee = dsigma/dT_N / (dE_ee/dE_R) at a point; zero for E_ee <= 0", () => {
    const er = 5e-4;
    expect(dSigmaCevnsDT(6, er)).toBeGreaterThan(0);
    expect(relDiff(dSigmaCevnsDEee(6, ionizationEnergyMeV(er)), dSigmaCevnsDT(6, er) / ionizationJacobian(er))).toBeLessThan(1e-9);
    expect(dSigmaCevnsDEee(6, 0)).toBe(0);
  });
});
