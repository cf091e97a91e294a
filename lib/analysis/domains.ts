/**
 * Domains of the analysis inputs a person chooses (lib/validateOptions.ts), shared by the library's
 * option checks and the CLI's options.
 *
 * Choices (ours): a flat background is a rate, so it is > 0 (zero background leaves the OFF
 * spectrum empty and chi^2(X, K) undefined); 1e6 counts/(keV kg day) is ~1e5 times GEMMA's ~2.5
 * (Phys. Part. Nucl. Lett. 10 (2013) 139). Bins are at most 10 keV wide: the GEMMA ROI 3-55 keV
 * then still holds five bins.
 */
import type { Domain } from "../validateOptions.js";

/** A flat background level, counts/(keV kg day). */
export const BACKGROUND_DOMAIN: Domain = { min: 1e-3, max: 1e6, unit: "counts/(keV kg day)", note: "a rate; below 1e-3 (a thousandth of GEMMA's ~2) the Asimov spectra hold too few counts to fit K" };

/** An analysis bin width, keV. */
export const BIN_KEV_DOMAIN: Domain = { min: 0.01, max: 10, unit: "keV", note: "from 10 eV, below any germanium resolution" };
