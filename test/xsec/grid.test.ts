import { describe, expect, it } from "vitest";
import { dSigmaDTMatrix, dSigmaDTOverENu, dSigmaDTOverT } from "../../lib/xsec/grid.js";
import { bindProcess } from "../../lib/xsec/registry.js";

describe("grid helpers", () => {
  const f = bindProcess("em-stepping", { muNu_muB: 1e-11 });
  const t = Float64Array.from([1e-4, 1e-3, 1.2e-2, 0.5]);
  const e = Float64Array.from([0.5, 1, 3, 8]);
  it("matrix is row-major by T and equals scalar calls", () => {
    const m = dSigmaDTMatrix(f, t, e);
    for (let i = 0; i < t.length; i++) for (let j = 0; j < e.length; j++) expect(m[i * e.length + j]).toBe(f(e[j], t[i]));
  });
  it("rows and columns", () => {
    const row = dSigmaDTOverENu(f, e, t[1]);
    const col = dSigmaDTOverT(f, e[2], t);
    e.forEach((x, j) => expect(row[j]).toBe(f(x, t[1])));
    t.forEach((x, i) => expect(col[i]).toBe(f(e[2], x)));
  });
  it("rejects a wrongly sized output buffer", () => {
    expect(() => dSigmaDTMatrix(f, t, e, new Float64Array(3))).toThrow(/need 16/);
  });
});
