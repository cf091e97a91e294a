// How many of lib/'s exported functions and classes carry a runnable @example (the ones
// test/docs/examples.test.ts runs), per stage: those in the public API (test/api/public-api.json,
// `nuem.<stage>` or a top-level entry point) and all exported ones. `--missing` lists the public
// ones without.
// Usage: node --import tsx scripts/docs/exampleCoverage.ts [--missing]
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { scanFile, sourceFiles } from "../../test/docs/doctest.js";

const LIB = fileURLToPath(new URL("../../lib/", import.meta.url));
const decls = sourceFiles(LIB)
  .flatMap((f) => scanFile(f, LIB).declarations)
  .filter((d) => d.kind !== "const");
const api = JSON.parse(readFileSync(new URL("../../test/api/public-api.json", import.meta.url), "utf8")) as Record<string, { values: string[] }>;
const stageOf = (file: string) => (file.includes("/") ? file.split("/")[0] : file.replace(/\.ts$/, ""));
const isPublic = (file: string, name: string) => (api[`nuem.${stageOf(file)}`]?.values.includes(name) ?? false) || api.nuem.values.includes(name);
const byStage = new Map<string, { pub: number; pubWith: number; all: number; allWith: number }>();
for (const d of decls) {
  const stage = stageOf(d.file);
  const s = byStage.get(stage) ?? { pub: 0, pubWith: 0, all: 0, allWith: 0 };
  const pub = isPublic(d.file, d.name);
  s.all++;
  if (d.hasExample) s.allWith++;
  if (pub) s.pub++;
  if (pub && d.hasExample) s.pubWith++;
  byStage.set(stage, s);
}
const sum = (k: "pub" | "pubWith" | "all" | "allWith") => [...byStage.values()].reduce((a, s) => a + s[k], 0);
console.log(`public functions and classes: ${sum("pub")}, with a runnable @example ${sum("pubWith")}, without ${sum("pub") - sum("pubWith")}`);
console.log(`all exported functions and classes: ${sum("all")}, with ${sum("allWith")}, without ${sum("all") - sum("allWith")}`);
console.log("stage            public with/total   exported with/total");
for (const [stage, s] of [...byStage].sort()) console.log(`  ${stage.padEnd(16)} ${String(s.pubWith).padStart(4)} / ${String(s.pub).padEnd(10)} ${String(s.allWith).padStart(4)} / ${s.all}`);
if (process.argv.includes("--missing")) for (const d of decls) if (!d.hasExample && isPublic(d.file, d.name)) console.log(`${d.file} ${d.name}`);
