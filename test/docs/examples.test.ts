// Every `@example` in the doc comments of lib/'s exported declarations runs, and each of its
// `// => VALUE` lines holds (see doctest.ts for the convention). An example sees the names a reader
// has after `import * as nuem from "nuem"`: the top-level entry points and namespaces, the names of
// its own stage's namespace, and those of its own file. It runs in a fresh temporary directory, so
// an example that writes `out/...` leaves nothing in the project.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { compileExample, mismatch, parseExpected, scanFile, sourceFiles, typecheckExamples, type Example } from "./doctest.js";

const LIB = fileURLToPath(new URL("../../lib/", import.meta.url));
const examples: Example[] = sourceFiles(LIB).flatMap((f) => scanFile(f, LIB).examples);

type Scope = Record<string, unknown>;
const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => (...values: unknown[]) => Promise<void>;

async function scopeFor(file: string): Promise<Scope> {
  const top = (await import(join(LIB, "index.ts"))) as Scope;
  const parts = file.split("/");
  const stage = parts.length > 1 ? ((await import(join(LIB, parts[0], "index.ts"))) as Scope) : {};
  const own = (await import(join(LIB, file))) as Scope;
  return { ...top, ...stage, ...own };
}

async function run(ex: Example): Promise<number> {
  const { js, checks } = compileExample(ex);
  const scope = await scopeFor(ex.file);
  const failures: string[] = [];
  let done = 0;
  const check = (actual: unknown, valueText: string, line: number) => {
    done++;
    const why = mismatch(actual, parseExpected(valueText));
    if (why) failures.push(`example line ${line}: ${why}`);
  };
  const names = Object.keys(scope).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n));
  const fn = new AsyncFunction(...names, "__check", js);
  const cwd = process.cwd();
  const dir = mkdtempSync(join(tmpdir(), "nuem-example-"));
  try {
    process.chdir(dir);
    await fn(...names.map((n) => scope[n]), check);
  } finally {
    process.chdir(cwd);
    rmSync(dir, { recursive: true, force: true });
  }
  expect(failures, `${ex.file}:${ex.line} (${ex.name})`).toEqual([]);
  expect(done, `${ex.file}:${ex.line} (${ex.name}): every // => line ran`).toBe(checks);
  return checks;
}

describe("the doctest harness", () => {
  it("compares a number to the significant digits it is written with", () => {
    expect(mismatch(1.6449, parseExpected("1.645 (PDG)"))).toBeUndefined();
    expect(mismatch(1.6444, parseExpected("1.645"))).toMatch(/expected 1.645/);
    expect(mismatch(2.74e13, parseExpected("2.7e13"))).toBeUndefined();
    expect(mismatch(2.76e13, parseExpected("2.7e13"))).toMatch(/expected/);
    expect(mismatch(380, parseExpected("380"))).toBeUndefined();
    expect(mismatch(380.6, parseExpected("380"))).toMatch(/expected/);
  });
  it("compares strings, booleans and arrays exactly", () => {
    expect(mismatch("2.8×10⁻¹²", parseExpected('"2.8×10⁻¹²" (rounded)'))).toBeUndefined();
    expect(mismatch("2.8", parseExpected('"2.80"'))).toMatch(/expected/);
    expect(mismatch(true, parseExpected("true"))).toBeUndefined();
    expect(mismatch([1.02, 4], parseExpected("[1.0, 4]"))).toBeUndefined();
    expect(mismatch([1.02, 4, 5], parseExpected("[1.0, 4]"))).toMatch(/3 items|2 items/);
    expect(mismatch([-Infinity, 1.28], parseExpected("[-Infinity, 1.28]"))).toBeUndefined();
  });
  it("refuses a value it cannot read", () => {
    expect(() => parseExpected("about two")).toThrow(/expected a number/);
  });
});

describe("@example blocks in lib/", () => {
  it("finds the examples", () => {
    expect(examples.length).toBeGreaterThan(0);
  });
  it("type-check against the library, as a notebook cell would", async () => {
    const names = new Map<string, string[]>();
    for (const ex of examples) names.set(ex.file, Object.keys(await scopeFor(ex.file)).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n)));
    const problems = typecheckExamples(examples, LIB, fileURLToPath(new URL("../../tsconfig.json", import.meta.url)), (ex) => names.get(ex.file)!);
    expect(problems).toEqual([]);
  });
  for (const ex of examples) {
    it(`${ex.file}:${ex.line} ${ex.name}`, async () => {
      const checks = await run(ex);
      // An example is there to show a value that a test checks.
      expect(checks, `${ex.file}:${ex.line} (${ex.name}) has no "// => VALUE" line`).toBeGreaterThan(0);
    });
  }
});
