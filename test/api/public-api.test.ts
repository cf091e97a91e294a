// The public API is pinned, as pyhf pins dir(pyhf): test/api/public-api.json lists, for the top
// level and for each stage namespace, the sorted exported values and types of the built package.
// Adding, removing or renaming an exported name is a decision: run `npm run api:update`, review
// the diff of public-api.json and commit it with the change.
import { describe, expect, it, beforeAll } from "vitest";
import { readFileSync, realpathSync } from "node:fs";
import ts from "typescript";
import { join } from "node:path";
import * as nuem from "nuem";
import * as reactorSubpath from "nuem/reactor";
import { readPublicApi, namesInSeveralStages, subpathFields, PIN_FILE, ROOT, type ApiReport, type PublicApi } from "../../scripts/api/publicApi.js";

const UPDATE = "If the change is intended, run `npm run api:update` and commit test/api/public-api.json.";
const pinned = JSON.parse(readFileSync(PIN_FILE, "utf8")) as PublicApi;
const packageJson = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { exports: Record<string, unknown>; typesVersions: Record<string, Record<string, string[]>> };

let report: ApiReport;
beforeAll(() => {
  report = readPublicApi();
});

const sortedKeys = (m: object): string[] => Object.keys(m).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

describe("public API", () => {
  it("matches the pinned names, module by module", () => {
    expect(Object.keys(report.api).sort(), `modules of the public API changed. ${UPDATE}`).toEqual(Object.keys(pinned).sort());
    for (const ns of Object.keys(pinned)) {
      expect(report.api[ns], `${ns}: exported names changed. ${UPDATE}`).toEqual(pinned[ns]);
    }
  });

  it("has one namespace per stage and the entry points at the top level", () => {
    const namespaces = Object.keys(report.namespaceFiles);
    expect(namespaces).toEqual(expect.arrayContaining(["reactor", "xsec", "detector", "rates", "selection", "spectra", "fit", "stats", "analysis", "sim"]));
    const top = pinned["nuem"].values.filter((n) => !namespaces.includes(n));
    expect(top).toEqual(expect.arrayContaining(["simulate", "selectDataset", "buildSpectra", "analyseSpectra", "readSpectraFile", "showTable", "showPlot", "showMarkdown", "Plot", "version"]));
    // The door stays small: entry points, not the stages' contents.
    expect(top.length).toBeLessThanOrEqual(25);
  });

  it("hides no name: no stage shadows one of its own exports, and no two stages export the same name", () => {
    expect(report.shadowed).toEqual([]);
    expect(namesInSeveralStages(report.api)).toEqual({});
  });

  it("the built JavaScript exports exactly the pinned values", () => {
    const mod = nuem as unknown as Record<string, object>;
    expect(sortedKeys(mod)).toEqual(pinned["nuem"].values);
    for (const ns of Object.keys(report.namespaceFiles)) {
      expect(sortedKeys(mod[ns]), `nuem.${ns}`).toEqual(pinned[`nuem.${ns}`].values);
    }
  });

  it("every namespace is a subpath export (nuem/<stage>) with its types, and nothing else is (npm run api:update sets them)", async () => {
    expect(packageJson.exports, `package.json "exports". ${UPDATE}`).toEqual(subpathFields(report.namespaceFiles).exports);
    const mod = nuem as unknown as Record<string, object>;
    for (const ns of Object.keys(report.namespaceFiles)) {
      const specifier = `nuem/${ns}`;
      const sub = (await import(/* @vite-ignore */ specifier)) as object;
      expect(sortedKeys(sub), `nuem/${ns}`).toEqual(pinned[`nuem.${ns}`].values);
      // The same module instance, so that classes compare equal across the two import paths.
      expect(sub, `nuem/${ns}`).toBe(mod[ns]);
    }
    expect(reactorSubpath.loadExperiment).toBe(nuem.reactor.loadExperiment);
  });

  it("the subpaths keep their types under tslab's Node10 resolution (which ignores exports) through typesVersions", () => {
    const options: ts.CompilerOptions = { moduleResolution: ts.ModuleResolutionKind.Node10, module: ts.ModuleKind.CommonJS };
    const from = join(ROOT, "test", "api", "consumer.ts");
    for (const [ns, dts] of Object.entries(report.namespaceFiles)) {
      const resolved = ts.resolveModuleName(`nuem/${ns}`, from, options, ts.sys).resolvedModule;
      expect(resolved && realpathSync(resolved.resolvedFileName), `nuem/${ns}`).toBe(realpathSync(join(ROOT, dts)));
    }
    expect(packageJson.typesVersions, `package.json "typesVersions". ${UPDATE}`).toEqual(subpathFields(report.namespaceFiles).typesVersions);
  });
});
