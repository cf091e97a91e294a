import { OptionError } from "../../errors.js";
import { csiConfig, gemmaConfig, physicsSignal, simulate, simulateCsi, texonoConfig, SIGNAL_MODELS } from "../../sim/index.js";
import { datasetOutput } from "../../events/dataset.js";
import { assertOutputSafe } from "../../io/safeWrite.js";
import { MAX_SEED } from "../../sim/rng.js";
import { MAX_SIMULATED_EVENTS } from "../../sim/size.js";
import { XSEC_PARAM_DOMAINS } from "../../xsec/domains.js";
import { choiceOption, numberOption, valueOptions, type Command, type CommandResult, type Domain, type OptionValues } from "../command.js";

const CONFIGS = ["gemma", "texono", "csi"] as const;
const MODELS = SIGNAL_MODELS;

// The exposure has no fixed upper bound of its own: simulate refuses one that would write more than
// MAX_SIMULATED_EVENTS events, with the estimate (lib/sim/size.ts).
const DOMAINS: Readonly<Record<string, Domain>> = {
  mu: XSEC_PARAM_DOMAINS.muNu_muB,
  seed: { min: 0, max: MAX_SEED, integer: true },
  "hours-on": { min: 0, integer: true, unit: "h", note: `good one-hour runs; capped by the size, at most ${MAX_SIMULATED_EVENTS.toExponential(0)} events` },
  "hours-off": { min: 0, integer: true, unit: "h", note: `good one-hour runs; capped by the size, at most ${MAX_SIMULATED_EVENTS.toExponential(0)} events` },
  sin2w: XSEC_PARAM_DOMAINS.sin2ThetaW,
  r2: XSEC_PARAM_DOMAINS.chargeRadius2_cm2,
  "on-kg-days": { min: 0, max: 3e5, minExclusive: true, unit: "kg day", note: "up to ten times the published 29882 kg day" },
  "off-kg-days": { min: 0, max: 3e5, minExclusive: true, unit: "kg day", note: "up to ten times the published 7369 kg day" },
};

function integerOption(values: OptionValues, name: string): number | undefined {
  if (values[name] === undefined) return undefined;
  return numberOption(values, name, undefined, DOMAINS[name]);
}

