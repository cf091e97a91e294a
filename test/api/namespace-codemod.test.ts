// The notebook codemod: nuem.NAME -> nuem.STAGE.NAME for names that left the top level.
import { describe, expect, it } from "vitest";
import { nameMap, rewriteNamespaces } from "../../scripts/api/namespaceCodemod.js";

const map = nameMap({
  nuem: { values: ["reactor", "sim", "rates", "simulate", "Plot"], types: [] },
  "nuem.reactor": { values: ["reactorSpectrum", "FISSION_ISOTOPES"], types: ["ReactorCoreConfig"] },
  "nuem.rates": { values: ["logGrid", "twice"], types: [] },
  "nuem.sim": { values: ["twice"], types: [] },
});

describe("rewriteNamespaces", () => {
  it("moves non-top-level names under their stage, values and types, including after a spread", () => {
    const src = "const g = nuem.logGrid(1, 10, 5);\nconst s: nuem.ReactorCoreConfig = x;\n[...nuem.FISSION_ISOTOPES];\nnuem.simulate(c); nuem.Plot.dot([]);";
    const r = rewriteNamespaces(src, map, true);
    expect(r.text).toBe("const g = nuem.rates.logGrid(1, 10, 5);\nconst s: nuem.reactor.ReactorCoreConfig = x;\n[...nuem.reactor.FISSION_ISOTOPES];\nnuem.simulate(c); nuem.Plot.dot([]);");
    expect(r.rewrites).toBe(3);
    expect(r.problems).toEqual([]);
  });

  it("is idempotent: a second pass changes nothing", () => {
    const once = rewriteNamespaces("nuem.reactorSpectrum(nuem.logGrid(1, 2, 3))", map, true).text;
    const twice = rewriteNamespaces(once, map, true);
    expect(twice.text).toBe(once);
    expect(twice.rewrites).toBe(0);
  });

  it("follows a name that has moved to another stage or to the top level (nuem.OLD.NAME)", () => {
    const r = rewriteNamespaces("nuem.sim.logGrid(1); nuem.rates.simulate(c); nuem.reactor.reactorSpectrum(x).total; nuem.Plot.dot", map, true);
    expect(r.text).toBe("nuem.rates.logGrid(1); nuem.simulate(c); nuem.reactor.reactorSpectrum(x).total; nuem.Plot.dot");
    expect(r.rewrites).toBe(2);
    expect(rewriteNamespaces(r.text, map, true).rewrites).toBe(0);
  });

  it("leaves member accesses that are not the package alone (x.nuem.logGrid)", () => {
    expect(rewriteNamespaces("x.nuem.logGrid", map, true).text).toBe("x.nuem.logGrid");
  });

  it("reports unknown and ambiguous names in code, and named imports of stage names", () => {
    const r = rewriteNamespaces('import { simulate, logGrid } from "nuem";\nnuem.nothing(); nuem.twice();', map, true);
    expect(r.problems).toEqual([
      'imports logGrid from "nuem", which is not a top-level name (use nuem.rates.logGrid)',
      "nuem.nothing is not exported by the package",
      "nuem.twice is exported by several stages (rates, sim); choose one by hand",
    ]);
    expect(rewriteNamespaces("see nuem.nothing", map, false).problems).toEqual([]);
  });
});
