import { describe, expect, it } from "vitest";
import { G_F_perMeV2, HBARC_MeVcm, M_ELECTRON_MeV, R0_ELECTRON_cm } from "../../lib/constants.js";
import { GERMANIUM_TARGET } from "../../lib/detector/targets.js";
import { experimentRate, experimentSource, eNuMinForProcess } from "../../lib/rates/index.js";
import { logGrid } from "../../lib/math/logGrid.js";
import { eNuMinMeV } from "../../lib/xsec/kinematics.js";
import { getProcess } from "../../lib/xsec/registry.js";

// counts/(keV kg day) per (electrons/kg x cm^-2 s^-1 x cm^2/MeV)
const PER_KEV_DAY = 86400 * 1e-3;

describe("expected rates at GEMMA", () => {
  const source = experimentSource("gemma");
  const phi = source.fluxPerCm2s.total;
  const ne = GERMANIUM_TARGET.electronsPerKg;

  it("magnetic term on free electrons -> pi r0^2 mu^2 N_e Phi / T for T << E (GEMMA (2) at T << E: 1.544/T cpd at 2.7e13)", () => {
    const [r] = experimentRate("gemma", "em-fe", [0.5], { params: { muNu_muB: 1e-10 } });
    const closed = (Math.PI * R0_ELECTRON_cm ** 2 * 1e-20 * ne * phi * PER_KEV_DAY) / 0.5e-3;
    // the neglected -1/E term is T <1/E>: 0.24 % at 0.5 keV, the capture antineutrinos making <1/E> large
    expect(r / closed).toBeGreaterThan(0.995);
    expect(r / closed).toBeLessThan(1);
    // the published-flux form of the same number
    expect((r * 0.5 * 2.7e13) / phi).toBeCloseTo(1.544, 2);
  });

  it("weak term -> G_F^2 m_e/(2 pi) [(1+2s)^2 + 4 s^2] N_e Phi for T << E (GEMMA (1): ~6.3e-3 cpd at 2.7e13)", () => {
    const s = 0.23121;
    const [r] = experimentRate("gemma", "weak", [0.1], { params: { sin2ThetaW: s } });
    const pref = ((G_F_perMeV2 ** 2 * M_ELECTRON_MeV) / (2 * Math.PI)) * HBARC_MeVcm ** 2;
    const closed = pref * ((1 + 2 * s) ** 2 + 4 * s * s) * ne * phi * PER_KEV_DAY;
    // corrections -2T/E and -2(1+2s)s m_e T/E^2 are O(T <1/E>) ~ 0.1 % at 0.1 keV
    expect(Math.abs(r / closed - 1)).toBeLessThan(3e-3);
    expect((r * 2.7e13) / phi).toBeCloseTo(6.3e-3, 4);
  });

  it("the free-electron magnetic integral equals pi r0^2 mu^2 N_e [Phi(E>Emin)/T - <1/E>] computed from the flux rule directly", () => {
    const t = 50e-3;
    const rule = source.ruleFrom(eNuMinMeV(t));
    let phiAbove = 0;
    let invE = 0;
    for (let k = 0; k < rule.nodesMeV.length; k++) {
      phiAbove += rule.fluxWeights[k];
      invE += rule.fluxWeights[k] / rule.nodesMeV[k];
    }
    const closed = Math.PI * R0_ELECTRON_cm ** 2 * 1e-20 * ne * PER_KEV_DAY * (phiAbove / t - invE);
    const [r] = experimentRate("gemma", "em-fe", [50], { params: { muNu_muB: 1e-10 } });
    expect(r / closed).toBeCloseTo(1, 10);
  });

  it("E_min of the process inverts T_max: electron recoil matches the closed form", () => {
    for (const t of [1e-3, 0.1, 2]) expect(eNuMinForProcess(getProcess("weak"), t)).toBeCloseTo(eNuMinMeV(t), 12);
  });

  it("the detector response leaves a smooth spectrum unchanged far above threshold and kills it below", () => {
    const t = [1.0, 10, 30];
    const bare = experimentRate("gemma", "em-fe", t, { params: { muNu_muB: 1e-10 } });
    const seen = experimentRate("gemma", "em-fe", t, { params: { muNu_muB: 1e-10 }, response: true });
    // a Gaussian of width sigma averaged over 1/T raises it by (1 + sigma^2/T^2) to second order;
    // sigma^2 = sigma_0^2 + F w T with GEMMA's default sigma_0 = 0.25 keV, F w = 0.1 x 2.96 eV
    for (const j of [1, 2]) {
      const sigma2 = 0.25 ** 2 + 0.1 * 2.96e-3 * t[j];
      // (to 5e-5: the next orders, 3 sigma^4/T^4 and the slope of sigma(T), are ~1e-5 here)
      expect(seen[j] / bare[j]).toBeCloseTo(1 + sigma2 / t[j] ** 2, 4);
    }
    expect(seen[0] / bare[0]).toBeLessThan(0.01); // GEMMA (4) with E0 = 2 keV, sigma = 0.3 keV: Phi(-3.3)
  });

  it("logGrid spans its ends exactly", () => {
    const g = logGrid(1, 100, 3);
    expect(g[0]).toBe(1);
    expect(g[2]).toBe(100);
    expect(g[1]).toBeCloseTo(10, 12);
  });
});

describe("crossingEnergy and thresholdSensitivity", () => {
  it("finds where c/T meets a constant: T = c/k", async () => {
    const { crossingEnergy } = await import("../../lib/rates/crossing.js");
    expect(crossingEnergy((t) => 2 / t, () => 0.5, 0.1, 100)).toBeCloseTo(4, 5);
    expect(() => crossingEnergy((t) => 2 / t, () => 0.5, 10, 100)).toThrow("do not cross");
  });
  it("for s = 1/T: S = ln(T_max/T_th) and info = 1/T_th - 1/T_max (closed forms)", async () => {
    const { thresholdSensitivity } = await import("../../lib/rates/thresholdScaling.js");
    const [a, b] = thresholdSensitivity((t) => t.map((x) => 1 / x), [1, 0.1], 100, 4000);
    expect(a.integratedSignal).toBeCloseTo(Math.log(100), 4);
    expect(b.integratedSignal - a.integratedSignal).toBeCloseTo(Math.LN10, 4);
    expect(b.fisherInformation).toBeCloseTo(10 - 0.01, 2);
  });
});
