import { EXPERIMENT_NAMES } from "../../reactor/experiments.js";
import { DEFAULT_RESPONSES, experimentRate } from "../../rates/index.js";
import { processNames } from "../../xsec/registry.js";
import { tableText } from "../../plots/table.js";
import { choiceOption, numberListOption, type Command } from "../command.js";
import { physicsOptions, physicsParams, physicsUsage } from "./physicsOptions.js";

/** `nuem rates`: expected count rates of a process at an experiment. */
export const ratesCommand: Command = {
  name: "rates",
  summary: "expected count rate, counts/(keV kg day), of a process at an experiment",
  usage: [
    `processes: ${processNames().join(", ")}`,
    physicsUsage,
    "  --response      fold with the experiment's resolution and threshold efficiency (GEMMA (4))",
    "example:",
    "  nuem rates --experiment gemma --process em-fe --mu 3.2e-11 --t-kev 1,3,10 --json",
  ].join("\n"),
  options: { experiment: { type: "string" }, process: { type: "string" }, "t-kev": { type: "string" }, response: { type: "boolean" }, ...physicsOptions },
  run(values) {
    const experiment = choiceOption(values, "experiment", EXPERIMENT_NAMES);
    const process = choiceOption(values, "process", processNames());
    const tKeV = numberListOption(values, "t-kev");
    if (tKeV.some((t) => !(t > 0))) throw new Error("--t-kev: energies must be positive");
    const params = physicsParams(values);
    const response = Boolean(values.response);
    const rate = experimentRate(experiment, process, tKeV, { params, response });
    const json = {
      experiment,
      process,
      params,
      response: response ? DEFAULT_RESPONSES[experiment] : null,
      t_kev: tKeV,
      rate_per_kev_kg_day: Array.from(rate),
    };
    return { json, text: tableText(tKeV.map((t, i) => ({ t_kev: t, rate_per_kev_kg_day: rate[i] }))) };
  },
};