/** `--config csi`: the TEXONO CsI(Tl) array (lib/sim/csi.ts), the SM signal at --sin2w and --r2. */
function runCsi(values: OptionValues): CommandResult {
  for (const k of ["model", "hours-on", "hours-off", "full", "progress"]) if (values[k] !== undefined) throw new OptionError(`--${k} does not apply to --config csi (its exposure is --on-kg-days/--off-kg-days, published by default)`, { option: `--${k}` });
  if (values.mu !== undefined && numberOption(values, "mu", undefined, DOMAINS.mu) !== 0) throw new OptionError("--config csi injects the Standard-Model signal only: --mu must be 0 or absent", { option: "--config" });
  const seed = integerOption(values, "seed");
  if (seed === undefined) throw new OptionError("--seed is required (an integer >= 0)", { option: "--seed" });
  const out = values.out;
  if (typeof out !== "string" || out === "") throw new OptionError("--out is required (the dataset directory to write)", { option: "--out" });
  const over: Parameters<typeof csiConfig>[0] = {};
  if (values.sin2w !== undefined) over.sin2ThetaW = numberOption(values, "sin2w", undefined, DOMAINS["sin2w"]);
  if (values.r2 !== undefined) over.chargeRadius2_cm2 = numberOption(values, "r2", undefined, DOMAINS["r2"]);
  if (values["on-kg-days"] !== undefined) over.onKgDays = numberOption(values, "on-kg-days", undefined, DOMAINS["on-kg-days"]);
  if (values["off-kg-days"] !== undefined) over.offKgDays = numberOption(values, "off-kg-days", undefined, DOMAINS["off-kg-days"]);
  const config = csiConfig(over);
  assertOutputSafe([datasetOutput(out, "--out", values.overwrite === true)], []);
  const s = simulateCsi(config, { seed, outDir: out, overwrite: values.overwrite === true });
  const sig = s.components.find((c) => c.name === "signal")!;
  const bkg = s.components.filter((c) => c.name !== "signal" && c.veto === 0);
  const sum = (f: (c: (typeof bkg)[number]) => number) => bkg.reduce((a, c) => a + f(c), 0);
  const json = {
    experiment: s.experiment,
    seed: s.seed,
    sin2_theta_w: s.sin2_theta_w,
    charge_radius2_cm2: s.charge_radius2_cm2,
    out_dir: out,
    files: s.files,
    runs: s.runs,
    events: s.events,
    counts_by_origin: s.counts_by_origin,
    exposure_kg_days: s.exposure_kg_days,
    background_per_kg_day: s.background_per_kg_day,
    window_kev: s.window_kev,
    signal_window_on: { expected: sig.expected_window_on, recorded: sig.recorded_window_on },
    background_window: { expected_on: sum((c) => c.expected_window_on), recorded_on: sum((c) => c.recorded_window_on), expected_off: sum((c) => c.expected_window_off), recorded_off: sum((c) => c.recorded_window_off) },
  };
  const w = `${s.window_kev[0] / 1000}-${s.window_kev[1] / 1000} MeV`;
  const lines = [
    `${s.experiment} simulation, seed ${s.seed}, sin^2 theta_W = ${s.sin2_theta_w}, <r^2> = ${s.charge_radius2_cm2} cm^2, written to ${out}`,
    `runs: ${s.runs.total} (ON ${s.runs.on}, OFF ${s.runs.off}); exposure ON ${s.exposure_kg_days.on.toFixed(0)} kg day, OFF ${s.exposure_kg_days.off.toFixed(0)} kg day`,
    `events: ${s.events}`,
    ...Object.entries(s.counts_by_origin)
      .filter(([, n]) => n > 0)
      .map(([k, n]) => `  ${k.padEnd(12)} ${n}`),
    `in ${w} (E3, veto-free): signal ON ${sig.recorded_window_on} (expected ${sig.expected_window_on.toFixed(1)}); background ON ${json.background_window.recorded_on} (expected ${json.background_window.expected_on.toFixed(1)}), OFF ${json.background_window.recorded_off} (expected ${json.background_window.expected_off.toFixed(1)})`,
    `background level ${s.background_per_kg_day.toPrecision(4)} counts/(kg day) in the window: NOT PUBLISHED, inferred from the published statistical error`,
  ];
  return { json, text: lines.join("\n") };
}

