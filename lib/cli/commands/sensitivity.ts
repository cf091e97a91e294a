import { expectedSensitivity, MAGNETIC_MODELS } from "../../analysis/sensitivity.js";
import { EXPERIMENT_NAMES } from "../../reactor/experiments.js";
import { tableText } from "../../plots/table.js";
import { choiceOption, numberOption, type Command } from "../command.js";

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
    "example:",
    "  nuem sensitivity --experiment gemma --json",
  ].join("\n"),
  options: { experiment: { type: "string" }, model: { type: "string" }, off: { type: "string" }, "fix-k": { type: "boolean" }, background: { type: "string" }, "bin-kev": { type: "string" }, cl: { type: "string" } },
  run(values) {
    const r = expectedSensitivity(choiceOption(values, "experiment", EXPERIMENT_NAMES), {
      model: choiceOption(values, "model", MAGNETIC_MODELS, "fe"),
      off: choiceOption(values, "off", ["smooth", "raw"] as const, "smooth"),
      profileK: !values["fix-k"],
      backgroundPerKeVKgDay: values.background === undefined ? undefined : numberOption(values, "background"),
      binKeV: numberOption(values, "bin-kev", 1),
      cl: numberOption(values, "cl", 0.9),
    });
    const text = [
      `${r.experiment}, model ${r.model}: expected X < ${r.x_upper.toPrecision(4)}, mu < ${r.mu_upper_mub.toExponential(2)} mu_B (${r.cl * 100} % CL, X_hat = 0 +- ${r.x_err.toPrecision(3)})`,
      r.published_mu_upper_mub === null ? "" : `published: mu < ${r.published_mu_upper_mub.toExponential(1)} mu_B`,
      tableText(r.periods),
    ].filter(Boolean).join("\n");
    return { json: r, text };
  },
};
