import { OptionError, withContext } from "../../errors.js";
import { BACKGROUND_KINDS } from "../../analysis/backgroundFit.js";
import { analyseSpectra, DEFAULT_BACKGROUND, GEMMA_ALTERNATIVES, LIMIT_METHODS, type AnalyseSpectraOptions } from "../../analysis/limit.js";
import { COUPLINGS, MAGNETIC_MODELS } from "../../analysis/models.js";
import { signedMilliChargeLimit } from "../../analysis/milliChargeSignedLimit.js";
import { checkProcedureConflicts, LIMIT_PROCEDURES } from "../../analysis/procedure.js";
import { tableText } from "../../plots/table.js";
import { boundCommand } from "./bound.js";
import { readSpectraFile, withPeriods, type SpectraFile } from "../../spectra/spectraFile.js";
import { BIN_KEV_DOMAIN } from "../../analysis/domains.js";
import { CL_DOMAIN } from "../../validateOptions.js";
import { choiceOption, numberListOption, numberOption, SEED_DOMAIN, valueOptions, type Command, type Domain, type OptionValues } from "../command.js";

const DOMAINS: Readonly<Record<string, Domain>> = {
  cl: CL_DOMAIN,
  "bin-kev": BIN_KEV_DOMAIN,
  "roi-low-kev": { min: 0, minExclusive: true, unit: "keV", note: "inside the file's binning and below its ROI's first upper edge" },
  seed: SEED_DOMAIN,
};

