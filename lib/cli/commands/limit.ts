import { BACKGROUND_KINDS } from "../../analysis/backgroundFit.js";
import { analyseSpectra, DEFAULT_BACKGROUND, GEMMA_ALTERNATIVES, LIMIT_METHODS, type AnalyseSpectraOptions } from "../../analysis/limit.js";
import { COUPLINGS, MAGNETIC_MODELS } from "../../analysis/models.js";
import { checkProcedureConflicts, LIMIT_PROCEDURES } from "../../analysis/procedure.js";
import { tableText } from "../../plots/table.js";
import { boundCommand } from "./bound.js";
import { readSpectraFile, type SpectraFile } from "../../spectra/spectraFile.js";
import { choiceOption, numberListOption, numberOption, type Command } from "../command.js";

/** `nuem limit`: the magnetic-moment limit from a spectra file (GEMMA Secs. 3-4). */
export const limitCommand: Command = {
  name: "limit",
  summary: "90 % CL limit on mu (or delta_Q) from a spectra file (ON/OFF spectra per period)",
  usage: [
    "Reads a spectra file (data/README.md, \"The spectra file\"), fits each period's OFF spectrum in the ROI",
    "with a smooth background, profiles chi2(X, K) over K (GEMMA Eq. 7), combines the periods with the 4.0 %",
    "systematic (Eq. 8) and sets the limit on X = (mu / 1e-11 mu_B)^2 (or X = (delta_Q / 1e-12 e)^2).",
    "  --spectra FILE                 the spectra file (required)",
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
    "example:",
    "  nuem limit --spectra out/spectra.json --json",
    "  nuem limit --spectra out/spectra.json --procedure paper",
    "  nuem limit --spectra out/spectra.json --model epa --method profile --background raw",
    "  nuem limit --spectra out/spectra.json --parameter delta-q --model stepping --json",
  ].join("\n"),
  options: {
    spectra: { type: "string" },
    procedure: { type: "string" },
    parameter: { type: "string" },
    seed: { type: "string" },
    model: { type: "string" },
    method: { type: "string" },
    cl: { type: "string" },
    background: { type: "string" },
    "off-errors": { type: "string" },
    alternatives: { type: "string" },
    "roi-low-kev": { type: "string" },
    "bin-kev": { type: "string" },
    "profile-threshold": { type: "string" },
  },
  run(values, positionals) {
    if (values.parameter === "sin2w" || values.parameter === "r2") {
      // Not germanium-spectra parameters: the TEXONO CsI(Tl) fit, the same as `nuem bound`.
      if (values.spectra !== undefined) throw new Error(`--parameter ${values.parameter}: a spectra file holds germanium spectra (mu, delta-q); ${values.parameter} comes from the TEXONO CsI(Tl) analysis, run without --spectra`);
      return boundCommand.run(values, positionals);
    }
    const parameter = choiceOption(values, "parameter", COUPLINGS, "mu");
    const file = values.spectra;
    if (typeof file !== "string" || file === "") throw new Error("--spectra is required (a spectra file, see data/README.md)");
    const spectra = readSpectraFile(file);
    if (values.procedure !== undefined) {
      // A named procedure: only options that agree with it are accepted.
      const procedure = choiceOption(values, "procedure", LIMIT_PROCEDURES);
      if (values["roi-low-kev"] !== undefined || values["bin-kev"] !== undefined) throw new Error(`--procedure ${procedure} sums its own alternatives (ROI edges, bin widths): drop --roi-low-kev/--bin-kev or drop --procedure`);
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
      return runLimit(file, spectra, {
        procedure,
        coupling: parameter,
        model: choiceOption(values, "model", MAGNETIC_MODELS, "fe"),
        cl: numberOption(values, "cl", 0.9),
        profileThreshold: choiceOption(values, "profile-threshold", ["two-sided", "one-sided"] as const, "two-sided"),
      });
    }
    const background = choiceOption(values, "background", BACKGROUND_KINDS, DEFAULT_BACKGROUND);
    const binKeV = values["bin-kev"] === undefined ? undefined : numberOption(values, "bin-kev");
    const options: AnalyseSpectraOptions = {
      coupling: parameter,
      model: choiceOption(values, "model", MAGNETIC_MODELS, "fe"),
      method: choiceOption(values, "method", LIMIT_METHODS, "pdg"),
      cl: numberOption(values, "cl", 0.9),
      background,
      offErrors: choiceOption(values, "off-errors", ["correlated", "diagonal", "none"] as const, "correlated"),
      profileThreshold: choiceOption(values, "profile-threshold", ["two-sided", "one-sided"] as const, "two-sided"),
    };
    if (values.alternatives !== undefined) {
      choiceOption(values, "alternatives", ["gemma"] as const);
      options.alternatives = GEMMA_ALTERNATIVES;
    } else if (values["roi-low-kev"] !== undefined) {
      options.alternatives = numberListOption(values, "roi-low-kev").map((roiLowKeV) => ({ background, roiLowKeV, binKeV }));
    } else if (binKeV !== undefined) {
      options.alternatives = [{ background, binKeV }];
    }
    return runLimit(file, spectra, options);
  },
};

/** Runs the analysis and formats its result (errors name the file). */
function runLimit(file: string, spectra: SpectraFile, options: AnalyseSpectraOptions): { json: unknown; text: string } {
  let r;
  try {
    r = analyseSpectra(spectra, options);
  } catch (e) {
    throw new Error(`${file}: ${(e as Error).message}`);
  }
  const json = r.toJSON();
  const text = [
    r.toString(),
    tableText(r.alternatives[0].periods.map((p) => ({ period: p.name, background: p.background.label, "chi2/ndf": `${p.background.chi2.toFixed(1)}/${p.background.ndf.toFixed(1)}`, "K (20-55 keV)": p.kPrefit ? p.kPrefit.k : NaN, "tau~": p.tauTilde }))),
  ].join("\n");
  return { json, text };
}
