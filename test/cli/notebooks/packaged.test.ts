import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot, RUNNER_FILES } from "../../../lib/cli/notebooks/run-notebook.js";

// What `npm pack` would ship (npm's own file list, without running the build).
function packedFiles(): string[] {
  const r = spawnSync("npm", ["pack", "--dry-run", "--ignore-scripts", "--json"], { cwd: projectRoot, encoding: "utf8", maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`npm pack --dry-run failed: ${r.stderr}`);
  return (JSON.parse(r.stdout) as { files: { path: string }[] }[])[0].files.map((f) => f.path);
}

describe("the package ships what the notebooks and reproduce commands load", () => {
  const files = new Set(packedFiles());
  it("the runner's worker and Jupyter driver, and the command", () => {
    for (const f of [...Object.values(RUNNER_FILES), "bin/nuem.js"]) expect(files.has(f), f).toBe(true);
  });
  it("every notebook the commands execute", () => {
    const notebooks = readdirSync(join(projectRoot, "notebooks")).filter((f) => f.endsWith(".ipynb"));
    expect(notebooks.length).toBeGreaterThan(10);
    for (const n of notebooks) expect(files.has(`notebooks/${n}`), n).toBe(true);
  });
});
