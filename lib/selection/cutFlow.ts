/*
 * The cut-flow: counts of events and live time through the selection, per period and reactor state,
 * with per-origin efficiencies when truth labels are at hand. Everything is counted, not subtracted:
 * "kept" is the number of events still active at the end and the live time left in the ledger, so
 * events_in = events_kept + sum(events_removed) is a real check (exact), and the live time balances
 * to rounding.
 */
import { ORIGIN_NAMES, Origin, RUN_STATE_NAMES, type EventColumns, type RunTable } from "../events/index.js";
import { eventRunRows, sumS, type CutResult, type SelectionState } from "./state.js";
import { ResultTable } from "../fit/resultTable.js";

/** Number of origin slots counted (uint8 codes). */
const N_ORIGIN = 256;

/** One cut's line of a cut-flow. */
export interface CutFlowStep {
  readonly name: string;
  readonly eventsIn: number;
  readonly eventsRemoved: number;
  readonly liveTimeInS: number;
  readonly liveTimeRemovedS: number;
  /** Events of each origin code entering the cut (truth only). */
  readonly originIn?: Float64Array;
  /** Events of each origin code removed by the cut (truth only). */
  readonly originRemoved?: Float64Array;
}

/** The cut-flow of one group of runs (a reactor state, or all). */
export interface CutFlowCounts {
  readonly eventsIn: number;
  readonly liveTimeInS: number;
  readonly steps: readonly CutFlowStep[];
  readonly eventsKept: number;
  readonly liveTimeKeptS: number;
  readonly originIn?: Float64Array;
  readonly originKept?: Float64Array;
}

/** The cut-flow of one period: all runs, and by reactor state (ON, OFF, TRANSITION; states with no runs left out). */
export interface PeriodCutFlow {
  readonly period: string;
  readonly all: CutFlowCounts;
  readonly byState: Readonly<Record<string, CutFlowCounts>>;
}

/**
 * Counts a cut sequence. `states[0]` is the state before the first cut and `states[j+1]` the state
 * after `cuts[j]`; `origin` (optional) the truth code of each event.
 */
export function countCutFlow(
  period: string,
  events: EventColumns,
  runs: RunTable,
  states: readonly SelectionState[],
  cuts: readonly CutResult[],
  origin?: Uint8Array,
): PeriodCutFlow {
  if (states.length !== cuts.length + 1) throw new Error(`countCutFlow: ${states.length} states for ${cuts.length} cuts (need cuts + 1)`);
  const nCuts = cuts.length;
  if (nCuts > 250) throw new Error("countCutFlow: at most 250 cuts");
  const rows = eventRunRows(events, runs);
  const n = events.length;
  // One pass per cut for the step at which each event went (nCuts: kept to the end; 255: never in play),
  // then one pass over the events for every group at once.
  const OUT = 255;
  const at = new Uint8Array(n);
  const a0 = states[0].active;
  for (let i = 0; i < n; i++) at[i] = a0[i] ? nCuts : OUT;
  for (let j = 0; j < nCuts; j++) {
    const act = states[j].active;
    const keep = cuts[j].keep;
    for (let i = 0; i < n; i++) if (at[i] === nCuts && act[i] && !keep[i]) at[i] = j;
  }
  const groupNames = ["ALL"];
  const groupOfState = new Int32Array(256).fill(-1);
  for (let code = 0; code < RUN_STATE_NAMES.length; code++) {
    let any = false;
    for (let r = 0; r < runs.length && !any; r++) any = states[0].runActive[r] === 1 && runs.state[r] === code;
    if (any) {
      groupOfState[code] = groupNames.length;
      groupNames.push(RUN_STATE_NAMES[code]);
    }
  }
  const G = groupNames.length;
  const S = nCuts + 1;
  const hist = new Float64Array(G * S);
  const ohist = origin ? new Float64Array(G * S * N_ORIGIN) : null;
  for (let i = 0; i < n; i++) {
    const k = at[i];
    if (k === OUT) continue;
    const g = groupOfState[runs.state[rows[i]]];
    hist[k]++;
    if (g > 0) hist[g * S + k]++;
    if (ohist && origin) {
      const o = origin[i];
      ohist[k * N_ORIGIN + o]++;
      if (g > 0) ohist[(g * S + k) * N_ORIGIN + o]++;
    }
  }
  const out: Record<string, CutFlowCounts> = {};
  for (let g = 0; g < G; g++) {
    const code = g === 0 ? -1 : RUN_STATE_NAMES.indexOf(groupNames[g] as (typeof RUN_STATE_NAMES)[number]);
    const inGroup = (r: number): boolean => g === 0 || runs.state[r] === code;
    const liveOf = (v: Float64Array): number => {
      const xs: number[] = [];
      for (let r = 0; r < runs.length; r++) if (inGroup(r)) xs.push(v[r]);
      return sumS(xs);
    };
    /** Events (and per origin) that reached step j, i.e. removed at j or later, or kept. */
    const reached = (j: number): { n: number; o?: Float64Array } => {
      let m = 0;
      const o = ohist ? new Float64Array(N_ORIGIN) : undefined;
      for (let k = j; k < S; k++) {
        m += hist[g * S + k];
        if (o && ohist) for (let q = 0; q < N_ORIGIN; q++) o[q] += ohist[(g * S + k) * N_ORIGIN + q];
      }
      return { n: m, o };
    };
    const steps: CutFlowStep[] = [];
    for (let j = 0; j < nCuts; j++) {
      const r = reached(j);
      const originRemoved = ohist ? ohist.slice((g * S + j) * N_ORIGIN, (g * S + j + 1) * N_ORIGIN) : undefined;
      steps.push({
        name: cuts[j].name,
        eventsIn: r.n,
        eventsRemoved: hist[g * S + j],
        liveTimeInS: liveOf(states[j].liveTimeS),
        liveTimeRemovedS: liveOf(cuts[j].liveTimeRemovedByRunS),
        originIn: r.o,
        originRemoved,
      });
    }
    const first = reached(0);
    const last = reached(nCuts);
    out[groupNames[g]] = {
      eventsIn: first.n,
      liveTimeInS: liveOf(states[0].liveTimeS),
      steps,
      eventsKept: last.n,
      liveTimeKeptS: liveOf(states[nCuts].liveTimeS),
      originIn: first.o,
      originKept: last.o,
    };
  }
  const { ALL, ...byState } = out;
  return { period, all: ALL, byState };
}

