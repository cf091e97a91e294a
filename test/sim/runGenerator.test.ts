import normalCdf from "@stdlib/stats-base-dists-normal-cdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Origin } from "../../lib/events/origin.js";
import { RunState } from "../../lib/events/runState.js";
import { buildSchedule, isGoodRun, parseUtc } from "../../lib/sim/index.js";
import { scratch, smallGemmaDataset, type LoadedDataset } from "./helpers.js";

// Properties of the simulated GEMMA events, read back from the event and truth files of the shared
// small dataset (240 h ON + 240 h OFF). Tolerances: 4 sigma of Poisson (counts) or binomial
// (fractions) statistics unless said otherwise.

const within = (n: number, expected: number, sigmas = 4) => Math.abs(n - expected) < sigmas * Math.sqrt(expected);

describe("simulated GEMMA events", () => {
  const tmp = scratch();
  let d: LoadedDataset;
  let good: Uint8Array; // per run row: good run in truth (GEMMA run selection)
  let liveAllDays = 0;
  let liveGoodDays = 0;
  beforeAll(() => {
    d = smallGemmaDataset(tmp.dir);
    const plan = buildSchedule(d.config, 20260101, { hoursOn: 240, hoursOff: 240 });
    good = new Uint8Array(plan.length);
    for (let i = 0; i < plan.length; i++) {
      good[i] = isGoodRun(plan, i) ? 1 : 0;
      liveAllDays += d.runs.live_time_s[i] / 86400;
      if (good[i]) liveGoodDays += d.runs.live_time_s[i] / 86400;
    }
  });
  afterAll(() => tmp.cleanup());

  const inRoi = (e: number) => (e >= 3 && e < 9.4) || (e >= 11.2 && e < 55);
  const ROI_WIDTH = 6.4 + 43.8;

  it("continuum in the ROI (all runs, with and without NaI) matches (1 + 3) x 1.8 + 3.5 exp(-E/3.5 keV) counts/(keV kg day)", () => {
    const { ev } = d;
    let n = 0;
    for (let j = 0; j < ev.length; j++) if (ev.truth.origin[j] === Origin.CONTINUUM && inRoi(ev.truth.e_true_kev![j])) n++;
    const exp = (a: number, b: number) => 3.5 * 3.5 * (Math.exp(-a / 3.5) - Math.exp(-b / 3.5));
    const perKgDay = 4 * 1.8 * ROI_WIDTH + exp(3, 9.4) + exp(11.2, 55);
    // the trigger efficiency loses ~2e-4 of these (eta(3 keV) = 0.9968): far below the statistical error
    expect(within(n, perKgDay * 1.5 * liveAllDays)).toBe(true);
  });
  it("the NaI cup tags 3/4 of the Compton plateau (suppression factor 4)", () => {
    const { ev } = d;
    let n = 0;
    let tagged = 0;
    for (let j = 0; j < ev.length; j++) {
      const e = ev.truth.e_true_kev![j];
      if (ev.truth.origin[j] === Origin.CONTINUUM && e > 30 && e < 1000) {
        n++;
        if (ev.nai_kev[j] > 0) tagged++;
      }
    }
    expect(Math.abs(tagged / n - 0.75)).toBeLessThan(4 * Math.sqrt((0.75 * 0.25) / n));
  });
  it("after an ideal GEMMA selection (good runs, no NaI, no veto, physical origins) the ROI background is ~2 counts/(keV kg day), noble gases 0.5-2.5 % of it", () => {
    const { ev, runRow } = d;
    let n = 0;
    let noble = 0;
    const physical = new Set<number>([Origin.CONTINUUM, Origin.LINE, Origin.NOBLE_GAS, Origin.NEUTRON, Origin.MUON]);
    for (let j = 0; j < ev.length; j++) {
      const o = ev.truth.origin[j];
      if (!physical.has(o) || ev.nai_kev[j] > 0 || ev.veto[j] || !good[runRow.get(ev.run[j])!]) continue;
      if (!inRoi(ev.truth.e_true_kev![j])) continue;
      n++;
      if (o === Origin.NOBLE_GAS) noble++;
    }
    const level = n / (1.5 * liveGoodDays * ROI_WIDTH);
    expect(level).toBeGreaterThan(1.8);
    expect(level).toBeLessThan(2.2);
    expect(noble / n).toBeGreaterThan(0.005);
    expect(noble / n).toBeLessThan(0.025);
  });
  it("gamma lines: 40K 1460.8 keV at 6.4 /(kg d); the Ga K line of 68Ge decays with T1/2 = 270.95 d; 60Co has NaI coincidences 35 %", () => {
    const { ev, runs, runRow } = d;
    const k40 = Math.fround(1460.82);
    const gaK = Math.fround(10.367);
    const co = Math.fround(1332.492);
    let nK = 0;
    let nGa = 0;
    let nCo = 0;
    let coNai = 0;
    for (let j = 0; j < ev.length; j++) {
      if (ev.truth.origin[j] !== Origin.LINE) continue;
      const e = ev.truth.e_true_kev![j];
      if (e === k40) nK++;
      else if (e === gaK) nGa++;
      else if (e === co) {
        nCo++;
        if (ev.nai_kev[j] > 0) coNai++;
      }
    }
    void runRow;
    expect(within(nK, 6.4 * 1.5 * liveAllDays)).toBe(true);
    const ref = parseUtc("2005-08-01T00:00:00Z", "ref");
    let expGa = 0;
    for (let i = 0; i < runs.length; i++) {
      const tDays = (runs.start_utc[i] + 1800 - ref) / 86400;
      expGa += (runs.live_time_s[i] / 86400) * 1.5 * (8 * Math.pow(2, -tDays / 270.95) + 2);
    }
    expect(within(nGa, expGa)).toBe(true);
    expect(Math.abs(coNai / nCo - 0.35)).toBeLessThan(4 * Math.sqrt((0.35 * 0.65) / nCo) + 0.001);
  });
  it("50 Hz pick-up: successive pick-up events are n x 20.0 ms apart within 0.1 ms (>= 99 %)", () => {
    const { ev } = d;
    let pairs = 0;
    let onGrid = 0;
    let lastRun = -1;
    let lastT = 0;
    for (let j = 0; j < ev.length; j++) {
      if (ev.truth.origin[j] !== Origin.PICKUP) continue;
      if (ev.run[j] === lastRun && ev.time_s[j] - lastT < 1) {
        const dtMs = (ev.time_s[j] - lastT) * 1000;
        pairs++;
        if (Math.abs(dtMs - 20 * Math.round(dtMs / 20)) < 0.1 && dtMs > 19) onGrid++;
      }
      lastRun = ev.run[j];
      lastT = ev.time_s[j];
    }
    expect(pairs).toBeGreaterThan(500);
    expect(onGrid / pairs).toBeGreaterThan(0.99);
  });
  it("ringing: successive events of a train are < 80 ms apart; trains are far apart (good runs)", () => {
    const { ev, runRow } = d;
    let close = 0;
    let between = 0;
    let gaps = 0;
    let lastRun = -1;
    let lastT = 0;
    for (let j = 0; j < ev.length; j++) {
      if (ev.truth.origin[j] !== Origin.RINGING || !good[runRow.get(ev.run[j])!]) continue;
      if (ev.run[j] === lastRun) {
        const dt = ev.time_s[j] - lastT;
        gaps++;
        if (dt < 0.08) close++;
        else if (dt < 1) between++;
      }
      lastRun = ev.run[j];
      lastT = ev.time_s[j];
    }
    expect(gaps).toBeGreaterThan(200);
    expect(close / gaps).toBeGreaterThan(0.5);
    expect(between / gaps).toBeLessThan(0.01);
  });
  it("noisy seconds: each second with burst events has more than 5 events above 2 keV (GEMMA cut 3, >= 99 %)", () => {
    const { ev } = d;
    const perSecond = new Map<string, number>();
    const burstSeconds = new Set<string>();
    for (let j = 0; j < ev.length; j++) {
      const key = `${ev.run[j]}:${Math.floor(ev.time_s[j])}`;
      if (ev.truth.origin[j] === Origin.NOISE_BURST) burstSeconds.add(key);
      if (ev.e2_kev[j] > 2 && ev.pulser[j] === 0) perSecond.set(key, (perSecond.get(key) ?? 0) + 1);
    }
    let ok = 0;
    for (const k of burstSeconds) if ((perSecond.get(k) ?? 0) > 5) ok++;
    expect(burstSeconds.size).toBeGreaterThan(300);
    expect(ok / burstSeconds.size).toBeGreaterThan(0.99);
  });
  it("artefacts (E1 > 4 keV) lie > 5 sigma off the E1 = E2 = E3 diagonal along E1 : E2 : E3 = 1 : 0.55 : 0.25; physical events lie on it", () => {
    const { ev, config } = d;
    const s1 = config.channels[0].sigma0KeV;
    const s3 = config.channels[2].sigma0KeV;
    let n = 0;
    let off = 0;
    let ratio = 0;
    let phys = 0;
    let physOn = 0;
    for (let j = 0; j < ev.length; j++) {
      const o = ev.truth.origin[j];
      if (o === Origin.ARTEFACT && ev.e1_kev[j] > 4) {
        n++;
        ratio += ev.e3_kev[j] / ev.e1_kev[j];
        if ((ev.e1_kev[j] - ev.e3_kev[j]) / Math.hypot(s1, s3) > 5) off++;
      }
      const e = ev.truth.e_true_kev![j];
      if (o === Origin.CONTINUUM && e > 3 && e < 55) {
        phys++;
        if (Math.abs(ev.e1_kev[j] / config.channels[0].gain - ev.e3_kev[j] / config.channels[2].gain) < 5 * Math.hypot(s1, s3)) physOn++;
      }
    }
    expect(n).toBeGreaterThan(500);
    expect(off / n).toBeGreaterThan(0.99);
    expect(ratio / n).toBeCloseTo(0.25, 1);
    expect(physOn / phys).toBeGreaterThan(0.999);
  });
  it("pulser: recorded / sent pulses follow GEMMA (4), Phi((A - 1.5 keV) / 0.55 keV), at every amplitude; the truth counts agree with the summary", () => {
    const { ev, summary } = d;
    const { amplitudes_kev: amps, sent } = summary.pulser;
    const rec = new Array(amps.length).fill(0);
    for (let j = 0; j < ev.length; j++) {
      if (ev.pulser[j] !== 1) continue;
      if (ev.truth.origin[j] !== Origin.PULSER) rec.push(NaN);
      rec[amps.findIndex((a) => Math.fround(a) === ev.truth.e_true_kev![j])]++;
    }
    expect(rec).toEqual(summary.pulser.recorded);
    expect(sent.reduce((a, b) => a + b, 0)).toBe(summary.runs.pulser * 5 * 3600);
    amps.forEach((a, k) => {
      const eta = normalCdf(a, 1.5, 0.55);
      const sd = Math.sqrt((eta * (1 - eta)) / sent[k]) + 1 / sent[k];
      expect(Math.abs(rec[k] / sent[k] - eta), `A = ${a} keV`).toBeLessThan(4 * sd + 2e-4);
    });
  });
  it("muons are vetoed (98 %) and mostly in the ADC overflow; noise and signal carry no NaI energy beyond random coincidences", () => {
    const { ev } = d;
    let mu = 0;
    let muVeto = 0;
    let overflow = 0;
    let noise = 0;
    let noiseNai = 0;
    for (let j = 0; j < ev.length; j++) {
      const o = ev.truth.origin[j];
      if (o === Origin.MUON) {
        mu++;
        if (ev.veto[j]) muVeto++;
        if (ev.e3_kev[j] === 3000) overflow++;
      } else if (o === Origin.NOISE_BURST || o === Origin.ARTEFACT) {
        noise++;
        if (ev.nai_kev[j] > 0) noiseNai++;
      }
    }
    expect(overflow / mu).toBeGreaterThan(0.9);
    expect(Math.abs(muVeto / mu - 0.98)).toBeLessThan(4 * Math.sqrt((0.98 * 0.02) / mu) + 0.002);
    expect(noiseNai / noise).toBeLessThan(2e-3);
  });
  it("no event of reactor-OFF runs is labelled signal, and every event has a known origin", () => {
    const { ev, runs, runRow } = d;
    let unknown = 0;
    let signalOff = 0;
    for (let j = 0; j < ev.length; j++) {
      const o = ev.truth.origin[j];
      if (o === Origin.UNKNOWN) unknown++;
      if ((o === Origin.SIGNAL_EM || o === Origin.SIGNAL_WEAK) && runs.state[runRow.get(ev.run[j])!] === RunState.OFF) signalOff++;
    }
    expect(unknown).toBe(0);
    expect(signalOff).toBe(0);
  });
});
