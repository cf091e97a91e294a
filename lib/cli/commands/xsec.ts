import { OptionError } from "../../errors.js";
import { MeV_PER_keV } from "../../constants.js";
import { getProcess, processNames } from "../../xsec/registry.js";
import { tableText } from "../../plots/table.js";
import { ENU_DOMAIN_MeV, checkXsecArguments } from "../../xsec/domains.js";
import { choiceOption, numberOption, type Command, type Domain } from "../command.js";
import { physicsDomains, physicsOptions, physicsParams, physicsUsage } from "./physicsOptions.js";

const DOMAINS: Readonly<Record<string, Domain>> = {
  "enu-mev": ENU_DOMAIN_MeV,
  "t-kev": { min: 0, minExclusive: true, unit: "keV", note: "and at most T_max(E_nu); the EPA processes: inside the photoabsorption table" },
  ...physicsDomains,
};

/** `nuem xsec`: one differential cross section dsigma/dT. */
export const xsecCommand: Command = {
  name: "xsec",
  summary: "differential cross section dsigma/dT of a process at (E_nu, T)",
  usage: [
    `processes: ${processNames().join(", ")}`,
    physicsUsage,
    "example:",
    "  nuem xsec --process em-fe --enu-mev 1 --t-kev 10 --mu 1e-10 --json",
  ].join("\n"),
  options: { process: { type: "string" }, "enu-mev": { type: "string" }, "t-kev": { type: "string" }, ...physicsOptions },
  domains: DOMAINS,
  run(values) {
    const name = choiceOption(values, "process", processNames());
    const info = getProcess(name);
    const eNu = numberOption(values, "enu-mev", undefined, DOMAINS["enu-mev"]);
    const tKeV = numberOption(values, "t-kev", undefined, DOMAINS["t-kev"]);
    const params = physicsParams(values);
    if (name === "millicharge-epa" && params.neutrinoMassMeV === undefined) throw new OptionError("--process millicharge-epa needs --nu-mass-ev (its logarithm depends on the neutrino mass)", { option: "--nu-mass-ev" });
    try {
      checkXsecArguments(name, eNu, tKeV * MeV_PER_keV, params);
    } catch (e) {
      throw new OptionError(`--t-kev: ${(e as Error).message}`, { option: "--t-kev", value: tKeV }, { cause: e });
    }
    // An option the process does not depend on would be dropped without a word: refuse it. A
    // parameter is unused when the cross section is the same with it left at its default.
    const value = info.dSigmaDT(eNu, tKeV * MeV_PER_keV, params);
    const OPTION_OF: Record<string, string> = { muNu_muB: "--mu", deltaQ_e: "--delta-q", sin2ThetaW: "--sin2w", chargeRadius2_cm2: "--r2", neutrinoMassMeV: "--nu-mass-ev" };
    for (const key of Object.keys(params) as (keyof typeof params)[]) {
      const without = { ...params };
      delete without[key];
      if (value !== 0 && info.dSigmaDT(eNu, tKeV * MeV_PER_keV, without) === value) throw new OptionError(`${OPTION_OF[key] ?? key} does not enter the process ${name} (its cross section is the same without it): drop the option`, { option: OPTION_OF[key] ?? key });
    }
    const json = {
      process: name,
      enu_mev: eNu,
      t_kev: tKeV,
      dsigma_dt_cm2_per_mev: info.dSigmaDT(eNu, tKeV * MeV_PER_keV, params),
      per: info.per,
      energy: info.energy,
      t_max_kev: info.tMaxMeV(eNu, params) / MeV_PER_keV,
      source: info.source,
      params,
    };
    return { json, text: tableText({ ...json, params: JSON.stringify(params) }) };
  },
};
