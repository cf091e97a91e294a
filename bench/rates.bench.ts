import { logGrid } from "../lib/math/index.js";
import { experimentRate, experimentSource } from "../lib/rates/index.js";
import { reactorSpectrum } from "../lib/reactor/index.js";
import type { Bench } from "./harness.js";

const grid200 = logGrid(1, 100, 200);
experimentSource("gemma");

// The interactive use: recompute a spectrum on a 200-point grid after changing a parameter.
export const ratesBenches: Bench[] = [
  { name: "reactorSpectrum: build the GEMMA core (flux rule)", run: () => reactorSpectrum({ thermalPowerGW: 3, distanceM: 13.9 }) },
  { name: "experimentRate gemma em-fe, 200 energies", items: 200, unit: "energies", run: () => experimentRate("gemma", "em-fe", grid200, { params: { muNu_muB: 3.2e-11 } }) },
  { name: "experimentRate gemma em-epa, 200 energies", items: 200, unit: "energies", run: () => experimentRate("gemma", "em-epa", grid200, { params: { muNu_muB: 3.2e-11 } }) },
  { name: "experimentRate gemma em-fe + response, 200 energies", items: 200, unit: "energies", run: () => experimentRate("gemma", "em-fe", grid200, { params: { muNu_muB: 3.2e-11 }, response: true }) },
  { name: "experimentRate texono cevns-ee, 200 energies", items: 200, unit: "energies", run: () => experimentRate("texono", "cevns-ee", logGrid(0.1, 10, 200)) },
];
