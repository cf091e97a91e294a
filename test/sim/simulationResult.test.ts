import { describe, expect, it } from "vitest";
import { SimulationResult, type SimulationSummary } from "../../lib/sim/simulate.js";

const summary: SimulationSummary = {
  generator: "nuem test",
  experiment: "GEMMA",
  seed: 3,
  detector_mass_kg: 1.5,
  exposure: { hours_on: 2, hours_off: 1 },
  files: ["dataset.json"],
  runs: { total: 3, on: 2, off: 1, transition: 0, ln2_fill: 0, site_work: 0, noble_gas_strong: 0, pulser: 0, good_on: 2, good_off: 1 },
  events: 42,
  counts_by_origin: { continuum: 40, line: 2, muon: 0 },
  live_time_on_s: 7000,
  live_time_off_s: 3500,
  dead_time_s: 12,
  phases: [],
  roi_kev: [[3, 55]],
  signal: [],
  pulser: { amplitudes_kev: [], sent: [], recorded: [] },
  noble_gas_episodes: [],
};

describe("SimulationResult", () => {
  const r = new SimulationResult(summary);

  it("keeps the summary's fields: same JSON, byte for byte", () => {
    expect(JSON.stringify(r)).toBe(JSON.stringify(summary));
    expect(r.counts_by_origin.continuum).toBe(40);
  });

  it("shows run counts, live times in hours and the origins with events", () => {
    const h = r.toHTML();
    expect(h).toContain("<caption>simulation: GEMMA, seed 3</caption>");
    expect(h).toMatch(/live time of good ON runs \(h\)<\/td><td style="text-align:right">1\.944</);
    expect(h).toContain(">continuum</td>");
    expect(h).not.toContain(">muon</td>");
    expect(r.toString()).toContain("events by origin");
  });
});
