// The doctest harness: finds the `@example` blocks in the doc comments of lib/'s exported
// declarations and turns each into a function whose `// => VALUE` lines are checked.
// Convention (as simple-statistics' examples): an annotated line is one expression statement,
// `expr; // => VALUE  (where VALUE comes from)`. VALUE is a number (compared to the significant
// digits it is written with: 1.645 means |x - 1.645| <= 0.0005), a quoted string, true, false,
// null, undefined, or a JSON array of those; text after VALUE says where it comes from.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import ts from "typescript";

export interface Example {
  /** lib-relative file, e.g. "stats/pdg.ts". */
  file: string;
  /** The exported name the doc comment belongs to (Class.method for a method). */
  name: string;
  /** 1-based line of the `@example` tag in the file. */
  line: number;
  /** The example's TypeScript source, as written (comment stars removed). */
  source: string;
}

export interface ExportedDeclaration {
  file: string;
  name: string;
  kind: "function" | "class" | "const";
  hasExample: boolean;
}

/** Every .ts file below `dir`, sorted. */
export function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...sourceFiles(p));
    else if (e.name.endsWith(".ts") && !e.name.endsWith(".d.ts")) out.push(p);
  }
  return out.sort();
}

function isExported(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

function exampleTags(node: ts.Node): ts.JSDocTag[] {
  return ts.getJSDocTags(node).filter((t) => t.tagName.text === "example");
}

function tagText(tag: ts.JSDocTag): string {
  const c = tag.comment;
  if (c === undefined) return "";
  return typeof c === "string" ? c : c.map((part) => part.text).join("");
}

/** The exported declarations of one file and their examples (exported functions, classes and their public methods, consts). */
export function scanFile(path: string, libDir: string): { declarations: ExportedDeclaration[]; examples: Example[] } {
  const text = readFileSync(path, "utf8");
  const sf = ts.createSourceFile(path, text, ts.ScriptTarget.ES2022, true);
  const file = relative(libDir, path).split(sep).join("/");
  const declarations: ExportedDeclaration[] = [];
  const examples: Example[] = [];
  const take = (node: ts.Node, name: string, kind: ExportedDeclaration["kind"], tagsFrom: ts.Node = node) => {
    const tags = exampleTags(tagsFrom);
    declarations.push({ file, name, kind, hasExample: tags.length > 0 });
    for (const t of tags) examples.push({ file, name, line: sf.getLineAndCharacterOfPosition(t.getStart()).line + 1, source: tagText(t) });
  };
  for (const st of sf.statements) {
    if (!isExported(st)) continue;
    if (ts.isFunctionDeclaration(st) && st.name) {
      // An overloaded function: the doc comment sits on its first signature.
      if (declarations.some((d) => d.name === st.name!.text)) {
        const tags = exampleTags(st);
        for (const t of tags) examples.push({ file, name: st.name.text, line: sf.getLineAndCharacterOfPosition(t.getStart()).line + 1, source: tagText(t) });
        continue;
      }
      take(st, st.name.text, "function");
    } else if (ts.isClassDeclaration(st) && st.name) {
      take(st, st.name.text, "class");
      for (const m of st.members) {
        if (!ts.isMethodDeclaration(m) || !m.name || !ts.isIdentifier(m.name)) continue;
        const tags = exampleTags(m);
        for (const t of tags) examples.push({ file, name: `${st.name.text}.${m.name.text}`, line: sf.getLineAndCharacterOfPosition(t.getStart()).line + 1, source: tagText(t) });
      }
    } else if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        if (!ts.isIdentifier(d.name)) continue;
        const fn = d.initializer && (ts.isArrowFunction(d.initializer) || ts.isFunctionExpression(d.initializer));
        // Data constants are not entry points; arrow functions are.
        if (fn) take(d, d.name.text, "function", st);
        else if (exampleTags(st).length > 0) take(d, d.name.text, "const", st);
      }
    }
  }
  return { declarations, examples };
}

