import { describe, expect, it } from "vitest";
import { ALPHA, M_ELECTRON_MeV } from "../../lib/constants.js";
import { tMaxMeV } from "../../lib/xsec/kinematics.js";
import { dSigmaMagneticFreeDT } from "../../lib/xsec/magneticMoment.js";
import {
  MILLICHARGE_GV_SHIFT_MeV,
  MILLICHARGE_PREFACTOR_cm2MeV,
  dSigmaMillichargeEPADT,
  dSigmaMillichargeFreeDT,
  dSigmaMillichargeInterferenceFreeDT,
  dSigmaMillichargeInterferenceSteppingDT,
  dSigmaWeakMillichargeFreeDT,
} from "../../lib/xsec/millicharge.js";
import { gePhotoabsorption_cm2PerAtom } from "../../lib/xsec/photoabsorption.js";
import { dSigmaMillichargeSteppingDT, dSigmaWeakSteppingDT } from "../../lib/xsec/stepping.js";
import { HBARC2_cm2MeV2 } from "../../lib/xsec/units.js";
import { dSigmaNuElectronChiralDT, dSigmaWeakDT } from "../../lib/xsec/weak.js";
import { germaniumActiveElectrons } from "../../lib/xsec/shells.js";
import { readFileSync } from "node:fs";
import { REF, relDiff } from "./reference.js";

const keV = (k: number) => k * 1e-3;

describe("milli-charge, free electron", () => {
  it("T << E limit is 2 pi alpha^2 delta_Q^2 / (m_e T^2) x (hbar c)^2 (Giunti-Studenikin RMP 87 531)", () => {
    const dq = 1e-12;
    const t = 1e-6;
    const limit = ((2 * Math.PI * ALPHA * ALPHA * dq * dq) / (M_ELECTRON_MeV * t * t)) * HBARC2_cm2MeV2;
    expect(relDiff(dSigmaMillichargeFreeDT(10, t, dq), limit)).toBeLessThan(1e-6);
    expect(MILLICHARGE_PREFACTOR_cm2MeV).toBeCloseTo(2.5495e-25, 28);
  });
  it("delta_Q = 1e-12 at T = 1 keV: 2.55e-43 cm^2/MeV per electron, rising as 1/T^2", () => {
    expect(dSigmaMillichargeFreeDT(10, keV(1), 1e-12)).toBeCloseTo(2.549e-43, 45);
    expect(dSigmaMillichargeFreeDT(10, keV(0.1), 1e-12) / dSigmaMillichargeFreeDT(10, keV(1), 1e-12)).toBeCloseTo(100, 1);
  });
  it("full T dependence matches the vector-coupling nu-e formula with the photon propagator (scipy reference)", () => {
    for (const r of REF.millichargeFE) expect(relDiff(dSigmaMillichargeFreeDT(r.eNuMeV, r.tMeV, r.deltaQ), r.value)).toBeLessThan(1e-12);
  });
  it("positive up to T_max, zero beyond", () => {
    for (const e of [0.1, 1, 8]) {
      expect(dSigmaMillichargeFreeDT(e, tMaxMeV(e), 1e-12)).toBeGreaterThan(0);
      expect(dSigmaMillichargeFreeDT(e, tMaxMeV(e) * (1 + 1e-9), 1e-12)).toBe(0);
    }
  });
  it("talk (TEXONO): mu_nu-term ~ SM nu-e at T ~ 400 eV for mu ~ 3e-12 mu_B (free electron; ratio 0.5-2)", () => {
    const r = dSigmaMagneticFreeDT(2, keV(0.4), 3e-12) / dSigmaWeakDT(2, keV(0.4));
    expect(r).toBeGreaterThan(0.5);
    expect(r).toBeLessThan(2);
  });
  it("talk: delta_Q-term ~ SM at T ~ 200 eV for delta_Q ~ 1e-14 is NOT reproduced by free electrons (16x smaller)", () => {
    const r = dSigmaMillichargeSteppingDT(2, keV(0.2), 1e-14) / dSigmaWeakSteppingDT(2, keV(0.2));
    expect(r).toBeLessThan(0.1);
  });
});

