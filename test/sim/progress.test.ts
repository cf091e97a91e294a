import { describe, expect, it } from "vitest";
import { formatSeconds, ProgressBar } from "../../lib/sim/progress.js";

describe("ProgressBar", () => {
  it("shows percent, rate and ETA, and writes only when enabled", () => {
    const chunks: string[] = [];
    const stream = { write: (t: string) => chunks.push(t), isTTY: false };
    expect(ProgressBar.enabled(undefined, stream)).toBe(false);
    expect(ProgressBar.enabled(true, stream)).toBe(true);
    expect(ProgressBar.enabled(undefined, { ...stream, isTTY: true })).toBe(true);
    const bar = new ProgressBar("sim", 200, stream, "runs", 0);
    bar.update(50);
    expect(chunks.at(-1)).toMatch(/^\rsim \[#{6}\.{18}\]  25\.0%  50\/200 runs  \d+ runs\/s  ETA /);
    bar.update(200);
    bar.done();
    expect(chunks.at(-1)).toMatch(/100\.0%.*\n$/);
    const silent = new ProgressBar("x", 10, null);
    silent.update(5);
    silent.done();
  });
  it("formats seconds", () => {
    expect(formatSeconds(65)).toBe("1m05s");
    expect(formatSeconds(12.4)).toBe("12s");
    expect(formatSeconds(NaN)).toBe("--");
  });
});
