import { OptionError } from "../../errors.js";
import { signalDefinition } from "../../analysis/models.js";
import { tableText } from "../../plots/table.js";
import { experimentConditions, type AsimovConditions } from "../../prospects/asimovConditions.js";
import { expectedCouplingLimit, processShape } from "../../prospects/couplingSensitivity.js";
import { validateDataset } from "../../events/dataset.js";
import { csiBound, type CsiBoundOptions } from "../../analysis/csiBound.js";
import { gemma2Conditions } from "../../prospects/gemma2.js";
import { MILLICHARGE_EPA_CUTOFFS_MeV, MILLICHARGE_MODELS, milliChargeShape, PUBLISHED_MILLICHARGE_BOUND, texonoHpgeConditions, texonoPcgeConditions } from "../../prospects/milliCharge.js";
import { BACKGROUND_DOMAIN } from "../../analysis/domains.js";
import { choiceOption, numberOption, SEED_DOMAIN, type Command, type Domain, type OptionValues } from "../command.js";

const PARAMETERS = ["mu", "delta-q", "sin2w", "r2"] as const;
const SETUPS = ["gemma", "texono", "texono-pcge", "gemma2"] as const;

const DOMAINS: Readonly<Record<string, Domain>> = {
  background: BACKGROUND_DOMAIN,
  "cutoff-ev": { min: 1e-3, max: 1000, unit: "eV", note: "the low-Q^2 cut-off of the EPA logarithm (the project's default is 16 eV)" },
  seed: SEED_DOMAIN,
};

/** The options each parameter reads; any other given option would be ignored, so it is refused. */
const READS: Readonly<Record<(typeof PARAMETERS)[number], readonly string[]>> = {
  mu: ["experiment", "model", "background"],
  "delta-q": ["experiment", "model", "background", "cutoff-ev"],
  sin2w: ["seed", "data"],
  r2: ["seed", "data"],
};

function conditions(values: OptionValues): AsimovConditions {
  const setup = choiceOption(values, "experiment", SETUPS, "gemma");
  const b = values.background === undefined ? undefined : numberOption(values, "background", undefined, DOMAINS.background);
  if (setup === "gemma2") return gemma2Conditions(b ?? 1);
  const c = setup === "gemma" ? experimentConditions("gemma") : setup === "texono" ? texonoHpgeConditions() : texonoPcgeConditions();
  return b === undefined ? c : { ...c, backgroundPerKeVKgDay: b };
}

/**
 * `nuem bound`: the project's bound on one neutrino electromagnetic parameter.
 * - mu, delta-q: the expected (Asimov, median) 90 % CL limit from an experiment's conditions, the
 *   GEMMA analysis with the signal shape of the parameter (lib/prospects/couplingSensitivity.ts);
 * - sin2w, r2: the TEXONO CsI(Tl) 3-8 MeV analysis (lib/analysis/csiSummary.ts), Asimov or, with
 *   --seed, one seeded toy spectrum, or with --data the ON/OFF spectra of a CsI(Tl) event dataset
 *   (lib/spectra/csiSpectrum.ts; e.g. from `nuem simulate --config csi`).
 */
export const boundCommand: Command = {
  name: "bound",
  summary: "bound on mu, delta_Q (expected, GEMMA-style) or sin^2 theta_W, <r^2> (TEXONO CsI(Tl))",
  usage: [
    "  --parameter mu|delta-q|sin2w|r2",
    "  --experiment gemma|texono|texono-pcge|gemma2   conditions for mu and delta-q (default gemma;",
    "                            texono-pcge and gemma2 use stated assumptions, see lib/prospects)",
    "  --model fe|stepping|epa   cross section (epa: for delta-q the project's EPA-like estimate)",
    "  --cutoff-ev C             low-Q^2 cut-off of the delta-q EPA-like estimate (default 16 eV)",
    "  --background B            flat background, counts/(keV kg day) (gemma2 default 1)",
    "  --seed N                  sin2w/r2: fit one seeded toy instead of the Asimov spectrum",
    "  --data DIR                sin2w/r2: fit the events of a CsI(Tl) dataset (nuem simulate --config csi):",
    "                            veto-free E3 in 3-8 MeV, 0.5 MeV bins, resolution-folded SM spectrum",
    "examples:",
    "  nuem bound --parameter delta-q --experiment gemma --model stepping --json",
    "  nuem bound --parameter sin2w",
    "  nuem bound --parameter sin2w --data out/csi-sim",
  ].join("\n"),
  options: { parameter: { type: "string" }, experiment: { type: "string" }, model: { type: "string" }, "cutoff-ev": { type: "string" }, background: { type: "string" }, seed: { type: "string" }, data: { type: "string" } },
  domains: DOMAINS,
  run(values) {
    const parameter = choiceOption(values, "parameter", PARAMETERS);
    for (const k of ["experiment", "model", "cutoff-ev", "background", "seed", "data"]) {
      if (values[k] !== undefined && !READS[parameter].includes(k)) throw new OptionError(`--${k} does not apply to --parameter ${parameter} (it reads ${READS[parameter].map((o) => `--${o}`).join(", ")})`, { option: `--${k}` });
    }
    if (parameter === "sin2w" || parameter === "r2") {
      let options: CsiBoundOptions = {};
      if (values.data !== undefined) {
        if (values.seed !== undefined) throw new OptionError("give either --seed (a toy spectrum) or --data (an event dataset)", { option: "--seed" });
        if (typeof values.data !== "string" || values.data === "") throw new OptionError("--data: expected a dataset directory", { option: "--data" });
        validateDataset(values.data);
        options = { dataDir: values.data };
      } else if (values.seed !== undefined) {
        options = { seed: numberOption(values, "seed", undefined, DOMAINS.seed) };
      }
      const bound = csiBound(parameter, options);
      return { json: bound.toJSON(), text: bound.toString() };
    }
    const c = conditions(values);
    let limit;
    if (parameter === "delta-q") {
      const model = choiceOption(values, "model", MILLICHARGE_MODELS, "fe");
      if (values["cutoff-ev"] !== undefined && model !== "epa") throw new OptionError(`--cutoff-ev applies to --model epa only (the EPA-like estimate's logarithm), not --model ${model}`, { option: "--cutoff-ev" });
      const cutoff = values["cutoff-ev"] === undefined ? MILLICHARGE_EPA_CUTOFFS_MeV.plasmon : numberOption(values, "cutoff-ev", undefined, DOMAINS["cutoff-ev"]) * 1e-6;
      limit = expectedCouplingLimit(c, milliChargeShape(model, cutoff));
    } else {
      const model = choiceOption(values, "model", ["fe", "stepping", "epa"] as const, "fe");
      const signal = signalDefinition("mu", model);
      limit = expectedCouplingLimit(c, processShape(`magnetic moment (${model})`, signal.process, "muNu_muB", signal.reference));
    }
    const published = parameter === "delta-q" ? { value: PUBLISHED_MILLICHARGE_BOUND.deltaQ_e, source: PUBLISHED_MILLICHARGE_BOUND.source } : null;
    const json = { parameter, ...limit.toJSON(), notes: c.notes, published };
    const text = [String(limit), published ? `published (TEXONO + GEMMA, MCRRPA): delta_Q < ${published.value.toExponential(1)} e` : "", tableText(limit.periods), ...c.notes].filter(Boolean).join("\n");
    return { json, text };
  },
};
