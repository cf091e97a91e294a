import { describe, expect, it } from "vitest";
import { tMaxMeV } from "../../lib/xsec/kinematics.js";
import {
  DEFAULT_SIN2_THETA_W,
  WEAK_NUE_PREFACTOR_cm2PerMeV,
  dSigmaNuElectronChiralDT,
  dSigmaWeakDT,
  electronNeutrinoCouplings,
} from "../../lib/xsec/weak.js";
import { REF, relDiff } from "./reference.js";

describe("weak anti-nu_e e scattering, GEMMA (1)", () => {
  it("G_F^2 m_e/(2 pi) = 4.3082e-45 cm^2/MeV (G_F and m_e of PDG 2022, hbar c of CODATA 2018)", () => {
    expect(relDiff(WEAK_NUE_PREFACTOR_cm2PerMeV, 4.3082e-45)).toBeLessThan(1e-4);
  });
  it("E = 1 MeV, T = 10 keV, s = 0.2312 gives 9.936e-45 cm^2/MeV (GEMMA (1) evaluated by hand)", () => {
    expect(relDiff(dSigmaWeakDT(1, 0.01, 0.2312), 9.936e-45)).toBeLessThan(1e-4);
  });
  it("default sin^2 theta_W is the MS-bar value at M_Z", () => {
    expect(DEFAULT_SIN2_THETA_W).toBe(0.23121);
  });
  it("equals the chiral g_L/g_R (Vogel-Engel) form for antineutrinos, over a grid", () => {
    for (const s of [0.2312, 0.23867, 0.25]) {
      const { gL, gR } = electronNeutrinoCouplings(s);
      for (const e of [0.3, 1, 3, 8]) {
        for (const f of [1e-4, 0.01, 0.3, 0.9, 1]) {
          const t = f * tMaxMeV(e);
          expect(relDiff(dSigmaNuElectronChiralDT(e, t, gL, gR, true), dSigmaWeakDT(e, t, s))).toBeLessThan(1e-12);
        }
      }
    }
  });
  it("matches the scipy reference computed through the generic g_V/g_A formula", () => {
    for (const r of REF.weak) expect(relDiff(dSigmaWeakDT(r.eNuMeV, r.tMeV, r.sin2), r.value)).toBeLessThan(1e-12);
  });
  it("T << E limit: (G_F^2 m_e/2pi)[(1+2s)^2 + 4s^2]", () => {
    const s = 0.2312;
    expect(relDiff(dSigmaWeakDT(10, 1e-7, s), WEAK_NUE_PREFACTOR_cm2PerMeV * ((1 + 2 * s) ** 2 + 4 * s * s))).toBeLessThan(1e-6);
  });
  it("T -> T_max: finite and continuous, zero just above and at T <= 0", () => {
    const e = 2;
    const tm = tMaxMeV(e);
    const at = dSigmaWeakDT(e, tm);
    expect(at).toBeGreaterThan(0);
    expect(relDiff(dSigmaWeakDT(e, tm * (1 - 1e-9)), at)).toBeLessThan(1e-6);
    expect(dSigmaWeakDT(e, tm * (1 + 1e-9))).toBe(0);
    expect(dSigmaWeakDT(e, 0)).toBe(0);
    expect(dSigmaWeakDT(e, -1e-3)).toBe(0);
  });
  it("neutrino and antineutrino forms (g_L <-> g_R) agree at T -> 0 and differ at T_max", () => {
    const { gL, gR } = electronNeutrinoCouplings(0.2312);
    const nu = dSigmaNuElectronChiralDT(5, 1e-6, gL, gR, false);
    const anti = dSigmaNuElectronChiralDT(5, 1e-6, gL, gR, true);
    expect(relDiff(nu, anti)).toBeLessThan(1e-5);
    // at T_max the antineutrino loses its g_L^2 term: ratio (gR^2 + gL^2 y^2)/(gL^2 + gR^2 y^2) < 1
    const t = tMaxMeV(5);
    expect(dSigmaNuElectronChiralDT(5, t, gL, gR, true)).toBeLessThan(dSigmaNuElectronChiralDT(5, t, gL, gR, false));
  });
});