/** `nuem simulate`: a seeded GEMMA-, TEXONO- or TEXONO CsI(Tl)-like event dataset with truth labels. */
export const simulateCommand: Command = {
  name: "simulate",
  summary: "simulate a seeded GEMMA/TEXONO event dataset (runs, events, truth) with an injected magnetic-moment signal, or the TEXONO CsI(Tl) array",
  usage: [
    "Writes DIR/dataset.json, runs.arrow, events-<month>.arrow, truth-<month>.arrow, simulation.json.",
    "--mu is the neutrino magnetic moment in Bohr magnetons (0: weak term only). --model chooses its cross",
    "section: fe (free electrons, GEMMA (2)), epa (atomic ionization, GEMMA (11)) or stepping; the weak term",
    "is always added. Both are integrated over the experiment's computed reactor spectrum (nuem rates).",
    "Exposure: one month ON then one month OFF of good runs unless --hours-on/--hours-off, or --full for the",
    "published exposure (GEMMA Phases I+II: ~15 600 runs, ~14 M events, ~1 min, ~0.5 GB).",
    "A progress bar goes to stderr when it is a terminal (--progress forces it).",
    "--config csi: the TEXONO CsI(Tl) array (PRD 81 (2010) 072001; lib/sim/csi.ts): one-day ON/OFF runs at the",
    "published 29882/7369 kg day (--on-kg-days/--off-kg-days to change), the SM nu-e signal at --sin2w (default",
    "0.23867) and --r2 (charge radius squared, cm^2, default 0), 10 % FWHM at 662 keV, backgrounds in 2-12 MeV at",
    "the level the published statistical error implies (NOT PUBLISHED). E1, E2: the two crystal ends; E3 = sqrt(E1 E2).",
    "Histogram and fit it with nuem bound --parameter sin2w --data DIR.",
    "",
    "example:",
    "  nuem simulate --config gemma --mu 3e-11 --seed 1 --out out/gemma-sim",
    "  nuem simulate --config texono --mu 0 --seed 2 --out out/texono-sim --hours-on 48 --hours-off 48 --json",
    "  nuem simulate --config csi --seed 2010 --out out/csi-sim",
  ].join("\n"),
  options: {
    ...valueOptions("config", "mu", "model", "seed", "out", "hours-on", "hours-off"),
    full: { type: "boolean" },
    progress: { type: "boolean" },
    overwrite: { type: "boolean" },
    ...valueOptions("sin2w", "r2", "on-kg-days", "off-kg-days"),
  },
  domains: DOMAINS,
  run(values) {
    const name = choiceOption(values, "config", CONFIGS);
    if (name === "csi") return runCsi(values);
    for (const k of ["sin2w", "r2", "on-kg-days", "off-kg-days"]) if (values[k] !== undefined) throw new OptionError(`--${k} applies to --config csi only`, { option: `--${k}` });
    const model = choiceOption(values, "model", MODELS, "fe");
    const mu = numberOption(values, "mu", undefined, DOMAINS.mu);
    const seed = integerOption(values, "seed");
    if (seed === undefined) throw new OptionError("--seed is required (an integer >= 0)", { option: "--seed" });
    const out = values.out;
    if (typeof out !== "string" || out === "") throw new OptionError("--out is required (the dataset directory to write)", { option: "--out" });
    const hoursOn = integerOption(values, "hours-on");
    const hoursOff = integerOption(values, "hours-off");
    const full = values.full === true;
    if (full && (hoursOn !== undefined || hoursOff !== undefined)) throw new OptionError("give either --full or --hours-on/--hours-off", { option: "--full" });
    const config = name === "gemma" ? gemmaConfig() : texonoConfig();
    const signal = physicsSignal(name, mu, model);
    assertOutputSafe([datasetOutput(out, "--out", values.overwrite === true)], []);
    const s = simulate(config, {
      seed,
      outDir: out,
      signal,
      hoursOn,
      hoursOff,
      full,
      progress: values.progress === true ? true : undefined,
      overwrite: values.overwrite === true,
    });
    const json = {
      experiment: s.experiment,
      seed: s.seed,
      mu_b: mu,
      model,
      out_dir: out,
      files: s.files,
      runs: s.runs,
      events: s.events,
      counts_by_origin: s.counts_by_origin,
      live_time_on_s: s.live_time_on_s,
      live_time_off_s: s.live_time_off_s,
      dead_time_s: s.dead_time_s,
      signal_expected_counts: Object.fromEntries(s.signal.map((c) => [c.label, c.expected_counts])),
      signal_expected_counts_roi_good_on: Object.fromEntries(s.signal.map((c) => [c.label, c.expected_counts_roi_good_on])),
      wall_time_s: s.wall_time_s,
      peak_rss_mb: s.peak_rss_mb,
    };
    const lines = [
      `${s.experiment} simulation, seed ${s.seed}, mu = ${mu} mu_B (${model}), written to ${out}`,
      `runs: ${s.runs.total} (good ON ${s.runs.good_on}, good OFF ${s.runs.good_off}, transition ${s.runs.transition}, LN2 ${s.runs.ln2_fill}, site work ${s.runs.site_work}, noble gas ${s.runs.noble_gas_strong}, pulser ${s.runs.pulser})`,
      `live time of good runs: ON ${(s.live_time_on_s / 3600).toFixed(1)} h, OFF ${(s.live_time_off_s / 3600).toFixed(1)} h`,
      `events: ${s.events}`,
      ...Object.entries(s.counts_by_origin)
        .filter(([, n]) => n > 0)
        .map(([k, n]) => `  ${k.padEnd(12)} ${n}`),
      `signal expected (live time, true power): ${s.signal.map((c) => `${c.label} ${c.expected_counts.toFixed(1)}`).join(", ")}`,
      `${s.wall_time_s!.toFixed(1)} s, ${(s.events / s.wall_time_s!).toExponential(2)} events/s, peak RSS ${s.peak_rss_mb!.toFixed(0)} MB`,
    ];
    return { json, text: lines.join("\n") };
  },
};
