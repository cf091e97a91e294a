/*
 * The low-energy threshold correction (Beda et al., section 3, correction (2)): "The detection
 * efficiency eta just above the threshold E0 is measured with a pulser and fitted with the function"
 *
 *   eta(E) = integral_{-inf}^{E} exp(-(x - E0)^2 / (2 sigma^2)) / (sqrt(2 pi) sigma) dx = Phi((E - E0)/sigma),   GEMMA (4),
 *
 * "Experimental spectra are then corrected by the function (4)".
 *
 * Pulser data: a pulser run fires at a fixed rate with a fixed cycle of amplitudes (GEMMA gives no
 * details; the simulator's pulser: 5 Hz, 1-4 keV in 0.25 keV steps, cycled from the run start).
 * From the recorded pulser events alone (`pulser = 1`) the pulse grid of each run is found: the
 * phase t0 of the pulse times modulo the period, the slot q = round((t - t0) / period) of each
 * event, and the offset of the amplitude cycle that best matches the measured energies. The pulses
 * sent per amplitude are the slots of the grid inside the run; recorded / sent is binomial in eta.
 *
 * Fit: binomial likelihood, -ln L = -sum_a [k_a ln eta(a) + (n_a - k_a) ln(1 - eta(a))], minimised
 * with `migrad` (errordef 0.5); errors and covariance of (E0, sigma) from its HESSE step.
 */
import normalCdf from "@stdlib/stats-base-dists-normal-cdf";
import { MeV_PER_keV } from "../constants.js";
import { thresholdEfficiency } from "../detector/index.js";
import type { EventColumns, RunTable } from "../events/index.js";
import { migrad } from "../fit/index.js";
import { eventRunRows } from "../selection/index.js";

/** The test pulser of a setup. */
export interface PulserSettings {
  /** Pulses per second. */
  readonly rateHz: number;
  /** Amplitudes in keV, fired in this order and cycled. */
  readonly amplitudesKeV: readonly number[];
}

/** Pulses sent and recorded per amplitude (additive over runs). */
export class PulserCounts {
  readonly sent: Float64Array;
  readonly recorded: Float64Array;
  /** Pulser runs counted. */
  runs = 0;
  constructor(readonly settings: PulserSettings) {
    this.sent = new Float64Array(settings.amplitudesKeV.length);
    this.recorded = new Float64Array(settings.amplitudesKeV.length);
  }

  /**
   * Adds the pulser events of `events` (one or more runs; `energyKeV` per event row, e.g. E~ or a
   * calibrated channel) using the run table for the run durations; `runRowFilter` picks the runs
   * (by run-table row). A run needs at least one pulse per amplitude to be counted.
   */
  add(events: EventColumns, runs: RunTable, energyKeV: ArrayLike<number>, runRowFilter?: (row: number) => boolean): this {
    const rows = eventRunRows(events, runs);
    const dt = 1 / this.settings.rateHz;
    const amps = this.settings.amplitudesKeV;
    const K = amps.length;
    let i = 0;
    while (i < events.length) {
      const run = events.run[i];
      let j = i;
      const idx: number[] = [];
      while (j < events.length && events.run[j] === run) {
        if (events.pulser[j]) idx.push(j);
        j++;
      }
      if (idx.length >= K && (!runRowFilter || runRowFilter(rows[i]))) this.addRun(idx.map((q) => events.time_s[q]), idx.map((q) => energyKeV[q]), runs.duration_s[rows[i]], dt, amps);
      i = j;
    }
    return this;
  }

  private addRun(t: number[], e: number[], durationS: number, dt: number, amps: readonly number[]): void {
    const K = amps.length;
    // Phase of the grid: circular mean of t mod dt (robust to the wrap at 0/dt).
    let c = 0;
    let s = 0;
    for (const x of t) {
      const ph = (2 * Math.PI * (x % dt)) / dt;
      c += Math.cos(ph);
      s += Math.sin(ph);
    }
    let t0 = ((Math.atan2(s, c) / (2 * Math.PI)) * dt + dt) % dt;
    const slots = t.map((x) => Math.round((x - t0) / dt));
    // A pulse at slot -1 would mean t0 was placed just after the first pulse: shift the grid.
    const minSlot = Math.min(...slots);
    if (minSlot < 0) t0 += minSlot * dt;
    const q = t.map((x) => Math.round((x - t0) / dt));
    // Offset of the amplitude cycle: least squares of the measured energies against the amplitudes.
    let best = 0;
    let bestCost = Infinity;
    for (let off = 0; off < K; off++) {
      let cost = 0;
      for (let m = 0; m < q.length; m++) cost += (e[m] - amps[(((q[m] + off) % K) + K) % K]) ** 2;
      if (cost < bestCost) {
        bestCost = cost;
        best = off;
      }
    }
    for (let m = 0; m < q.length; m++) this.recorded[(((q[m] + best) % K) + K) % K]++;
    const first = Math.ceil((0 - t0) / dt - 1e-9);
    const last = Math.floor((durationS - t0) / dt - 1e-9);
    for (let slot = Math.max(first, 0); slot <= last; slot++) this.sent[(((slot + best) % K) + K) % K]++;
    this.runs++;
  }

  merge(o: PulserCounts): this {
    for (let k = 0; k < this.sent.length; k++) {
      this.sent[k] += o.sent[k];
      this.recorded[k] += o.recorded[k];
    }
    this.runs += o.runs;
    return this;
  }

