import { describe, expect, it } from "vitest";
import { canonicalOutputs, normaliseVolatile } from "../../../lib/cli/notebooks/index.js";

describe("canonicalOutputs", () => {
  it("merges consecutive streams of the same name, as Jupyter splits them arbitrarily", () => {
    const out = canonicalOutputs([
      { output_type: "stream", name: "stdout", text: "a\nb" },
      { output_type: "stream", name: "stdout", text: ["c\n"] },
      { output_type: "stream", name: "stderr", text: "e\n" },
    ]);
    expect(out).toEqual([
      { output_type: "stream", name: "stdout", text: ["a\n", "bc\n"] },
      { output_type: "stream", name: "stderr", text: ["e\n"] },
    ]);
  });
  it("normalises only printed durations of the documented form", () => {
    expect(normaliseVolatile("fit done, elapsed 1.25 s; window 20.0 ms")).toBe("fit done, elapsed <t>; window 20.0 ms");
  });
});