/** Adds cut-flow counts with the same cut sequence. */
function addCounts(a: CutFlowCounts, b: CutFlowCounts): CutFlowCounts {
  if (a.steps.length !== b.steps.length || a.steps.some((s, j) => s.name !== b.steps[j].name)) throw new Error("CutFlow: periods with different cut sequences cannot be combined");
  const addO = (x?: Float64Array, y?: Float64Array): Float64Array | undefined => {
    if (!x || !y) return undefined;
    const o = new Float64Array(N_ORIGIN);
    for (let i = 0; i < N_ORIGIN; i++) o[i] = x[i] + y[i];
    return o;
  };
  return {
    eventsIn: a.eventsIn + b.eventsIn,
    liveTimeInS: a.liveTimeInS + b.liveTimeInS,
    eventsKept: a.eventsKept + b.eventsKept,
    liveTimeKeptS: a.liveTimeKeptS + b.liveTimeKeptS,
    originIn: addO(a.originIn, b.originIn),
    originKept: addO(a.originKept, b.originKept),
    steps: a.steps.map((s, j) => {
      const t = b.steps[j];
      return {
        name: s.name,
        eventsIn: s.eventsIn + t.eventsIn,
        eventsRemoved: s.eventsRemoved + t.eventsRemoved,
        liveTimeInS: s.liveTimeInS + t.liveTimeInS,
        liveTimeRemovedS: s.liveTimeRemovedS + t.liveTimeRemovedS,
        originIn: addO(s.originIn, t.originIn),
        originRemoved: addO(s.originRemoved, t.originRemoved),
      };
    }),
  };
}

const SIGNAL = [Origin.SIGNAL_EM, Origin.SIGNAL_WEAK];

/** JSON of one CutFlowCounts (snake_case, as in the public JSON). */
function countsJson(c: CutFlowCounts): Record<string, unknown> {
  return {
    events_in: c.eventsIn,
    events_kept: c.eventsKept,
    live_time_in_s: c.liveTimeInS,
    live_time_kept_s: c.liveTimeKeptS,
    cuts: c.steps.map((s) => {
      const j: Record<string, unknown> = { name: s.name, events_in: s.eventsIn, events_removed: s.eventsRemoved, live_time_in_s: s.liveTimeInS, live_time_removed_s: s.liveTimeRemovedS };
      if (s.originIn && s.originRemoved) {
        const sigIn = SIGNAL.reduce((t, o) => t + s.originIn![o], 0);
        const sigOut = SIGNAL.reduce((t, o) => t + s.originRemoved![o], 0);
        // Defined only where signal events entered the cut (an OFF state has none): absent otherwise, never null.
        j.signal_in = sigIn;
        if (sigIn > 0) j.signal_efficiency = 1 - sigOut / sigIn;
        const rej: Record<string, number> = {};
        for (let o = 0; o < N_ORIGIN; o++) if (s.originIn[o] > 0 && !SIGNAL.includes(o as 1 | 2)) rej[ORIGIN_NAMES[o] ?? `code ${o}`] = s.originRemoved[o] / s.originIn[o];
        j.rejection = rej;
      }
      return j;
    }),
  };
}

