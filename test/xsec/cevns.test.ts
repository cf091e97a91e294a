import { describe, expect, it } from "vitest";
import { G_F_perMeV2 } from "../../lib/constants.js";
import {
  cevnsTMaxMeV,
  dSigmaCevnsDT,
  germaniumIsotopes,
  germaniumMeanNucleus,
  helmFormFactor,
  helmRadius_fm,
  weakNuclearCharge,
} from "../../lib/xsec/cevns.js";
import { tMaxMeV } from "../../lib/xsec/kinematics.js";
import { HBARC2_cm2MeV2 } from "../../lib/xsec/units.js";
import { integrate } from "./quadrature.js";
import { REF, relDiff } from "./reference.js";

describe("coherent elastic neutrino-nucleus scattering on natural Ge", () => {
  it("isotopes: abundances sum to 1 and the mean mass is the standard atomic weight 72.630(8)", () => {
    const iso = germaniumIsotopes();
    expect(iso.map((i) => i.massNumber)).toEqual([70, 72, 73, 74, 76]);
    expect(iso.reduce((s, i) => s + i.abundance, 0)).toBeCloseTo(1, 12);
    const meanU = iso.reduce((s, i) => s + i.abundance * (i.massMeV / 931.49410242 + (32 * 0.51099895) / 931.49410242), 0);
    expect(Math.abs(meanU - 72.63)).toBeLessThan(0.008);
  });
  it("Q_W = N - (1 - 4 s) Z: 74Ge at s = 0.2312 gives 39.594", () => {
    expect(weakNuclearCharge(42, 32, 0.2312)).toBeCloseTo(39.5936, 4);
  });
  it("matches the scipy reference (isotope sum, with and without the Helm form factor)", () => {
    for (const r of REF.cevns) {
      expect(relDiff(dSigmaCevnsDT(r.eNuMeV, r.tMeV, { sin2ThetaW: r.sin2 }), r.none)).toBeLessThan(1e-10);
      expect(relDiff(dSigmaCevnsDT(r.eNuMeV, r.tMeV, { sin2ThetaW: r.sin2, formFactor: "helm" }), r.helm)).toBeLessThan(1e-10);
    }
  });
  it("total cross section: quadrature of dsigma/dT equals the closed form sum a_i (G_F^2 M/4pi) Q_W^2 (T_max - M T_max^2/4E^2) and scipy", () => {
    const s = 0.2312;
    const e = 5;
    let closed = 0;
    for (const iso of germaniumIsotopes()) {
      const m = iso.massMeV;
      const tm = tMaxMeV(e, m);
      const qw = weakNuclearCharge(iso.neutrons, 32, s);
      closed += iso.abundance * ((G_F_perMeV2 ** 2 * m) / (4 * Math.PI)) * qw * qw * (tm - (m * tm * tm) / (4 * e * e)) * HBARC2_cm2MeV2;
    }
    // integrate isotope by isotope up to each kinematic end point (the summed integrand has kinks there)
    const ends = germaniumIsotopes().map((i) => tMaxMeV(e, i.massMeV)).sort((a, b) => a - b);
    let num = 0;
    let lo = 0;
    for (const hi of ends) {
      num += integrate((t) => dSigmaCevnsDT(e, t, { sin2ThetaW: s }), lo, hi, 8, 16);
      lo = hi;
    }
    expect(relDiff(num, closed)).toBeLessThan(1e-10);
    expect(relDiff(closed, REF.cevnsTotal5MeV_cm2)).toBeLessThan(1e-9);
  });
  it("E << M: sigma ~ G_F^2 Q_W^2 E^2 / (4 pi) = 0.42e-44 Q_W^2 (E/MeV)^2 cm^2 (Drukier-Stodolsky scale)", () => {
    const mean = germaniumMeanNucleus();
    const qw = weakNuclearCharge(mean.neutrons, 32, 0.2312);
    const e = 5;
    const tm = tMaxMeV(e, mean.massMeV);
    const num = integrate((t) => dSigmaCevnsDT(e, t, { sin2ThetaW: 0.2312, nucleus: "mean" }), 0, tm, 8, 16);
    const approx = ((G_F_perMeV2 ** 2 * qw * qw * e * e) / (4 * Math.PI)) * HBARC2_cm2MeV2;
    expect(relDiff(num, approx)).toBeLessThan(2 * (e / mean.massMeV) + 1e-6);
    expect(approx / (qw * qw * e * e)).toBeCloseTo(0.4216e-44, 47);
  });
  it("mean-mass nucleus agrees with the isotope sum to 1 %", () => {
    for (const t of [1e-5, 1e-4, 3e-4]) {
      expect(relDiff(dSigmaCevnsDT(4, t, { nucleus: "mean" }), dSigmaCevnsDT(4, t))).toBeLessThan(0.01);
    }
  });
  it("Helm: F(0) = 1, rms radius (from the q^2 slope) within 3 % of the Ge charge radius 4.06 fm, F^2 > 0.96 up to the 8 MeV end point", () => {
    expect(helmFormFactor(1e-6, 73)).toBeCloseTo(1, 12);
    // F = 1 - q^2 <r^2>/6 + ...; Ge charge radii 4.06-4.07 fm (Angeli and Marinova, ADNDT 99 (2013) 69)
    const q = 1; // MeV
    const rms = Math.sqrt((6 * (1 - helmFormFactor(q, 73))) / (q / 197.3269804) ** 2);
    expect(relDiff(rms, 4.06)).toBeLessThan(0.03);
    const t = cevnsTMaxMeV(8);
    expect(dSigmaCevnsDT(8, t * 0.999, { formFactor: "helm" }) / dSigmaCevnsDT(8, t * 0.999)).toBeGreaterThan(0.96);
    // series and closed form agree where they switch
    expect(helmFormFactor(0.0099 * 197.3269804 / helmRadius_fm(73), 73)).toBeCloseTo(helmFormFactor(0.0101 * 197.3269804 / helmRadius_fm(73), 73), 5);
  });
  it("kinematic end point: the lightest isotope's T_max = 2E^2/(M + 2E); zero beyond and at T <= 0", () => {
    const e = 8;
    const tm = cevnsTMaxMeV(e);
    expect(tm).toBeCloseTo(tMaxMeV(e, germaniumIsotopes()[0].massMeV), 15);
    expect(tm * 1e3).toBeCloseTo(1.965, 2);
    expect(dSigmaCevnsDT(e, tm)).toBeGreaterThan(0);
    expect(dSigmaCevnsDT(e, tm * 1.000001)).toBe(0);
    expect(dSigmaCevnsDT(e, 0)).toBe(0);
  });
});