/** One parsed `// =>` value: what to compare against, and how. */
export type Expected =
  | { kind: "number"; value: number; halfUnit: number; text: string }
  | { kind: "exact"; value: unknown; text: string }
  | { kind: "array"; items: Expected[]; text: string };

const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/;

function parseNumber(s: string): Expected {
  const m = NUMBER.exec(s)!;
  const t = m[0];
  const [mant, exp = "0"] = t.toLowerCase().split("e");
  const decimals = mant.includes(".") ? mant.split(".")[1].length : 0;
  // Half a unit in the last written digit.
  const halfUnit = 0.5 * 10 ** (Number(exp) - decimals);
  return { kind: "number", value: Number(t), halfUnit, text: t };
}

/** Parses the value at the start of `s` (the rest is the value's source, not compared). */
export function parseExpected(s: string): Expected {
  const t = s.trim();
  if (NUMBER.test(t)) return parseNumber(t);
  for (const [word, value] of [["true", true], ["false", false], ["null", null], ["undefined", undefined], ["NaN", NaN], ["Infinity", Infinity], ["-Infinity", -Infinity]] as const) {
    if (t.startsWith(word) && !/^[\w.]/.test(t.slice(word.length))) return { kind: "exact", value, text: word };
  }
  if (t.startsWith('"')) {
    const m = /^"(?:[^"\\]|\\.)*"/.exec(t);
    if (!m) throw new Error(`unterminated string in "// => ${s}"`);
    return { kind: "exact", value: JSON.parse(m[0]), text: m[0] };
  }
  if (t.startsWith("[")) {
    // The first balanced bracket.
    let depth = 0;
    let end = -1;
    for (let i = 0; i < t.length; i++) {
      if (t[i] === "[") depth++;
      else if (t[i] === "]" && --depth === 0) {
        end = i;
        break;
      }
    }
    if (end < 0) throw new Error(`unbalanced [ in "// => ${s}"`);
    const inner = t.slice(1, end).trim();
    const items: Expected[] = [];
    let rest = inner;
    while (rest.length > 0) {
      const item = parseExpected(rest);
      items.push(item);
      rest = rest.trim().slice(item.text.length).trim();
      if (rest.startsWith(",")) rest = rest.slice(1).trim();
      else if (rest.length > 0) throw new Error(`cannot read "${rest}" in "// => ${s}"`);
    }
    return { kind: "array", items, text: t.slice(0, end + 1) };
  }
  throw new Error(`"// => ${s}": expected a number, a quoted string, true/false/null/undefined or an array`);
}

/** Why `actual` does not match `expected` (undefined when it does). */
export function mismatch(actual: unknown, expected: Expected): string | undefined {
  if (expected.kind === "number") {
    if (typeof actual !== "number") return `expected the number ${expected.text}, got ${typeof actual} ${JSON.stringify(actual)}`;
    // A relative slack of 1e-12 absorbs the binary rounding of a value written in decimal.
    if (Math.abs(actual - expected.value) <= expected.halfUnit * (1 + 1e-12)) return undefined;
    return `expected ${expected.text} (+-${expected.halfUnit.toPrecision(2)}, half a unit of its last digit), got ${actual}`;
  }
  if (expected.kind === "exact") return Object.is(actual, expected.value) ? undefined : `expected ${expected.text}, got ${JSON.stringify(actual)}`;
  if (!Array.isArray(actual) && !ArrayBuffer.isView(actual)) return `expected an array ${expected.text}, got ${JSON.stringify(actual)}`;
  const a = Array.from(actual as ArrayLike<unknown>);
  if (a.length !== expected.items.length) return `expected ${expected.items.length} items ${expected.text}, got ${a.length}: ${JSON.stringify(a)}`;
  for (let i = 0; i < a.length; i++) {
    const why = mismatch(a[i], expected.items[i]);
    if (why) return `item ${i}: ${why}`;
  }
  return undefined;
}

const ANNOTATED = /^(\s*)(.*?);?\s*\/\/\s*=>\s*(.*)$/;

