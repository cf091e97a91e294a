/*
 * The public API of the built package, read from its declaration files (dist/index.d.ts), so that
 * types are listed with the values: for the top-level module and for each stage namespace
 * (`export * as reactor from ...`), the sorted exported names. The pin test
 * (test/api/public-api.test.ts), `npm run api:update` and the notebook codemod all use this list.
 */
import ts from "typescript";
import { existsSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The project root (this file lives in scripts/api/). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
/** The committed pin file. */
export const PIN_FILE = join(ROOT, "test", "api", "public-api.json");

/** The exported names of one module, split into runtime values and type-only names. */
export interface ModuleNames {
  values: string[];
  types: string[];
}

/** The public API: "nuem" for the top level, "nuem.<stage>" for each namespace. */
export type PublicApi = Record<string, ModuleNames>;

/** A name that a stage index re-exports with `export *` but that resolves to another declaration. */
export interface ShadowedName {
  namespace: string;
  name: string;
  from: string;
}

export interface ApiReport {
  api: PublicApi;
  /** Namespace names in declaration order, with the dist file each resolves to (relative to the root). */
  namespaceFiles: Record<string, string>;
  shadowed: ShadowedName[];
}

function program(entry: string): { checker: ts.TypeChecker; source: ts.SourceFile } {
  const options: ts.CompilerOptions = { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, skipLibCheck: true, noEmit: true, types: ["node"] };
  const p = ts.createProgram([entry], options);
  const source = p.getSourceFile(entry);
  if (!source) throw new Error(`${relative(ROOT, entry)}: not found; run npm run build first`);
  return { checker: p.getTypeChecker(), source };
}

const sorted = (xs: Iterable<string>): string[] => [...xs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

function resolveAlias(checker: ts.TypeChecker, s: ts.Symbol): ts.Symbol {
  return s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s;
}

function namesOf(checker: ts.TypeChecker, exports: readonly ts.Symbol[]): ModuleNames {
  const values: string[] = [];
  const types: string[] = [];
  for (const e of exports) (resolveAlias(checker, e).flags & ts.SymbolFlags.Value ? values : types).push(e.name);
  return { values: sorted(values), types: sorted(types) };
}

function isModuleSymbol(s: ts.Symbol): boolean {
  return (s.flags & ts.SymbolFlags.ValueModule) !== 0 && (s.declarations ?? []).some(ts.isSourceFile);
}

/** Reads the public API from the built declarations (default: dist/index.d.ts of this project). */
export function readPublicApi(entry: string = join(ROOT, "dist", "index.d.ts")): ApiReport {
  if (!existsSync(entry)) throw new Error(`${relative(ROOT, entry)}: not found; run npm run build first`);
  const { checker, source } = program(entry);
  const top = checker.getSymbolAtLocation(source);
  if (!top) throw new Error(`${relative(ROOT, entry)}: not a module`);
  const topExports = checker.getExportsOfModule(top);
  const api: PublicApi = { nuem: namesOf(checker, topExports) };
  const namespaceFiles: Record<string, string> = {};
  const shadowed: ShadowedName[] = [];
  for (const e of topExports) {
    const target = resolveAlias(checker, e);
    if (!isModuleSymbol(target)) continue;
    const file = (target.declarations ?? []).find(ts.isSourceFile)!;
    // Only the package's own stages: a re-exported dependency (Plot) is listed as one name.
    if (relative(dirname(entry), file.fileName).startsWith("..")) continue;
    const ns = `nuem.${e.name}`;
    namespaceFiles[e.name] = relative(ROOT, file.fileName);
    const exports = checker.getExportsOfModule(target);
    api[ns] = namesOf(checker, exports);
    // A name that two `export *` sources share is dropped, and an explicit export hides a star
    // export of the same name: list both, since either hides a declaration from the user.
    const own = new Map(exports.map((x) => [x.name, resolveAlias(checker, x)]));
    for (const st of file.statements) {
      if (!ts.isExportDeclaration(st) || st.exportClause || !st.moduleSpecifier) continue;
      const m = checker.getSymbolAtLocation(st.moduleSpecifier);
      if (!m) continue;
      for (const x of checker.getExportsOfModule(m)) {
        const r = own.get(x.name);
        if (r !== resolveAlias(checker, x)) shadowed.push({ namespace: ns, name: x.name, from: (st.moduleSpecifier as ts.StringLiteral).text });
      }
    }
  }
  return { api, namespaceFiles, shadowed };
}

/** Names exported by more than one stage namespace (the top level's entry points excluded), with their namespaces. */
export function namesInSeveralStages(api: PublicApi): Record<string, string[]> {
  const where = new Map<string, string[]>();
  for (const [ns, { values, types }] of Object.entries(api)) {
    if (ns === "nuem") continue;
    for (const n of [...values, ...types]) where.set(n, [...(where.get(n) ?? []), ns]);
  }
  return Object.fromEntries(sorted(where.keys()).filter((n) => where.get(n)!.length > 1).map((n) => [n, where.get(n)!]));
}

/** The pin file's text for an API (stable order, trailing newline). */
export function pinText(api: PublicApi): string {
  const ordered: PublicApi = {};
  for (const k of sorted(Object.keys(api))) ordered[k] = api[k];
  return JSON.stringify(ordered, null, 2) + "\n";
}

/** package.json "exports" and "typesVersions" that give each namespace its subpath (nuem/<stage>). */
export function subpathFields(namespaceFiles: Record<string, string>): { exports: Record<string, unknown>; typesVersions: Record<string, Record<string, string[]>> } {
  const exports: Record<string, unknown> = { ".": { types: "./dist/index.d.ts", default: "./dist/index.js" } };
  const paths: Record<string, string[]> = {};
  for (const [ns, dts] of Object.entries(namespaceFiles)) {
    exports[`./${ns}`] = { types: `./${dts}`, default: `./${dts.replace(/\.d\.ts$/, ".js")}` };
    // tslab type-checks with Node10 resolution, which ignores "exports" but reads typesVersions.
    paths[ns] = [dts];
  }
  exports["./package.json"] = "./package.json";
  return { exports, typesVersions: { "*": paths } };
}
