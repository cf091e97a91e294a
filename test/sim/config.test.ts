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
    // Phase II as two periods (II-a, II-b; the split is an assumption, lib/sim/gemma.ts): the sums are the paper's.
    expect(goodHours(c, "ON", 2) + goodHours(c, "ON", 3)).toBe(6798);
    expect(goodHours(c, "OFF", 2) + goodHours(c, "OFF", 3)).toBe(1021);
    for (const id of [2, 3]) expect(goodHours(c, "OFF", id)).toBeGreaterThan(0);
    expect(c.phases[0].startUtc.slice(0, 7)).toBe("2005-08");
    expect(c.phases[1].startUtc.slice(0, 7)).toBe("2006-09");
    expect(c.phases[2].endUtc!.slice(0, 7)).toBe("2008-05");
  });
  it("Phase II-b has its own channels, noise direction and ROI edge (GEMMA sec. 3); Phase I and II-a the configuration's", () => {
    const [p1, p2a, p2b] = c.phases;
    for (const p of [p1, p2a]) expect([p.channels, p.artefactDirection, p.roiKeV]).toEqual([undefined, undefined, undefined]);
    expect(p2b.roiKeV![0][0]).toBeGreaterThan(c.roiKeV[0][0]);
    expect(p2b.channels!.map((ch) => ch.shapingUs)).toEqual([2, 4, 12]);
    expect(p2b.channels!.some((ch, i) => ch.gain !== c.channels[i].gain)).toBe(true);
    expect(p2b.artefactDirection).not.toEqual(c.noise.artefacts.direction);
  });
  it("refuses a phase's bad channels, noise direction or ROI, naming the field", () => {
    const bad = (phase: object) => () => validateSimConfig({ ...c, phases: [{ ...c.phases[0], ...phase }] });
    expect(bad({ channels: c.channels.slice(0, 2) })).toThrow("simulation config: phases[0].channels: need exactly three shaping channels (E1, E2, E3), got 2");
    expect(bad({ channels: [c.channels[0], c.channels[1], { ...c.channels[2], gain: 0 }] })).toThrow("simulation config: phases[0].channels[2].gain: must be > 0, got 0");
    expect(bad({ artefactDirection: [0, 0, 0] })).toThrow("simulation config: phases[0].artefactDirection: must be three ratios >= 0, not all zero");
    expect(bad({ roiKeV: [[9.4, 3]] })).toThrow("simulation config: phases[0].roiKeV[0]: must be [lo, hi] with 0 <= lo < hi");
    expect(bad({ roiKeV: [[3, 9.4], [9, 55]] })).toThrow("simulation config: phases[0].roiKeV[1]: intervals must ascend without overlap");
    expect(() => validateSimConfig({ ...c, phases: [c.phases[0], { ...c.phases[1], id: 1 }] })).toThrow("simulation config: phases[1].id: phase id 1 is used twice");
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
