/*
 * npm run api:update: rewrites test/api/public-api.json from the built package, so that a change
 * to the public API shows up as a diff to commit, and sets package.json's "exports" and
 * "typesVersions" to one subpath per namespace of lib/index.ts (nuem/<stage>). Refuses while a stage hides a name (shadowed
 * `export *`) or two stages export the same name, and lists them.
 */
import { readPublicApi, namesInSeveralStages, pinText, subpathFields, PIN_FILE, ROOT } from "./publicApi.js";
import { readFileSync, renameSync, writeFileSync, existsSync } from "node:fs";
import { join, relative } from "node:path";

const { api, shadowed, namespaceFiles } = readPublicApi();
const dup = namesInSeveralStages(api);
const problems = [
  ...shadowed.map((s) => `${s.namespace}: ${s.name} from ${s.from} is hidden by another export of the same name`),
  ...Object.entries(dup).map(([n, nss]) => `${n} is exported by ${nss.join(", ")}`),
];
if (problems.length > 0) {
  console.error(`public API: ${problems.length} name clash(es); rename or drop one of each:\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
function replaceFile(file: string, text: string, what: string): void {
  const before = existsSync(file) ? readFileSync(file, "utf8") : "";
  if (before === text) {
    console.log(`${relative(ROOT, file)}: unchanged`);
    return;
  }
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
  console.log(`${relative(ROOT, file)}: ${what}; review the diff and commit it`);
}

const count = Object.values(api).reduce((n, m) => n + m.values.length + m.types.length, 0);
replaceFile(PIN_FILE, pinText(api), `written (${Object.keys(api).length} modules, ${count} names)`);

// Keep package.json's key order: replace the two fields in place (typesVersions right after exports).
const packageFile = join(ROOT, "package.json");
const pkg = JSON.parse(readFileSync(packageFile, "utf8")) as Record<string, unknown>;
const fields = subpathFields(namespaceFiles);
const out: Record<string, unknown> = {};
for (const [k, v] of Object.entries(pkg)) {
  if (k === "typesVersions") continue;
  out[k] = k === "exports" ? fields.exports : v;
  if (k === "exports") out.typesVersions = fields.typesVersions;
}
replaceFile(packageFile, JSON.stringify(out, null, 2) + "\n", `subpath exports set for ${Object.keys(namespaceFiles).length} namespaces`);
