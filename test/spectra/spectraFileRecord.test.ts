import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { dataPath } from "../../lib/data/paths.js";
import { readSpectraFile, withPeriods } from "../../lib/spectra/spectraFile.js";

describe("SpectraFileRecord", () => {
  const path = dataPath("simulated/gemma-mu0-seed11.spectra.json");
  const f = readSpectraFile(path);

  it("keeps the file's fields: its JSON is the file, byte for byte", () => {
    expect(`${JSON.stringify(f, null, 2)}\n`).toBe(readFileSync(path, "utf8"));
  });

  it("shows one row per period with its active times", () => {
    const h = f.toHTML();
    for (const p of f.periods) expect(h).toContain(`>${p.name}</td>`);
    expect(h).toContain(`>${Number(f.periods[0].t_on_days.toPrecision(4))}</td>`);
    expect(withPeriods(f, [f.periods[1].name]).toString().split("\n")).toHaveLength(4);
  });
});
