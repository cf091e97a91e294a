// The bad-input campaign of issue 12 against the CLI: each case now exits 1 with a message naming
// the path, and the input dataset's bytes are unchanged.
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = mkdtempSync(join(tmpdir(), "nuem-safety-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const nuem = (...args: string[]) => spawnSync(process.execPath, ["bin/nuem.js", ...args], { encoding: "utf8", timeout: 60_000 });
const D = join(root, "d");

function hashes(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).sort().map((n) => [n, createHash("sha256").update(readFileSync(join(dir, n))).digest("hex")]));
}

beforeAll(() => {
  const r = nuem("simulate", "--config", "gemma", "--mu", "0", "--seed", "3", "--hours-on", "12", "--hours-off", "12", "--out", D);
  expect(r.status, r.stderr).toBe(0);
}, 60_000);

describe("outputs never touch inputs", () => {
  const cases: [string, string[], string][] = [
    ["select --out equal to --in", ["select", "--in", D, "--out", D, "--overwrite"], `--out ${D} is the input --in ${D}`],
    ["select --out spelled dir/./", ["select", "--in", D, "--out", `${D}/./`, "--overwrite"], `is the input --in ${D}`],
    ["spectra --out onto dataset.json", ["spectra", "--in", D, "--out", join(D, "dataset.json"), "--overwrite"], `--out ${join(D, "dataset.json")} lies inside the input --in ${D}`],
    ["spectra --out onto an events file", ["spectra", "--in", D, "--out", join(D, "events-2005-08.arrow"), "--overwrite"], "lies inside the input --in"],
    ["spectra --selected-out equal to --in", ["spectra", "--in", D, "--out", join(root, "s.json"), "--selected-out", D, "--overwrite"], `--selected-out ${D} is the input --in ${D}`],
  ];
  for (const [name, args, message] of cases) {
    it(`${name}: exit 1, the message names both paths, the input is byte-identical`, () => {
      const before = hashes(D);
      const r = nuem(...args);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(message);
      expect(hashes(D)).toEqual(before);
    });
  }

  it("spectra onto an existing file needs --overwrite, as select does", () => {
    const out = join(root, "existing.json");
    writeFileSync(out, "{}\n");
    const r = nuem("spectra", "--in", D, "--out", out);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`--out ${out} exists already: pass --overwrite to replace it`);
    expect(readFileSync(out, "utf8")).toBe("{}\n");
  });

  it("an output under /proc fails at once with the directory named", () => {
    const r = nuem("select", "--in", D, "--out", "/proc/nuem-selected");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("--out /proc/nuem-selected: cannot write in /proc");
  });

  it("a FIFO in place of a spectra file is refused, not waited on", () => {
    const fifo = join(root, "fifo.spectra.json");
    execFileSync("mkfifo", [fifo]);
    const r = nuem("limit", "--spectra", fifo);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${fifo}: is a FIFO (named pipe), not a regular file`);
  });

  it("nuem validate passes a fresh dataset and names the file of a damaged one", () => {
    expect(nuem("validate", D).status).toBe(0);
    const bad = join(root, "bad");
    execFileSync("cp", ["-r", D, bad]);
    const f = join(bad, "events-2005-08.arrow");
    const b = readFileSync(f);
    b.fill(0, b.length >> 1, (b.length >> 1) + 4096);
    writeFileSync(f, b);
    const r = nuem("validate", bad, "--json");
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).error).toContain(`${f}: content does not match the SHA-256 in dataset.json`);
  });
});
