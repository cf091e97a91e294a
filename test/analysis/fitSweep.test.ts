import { describe, expect, it } from "vitest";
import { runSweepCase, sweepCases, sweepFile } from "../../scripts/fitSweepCases.js";

// Every background x method x OFF errors on GEMMA-like toy spectra from one day to one month (and
// the published exposure with the Gaussian chain): each case gives a result whose fits pass their
// checks, or an explained refusal; none fails otherwise. The larger sweep (more seeds, 7 days, the
// profile likelihood at the full exposure; ~10 min): `npm run fit-sweep`.
describe("fit sweep: no unexplained failures, no implausible fit reported as a result", () => {
  const inputs: [string, () => ReturnType<typeof sweepFile>, ReturnType<typeof sweepCases>][] = [
    ["1 day, seed 1", () => sweepFile(1, 1), sweepCases()],
    ["30 days, seed 1", () => sweepFile(30, 1), sweepCases()],
    ["published exposure, seed 1 (pdg)", () => sweepFile("full", 1), sweepCases(["pdg"]).filter((c) => c.offErrors === "correlated")],
  ];
  for (const [label, file, cases] of inputs) {
    it(`${label}: ${cases.length} cases`, () => {
      const f = file();
      const out = cases.map((c) => runSweepCase(f, c));
      const failed = out.filter((o) => o.outcome === "failed");
      expect(failed.map((o) => `${o.background}/${o.method}/${o.offErrors}: ${o.detail}`)).toEqual([]);
      // Refusals name the period and say what to try.
      for (const o of out.filter((x) => x.outcome === "refused")) expect(o.detail).toMatch(/^(period |the profile likelihood ).*Try /);
      // The Gaussian chain always gives a result on valid toy spectra.
      expect(out.filter((o) => o.method !== "profile" && o.outcome !== "result")).toEqual([]);
    }, 60_000);
  }
});