/**
 * The result of a selection over one or more periods. `toJSON()` gives totals, per-cut totals and
 * the per-period, per-state tables; `toString()` a text table.
 */
export class CutFlow {
  readonly periods: readonly PeriodCutFlow[];
  /** Totals over the periods. */
  readonly total: CutFlowCounts;
  /** Totals by reactor state over the periods. */
  readonly totalByState: Readonly<Record<string, CutFlowCounts>>;

  constructor(periods: readonly PeriodCutFlow[]) {
    if (periods.length === 0) throw new Error("CutFlow: no periods");
    this.periods = periods;
    this.total = periods.map((p) => p.all).reduce(addCounts);
    const by: Record<string, CutFlowCounts> = {};
    for (const p of periods) for (const [k, v] of Object.entries(p.byState)) by[k] = by[k] ? addCounts(by[k], v) : v;
    this.totalByState = by;
  }

  /** Combines the cut-flows of several periods (same cut sequence). */
  static combine(flows: readonly CutFlow[]): CutFlow {
    return new CutFlow(flows.flatMap((f) => f.periods));
  }

  toJSON(): Record<string, unknown> {
    return {
      ...countsJson(this.total),
      states: Object.fromEntries(Object.entries(this.totalByState).map(([k, v]) => [k, countsJson(v)])),
      periods: this.periods.map((p) => ({
        period: p.period,
        ...countsJson(p.all),
        states: Object.fromEntries(Object.entries(p.byState).map(([k, v]) => [k, countsJson(v)])),
      })),
    };
  }

  /** Rows of the total cut-flow: events and live time (h, 3 decimals) in, removed by each cut (negative), kept. */
  rows(): Record<string, string | number>[] {
    const c = this.total;
    const h = (s: number): number => +(s / 3600).toFixed(3);
    return [
      { step: "in", events: c.eventsIn, "live time (h)": h(c.liveTimeInS) },
      ...c.steps.map((s) => ({ step: s.name, events: -s.eventsRemoved, "live time (h)": h(-s.liveTimeRemovedS) })),
      { step: "kept", events: c.eventsKept, "live time (h)": h(c.liveTimeKeptS) },
    ];
  }

  /** The total cut-flow as an HTML table (for `show`); `toString` gives every period and state. */
  toHTML(): string {
    return new ResultTable(`cut-flow, ${this.periods.length === 1 ? this.periods[0].period : `${this.periods.length} periods`}`, ["step", "events", "live time (h)"], this.rows().map((r) => [r.step, r.events, r["live time (h)"]])).toHTML();
  }

  /** A text table: for each period and state, events and live time (hours) in, removed per cut, kept. */
  toString(): string {
    const lines: string[] = [];
    const block = (title: string, c: CutFlowCounts): void => {
      lines.push(title);
      lines.push(`  ${"step".padEnd(12)}${"events".padStart(12)}${"live [h]".padStart(14)}${"sig eff".padStart(10)}`);
      const h = (s: number): string => (s / 3600).toFixed(3).padStart(14);
      lines.push(`  ${"in".padEnd(12)}${String(c.eventsIn).padStart(12)}${h(c.liveTimeInS)}`);
      for (const s of c.steps) {
        let eff = "";
        if (s.originIn && s.originRemoved) {
          const si = SIGNAL.reduce((t, o) => t + s.originIn![o], 0);
          const so = SIGNAL.reduce((t, o) => t + s.originRemoved![o], 0);
          eff = si > 0 ? (1 - so / si).toFixed(4) : "-";
        }
        lines.push(`  ${("- " + s.name).padEnd(12)}${String(-s.eventsRemoved).padStart(12)}${h(-s.liveTimeRemovedS)}${eff.padStart(10)}`);
      }
      lines.push(`  ${"kept".padEnd(12)}${String(c.eventsKept).padStart(12)}${h(c.liveTimeKeptS)}`);
    };
    block("all periods", this.total);
    for (const [k, v] of Object.entries(this.totalByState)) block(`all periods, ${k}`, v);
    if (this.periods.length > 1 || Object.keys(this.periods[0].byState).length > 0) {
      for (const p of this.periods) for (const [k, v] of Object.entries(p.byState)) block(`${p.period}, ${k}`, v);
    }
    return lines.join("\n");
  }
}
