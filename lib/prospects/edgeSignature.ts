import { GA_K_keV, GA_L1_keV } from "../sim/lines.js";
import { germaniumShells } from "../xsec/shells.js";
import type { ProcessName, XsecParams } from "../xsec/registry.js";
import type { ExperimentName } from "../reactor/experiments.js";
import { siteRate } from "./binnedRate.js";

/** The jump of a rate density across one germanium absorption edge. */
export interface EdgeJump {
  shell: string;
  bindingKeV: number;
  electrons: number;
  /** Rate just below and just above the edge, counts/(keV kg day) (true deposited energy). */
  below: number;
  above: number;
  /** above - below. */
  jump: number;
}

/**
 * The jumps of a process's true rate at the germanium edges (binding energies of
 * data/germanium/ge_shells.csv, X-ray Data Booklet), evaluated at B (1 -+ 1e-6). For the stepping
 * approximation each jump is n_i x (free-electron rate per electron at T = B_i): a step, not a
 * peak. For the EPA processes it follows the photoabsorption edge.
 */
export function edgeJumps(site: ExperimentName, process: ProcessName, params: XsecParams, shells: readonly string[] = ["K", "L1", "L2", "L3"]): EdgeJump[] {
  const t = germaniumShells();
  return shells.map((name) => {
    const i = t.names.indexOf(name);
    if (i < 0) throw new Error(`edgeJumps: no shell ${name} (known: ${t.names.join(", ")})`);
    const bKeV = t.bindingMeV[i] * 1e3;
    const [below, above] = siteRate(site, process, [bKeV * (1 - 1e-6), bKeV * (1 + 1e-6)], params);
    return { shell: name, bindingKeV: bKeV, electrons: t.occupancy[i], below, above, jump: above - below };
  });
}

/**
 * Closed form of the stepping approximation's edge-jump ratio for a 1/T^2 cross section (milli-charge,
 * T << E): jump_i proportional to n_i / B_i^2, so (sum over group A) / (sum over group B) of n/B^2.
 */
export function steppingJumpRatio1OverT2(groupA: readonly string[], groupB: readonly string[]): number {
  const t = germaniumShells();
  const sum = (g: readonly string[]) =>
    g.reduce((s, name) => {
      const i = t.names.indexOf(name);
      if (i < 0) throw new Error(`steppingJumpRatio1OverT2: no shell ${name}`);
      return s + t.occupancy[i] / (t.bindingMeV[i] * 1e3) ** 2;
    }, 0);
  return sum(groupA) / sum(groupB);
}

/**
 * The lines of the cosmogenic electron-capture background in germanium (68Ge, 71Ge -> Ga): the
 * full Ga K or L1 binding energy is deposited (X-rays and Auger electrons absorbed in the crystal).
 * Energies: X-ray Data Booklet Table 1-1 (lib/sim/lines.ts).
 */
export const GA_EC_LINES_keV = Object.freeze({ K: GA_K_keV, L1: GA_L1_keV });

/**
 * L/K capture ratio of an allowed electron capture in the crudest model: the capture probability
 * is proportional to the electron density at the nucleus, and for hydrogenic orbitals of the same
 * Z, |psi_2s(0)|^2 / |psi_1s(0)|^2 = 1/8 (|psi_ns(0)|^2 = Z^3/(pi n^3 a0^3)). Screening lowers
 * the L density further and L2 adds a little: the K/L line ratio of Ga is near 8, the "~8:1" of the
 * brief. The commonly used value L/K ~ 0.12 (the project's simulator, lib/sim/gemma.ts) could not
 * be checked against a table with the tools available.
 *
 * @example
 * hydrogenicLOverKCapture(); // => 0.125 (1/2^3)
 */
export function hydrogenicLOverKCapture(): number {
  return 1 / 8;
}
