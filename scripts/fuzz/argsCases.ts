/**
 * Command-line mutations over every command: out-of-domain numbers (1e300, -1, NaN, 0, ...),
 * --out aimed at inputs (the dataset directory, `ds/./`, dataset.json, an events file, /proc),
 * unknown notebooks, conflicting or ignored options, unknown options and choices.
 */
import { copyFileSync, cpSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { Case, Expect } from "./case.js";
import { PROJECT_ROOT, type Corpus } from "./corpus.js";
import type { Rng } from "./rng.js";
import { OPTION_VALUES, type ValueKind } from "./values.js";

const DS = "ds";
const SPECTRA = "in.spectra.json";

/** What a value of each kind should give for an option's domain. */
type Domain = Partial<Record<ValueKind, Expect>>;
const POSITIVE: Domain = { neg: "refuse", zero: "refuse", huge: "either", tiny: "either", frac: "either" };
const NON_NEGATIVE: Domain = { neg: "refuse", zero: "either", huge: "either", tiny: "either", frac: "either" };
const ANY: Domain = { neg: "either", zero: "either", huge: "either", tiny: "either", frac: "either" };
const PROBABILITY: Domain = { neg: "refuse", zero: "refuse", huge: "refuse", tiny: "either", frac: "refuse" };
const BIN_WIDTH: Domain = { neg: "refuse", zero: "refuse", huge: "refuse", tiny: "refuse", frac: "either" };
const COUNT: Domain = { neg: "refuse", zero: "either", huge: "refuse", tiny: "refuse", frac: "refuse" };
const HOURS: Domain = { neg: "refuse", zero: "either", huge: "refuse", tiny: "either", frac: "either" };

interface NumericOption {
  /** Valid command line without the option. */
  base: string[];
  option: string;
  domain: Domain;
  needs?: "ds" | "spectra" | "csi";
}

/** Numeric options of every command, each with a valid command line around it. */
const NUMERIC: readonly NumericOption[] = [
  { base: ["xsec", "--process", "em-fe", "--t-kev", "10", "--mu", "1e-10"], option: "enu-mev", domain: POSITIVE },
  { base: ["xsec", "--process", "em-fe", "--enu-mev", "1", "--mu", "1e-10"], option: "t-kev", domain: POSITIVE },
  { base: ["xsec", "--process", "em-fe", "--enu-mev", "1", "--t-kev", "10"], option: "mu", domain: ANY },
  { base: ["xsec", "--process", "weak", "--enu-mev", "1", "--t-kev", "10"], option: "sin2w", domain: { ...PROBABILITY, frac: "refuse" } },
  { base: ["xsec", "--process", "millicharge", "--enu-mev", "1", "--t-kev", "10"], option: "delta-q", domain: ANY },
  { base: ["xsec", "--process", "weak", "--enu-mev", "1", "--t-kev", "10"], option: "r2", domain: ANY },
  { base: ["rates", "--experiment", "gemma", "--process", "em-fe", "--mu", "3e-11"], option: "t-kev", domain: POSITIVE },
  { base: ["rates", "--experiment", "gemma", "--process", "em-fe", "--t-kev", "1,3"], option: "mu", domain: ANY },
  { base: ["sensitivity", "--experiment", "gemma"], option: "cl", domain: PROBABILITY },
  { base: ["sensitivity", "--experiment", "gemma"], option: "bin-kev", domain: BIN_WIDTH },
  { base: ["sensitivity", "--experiment", "texono"], option: "background", domain: NON_NEGATIVE },
  { base: ["sensitivity", "--experiment", "texono", "--seed", "1"], option: "toys", domain: COUNT },
  { base: ["bound", "--parameter", "delta-q", "--model", "epa"], option: "cutoff-ev", domain: POSITIVE },
  { base: ["bound", "--parameter", "mu"], option: "background", domain: NON_NEGATIVE },
  { base: ["bound", "--parameter", "sin2w"], option: "seed", domain: ANY },
  { base: ["limit", "--spectra", SPECTRA], option: "cl", domain: PROBABILITY, needs: "spectra" },
  { base: ["limit", "--spectra", SPECTRA], option: "bin-kev", domain: BIN_WIDTH, needs: "spectra" },
  { base: ["limit", "--spectra", SPECTRA, "--background", "gel"], option: "roi-low-kev", domain: { neg: "refuse", zero: "refuse", huge: "refuse", tiny: "refuse", frac: "either" }, needs: "spectra" },
  { base: ["spectra", "--in", DS, "--out", "out.spectra.json"], option: "bin-kev", domain: BIN_WIDTH, needs: "ds" },
  { base: ["simulate", "--config", "gemma", "--mu", "0", "--model", "fe", "--seed", "1", "--out", "sim", "--hours-off", "1"], option: "hours-on", domain: HOURS },
  { base: ["simulate", "--config", "texono", "--mu", "0", "--model", "fe", "--out", "sim", "--hours-on", "1", "--hours-off", "1"], option: "seed", domain: { ...ANY, huge: "either", frac: "refuse" } },
  { base: ["simulate", "--config", "gemma", "--model", "fe", "--seed", "1", "--out", "sim", "--hours-on", "1", "--hours-off", "1"], option: "mu", domain: { ...ANY, huge: "refuse" } },
  { base: ["simulate", "--config", "csi", "--seed", "1", "--out", "sim", "--off-kg-days", "50"], option: "on-kg-days", domain: { ...POSITIVE, huge: "refuse" } },
];

interface Fixed {
  kind: string;
  args: string[];
  expect: Expect;
  mustName: string[][];
  needs?: "ds" | "spectra" | "csi";
}

/** --out (and --selected-out) aimed at inputs or unwritable places. */
function outCases(rng: Rng): Fixed[] {
  const events = "events-2005-08.arrow";
  const into = [DS, `${DS}/`, `${DS}/.`, `${DS}/./`, `${DS}/dataset.json`, `${DS}/${events}`, `${DS}/runs.arrow`];
  const unwritable = ["/proc/self/nuem-fuzz", "/proc/1/nuem-fuzz", "/proc/version", "/dev/full", "/nonexistent-dir/x"];
  const o = (args: string[], out: string, needs?: "ds" | "spectra"): Fixed => ({ kind: "out-at-input", args, expect: "refuse", mustName: [["--out", "--selected-out", out, out.replace(/\/\.?\/?$/, "")]], needs });
  const a = rng.pick(into);
  const u = rng.pick(unwritable);
  return [
    o(["select", "--in", DS, "--out", a], a, "ds"),
    o(["spectra", "--in", DS, "--out", a], a, "ds"),
    o(["spectra", "--in", DS, "--out", "x.spectra.json", "--selected-out", a], a, "ds"),
    o(["simulate", "--config", "gemma", "--mu", "0", "--model", "fe", "--seed", "1", "--hours-on", "1", "--hours-off", "1", "--out", a], a, "ds"),
    { ...o(["select", "--in", DS, "--out", u], u, "ds"), kind: "out-unwritable" },
    { ...o(["spectra", "--in", DS, "--out", u], u, "ds"), kind: "out-unwritable" },
    { ...o(["simulate", "--config", "texono", "--mu", "0", "--model", "fe", "--seed", "1", "--hours-on", "1", "--hours-off", "1", "--out", u], u), kind: "out-unwritable" },
    // An existing file that is not this command's input: overwritten only with --overwrite.
    { kind: "out-existing-file", args: ["spectra", "--in", DS, "--out", SPECTRA], expect: "refuse", mustName: [["--out", SPECTRA, "--overwrite"]], needs: "spectra" },
  ];
}

/** Names that match no notebook (checked against notebooks/ when the case is made). */
const UNKNOWN_NOTEBOOKS = ["99-nope", "zz-missing", "16-", "notebook-xyz", "00-getting-started.py", "limit.ipynb", "-1", "15-"];

function notebookCases(rng: Rng): Fixed[] {
  const present = readdirSync(join(PROJECT_ROOT, "notebooks")).filter((f) => f.endsWith(".ipynb"));
  // Never run a real notebook (minutes each) and never --update one: only names matching none
  // (the CLI selects notebooks whose file name contains the argument: "limit.ipynb" matches 09-limit).
  const name = rng.pick(UNKNOWN_NOTEBOOKS.filter((n) => !present.some((f) => f.includes(n))));
  const extra = rng.pick([[], ["--no-check"], ["--update"], ["--out", "nb-out"], ["--out", "/proc/self/nb"]]);
  return [{ kind: "notebook-unknown", args: ["notebooks", ...extra, name], expect: "refuse", mustName: [[name]] }];
}

/** Options that contradict each other or that the command would ignore. */
const CONFLICTS: readonly Fixed[] = [
  { kind: "conflict", args: ["select", "--in", DS, "--settings", "gemma", "--selection", "texono"], expect: "refuse", mustName: [["--settings", "--selection"]], needs: "ds" },
  { kind: "conflict", args: ["limit", "--spectra", SPECTRA, "--parameter", "sin2w"], expect: "refuse", mustName: [["--parameter", "--spectra"]], needs: "spectra" },
  { kind: "conflict", args: ["limit", "--spectra", SPECTRA, "--alternatives", "gemma", "--roi-low-kev", "3,3.5"], expect: "refuse", mustName: [["--alternatives", "--roi-low-kev"]], needs: "spectra" },
  { kind: "ignored-option", args: ["limit", "--spectra", SPECTRA, "--method", "pdg", "--profile-threshold", "one-sided"], expect: "refuse", mustName: [["--profile-threshold", "--method"]], needs: "spectra" },
  { kind: "ignored-option", args: ["limit", "--spectra", SPECTRA, "--seed", "3"], expect: "refuse", mustName: [["--seed"]], needs: "spectra" },
  { kind: "ignored-option", args: ["sensitivity", "--experiment", "gemma", "--seed", "1"], expect: "refuse", mustName: [["--seed", "--toys"]] },
  { kind: "ignored-option", args: ["sensitivity", "--experiment", "texono", "--toy-background", "raw"], expect: "refuse", mustName: [["--toy-background", "--toys"]] },
  { kind: "ignored-option", args: ["bound", "--parameter", "mu", "--data", DS], expect: "refuse", mustName: [["--data", "--parameter"]], needs: "ds" },
  { kind: "ignored-option", args: ["bound", "--parameter", "sin2w", "--experiment", "gemma"], expect: "refuse", mustName: [["--experiment", "--parameter"]] },
  { kind: "ignored-option", args: ["bound", "--parameter", "mu", "--seed", "1"], expect: "refuse", mustName: [["--seed", "--parameter"]] },
  { kind: "ignored-option", args: ["xsec", "--process", "weak", "--enu-mev", "1", "--t-kev", "10", "--mu", "1e-10"], expect: "refuse", mustName: [["--mu", "--process"]] },
  { kind: "ignored-option", args: ["simulate", "--config", "csi", "--seed", "1", "--out", "sim", "--off-kg-days", "50", "--on-kg-days", "50", "--mu", "3e-11"], expect: "refuse", mustName: [["--mu", "--config"]] },
  { kind: "ignored-option", args: ["simulate", "--config", "gemma", "--mu", "0", "--model", "fe", "--seed", "1", "--out", "sim", "--hours-on", "1", "--hours-off", "1", "--sin2w", "0.2"], expect: "refuse", mustName: [["--sin2w", "--config"]] },
  { kind: "conflict", args: ["simulate", "--config", "gemma", "--mu", "0", "--model", "fe", "--seed", "1", "--out", "sim", "--full", "--hours-on", "1"], expect: "refuse", mustName: [["--full", "--hours-on"]] },
  { kind: "conflict", args: ["flux", "--experiment", "gemma", "--model", "huber-mueller", "--model", "vogel-engel"], expect: "either", mustName: [["--model"]] },
];

/** Unknown commands, options and choices; missing required options; stray positionals. */
const MALFORMED: readonly Fixed[] = [
  { kind: "unknown-command", args: ["simulat"], expect: "refuse", mustName: [["simulat"]] },
  { kind: "unknown-option", args: ["flux", "--experiment", "gemma", "--foo"], expect: "refuse", mustName: [["--foo", "foo"]] },
  { kind: "unknown-option", args: ["limit", "--spectra", SPECTRA, "--cl=0.9", "--mehtod", "fc"], expect: "refuse", mustName: [["--mehtod", "mehtod"]], needs: "spectra" },
  { kind: "stray-positional", args: ["limit", "--spectra", SPECTRA, "extra.json"], expect: "refuse", mustName: [["extra.json", "positional", "argument"]], needs: "spectra" },
  { kind: "missing-required", args: ["limit", "--json"], expect: "refuse", mustName: [["--spectra"]] },
  { kind: "missing-required", args: ["select"], expect: "refuse", mustName: [["--in"]] },
  { kind: "missing-required", args: ["spectra", "--in", DS], expect: "refuse", mustName: [["--out"]], needs: "ds" },
  { kind: "missing-required", args: ["xsec", "--enu-mev", "1", "--t-kev", "10"], expect: "refuse", mustName: [["--process"]] },
  { kind: "missing-required", args: ["simulate", "--config", "gemma", "--mu", "0", "--model", "fe", "--seed", "1"], expect: "refuse", mustName: [["--out"]] },
  { kind: "missing-value", args: ["limit", "--spectra"], expect: "refuse", mustName: [["--spectra", "spectra"]] },
  { kind: "bad-choice", args: ["flux", "--experiment", "gemma3"], expect: "refuse", mustName: [["--experiment"]] },
  { kind: "bad-choice", args: ["limit", "--spectra", SPECTRA, "--method", "bayes"], expect: "refuse", mustName: [["--method"]], needs: "spectra" },
  { kind: "bad-choice", args: ["limit", "--spectra", SPECTRA, "--model", "EPA"], expect: "refuse", mustName: [["--model"]], needs: "spectra" },
  { kind: "bad-choice", args: ["sensitivity", "--experiment", "gemma2"], expect: "refuse", mustName: [["gemma2", "GEMMA-II", "--experiment"]] },
  { kind: "bad-choice", args: ["rates", "--experiment", "gemma", "--process", "em", "--t-kev", "1"], expect: "refuse", mustName: [["--process"]] },
  { kind: "bad-choice", args: ["select", "--in", DS, "--settings", "gemma,texono"], expect: "refuse", mustName: [["--settings"]], needs: "ds" },
  { kind: "bad-choice", args: ["simulate", "--config", "gemma2", "--mu", "0", "--seed", "1", "--out", "sim"], expect: "refuse", mustName: [["--config"]] },
  { kind: "bad-list", args: ["rates", "--experiment", "gemma", "--process", "weak", "--t-kev", "1,,3"], expect: "refuse", mustName: [["--t-kev"]] },
  { kind: "bad-list", args: ["spectra", "--in", DS, "--out", "o.json", "--range", "60,2"], expect: "refuse", mustName: [["--range"]], needs: "ds" },
  { kind: "bad-list", args: ["spectra", "--in", DS, "--out", "o.json", "--range", "2"], expect: "refuse", mustName: [["--range"]], needs: "ds" },
  { kind: "bad-list", args: ["spectra", "--in", DS, "--out", "o.json", "--range", "5,5"], expect: "refuse", mustName: [["--range"]], needs: "ds" },
  { kind: "bad-list", args: ["spectra", "--in", DS, "--out", "o.json", "--range", "2,60,80"], expect: "refuse", mustName: [["--range"]], needs: "ds" },
];

export function argsCase(id: number, rng: Rng, corpus: Corpus, dir: string): Case {
  let f: Fixed;
  const roll = rng.next();
  if (roll < 0.5) {
    const n = rng.pick(NUMERIC);
    const v = rng.pick(OPTION_VALUES);
    const expect: Expect = v.kind === "nonnum" ? "refuse" : (n.domain[v.kind] ?? "either");
    f = { kind: `number-${v.kind}`, args: [...n.base, `--${n.option}=${v.text}`], expect, mustName: [[`--${n.option}`]], needs: n.needs };
    if (n.option === "roi-low-kev") f.args = [...n.base, `--roi-low-kev=3,${v.text}`];
  } else if (roll < 0.72) f = rng.pick(outCases(rng));
  else if (roll < 0.77) f = rng.pick(notebookCases(rng));
  else if (roll < 0.88) f = rng.pick(CONFLICTS);
  else f = rng.pick(MALFORMED);
  const args = [...f.args];
  if (rng.chance(0.5) && !args.includes("--json")) args.push("--json");
  const inputs: string[] = [];
  if (f.needs === "ds" || args.includes(DS)) {
    cpSync(join(corpus.root, "gemma"), join(dir, DS), { recursive: true });
    inputs.push(DS);
  }
  if (f.needs === "spectra" || args.includes(SPECTRA)) {
    copyFileSync(join(corpus.root, rng.pick(["gemma-tiny.spectra.json", "texono-mu0.spectra.json"])), join(dir, SPECTRA));
    inputs.push(SPECTRA);
  }
  return { id, group: "args", kind: `args/${f.kind}`, mutation: f.args.join(" "), args, expect: f.expect, mustName: f.mustName, inputs };
}
