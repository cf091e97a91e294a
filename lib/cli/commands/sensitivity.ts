import { OptionError } from "../../errors.js";
import { expectedSensitivity, MAGNETIC_MODELS } from "../../analysis/sensitivity.js";
import { BACKGROUND_KINDS } from "../../analysis/backgroundFit.js";
import { runPseudoExperiments } from "../../analysis/pseudoExperiments.js";
import { gemmaToyConditions, texonoToyConditions } from "../../analysis/spectraToy.js";
import { EXPERIMENT_NAMES } from "../../reactor/experiments.js";
import { tableText } from "../../plots/table.js";
import { BACKGROUND_DOMAIN, BIN_KEV_DOMAIN } from "../../analysis/domains.js";
import { MAX_TOYS } from "../../analysis/pseudoExperiments.js";
import { CL_DOMAIN } from "../../validateOptions.js";
import { choiceOption, numberOption, SEED_DOMAIN, type Command, type Domain } from "../command.js";

const DOMAINS: Readonly<Record<string, Domain>> = {
  background: BACKGROUND_DOMAIN,
  "bin-kev": BIN_KEV_DOMAIN,
  cl: CL_DOMAIN,
  toys: { min: 1, max: MAX_TOYS, integer: true },
  seed: SEED_DOMAIN,
};

/** `nuem sensitivity`: the expected limit from an experiment's published conditions. */
export const sensitivityCommand: Command = {
  name: "sensitivity",
  summary: "expected 90 % CL magnetic-moment limit from an experiment's published conditions (Asimov)",
  usage: [
    "  --model fe|epa|stepping   magnetic-moment cross section (default fe)",
    "  --off smooth|raw          OFF spectrum as a fitted smooth curve (GEMMA) or bin by bin",
    "  --fix-k                   fix the relative time factor K = 1 instead of profiling it",
    "  --background B            flat background, counts/(keV kg day) (default: the experiment's)",
    "  --bin-kev W               bin width (default 1 keV)",
    "  --toys N --seed S         also N seeded pseudo-experiments (spectrum-level toys of the published",
    "                            conditions with the GEMMA/TEXONO-like background, analysed by `nuem limit`'s",
    "                            chain with --toy-background, default gel): median and 1/2 sigma bands",
    "TEXONO has no ROI in its data file: the 12-60 keV window of TEXONO PRL 90 (2003) 131802 is used.",
    "GEMMA-II states no ROI, background or exposure: it is refused with a message.",
    "example:",
    "  nuem sensitivity --experiment gemma --json",
    "  nuem sensitivity --experiment texono --toys 100 --seed 1",
  ].join("\n"),
  options: { experiment: { type: "string" }, model: { type: "string" }, off: { type: "string" }, "fix-k": { type: "boolean" }, background: { type: "string" }, "bin-kev": { type: "string" }, cl: { type: "string" }, toys: { type: "string" }, seed: { type: "string" }, "toy-background": { type: "string" } },
  domains: DOMAINS,
  run(values) {
    if (values.toys === undefined) for (const k of ["seed", "toy-background"]) if (values[k] !== undefined) throw new OptionError(`--${k} applies to the pseudo-experiments only: give --toys N too`, { option: `--${k}` });
    const r = expectedSensitivity(choiceOption(values, "experiment", EXPERIMENT_NAMES), {
      model: choiceOption(values, "model", MAGNETIC_MODELS, "fe"),
      off: choiceOption(values, "off", ["smooth", "raw"] as const, "smooth"),
      profileK: !values["fix-k"],
      backgroundPerKeVKgDay: values.background === undefined ? undefined : numberOption(values, "background", undefined, DOMAINS.background),
      binKeV: numberOption(values, "bin-kev", 1, DOMAINS["bin-kev"]),
      cl: numberOption(values, "cl", 0.9, DOMAINS.cl),
    });
    let toys: Record<string, unknown> | null = null;
    if (values.toys !== undefined) {
      const n = numberOption(values, "toys", undefined, DOMAINS.toys);
      const seed = numberOption(values, "seed", 1, DOMAINS.seed);
      const exp = r.experiment.toLowerCase();
      const cond = exp === "gemma" ? gemmaToyConditions() : exp === "texono" ? texonoToyConditions() : null;
      if (!cond) throw new OptionError(`--toys: no toy conditions for ${r.experiment}`, { option: "--toys" });
      const pe = runPseudoExperiments(cond, { n, seed, model: r.model, cl: r.cl, background: choiceOption(values, "toy-background", BACKGROUND_KINDS, "gel") });
      toys = pe.toJSON();
    }
    const text = [
      `${r.experiment}, model ${r.model}: expected X < ${r.x_upper.toPrecision(4)}, mu < ${r.mu_upper_mub.toExponential(2)} mu_B (${r.cl * 100} % CL, X_hat = 0 +- ${r.x_err.toPrecision(3)})`,
      r.published_mu_upper_mub === null ? "" : `published: mu < ${r.published_mu_upper_mub.toExponential(1)} mu_B`,
      tableText(r.periods),
      toys ? `pseudo-experiments (${toys.n}): median mu < ${(toys.median_mu_upper_mub as number).toExponential(2)} mu_B, 68 % band [${(toys.band_1sigma_mub as number[]).map((v) => v.toExponential(2)).join(", ")}], 95 % band [${(toys.band_2sigma_mub as number[]).map((v) => v.toExponential(2)).join(", ")}]` : "",
    ].filter(Boolean).join("\n");
    return { json: toys ? { ...r, toys } : r, text };
  },
};