/** The example as JavaScript: each `expr; // => VALUE` line becomes `__check(expr, VALUE, line)`. */
export function compileExample(ex: Example): { js: string; checks: number } {
  let checks = 0;
  const lines = ex.source.split("\n").map((line, i) => {
    const m = ANNOTATED.exec(line);
    if (!m) return line;
    checks++;
    parseExpected(m[3]); // refuses an unreadable value before anything runs
    return `${m[1]}__check((${m[2]}), ${JSON.stringify(m[3])}, ${i + 1});`;
  });
  const out = ts.transpileModule(lines.join("\n"), {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, removeComments: false },
    reportDiagnostics: true,
    fileName: `${ex.file}:${ex.line}.ts`,
  });
  if (out.diagnostics && out.diagnostics.length > 0) {
    throw new Error(`${ex.file}:${ex.line} (${ex.name}): ${out.diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n")).join("; ")}`);
  }
  return { js: out.outputText, checks };
}

/**
 * Type-checks every example against the library, as a tslab cell is type-checked: each example
 * becomes a virtual module beside lib/ that binds the names it may use (the top-level, its stage's
 * and its own file's exports) and holds its source in an async function. Returns the diagnostics,
 * each located as "file:line (name)" of the example's tag.
 */
export function typecheckExamples(examples: readonly Example[], libDir: string, tsconfigPath: string, scopeNames: (ex: Example) => string[]): string[] {
  const config = ts.readConfigFile(tsconfigPath, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, join(tsconfigPath, ".."));
  const options: ts.CompilerOptions = { ...parsed.options, noEmit: true, declaration: false, sourceMap: false, noUnusedLocals: false };
  const dir = join(libDir, "..", "test", "docs", "__examples__");
  const virtual = new Map<string, { ex: Example; text: string; bodyLine: number }>();
  examples.forEach((ex, i) => {
    const parts = ex.file.split("/");
    const imports = [`import * as __top from ${JSON.stringify(join(libDir, "index.js"))};`];
    const sources = ["__top"];
    if (parts.length > 1) {
      imports.push(`import * as __stage from ${JSON.stringify(join(libDir, parts[0], "index.js"))};`);
      sources.push("__stage");
    }
    imports.push(`import * as __own from ${JSON.stringify(join(libDir, ex.file.replace(/\.ts$/, ".js")))};`);
    sources.push("__own");
    const used = scopeNames(ex).filter((n) => new RegExp(`(^|[^\\w$.])${n.replace(/\$/g, "\\$")}(?![\\w$])`).test(ex.source));
    const head = [
      ...imports,
      "export {};",
      "async function __example(): Promise<void> {",
      `  const { ${used.join(", ")} } = { ...__top, ...${sources.length > 1 ? sources.slice(1).map((s) => `${s}, ...`).join("") : ""}{} } as typeof __top${sources.slice(1).map((s) => ` & typeof ${s}`).join("")};`,
    ];
    const text = [...head, ex.source, "}", "void __example;", ""].join("\n");
    virtual.set(join(dir, `example${i}.ts`), { ex, text, bodyLine: head.length });
  });
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const v = virtual.get(fileName);
    if (v) return ts.createSourceFile(fileName, v.text, languageVersion, true);
    return getSourceFile(fileName, languageVersion, onError, shouldCreate);
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (f) => virtual.has(f) || fileExists(f);
  const readFile = host.readFile.bind(host);
  host.readFile = (f) => virtual.get(f)?.text ?? readFile(f);
  const program = ts.createProgram([...virtual.keys()], options, host);
  const out: string[] = [];
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const v = d.file ? virtual.get(d.file.fileName) : undefined;
    const msg = ts.flattenDiagnosticMessageText(d.messageText, "\n");
    if (!v) {
      out.push(`${d.file?.fileName ?? "(program)"}: ${msg}`);
      continue;
    }
    const line = d.file!.getLineAndCharacterOfPosition(d.start ?? 0).line + 1 - v.bodyLine;
    out.push(`${v.ex.file}:${v.ex.line} (${v.ex.name}), example line ${line}: ${msg}`);
  }
  return out;
}
