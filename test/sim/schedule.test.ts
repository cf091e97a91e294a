import { describe, expect, it } from "vitest";
import { RunState } from "../../lib/events/runState.js";
import { buildSchedule, gemmaConfig, isGoodRun, parseUtc, texonoConfig } from "../../lib/sim/index.js";

describe("buildSchedule: the full GEMMA exposure (no events)", () => {
  const c = gemmaConfig();
  const plan = buildSchedule(c, 11, { full: true });
  const count = (f: (i: number) => boolean) => {
    let n = 0;
    for (let i = 0; i < plan.length; i++) if (f(i)) n++;
    return n;
  };
  it("has exactly 5184 + 6798 good ON and 1853 + 1021 good OFF one-hour runs (GEMMA abstract), ~15 000 runs in all", () => {
    // Phase II is simulated as two periods (codes 2 and 3, lib/sim/gemma.ts); their sum is the paper's.
    for (const [phases, on, off] of [
      [[1], 5184, 1853],
      [[2, 3], 6798, 1021],
    ] as const) {
      expect(count((i) => phases.includes(plan.phase[i] as never) && isGoodRun(plan, i) && plan.state[i] === RunState.ON)).toBe(on);
      expect(count((i) => phases.includes(plan.phase[i] as never) && isGoodRun(plan, i) && plan.state[i] === RunState.OFF)).toBe(off);
    }
    expect(plan.phases.map((p) => [p.good_on_runs, p.good_off_runs])).toEqual([
      [5184, 1853],
      [3399, 511],
      [3399, 510],
    ]);
    expect(plan.length).toBeGreaterThan(15000);
    expect(plan.length).toBeLessThan(16500);
  });
  it("adds bad runs on top: LN2 fills every ~3 days, site work, strong noble gas, ramps (TRANSITION)", () => {
    const runs = plan.length;
    expect(count((i) => plan.ln2_fill[i] === 1) / runs).toBeGreaterThan(0.8 / 72);
    expect(count((i) => plan.ln2_fill[i] === 1) / runs).toBeLessThan(1.2 / 72);
    expect(count((i) => plan.site_work[i] === 1)).toBeGreaterThan(50);
    expect(count((i) => plan.nobleStrong[i] === 1)).toBeGreaterThan(50);
    expect(count((i) => plan.state[i] === RunState.TRANSITION)).toBeGreaterThanOrEqual(2 * (c.power.rampDownHours + c.power.rampUpHours));
    expect(plan.episodes.length).toBeGreaterThan(30);
  });
  it("runs are one hour, in time order without overlap, within each phase's dates", () => {
    for (let i = 1; i < plan.length; i++) expect(plan.start_utc[i]).toBeGreaterThanOrEqual(plan.start_utc[i - 1] + 3600);
    const first2 = plan.phase.indexOf(2);
    expect(new Date(plan.start_utc[0] * 1000).toISOString().slice(0, 10)).toBe("2005-08-01");
    expect(new Date(plan.start_utc[first2] * 1000).toISOString().slice(0, 7)).toBe("2006-09");
    expect(plan.start_utc[first2 - 1] + 3600).toBeLessThanOrEqual(parseUtc(c.phases[0].endUtc!, "end"));
    const first3 = plan.phase.indexOf(3);
    expect(plan.start_utc[first3 - 1] + 3600).toBeLessThanOrEqual(parseUtc(c.phases[1].endUtc!, "end"));
    expect(plan.start_utc[first3]).toBeGreaterThanOrEqual(parseUtc(c.phases[2].startUtc, "start"));
    expect(plan.start_utc[plan.length - 1] + 3600).toBeLessThanOrEqual(parseUtc(c.phases[2].endUtc!, "end"));
    // the interruptions fill the calendar: the last run of Phase II is in May 2008
    expect(new Date(plan.start_utc[plan.length - 1] * 1000).toISOString().slice(0, 7)).toBe("2008-05");
  });
  it("power: 0 when OFF; ~nominal with ~0.5 % fluctuations when ON; ramps between; logged = true x (1 + 0.7 % offset)", () => {
    const on: number[] = [];
    for (let i = 0; i < plan.length; i++) {
      if (plan.state[i] === RunState.OFF) expect(plan.truePowerGW[i]).toBe(0);
      if (plan.state[i] === RunState.ON && plan.truePowerGW[i] > 0.97 * c.power.nominalGW) on.push(plan.truePowerGW[i] / c.power.nominalGW - 1);
    }
    const mean = on.reduce((a, b) => a + b, 0) / on.length;
    const rms = Math.sqrt(on.reduce((a, b) => a + (b - mean) ** 2, 0) / on.length);
    expect(Math.abs(mean)).toBeLessThan(0.003);
    expect(rms).toBeGreaterThan(0.003);
    expect(rms).toBeLessThan(0.008);
    for (const p of plan.phases) expect(Math.abs(p.power_log_scale - 1)).toBeLessThan(4 * c.power.logAccuracyFraction);
    const i = plan.phase.indexOf(1);
    expect(plan.loggedPowerGW[i] / plan.truePowerGW[i]).toBeCloseTo(plan.phases[0].power_log_scale, 12);
    // a ramp down: TRANSITION runs with falling power just before the first OFF run
    const firstOff = plan.state.indexOf(RunState.OFF);
    const ramp = Array.from(plan.truePowerGW.subarray(firstOff - c.power.rampDownHours, firstOff));
    expect(Array.from(plan.state.subarray(firstOff - c.power.rampDownHours, firstOff)).every((s) => s === RunState.TRANSITION)).toBe(true);
    for (let k = 1; k < ramp.length; k++) expect(ramp[k]).toBeLessThan(ramp[k - 1]);
  });
  it("weekly pulser runs", () => {
    expect(Math.abs(count((i) => plan.pulser[i] === 1) - plan.length / 168)).toBeLessThan(5);
  });
  it("is a function of the seed", () => {
    const again = buildSchedule(c, 11, { full: true });
    expect(again.start_utc).toEqual(plan.start_utc);
    expect(again.truePowerGW).toEqual(plan.truePowerGW);
    expect(buildSchedule(c, 12, { full: true }).truePowerGW).not.toEqual(plan.truePowerGW);
  });
});

describe("buildSchedule: short exposures", () => {
  it("default: one month ON then one month OFF of good runs", () => {
    const plan = buildSchedule(gemmaConfig(), 1);
    expect(plan.phases[0].good_on_runs).toBe(720);
    expect(plan.phases[0].good_off_runs).toBe(720);
  });
  it("hoursOn / hoursOff, and TEXONO's full exposure 13697 / 3067 h", () => {
    const p = buildSchedule(gemmaConfig(), 1, { hoursOn: 10, hoursOff: 0 });
    expect(p.phases[0].good_on_runs).toBe(10);
    expect(p.phases[0].good_off_runs).toBe(0);
    const t = buildSchedule(texonoConfig(), 1, { full: true });
    expect(t.phases[0].good_on_runs).toBe(13697);
    expect(t.phases[0].good_off_runs).toBe(3067);
    expect(() => buildSchedule(gemmaConfig(), 1, { hoursOn: -1 })).toThrow("hoursOn must be an integer >= 0");
    expect(() => buildSchedule(gemmaConfig(), 1, { full: true, hoursOn: 3 })).toThrow("not both");
  });
});
