import { RunState } from "../events/runState.js";
import { parseUtc, type PhaseConfig, type SimConfig } from "./config.js";
import { RngStream, SimRng } from "./rng.js";

/** Hours in the "month" of the per-month rates. */
const HOURS_PER_MONTH = 720;

/** A noble-gas episode (truth: the analysis must find it from the lines). */
export interface NobleGasEpisode {
  phase: number;
  /** First and last run it contributes to (ids), and how many of its runs are "strong" (cut 2). */
  first_run: number;
  last_run: number;
  strong_runs: number;
  /** Line counts per hour at its start, per gas (names as in the config). */
  peak_lines_per_hour: Record<string, number>;
  decay_hours: number;
}

/** The run schedule: everything about the runs that does not depend on their events. */
export interface RunPlan {
  readonly length: number;
  run: Int32Array;
  start_utc: Float64Array;
  duration_s: Float64Array;
  /** True mean power (drives the signal), and the logged power written to the run table. */
  truePowerGW: Float64Array;
  loggedPowerGW: Float64Array;
  state: Uint8Array;
  phase: Int32Array;
  ln2_fill: Uint8Array;
  site_work: Uint8Array;
  /** Pulser run (test pulses interleaved with the data). */
  pulser: Uint8Array;
  /** Run inside a strong noble-gas episode (removed by GEMMA cut 2; truth). */
  nobleStrong: Uint8Array;
  /** Mean noble-gas line counts per hour, run-major: nobleLinesPerHour[i * species + g]. */
  nobleLinesPerHour: Float64Array;
  species: string[];
  episodes: NobleGasEpisode[];
  /** Per phase: logged/true power (the 0.7 % calibration offset), and its good ON/OFF run counts. */
  phases: { id: number; name: string; power_log_scale: number; good_on_runs: number; good_off_runs: number }[];
}

/** Which exposure to schedule: the configured phases, or one short phase of ON then OFF hours. */
export interface ExposureChoice {
  /** Good ON / OFF hours of a single short phase (default 720 / 720: one month each). */
  hoursOn?: number;
  hoursOff?: number;
  /** Use the configured phases (the published exposure) instead. */
  full?: boolean;
}

/** Default short exposure: one month ON, one month OFF. */
export const DEFAULT_HOURS_ON = 720;
export const DEFAULT_HOURS_OFF = 720;

/** The phases to simulate for an exposure choice. */
export function phasesFor(config: SimConfig, exposure: ExposureChoice = {}): PhaseConfig[] {
  if (exposure.full) {
    if (exposure.hoursOn !== undefined || exposure.hoursOff !== undefined) throw new Error("give either full or hoursOn/hoursOff, not both");
    return config.phases;
  }
  const on = exposure.hoursOn ?? DEFAULT_HOURS_ON;
  const off = exposure.hoursOff ?? DEFAULT_HOURS_OFF;
  for (const [k, v] of [["hoursOn", on], ["hoursOff", off]] as const) {
    if (!Number.isInteger(v) || v < 0) throw new Error(`${k} must be an integer >= 0, got ${v}`);
  }
  if (on + off === 0) throw new Error("hoursOn + hoursOff must be > 0");
  const p = config.phases[0];
  return [{ id: p.id, name: `${p.name}, short: ${on} h ON then ${off} h OFF`, startUtc: p.startUtc, segments: [{ state: "ON", goodHours: on }, { state: "OFF", goodHours: off }] }];
}

class Growable {
  n = 0;
  cap = 1024;
  cols: { [k: string]: Float64Array } = {};
  constructor(readonly names: string[]) {
    for (const k of names) this.cols[k] = new Float64Array(this.cap);
  }
  push(row: Record<string, number>): void {
    if (this.n === this.cap) {
      this.cap *= 2;
      for (const k of this.names) {
        const a = new Float64Array(this.cap);
        a.set(this.cols[k]);
        this.cols[k] = a;
      }
    }
    for (const k of this.names) this.cols[k][this.n] = row[k] ?? 0;
    this.n++;
  }
}

