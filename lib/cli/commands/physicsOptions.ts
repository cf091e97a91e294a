import type { XsecParams } from "../../xsec/registry.js";
import { XSEC_PARAM_DOMAINS } from "../../xsec/domains.js";
import { numberOption, type Domain, type OptionValues } from "../command.js";

/** The cross-section parameters shared by `nuem xsec` and `nuem rates`. */
export const physicsOptions = {
  mu: { type: "string" },
  "delta-q": { type: "string" },
  sin2w: { type: "string" },
  r2: { type: "string" },
  "nu-mass-ev": { type: "string" },
} as const;

/** Their domains, in the options' units (lib/xsec/domains.ts; --nu-mass-ev in eV). */
export const physicsDomains: Readonly<Record<keyof typeof physicsOptions, Domain>> = {
  mu: XSEC_PARAM_DOMAINS.muNu_muB,
  "delta-q": XSEC_PARAM_DOMAINS.deltaQ_e,
  sin2w: XSEC_PARAM_DOMAINS.sin2ThetaW,
  r2: XSEC_PARAM_DOMAINS.chargeRadius2_cm2,
  "nu-mass-ev": { ...XSEC_PARAM_DOMAINS.neutrinoMassMeV, max: XSEC_PARAM_DOMAINS.neutrinoMassMeV.max! * 1e6, unit: "eV" },
};

export const physicsUsage = [
  "  --mu M          neutrino magnetic moment, Bohr magnetons (e.g. 3.2e-11)",
  "  --delta-q Q     neutrino charge, units of e",
  "  --sin2w S       sin^2 theta_W (default 0.23121, MS-bar at M_Z)",
  "  --r2 R          neutrino charge radius squared, cm^2",
  "  --nu-mass-ev M  neutrino mass for millicharge-epa, eV",
].join("\n");

/** XsecParams from the shared options (unset options stay unset: the process defaults apply). */
export function physicsParams(values: OptionValues): XsecParams {
  const p: XsecParams = {};
  const d = physicsDomains;
  if (values.mu !== undefined) p.muNu_muB = numberOption(values, "mu", undefined, d.mu);
  if (values["delta-q"] !== undefined) p.deltaQ_e = numberOption(values, "delta-q", undefined, d["delta-q"]);
  if (values.sin2w !== undefined) p.sin2ThetaW = numberOption(values, "sin2w", undefined, d.sin2w);
  if (values.r2 !== undefined) p.chargeRadius2_cm2 = numberOption(values, "r2", undefined, d.r2);
  if (values["nu-mass-ev"] !== undefined) p.neutrinoMassMeV = numberOption(values, "nu-mass-ev", undefined, d["nu-mass-ev"]) * 1e-6;
  return p;
}
