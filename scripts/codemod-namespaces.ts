/*
 * Rewrites `nuem.NAME` into `nuem.STAGE.NAME` for names that the package no longer exports at the
 * top level but one stage namespace does, in notebooks (code and markdown cells; outputs are left
 * alone) and Markdown/TypeScript files. The name -> stage map is read from the built declarations
 * (dist/index.d.ts), so it follows the library as names move between stages: rebuild, then run
 * again. Idempotent: `nuem.STAGE` is itself a top-level name, so a rewritten call is left as is.
 *
 *   npm run codemod:namespaces                 # all notebooks/*.ipynb
 *   npm run codemod:namespaces -- FILE...      # given files
 *   npm run codemod:namespaces -- --check      # exit 1 if a file would change (nothing written)
 *
 * Exits 1 and names the file and cell when a code cell uses `nuem.NAME` that no module exports,
 * or that two stages export, or imports a non-top-level name with `import { NAME } from "nuem"`.
 */
import { readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { readPublicApi, ROOT } from "./api/publicApi.js";
import { nameMap, rewriteNamespaces } from "./api/namespaceCodemod.js";

interface Cell {
  cell_type: string;
  source: string | string[];
}

const args = process.argv.slice(2);
const check = args.includes("--check");
const unknownOption = args.find((a) => a.startsWith("-") && a !== "--check");
if (unknownOption) {
  console.error(`codemod-namespaces: unknown option ${unknownOption} (only --check)`);
  process.exit(2);
}
const given = args.filter((a) => !a.startsWith("-"));
const files = given.length > 0 ? given : readdirSync(join(ROOT, "notebooks")).filter((f) => f.endsWith(".ipynb")).sort().map((f) => join(ROOT, "notebooks", f));

const map = nameMap(readPublicApi().api);
const problems: string[] = [];
let rewrites = 0;
let changedFiles = 0;

function rewrite(text: string, where: string, isCode: boolean): string {
  const r = rewriteNamespaces(text, map, isCode);
  rewrites += r.rewrites;
  for (const p of r.problems) problems.push(`${where}: ${p}`);
  return r.text;
}

function writeAtomic(file: string, text: string): void {
  const tmp = `${file}.codemod.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

for (const file of files) {
  const name = relative(ROOT, file);
  const before = readFileSync(file, "utf8");
  let after: string;
  if (file.endsWith(".ipynb")) {
    const nb = JSON.parse(before) as { cells: Cell[] };
    if (JSON.stringify(nb, null, 1) + "\n" !== before) throw new Error(`${name}: not in Jupyter's layout (1-space JSON); re-save it before running the codemod`);
    nb.cells.forEach((cell, i) => {
      if (cell.cell_type !== "code" && cell.cell_type !== "markdown") return;
      const src = Array.isArray(cell.source) ? cell.source.join("") : cell.source;
      const out = rewrite(src, `${name} cell ${i}`, cell.cell_type === "code");
      if (out !== src) cell.source = Array.isArray(cell.source) ? (out === "" ? [] : out.split(/(?<=\n)/)) : out;
    });
    after = JSON.stringify(nb, null, 1) + "\n";
  } else {
    after = rewrite(before, name, file.endsWith(".ts"));
  }
  if (after !== before) {
    changedFiles++;
    if (!check) writeAtomic(file, after);
    console.log(`${check ? "would rewrite" : "rewrote"} ${name}`);
  }
}
console.log(`${rewrites} rewrite(s) in ${changedFiles} of ${files.length} file(s)${check ? " (check only, nothing written)" : ""}`);
if (problems.length > 0) {
  console.error(`codemod-namespaces: ${problems.length} problem(s):\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
if (check && changedFiles > 0) process.exit(1);