/** `nuem limit`: the magnetic-moment limit from a spectra file (GEMMA Secs. 3-4). */
export const limitCommand: Command = {
  name: "limit",
  summary: "90 % CL limit on mu (or delta_Q) from a spectra file (ON/OFF spectra per period)",
  usage: [
    "Reads a spectra file (data/README.md, \"The spectra file\"), fits each period's OFF spectrum in the ROI",
    "with a smooth background, profiles chi2(X, K) over K (GEMMA Eq. 7), combines the periods with the 4.0 %",
    "systematic (Eq. 8) and sets the limit on X = (mu / 1e-11 mu_B)^2 (or X = (delta_Q / 1e-12 e)^2).",
    "  --spectra FILE                 the spectra file (required)",
    "  --periods A,B,...              only these periods of the file (default: all), e.g. phase-1",
    "  --procedure paper|full         a named procedure (default: none, the options below):",
    "                                 paper = GEMMA's as published (Sec. 3): the fitted smooth OFF curve (GEL or",
    "                                 spline) as the background, K free and projected out, the 4 % systematic of",
    "                                 Eq. (8), the sum of the alternatives, PDG renormalisation; full = the same",
    "                                 with the OFF curve's fit covariance propagated. Coverage: notebook 09.",
    "                                 Options that contradict the procedure are refused.",
    "  --parameter mu|delta-q         the coupling (default mu); delta-q: the milli-charge signal shape",
    "  --parameter sin2w|r2 [--seed N] the TEXONO CsI(Tl) fit instead (no --spectra; as nuem bound)",
    "  --model fe|epa|stepping        cross section (default fe; delta-q epa: the project's EPA-like estimate)",
    "  --method pdg|fc|profile        PDG renormalisation (GEMMA), Feldman-Cousins, or Poisson profile likelihood",
    "  --cl 0.9                       confidence level",
    "  --background gel|spline|polynomial|raw   OFF background (default raw: the OFF counts bin by bin,",
    "                                 unbiased on every background shape of notebook 07; gel: Gaussian + exp + linear)",
    "  --off-errors correlated|diagonal|none    how the OFF curve's uncertainty enters (default correlated)",
    "  --alternatives gemma           sum the GEMMA-like alternatives (gel/spline x ROI from 2.9/3.0 keV x bins)",
    "  --roi-low-kev A,B,...          alternatives: these ROI low edges (with --background)",
    "  --bin-kev W                    regroup the file's bins to W keV inside the ROI",
    "  --profile-threshold two-sided|one-sided  profile method: q~ = chi2_1(CL) = 2.71 (default) or (Phi^-1(CL))^2 = 1.64",
    "  --interference on|off          delta-q: also the limits for each sign of delta_Q with the weak interference",
    "                                 (default on; needs --method pdg and --model fe|stepping); off: the pure term only",
    "example:",
    "  nuem limit --spectra out/spectra.json --json",
    "  nuem limit --spectra out/spectra.json --procedure paper",
    "  nuem limit --spectra out/spectra.json --model epa --method profile --background raw",
    "  nuem limit --spectra out/spectra.json --parameter delta-q --model stepping --json",
  ].join("\n"),
  options: valueOptions("spectra", "periods", "procedure", "parameter", "seed", "model", "method", "cl", "background", "off-errors", "alternatives", "roi-low-kev", "bin-kev", "profile-threshold", "interference"),
  domains: DOMAINS,
  run(values, positionals) {
    if (values.parameter === "sin2w" || values.parameter === "r2") {
      // Not germanium-spectra parameters: the TEXONO CsI(Tl) fit, the same as `nuem bound`.
      if (values.spectra !== undefined) throw new OptionError(`--parameter ${values.parameter}: a spectra file holds germanium spectra (mu, delta-q); ${values.parameter} comes from the TEXONO CsI(Tl) analysis, run without --spectra`, { option: "--parameter" });
      for (const k of Object.keys(values)) if (!["parameter", "seed", "json"].includes(k) && values[k] !== undefined) throw new OptionError(`--${k} does not apply to --parameter ${values.parameter} (the TEXONO CsI(Tl) fit reads only --seed)`, { option: `--${k}` });
      return boundCommand.run(values, positionals);
    }
    if (values.seed !== undefined) throw new OptionError("--seed applies to --parameter sin2w|r2 only (a spectra file's limit has no random draw)", { option: "--seed" });
    // Options that another option makes ignored are refused rather than dropped.
    if (values.alternatives !== undefined) for (const k of ["roi-low-kev", "bin-kev", "background"]) if (values[k] !== undefined) throw new OptionError(`--alternatives gemma and --${k} cannot be combined: the GEMMA alternatives fix the background functions, ROI low edges and bin widths (see nuem limit --help); use --${k} without --alternatives`, { option: "--alternatives" });
    if (values["profile-threshold"] !== undefined && values.method !== "profile") throw new OptionError(`--profile-threshold applies to --method profile only`, { option: "--profile-threshold" });
    const parameter = choiceOption(values, "parameter", COUPLINGS, "mu");
    const file = values.spectra;
    if (typeof file !== "string" || file === "") throw new OptionError("--spectra is required (a spectra file, see data/README.md)", { option: "--spectra" });
    const read = readSpectraFile(file);
    if (values.periods !== undefined && (typeof values.periods !== "string" || values.periods === "")) throw new OptionError("--periods: expected period names separated by commas", { option: "--periods" });
    const spectra = typeof values.periods === "string" ? withPeriods(read, values.periods.split(",").map((s) => s.trim()), file) : read;
    if (values.procedure !== undefined) {
      // A named procedure: only options that agree with it are accepted.
      const procedure = choiceOption(values, "procedure", LIMIT_PROCEDURES);
      if (values["roi-low-kev"] !== undefined || values["bin-kev"] !== undefined) throw new OptionError(`--procedure ${procedure} sums its own alternatives (ROI edges, bin widths): drop --roi-low-kev/--bin-kev or drop --procedure`, { option: "--procedure" });
      const cliName: Record<string, string> = { offErrors: "--off-errors", method: "--method", background: "--background", alternatives: "--alternatives", relSyst: "--rel-syst", fixK: "--fix-k" };
      checkProcedureConflicts(
        procedure,
        {
          offErrors: values["off-errors"] === undefined ? undefined : choiceOption(values, "off-errors", ["correlated", "diagonal", "none"] as const),
          method: values.method === undefined ? undefined : choiceOption(values, "method", LIMIT_METHODS),
          background: values.background === undefined ? undefined : choiceOption(values, "background", BACKGROUND_KINDS),
          alternatives: values.alternatives,
        },
        (k) => cliName[k] ?? k,
      );
      return runLimit(file, spectra, values, {
        procedure,
        coupling: parameter,
        model: choiceOption(values, "model", MAGNETIC_MODELS, "fe"),
        cl: numberOption(values, "cl", 0.9, DOMAINS.cl),
        ...(values["profile-threshold"] === undefined ? {} : { profileThreshold: choiceOption(values, "profile-threshold", ["two-sided", "one-sided"] as const) }),
      });
    }
    const background = choiceOption(values, "background", BACKGROUND_KINDS, DEFAULT_BACKGROUND);
    if (values["off-errors"] !== undefined && background === "raw") throw new OptionError(`--off-errors applies to a fitted OFF curve (gel, spline, polynomial); with --background raw${values.background === undefined ? " (the default)" : ""} the OFF counts enter bin by bin`, { option: "--off-errors" });
    const binKeV = values["bin-kev"] === undefined ? undefined : numberOption(values, "bin-kev", undefined, DOMAINS["bin-kev"]);
    const options: AnalyseSpectraOptions = {
      coupling: parameter,
      model: choiceOption(values, "model", MAGNETIC_MODELS, "fe"),
      method: choiceOption(values, "method", LIMIT_METHODS, "pdg"),
      cl: numberOption(values, "cl", 0.9, DOMAINS.cl),
      ...(values["off-errors"] === undefined ? {} : { offErrors: choiceOption(values, "off-errors", ["correlated", "diagonal", "none"] as const) }),
      ...(values["profile-threshold"] === undefined ? {} : { profileThreshold: choiceOption(values, "profile-threshold", ["two-sided", "one-sided"] as const) }),
    };
    if (values.alternatives !== undefined) {
      choiceOption(values, "alternatives", ["gemma"] as const);
      options.alternatives = GEMMA_ALTERNATIVES;
    } else if (values["roi-low-kev"] !== undefined) {
      options.alternatives = numberListOption(values, "roi-low-kev", DOMAINS["roi-low-kev"]).map((roiLowKeV) => ({ background, roiLowKeV, binKeV }));
    } else if (binKeV !== undefined) {
      options.alternatives = [{ background, binKeV }];
    } else {
      options.background = background;
    }
    return runLimit(file, spectra, values, options);
  },
};

