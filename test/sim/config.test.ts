import normalCdf from "@stdlib/stats-base-dists-normal-cdf";
import { describe, expect, it } from "vitest";
import { gemmaConfig, mergeConfig, texonoConfig, validateSimConfig } from "../../lib/sim/index.js";

const goodHours = (c: ReturnType<typeof gemmaConfig>, state: "ON" | "OFF", phase?: number) =>
  c.phases.filter((p) => phase === undefined || p.id === phase).flatMap((p) => p.segments).reduce((a, s) => a + ("state" in s && s.state === state ? s.goodHours : 0), 0);

describe("gemmaConfig", () => {
  const c = gemmaConfig();
  it("takes mass, power, power accuracy, trigger threshold and ROI from data/experiments/gemma.json (GEMMA paper)", () => {
    expect(c.detectorMassKg).toBe(1.5);
    expect(c.power.nominalGW).toBe(3.0);
    expect(c.power.logAccuracyFraction).toBeCloseTo(0.007, 12);
    expect(c.trigger.e0KeV).toBe(1.5);
    expect(c.roiKeV).toEqual([[3.0, 9.4], [11.2, 55.0]]);
  });
  it("good hours: Phase I 5184 ON / 1853 OFF, Phase II 6798 / 1021 (GEMMA abstract); starts 08.2005 and 09.2006", () => {
    expect(goodHours(c, "ON", 1)).toBe(5184);
    expect(goodHours(c, "OFF", 1)).toBe(1853);
    expect(goodHours(c, "ON", 2)).toBe(6798);
    expect(goodHours(c, "OFF", 2)).toBe(1021);
    expect(c.phases[0].startUtc.slice(0, 7)).toBe("2005-08");
    expect(c.phases[1].startUtc.slice(0, 7)).toBe("2006-09");
  });
  it("three shaping channels 2, 4, 12 us with sigma0 0.2-0.3 keV and gains within 1 %", () => {
    expect(c.channels.map((ch) => ch.shapingUs)).toEqual([2, 4, 12]);
    for (const ch of c.channels) {
      expect(ch.sigma0KeV).toBeGreaterThanOrEqual(0.2);
      expect(ch.sigma0KeV).toBeLessThanOrEqual(0.3);
      expect(Math.abs(ch.gain - 1)).toBeLessThan(0.01);
    }
  });
  it("the GEMMA (4) efficiency matters below 2.8 keV: 1 - eta(2.8) ~ 1 %, < 0.5 % at 3 keV", () => {
    const eta = (e: number) => normalCdf(e, c.trigger.e0KeV, c.trigger.sigmaKeV);
    expect(1 - eta(2.8)).toBeGreaterThan(0.005);
    expect(1 - eta(2.8)).toBeLessThan(0.015);
    expect(1 - eta(3.0)).toBeLessThan(0.005);
    expect(eta(1.5)).toBeCloseTo(0.5, 12);
  });
  it("the ROI continuum of the configuration averages ~2 counts/(keV kg day) (GEMMA sec. 2; closed form)", () => {
    const k = c.continuum;
    const exp = (a: number, b: number) => k.lowExpPerKeVKgDay * k.lowExpScaleKeV * (Math.exp(-a / k.lowExpScaleKeV) - Math.exp(-b / k.lowExpScaleKeV));
    const width = c.roiKeV.reduce((a, [lo, hi]) => a + hi - lo, 0);
    const mean = c.roiKeV.reduce((a, [lo, hi]) => a + k.flatPerKeVKgDay * (hi - lo) + exp(lo, hi), 0) / width;
    expect(mean).toBeGreaterThan(1.8);
    expect(mean).toBeLessThan(2.1);
  });
  it("merges overrides deeply and refuses unknown keys and bad values", () => {
    const o = gemmaConfig({ noise: { bursts: { ratePerHour: 0 } }, detectorMassKg: 2 });
    expect(o.noise.bursts.ratePerHour).toBe(0);
    expect(o.noise.bursts.eventsPerSecond).toBe(c.noise.bursts.eventsPerSecond);
    expect(o.detectorMassKg).toBe(2);
    expect(() => gemmaConfig({ noise: { burst: {} } } as never)).toThrow('unknown configuration key "burst"');
    expect(() => gemmaConfig({ detectorMassKg: -1 })).toThrow("detectorMassKg: must be > 0");
    expect(() => validateSimConfig(mergeConfig(c, { channels: c.channels.slice(0, 2) }))).toThrow("exactly three shaping channels");
  });
});

describe("texonoConfig", () => {
  const t = texonoConfig();
  it("1.06 kg, 570.7 / 127.8 days ON / OFF (13697 / 3067 h), DAQ threshold 5 keV, analysis from 12 keV", () => {
    expect(t.detectorMassKg).toBe(1.06);
    expect(goodHours(t, "ON")).toBe(Math.round(570.7 * 24));
    expect(goodHours(t, "OFF")).toBe(Math.round(127.8 * 24));
    expect(t.trigger.e0KeV).toBe(5);
    expect(t.roiKeV[0][0]).toBe(12);
    expect(t.power.nominalGW).toBe(2.9);
  });
  it("~1 count/(keV kg day) above 12 keV (seed talk)", () => {
    const k = t.continuum;
    const mean = k.flatPerKeVKgDay + (k.lowExpPerKeVKgDay * k.lowExpScaleKeV * (Math.exp(-12 / k.lowExpScaleKeV) - Math.exp(-60 / k.lowExpScaleKeV))) / 48;
    expect(mean).toBeGreaterThan(0.85);
    expect(mean).toBeLessThan(1.15);
  });
});
