/*
 * npm run api:update: rewrites test/api/public-api.json from the built package, so that a change
 * to the public API shows up as a diff to commit. Refuses while a stage hides a name (shadowed
 * `export *`) or two stages export the same name, and lists them.
 */
import { readPublicApi, namesInSeveralStages, pinText, PIN_FILE, ROOT } from "./publicApi.js";
import { readFileSync, renameSync, writeFileSync, existsSync } from "node:fs";
import { relative } from "node:path";

const { api, shadowed } = readPublicApi();
const dup = namesInSeveralStages(api);
const problems = [
  ...shadowed.map((s) => `${s.namespace}: ${s.name} from ${s.from} is hidden by another export of the same name`),
  ...Object.entries(dup).map(([n, nss]) => `${n} is exported by ${nss.join(", ")}`),
];
if (problems.length > 0) {
  console.error(`public API: ${problems.length} name clash(es); rename or drop one of each:\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
const text = pinText(api);
const before = existsSync(PIN_FILE) ? readFileSync(PIN_FILE, "utf8") : "";
if (before === text) {
  console.log(`${relative(ROOT, PIN_FILE)}: unchanged`);
} else {
  const tmp = `${PIN_FILE}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, PIN_FILE);
  const count = Object.values(api).reduce((n, m) => n + m.values.length + m.types.length, 0);
  console.log(`${relative(ROOT, PIN_FILE)}: written (${Object.keys(api).length} modules, ${count} names); review the diff and commit it`);
}