/** Runs the analysis and formats its result (errors name the file); delta-q adds both signs with the weak interference. */
function runLimit(file: string, spectra: SpectraFile, values: OptionValues, options: AnalyseSpectraOptions): { json: unknown; text: string } {
  let r;
  try {
    r = analyseSpectra(spectra, options);
  } catch (e) {
    throw withContext(e, `${file}: `);
  }
  const json = r.toJSON();
  const parameter = options.coupling ?? "mu";
  // The milli-charge with its weak interference, per sign (milliChargeSignedLimit.ts); the keys of
  // the pure-term limit above stay as they are.
  const signedLines: string[] = [];
  if (parameter === "delta-q" && choiceOption(values, "interference", ["on", "off"] as const, "on") === "on") {
    if (r.method !== "pdg") throw new OptionError(`--interference on: the signed delta_Q limits use GEMMA's PDG renormalisation (--method pdg); pass --interference off for --method ${r.method}`, { option: "--interference" });
    if (r.model === "epa") throw new OptionError("--interference on: the EPA-like milli-charge estimate has no interference term; use --model fe|stepping, or --interference off", { option: "--interference" });
    let signed;
    try {
      signed = signedMilliChargeLimit(spectra, r);
    } catch (e) {
      throw withContext(e, `${file}: `);
    }
    Object.assign(json, { interference: "on", delta_q_upper_e_pure_term: r.upper, delta_q_upper_e_positive: signed.positive, delta_q_upper_e_negative: signed.negative, signed: signed.toJSON() });
    signedLines.push(`  pure delta_Q^2 term only (no interference): delta_Q < ${r.upper.toExponential(2)} e`, `  ${signed.toString()}`);
  } else if (values.interference !== undefined && parameter !== "delta-q") {
    throw new OptionError(`--interference: applies to --parameter delta-q, not ${parameter}`, { option: "--interference" });
  } else if (parameter === "delta-q") {
    Object.assign(json, { interference: "off" });
  }
  const text = [
    r.toString(),
    ...signedLines,
    tableText(r.alternatives[0].periods.map((p) => ({ period: p.name, background: p.background.label, "chi2/ndf": Number.isFinite(p.background.chi2) ? `${p.background.chi2.toFixed(1)}/${p.background.ndf.toFixed(1)}` : "(not fitted)", "K (20-55 keV)": p.kPrefit ? p.kPrefit.k : "-", "tau~": p.tauTilde }))),
  ].join("\n");
  return { json, text };
}
