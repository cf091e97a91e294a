import { OptionError } from "../../errors.js";
import { EXPERIMENT_NAMES } from "../../reactor/experiments.js";
import { DEFAULT_RESPONSES, experimentRate } from "../../rates/index.js";
import { processNames } from "../../xsec/registry.js";
import { tableText } from "../../plots/table.js";
import { photoTableDomainMeV } from "../../xsec/domains.js";
import { choiceOption, numberListOption, type Command, type Domain } from "../command.js";
import { physicsDomains, physicsOptions, physicsParams, physicsUsage } from "./physicsOptions.js";

const DOMAINS: Readonly<Record<string, Domain>> = {
  "t-kev": { min: 0, max: 20000, minExclusive: true, unit: "keV", note: "above the largest reactor-antineutrino recoil; the EPA processes without --response: inside the photoabsorption table" },
  ...physicsDomains,
};

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
  domains: DOMAINS,
  run(values) {
    const experiment = choiceOption(values, "experiment", EXPERIMENT_NAMES);
    const process = choiceOption(values, "process", processNames());
    const tKeV = numberListOption(values, "t-kev", DOMAINS["t-kev"]);
    const params = physicsParams(values);
    const response = Boolean(values.response);
    if (process === "millicharge-epa" && params.neutrinoMassMeV === undefined) throw new OptionError("--process millicharge-epa needs --nu-mass-ev (its logarithm depends on the neutrino mass)", { option: "--nu-mass-ev" });
    // Without the response fold the EPA rate is undefined outside its photoabsorption table (with it, lib/rates takes 0 there).
    const table = response ? null : photoTableDomainMeV(process, params);
    for (const t of tKeV) if (table && !(t * 1e-3 >= table.min! && t * 1e-3 <= table.max!)) throw new OptionError(`--t-kev: ${t} keV lies outside ${table.note}, ${table.min! * 1e3}-${table.max! * 1e3} keV`, { option: "--t-kev" });
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
