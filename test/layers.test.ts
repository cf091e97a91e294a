import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// The layer check of lib/ (`npm run check-layers`): dependency-cruiser with .dependency-cruiser.cjs,
// which reads the stage order from lib/layers.json.
const root = fileURLToPath(new URL("../", import.meta.url));
const depcruise = join(root, "node_modules", ".bin", "depcruise");
const config = join(root, ".dependency-cruiser.cjs");

interface Violation {
  from: string;
  to: string;
  rule: { name: string; severity: string };
  cycle?: { name: string }[];
}
interface CruiseResult {
  modules: { source: string; dependencies: { resolved: string }[] }[];
  summary: { violations: Violation[]; error: number; totalCruised: number; ruleSetUsed: { forbidden: { name: string }[] } };
}

function cruise(cwd: string): CruiseResult {
  const r = spawnSync(depcruise, ["lib", "--config", config, "--output-type", "json"], { cwd, encoding: "utf8", maxBuffer: 1 << 28 });
  if (r.stdout === "") throw new Error(`depcruise failed (exit ${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout) as CruiseResult;
}

const table = JSON.parse(readFileSync(join(root, "lib", "layers.json"), "utf8")) as { stages: { name: string }[]; allowedUpward: { from: string; to: string; why: string }[] };

describe("layers of lib/ (npm run check-layers)", () => {
  const result = cruise(root);

  it("no import runs up the stack and no import cycle remains", () => {
    const lines = result.summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}${v.cycle ? ` (cycle ${v.cycle.map((c) => c.name).join(" -> ")})` : ""}`);
    expect(lines).toEqual([]);
    expect(result.summary.error).toBe(0);
    // The whole of lib/ was read (more than 200 modules today), not an empty folder.
    expect(result.summary.totalCruised).toBeGreaterThan(200);
  });

  it("checks cycles and every stage but the top one, and every lib/ folder is a stage", () => {
    const rules = new Set(result.summary.ruleSetUsed.forbidden.map((r) => r.name));
    expect(rules.has("no-circular")).toBe(true);
    const names = table.stages.map((s) => s.name);
    for (const s of names.slice(0, -1)) expect(rules.has(`layer-${s}`), s).toBe(true);
    const folders = readdirSync(join(root, "lib"), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    for (const f of folders) expect(names, `lib/${f}`).toContain(f);
  });

  it("every allowed upward import still exists (a stale entry must be removed from lib/layers.json)", () => {
    for (const a of table.allowedUpward) {
      const m = result.modules.find((x) => x.source === a.from);
      expect(m?.dependencies.map((d) => d.resolved) ?? [], `${a.from} -> ${a.to}`).toContain(a.to);
    }
  });

  it("reports an upward import and a cycle planted in a fixture", () => {
    const planted = cruise(join(root, "test", "fixtures", "layers"));
    const found = planted.summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`).sort();
    expect(found).toEqual(["layer-rates: lib/rates/low.ts -> lib/analysis/high.ts", "no-circular: lib/analysis/high.ts -> lib/analysis/other.ts"]);
  });
});