describe("milli-charge, Ge atomic ionization, leading-log EPA (derived here, illustrative)", () => {
  const mNu = 1e-7; // 0.1 eV
  it("is (alpha delta_Q^2/pi)(E'/E)(sigma_gamma/T) ln(E E'/m_nu^2)", () => {
    const e = 2;
    const t = keV(1);
    const ep = e - t;
    const expected = ((ALPHA * 1e-24) / Math.PI) * (ep / e) * (gePhotoabsorption_cm2PerAtom(t) / t) * Math.log((e * ep) / (mNu * mNu));
    expect(relDiff(dSigmaMillichargeEPADT(e, t, 1e-12, mNu), expected)).toBeLessThan(1e-12);
  });
  it("talk: delta_Q ~ 1e-14 equals SM nu-e per atom at T ~ 200 eV (E = 2 MeV, m_nu = 0.1 eV: within 3x)", () => {
    const r = dSigmaMillichargeEPADT(2, keV(0.2), 1e-14, mNu) / dSigmaWeakSteppingDT(2, keV(0.2));
    expect(r).toBeGreaterThan(1 / 3);
    expect(r).toBeLessThan(3);
  });
  it("talk: > 1e4 x SM nu-e at T ~ 100 eV for delta_Q = 1e-12 (the current bound)", () => {
    expect(dSigmaMillichargeEPADT(2, keV(0.1), 1e-12, mNu) / dSigmaWeakSteppingDT(2, keV(0.1))).toBeGreaterThan(1e4);
  });
  it("depends on the neutrino mass only through the logarithm", () => {
    const a = dSigmaMillichargeEPADT(2, keV(1), 1e-12, 1e-7);
    const b = dSigmaMillichargeEPADT(2, keV(1), 1e-12, 1e-8);
    expect(b / a).toBeCloseTo(Math.log(2 * (2 - 1e-3) * 1e16) / Math.log(2 * (2 - 1e-3) * 1e14), 10);
  });
});

// Reference numbers of test/reference/xsec/millicharge_interference.py (chiral formula, odd/even parts in delta_Q).
const interferenceRef = JSON.parse(readFileSync(new URL("../reference/xsec/millicharge_interference.json", import.meta.url), "utf8")) as {
  sin2ThetaW: number;
  kMeV: number;
  rows: { eNuMeV: number; tKeV: number; deltaQ_e: number; interference: number; pure: number }[];
  ratioTllE: Record<string, number>;
};

describe("milli-charge x weak interference (anti-nu_e e, free electron)", () => {
  const s = interferenceRef.sin2ThetaW;
  it("g_V shift coefficient sqrt(2) pi alpha/(G_F m_e) = 5.44e9 MeV (reference script)", () => {
    expect(relDiff(MILLICHARGE_GV_SHIFT_MeV, interferenceRef.kMeV)).toBeLessThan(1e-12);
  });
  it("interference and pure term equal the odd and even parts of the chiral formula with shifted couplings (test/reference/xsec/millicharge_interference.py)", () => {
    for (const r of interferenceRef.rows) {
      const t = r.tKeV * 1e-3;
      expect(relDiff(dSigmaMillichargeInterferenceFreeDT(r.eNuMeV, t, r.deltaQ_e, s), r.interference)).toBeLessThan(1e-6);
      expect(relDiff(dSigmaMillichargeFreeDT(r.eNuMeV, t, r.deltaQ_e), r.pure)).toBeLessThan(1e-6);
    }
  });
  it("interference/pure at E = 2 MeV: -35 % at 3 keV and -118 % at 10 keV for delta_Q = +3e-12 e, -11 % at 300 eV for 1e-12 e", () => {
    const ratio = (tKeV: number, q: number) => dSigmaMillichargeInterferenceFreeDT(2, tKeV * 1e-3, q, s) / dSigmaMillichargeFreeDT(2, tKeV * 1e-3, q);
    expect(ratio(3, 3e-12)).toBeCloseTo(-0.3536, 3);
    expect(ratio(10, 3e-12)).toBeCloseTo(-1.1764, 3);
    expect(ratio(0.3, 1e-12)).toBeCloseTo(-0.1061, 3);
    // Linear in delta_Q: the other sign interferes constructively.
    expect(ratio(3, -3e-12)).toBeCloseTo(0.3536, 3);
    // T << E closed form -2 g_V T/(k delta_Q).
    expect(ratio(3, 3e-12)).toBeCloseTo(interferenceRef.ratioTllE["3.0keV_3e-12"], 2);
  });
  it("weak + interference + pure is the chiral formula with g_L, g_R shifted by half the g_V shift", () => {
    for (const [e, tKeV, q] of [
      [1, 0.5, 2e-12],
      [3, 7, -4e-12],
    ]) {
      const t = tKeV * 1e-3;
      const d = (-MILLICHARGE_GV_SHIFT_MeV * q) / t;
      const chiral = dSigmaNuElectronChiralDT(e, t, 0.5 + s + d / 2, s + d / 2, true);
      expect(relDiff(dSigmaWeakMillichargeFreeDT(e, t, q, s), chiral)).toBeLessThan(1e-12);
      const sum = dSigmaWeakDT(e, t, s) + dSigmaMillichargeInterferenceFreeDT(e, t, q, s) + dSigmaMillichargeFreeDT(e, t, q);
      expect(relDiff(sum, chiral)).toBeLessThan(1e-9);
    }
  });
  it("stepping version is the free-electron term times the active Ge electrons", () => {
    const t = 5e-3;
    expect(dSigmaMillichargeInterferenceSteppingDT(2, t, 1e-12, s)).toBeCloseTo(dSigmaMillichargeInterferenceFreeDT(2, t, 1e-12, s) * germaniumActiveElectrons(t), 60);
  });
});
