import { OptionError } from "../../errors.js";
import { COVERAGE_EXPERIMENTS, measureCoverage } from "../../analysis/coverage.js";
import { MAGNETIC_MODELS } from "../../analysis/models.js";
import { BACKGROUND_KINDS } from "../../analysis/backgroundFit.js";
import { BACKGROUND_FAMILIES } from "../../analysis/spectraToy.js";
import { LIMIT_PROCEDURES } from "../../analysis/procedure.js";
import { choiceOption, numberOption, type Command } from "../command.js";

/** `nuem coverage`: coverage of a limit procedure at a true mu, from seeded pseudo-experiments. */
export const coverageCommand: Command = {
  name: "coverage",
  summary: "coverage of a limit procedure (paper|full) at a true magnetic moment, from pseudo-experiments",
  usage: [
    "Spectrum-level pseudo-experiments of the experiment's published conditions with its GEMMA/TEXONO-like",
    "background and a true mu, each analysed by the named procedure of `nuem limit --procedure`. Toy i uses a",
    "generator seed derived from (--seed, i): the result does not depend on the order the toys run in.",
    "  --experiment gemma|texono   toy conditions (required)",
    "  --procedure paper|full      the limit procedure (see nuem limit --help), or instead:",
    "  --background gel|spline|polynomial|raw  a single OFF background model (correlated OFF errors, K profiled, PDG)",
    "  --family flat|exp-rise|gemma-like|steep-rise|power-law  true background of GEMMA toys (default gemma-like)",
    "  --mu M                      true magnetic moment, mu_B (required, >= 0)",
    "  --toys N                    number of pseudo-experiments (required, >= 2)",
    "  --seed S                    run seed, integer in [1, 2^32 - 1] (required)",
    "  --model fe|epa|stepping     cross section (default fe)",
    "  --per-toy                   also every toy's mu_90 in the JSON",
    "JSON: coverage (fraction of toys with mu_90 >= mu), coverage_err (binomial), median_mu_upper_mub,",
    "p_below_published (fraction of toys with mu_90 <= the published limit), toys, and the counts.",
    "Also: pull_mean, pull_sd (with errors) of (X_hat - X_true)/dX of the statistical fit.",
    "example:",
    "  nuem coverage --experiment gemma --procedure paper --mu 5e-11 --toys 300 --seed 1 --json",
    "  nuem coverage --experiment gemma --background raw --family steep-rise --mu 5e-11 --toys 200 --seed 1",
  ].join("\n"),
  options: { experiment: { type: "string" }, procedure: { type: "string" }, background: { type: "string" }, family: { type: "string" }, mu: { type: "string" }, toys: { type: "string" }, seed: { type: "string" }, model: { type: "string" }, "per-toy": { type: "boolean" } },
  run(values) {
    const experiment = choiceOption(values, "experiment", COVERAGE_EXPERIMENTS);
    if ((values.procedure === undefined) === (values.background === undefined)) throw new OptionError("give --procedure paper|full or --background gel|spline|polynomial|raw (one of the two)", { option: "--procedure" });
    const procedure = values.procedure === undefined ? undefined : choiceOption(values, "procedure", LIMIT_PROCEDURES);
    const background = values.background === undefined ? undefined : choiceOption(values, "background", BACKGROUND_KINDS);
    const family = values.family === undefined ? undefined : choiceOption(values, "family", BACKGROUND_FAMILIES);
    if (family !== undefined && values.experiment !== "gemma") throw new OptionError("--family: the background families are GEMMA-like; use --experiment gemma", { option: "--family" });
    const muB = numberOption(values, "mu");
    if (!(muB >= 0)) throw new OptionError(`--mu: expected a magnetic moment >= 0 in mu_B, got ${values.mu}`, { option: "--mu" });
    const toys = numberOption(values, "toys");
    if (!Number.isInteger(toys) || toys < 2) throw new OptionError(`--toys: expected an integer >= 2, got ${values.toys}`, { option: "--toys" });
    const seed = numberOption(values, "seed");
    if (!Number.isInteger(seed) || seed < 1 || seed > 4294967295) throw new OptionError(`--seed: expected an integer in [1, 2^32 - 1], got ${values.seed}`, { option: "--seed" });
    const r = measureCoverage({ experiment, procedure, background, family, muB, toys, seed, model: choiceOption(values, "model", MAGNETIC_MODELS, "fe") });
    return { json: r.toJSON(Boolean(values["per-toy"])), text: r.toString() };
  },
};
