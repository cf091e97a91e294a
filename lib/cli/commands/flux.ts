import { EXPERIMENT_NAMES, experimentFlux, SPECTRUM_MODELS } from "../../reactor/index.js";
import { tableText } from "../../plots/table.js";
import { choiceOption, type Command } from "../command.js";

/** `nuem flux`: the antineutrino flux at an experiment, beside the published one. */
export const fluxCommand: Command = {
  name: "flux",
  summary: "antineutrino flux at an experiment's detector, beside the published value",
  usage: "example:\n  nuem flux --experiment gemma --json\n  nuem flux --experiment texono --model vogel-engel --no-capture",
  options: { experiment: { type: "string" }, model: { type: "string" }, "no-capture": { type: "boolean" } },
  run(values) {
    const name = choiceOption(values, "experiment", EXPERIMENT_NAMES);
    const model = choiceOption(values, "model", SPECTRUM_MODELS, "huber-mueller");
    const f = experimentFlux(name, { model, capture: !values["no-capture"] });
    return { json: f, text: tableText(f) };
  },
};