  /** Recorded / sent per amplitude. */
  efficiency(): Float64Array {
    return this.sent.map((n, k) => (n > 0 ? this.recorded[k] / n : NaN));
  }
}

/** GEMMA (4) with energies in keV (the detector stage's `thresholdEfficiency`, which takes MeV). */
export function thresholdEfficiencyKeV(energyKeV: number, e0KeV: number, sigmaKeV: number): number {
  return thresholdEfficiency(energyKeV * MeV_PER_keV, e0KeV * MeV_PER_keV, sigmaKeV * MeV_PER_keV);
}

export interface ThresholdFit {
  readonly e0KeV: number;
  readonly e0ErrorKeV: number;
  readonly sigmaKeV: number;
  readonly sigmaErrorKeV: number;
  /** Correlation of E0 and sigma. */
  readonly correlation: number;
  /** Covariance [[E0 E0, E0 s], [s E0, s s]], keV^2, row-major. */
  readonly covariance: readonly number[];
  readonly valid: boolean;
  /** -ln L at the minimum and the binomial deviance (a chi^2 with amplitudes - 2 dof). */
  readonly nll: number;
  readonly deviance: number;
  readonly ndf: number;
}

/** Fits GEMMA (4) to pulser counts (binomial likelihood, migrad). */
export function fitThresholdEfficiency(amplitudesKeV: ArrayLike<number>, sent: ArrayLike<number>, recorded: ArrayLike<number>): ThresholdFit {
  const A = Array.from(amplitudesKeV);
  const n = Array.from(sent);
  const k = Array.from(recorded);
  const used = A.map((_, i) => n[i] > 0);
  const eps = 1e-300;
  const nll = (p: Float64Array): number => {
    const [e0, s] = p;
    let f = 0;
    for (let i = 0; i < A.length; i++) {
      if (!used[i]) continue;
      const eta = normalCdf(A[i], e0, s);
      const etaC = normalCdf(-A[i], -e0, s); // 1 - eta without cancellation
      f -= k[i] * Math.log(Math.max(eta, eps)) + (n[i] - k[i]) * Math.log(Math.max(etaC, eps));
    }
    return f;
  };
  // Start: the amplitude closest to 50 % and a width from the 16-84 % span.
  const r = A.map((_, i) => (n[i] > 0 ? k[i] / n[i] : NaN));
  let e0 = A[0];
  let bestD = Infinity;
  r.forEach((x, i) => {
    if (Math.abs(x - 0.5) < bestD) {
      bestD = Math.abs(x - 0.5);
      e0 = A[i];
    }
  });
  const fit = migrad(nll, [e0, 0.5], { names: ["E0", "sigma"], errordef: 0.5, limits: [null, [1e-3, 10]], step: [0.1, 0.1] });
  // Deviance against the saturated model (each amplitude its own efficiency).
  let sat = 0;
  for (let i = 0; i < A.length; i++) {
    if (!used[i]) continue;
    const p = k[i] / n[i];
    if (k[i] > 0) sat -= k[i] * Math.log(p);
    if (n[i] - k[i] > 0) sat -= (n[i] - k[i]) * Math.log(1 - p);
  }
  const cov = Array.from(fit.covariance);
  return {
    e0KeV: fit.values[0],
    e0ErrorKeV: fit.errors[0],
    sigmaKeV: fit.values[1],
    sigmaErrorKeV: fit.errors[1],
    correlation: cov[1] / (fit.errors[0] * fit.errors[1]),
    covariance: cov,
    valid: fit.valid,
    nll: fit.fval,
    deviance: 2 * (fit.fval - sat),
    ndf: used.filter(Boolean).length - 2,
  };
}

/** eta(E) and its standard error from the fit covariance, at each energy (keV). */
export function thresholdEfficiencyBand(energiesKeV: ArrayLike<number>, fit: ThresholdFit): { eta: Float64Array; error: Float64Array } {
  const eta = new Float64Array(energiesKeV.length);
  const error = new Float64Array(energiesKeV.length);
  const [c00, c01, , c11] = fit.covariance;
  for (let i = 0; i < eta.length; i++) {
    const z = (energiesKeV[i] - fit.e0KeV) / fit.sigmaKeV;
    eta[i] = normalCdf(z, 0, 1);
    const pdf = Math.exp(-0.5 * z * z) / (Math.sqrt(2 * Math.PI) * fit.sigmaKeV);
    const dE0 = -pdf;
    const dS = -pdf * z;
    error[i] = Math.sqrt(Math.max(0, dE0 * dE0 * c00 + 2 * dE0 * dS * c01 + dS * dS * c11));
  }
  return { eta, error };
}

/**
 * The pulser of a simulated dataset, read from its manifest (`simulation.config.config.pulser` as
 * `nuem simulate` writes it); undefined for measured data or when absent.
 */
export function pulserSettingsFromManifest(manifest: { simulation: unknown }): PulserSettings | undefined {
  const sim = manifest.simulation as { config?: { config?: { pulser?: { rateHz?: unknown; amplitudesKeV?: unknown } } } } | null;
  const p = sim?.config?.config?.pulser;
  if (!p || typeof p.rateHz !== "number" || !Array.isArray(p.amplitudesKeV) || p.amplitudesKeV.length === 0) return undefined;
  return { rateHz: p.rateHz, amplitudesKeV: (p.amplitudesKeV as unknown[]).map(Number) };
}