interface ActiveEpisode {
  t0: number;
  tau: number;
  peak: number[];
  truth: NobleGasEpisode;
}

/**
 * Builds the run schedule from the configuration and the seed (its own random stream):
 * one-hour runs through each phase's segments, counting good runs (not TRANSITION, LN2 filling,
 * site work or strong noble gas) until each segment has its good hours; ramps (TRANSITION) before
 * and after OFF segments and around load reductions; the power log (AR(1) fluctuations, a per-phase
 * calibration offset); LN2 fills, site-work episodes, weekly pulser runs, noble-gas episodes; then
 * the interruptions (`gapShare`) spread the runs over the phase's calendar.
 */
export function buildSchedule(config: SimConfig, seed: number, exposure: ExposureChoice = {}): RunPlan {
  const rng = new SimRng(seed, RngStream.SCHEDULE, 0);
  const phases = phasesFor(config, exposure);
  const P = config.power;
  const species = config.nobleGas.species;
  const S = species.length;
  const rows = new Growable(["start", "truePower", "state", "phase", "ln2", "site", "pulser", "strong", ...species.map((_, g) => `noble${g}`)]);
  const episodes: NobleGasEpisode[] = [];
  const phaseInfo: RunPlan["phases"] = [];
  const D = config.runDurationS;
  const rho = Math.exp(-1 / P.correlationHours);
  let previousEnd = -Infinity;
  let runIndex = 0;

  for (const phase of phases) {
    const phaseStart = parseUtc(phase.startUtc, `phase ${phase.id} startUtc`);
    if (phaseStart < previousEnd) throw new Error(`phase ${phase.id} starts before the runs of the previous phase end (${new Date(previousEnd * 1000).toISOString()})`);
    const scale = 1 + rng.gauss(0, P.logAccuracyFraction);
    const first = rows.n;
    let hour = 0; // run-hours since the phase start (gaps added afterwards)
    let delta = rng.gauss(0, P.fluctuationFraction);
    let reactorOn = false;
    let nextLn2 = config.runFlags.ln2EveryHours > 0 ? config.runFlags.ln2EveryHours * rng.between(0, 1) : Infinity;
    let siteLeft = 0;
    let pulserPhase = config.pulser.everyHours > 0 ? rng.index(config.pulser.everyHours) : 0;
    const active: ActiveEpisode[] = [];
    const gaps: { after: number; share: number }[] = [];
    let goodOn = 0;
    let goodOff = 0;

    /** Appends one run; returns whether it is good. */
    const addRun = (state: number, powerFraction: number): boolean => {
      // Power: AR(1) fluctuations at full power (GEMMA sec. 3 monitors the flux through it).
      delta = rho * delta + Math.sqrt(1 - rho * rho) * rng.gauss(0, P.fluctuationFraction);
      const truePower = state === RunState.OFF ? 0 : P.nominalGW * powerFraction * (state === RunState.ON ? 1 + delta : 1);
      // LN2 filling every ~ln2EveryHours (+-25 %).
      let ln2 = 0;
      if (hour >= nextLn2) {
        ln2 = 1;
        nextLn2 = hour + config.runFlags.ln2EveryHours * rng.between(0.75, 1.25);
      }
      // Site work: episodes of [lo, hi] hours.
      if (siteLeft === 0 && rng.chance(config.runFlags.siteWorkPerMonth / HOURS_PER_MONTH)) {
        const [lo, hi] = config.runFlags.siteWorkHours;
        siteLeft = Math.round(rng.between(lo, hi));
      }
      const site = siteLeft > 0 ? 1 : 0;
      if (siteLeft > 0) siteLeft--;
      // Noble-gas episodes: start at a random time in this hour, decay exponentially.
      if (rng.chance(config.nobleGas.episodesPerMonth / HOURS_PER_MONTH)) {
        const [a, b] = config.nobleGas.peakLinesPerHour;
        const total = a * Math.pow(b / a, rng.uniform());
        const w = species.map((s) => rng.between(s.episodeWeight[0], s.episodeWeight[1]));
        const sw = w.reduce((x, y) => x + y, 0);
        const peak = w.map((x) => (sw > 0 ? (total * x) / sw : total / S));
        const tau = rng.between(config.nobleGas.decayHours[0], config.nobleGas.decayHours[1]);
        const truth: NobleGasEpisode = {
          phase: phase.id,
          first_run: runIndex + 1,
          last_run: runIndex + 1,
          strong_runs: 0,
          peak_lines_per_hour: Object.fromEntries(species.map((s, g) => [s.name, peak[g]])),
          decay_hours: tau,
        };
        episodes.push(truth);
        active.push({ t0: hour + rng.uniform(), tau, peak, truth });
      }
      const noble = species.map((s) => (state === RunState.OFF ? s.baselineOffPerHour : s.baselineOnPerHour));
      let episodeSum = 0;
      for (let k = active.length - 1; k >= 0; k--) {
        const e = active[k];
        const from = Math.max(hour, e.t0);
        // Mean over [hour, hour + 1) of exp(-(t - t0)/tau) after the start.
        const f = from < hour + 1 ? e.tau * (Math.exp(-(from - e.t0) / e.tau) - Math.exp(-(hour + 1 - e.t0) / e.tau)) : 0;
        for (let g = 0; g < S; g++) {
          noble[g] += e.peak[g] * f;
          episodeSum += e.peak[g] * f;
        }
        e.truth.last_run = runIndex + 1;
        if (e.peak.reduce((x, y) => x + y, 0) * Math.exp(-(hour + 1 - e.t0) / e.tau) < 1e-3) active.splice(k, 1);
      }
      const strong = episodeSum > config.nobleGas.visibleLinesPerHour ? 1 : 0;
      let pulser = 0;
      if (config.pulser.everyHours > 0 && hour % config.pulser.everyHours === pulserPhase) pulser = 1;
      const row: Record<string, number> = { start: hour, truePower, state, phase: phase.id, ln2, site, pulser, strong };
      for (let g = 0; g < S; g++) row[`noble${g}`] = noble[g];
      rows.push(row);
      if (strong) {
        // Attribute the strong run to the episode contributing most.
        let best: ActiveEpisode | null = null;
        let bestF = -1;
        for (const e of active) {
          const f = e.peak.reduce((x, y) => x + y, 0) * Math.exp(-(hour - e.t0) / e.tau);
          if (e.t0 < hour + 1 && f > bestF) {
            bestF = f;
            best = e;
          }
        }
        if (best) best.truth.strong_runs++;
      }
      hour++;
      runIndex++;
      return state !== RunState.TRANSITION && !ln2 && !site && !strong;
    };

    phase.segments.forEach((seg, j) => {
      if (!("state" in seg)) {
        gaps.push({ after: rows.n - first, share: seg.gapShare });
        return;
      }
      if (seg.goodHours === 0) return;
      if (seg.state === "OFF" && reactorOn) {
        for (let k = 0; k < P.rampDownHours; k++) addRun(RunState.TRANSITION, 1 - (k + 0.5) / P.rampDownHours);
        reactorOn = false;
      }
      if (seg.state === "ON" && !reactorOn && j > 0 && phase.segments.slice(0, j).some((s) => "state" in s && s.state === "OFF" && s.goodHours > 0)) {
        for (let k = 0; k < P.rampUpHours; k++) addRun(RunState.TRANSITION, (k + 0.5) / P.rampUpHours);
      }
      if (seg.state === "ON") reactorOn = true;
      let good = 0;
      while (good < seg.goodHours) {
        if (seg.state === "ON" && rng.chance(P.loadReductionsPerMonth / HOURS_PER_MONTH)) {
          // Load reduction: one TRANSITION run down, a plateau (state ON, good), one TRANSITION run up.
          const level = rng.between(P.loadReductionLevel[0], P.loadReductionLevel[1]);
          const plateau = Math.round(rng.between(P.loadReductionHours[0], P.loadReductionHours[1]));
          addRun(RunState.TRANSITION, (1 + level) / 2);
          for (let k = 0; k < plateau && good < seg.goodHours; k++) if (addRun(RunState.ON, level)) good++;
          addRun(RunState.TRANSITION, (1 + level) / 2);
          continue;
        }
        if (addRun(seg.state === "ON" ? RunState.ON : RunState.OFF, 1)) good++;
      }
      if (seg.state === "ON") goodOn += good;
      else goodOff += good;
    });

    // Spread the runs over the calendar: interruptions take the spare time in proportion to their shares.
    const nRuns = rows.n - first;
    let spareH = 0;
    if (phase.endUtc !== undefined) {
      const calendarH = Math.floor((parseUtc(phase.endUtc, `phase ${phase.id} endUtc`) - phaseStart) / 3600);
      const needH = Math.ceil((nRuns * D) / 3600);
      if (needH > calendarH) throw new Error(`phase ${phase.id} (${phase.name}) needs ${needH} run-hours but its calendar ${phase.startUtc} .. ${phase.endUtc} has only ${calendarH}`);
      spareH = calendarH - needH;
    }
    const shares = gaps.reduce((x, g) => x + g.share, 0);
    let offsetS = 0;
    let gi = 0;
    for (let k = 0; k < nRuns; k++) {
      while (gi < gaps.length && gaps[gi].after === k) {
        offsetS += shares > 0 ? Math.floor((spareH * gaps[gi].share) / shares) * 3600 : 0;
        gi++;
      }
      rows.cols.start[first + k] = phaseStart + offsetS + k * D;
    }
    previousEnd = nRuns > 0 ? rows.cols.start[rows.n - 1] + D : phaseStart;
    phaseInfo.push({ id: phase.id, name: phase.name, power_log_scale: scale, good_on_runs: goodOn, good_off_runs: goodOff });
  }

  const n = rows.n;
  const c = rows.cols;
  const plan: RunPlan = {
    length: n,
    run: new Int32Array(n),
    start_utc: c.start.slice(0, n),
    duration_s: new Float64Array(n).fill(D),
    truePowerGW: c.truePower.slice(0, n),
    loggedPowerGW: new Float64Array(n),
    state: Uint8Array.from(c.state.subarray(0, n)),
    phase: Int32Array.from(c.phase.subarray(0, n)),
    ln2_fill: Uint8Array.from(c.ln2.subarray(0, n)),
    site_work: Uint8Array.from(c.site.subarray(0, n)),
    pulser: Uint8Array.from(c.pulser.subarray(0, n)),
    nobleStrong: Uint8Array.from(c.strong.subarray(0, n)),
    nobleLinesPerHour: new Float64Array(n * S),
    species: species.map((s) => s.name),
    episodes,
    phases: phaseInfo,
  };
  const scaleOf = new Map(phaseInfo.map((p) => [p.id, p.power_log_scale]));
  for (let i = 0; i < n; i++) {
    plan.run[i] = i + 1;
    plan.loggedPowerGW[i] = plan.truePowerGW[i] * scaleOf.get(plan.phase[i])!;
    for (let g = 0; g < S; g++) plan.nobleLinesPerHour[i * S + g] = c[`noble${g}`][i];
  }
  return plan;
}

/** Whether run i is good in truth (what GEMMA's run selection keeps): ON or OFF, no LN2, no site work, no strong noble gas. */
export function isGoodRun(plan: RunPlan, i: number): boolean {
  return plan.state[i] !== RunState.TRANSITION && !plan.ln2_fill[i] && !plan.site_work[i] && !plan.nobleStrong[i];
}
