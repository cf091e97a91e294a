import { describe, expect, it } from "vitest";
import { germaniumActiveElectrons, germaniumShells } from "../../lib/xsec/shells.js";
import { REF } from "./reference.js";

const eV = (x: number) => x * 1e-6;

describe("germanium shells", () => {
  it("occupancies K 2, L1 2, L2 2, L3 4, M1 2, M2 2, M3 4, M4 4, M5 6, N 4 sum to Z = 32", () => {
    const s = germaniumShells();
    expect(s.names).toEqual(["K", "L1", "L2", "L3", "M1", "M2", "M3", "M4", "M5", "N"]);
    expect(Array.from(s.occupancy)).toEqual([2, 2, 2, 4, 2, 2, 4, 4, 6, 4]);
    expect(s.occupancy.reduce((a, b) => a + b, 0)).toBe(32);
  });
  it("booklet binding energies equal the Elam edges; xraylib differs by at most 3 eV", () => {
    const b = germaniumShells("booklet").bindingMeV;
    const x = germaniumShells("xraylib").bindingMeV;
    expect(b[0] * 1e3).toBeCloseTo(11.103, 6);
    expect(b[1] * 1e3).toBeCloseTo(1.4146, 6);
    for (let i = 0; i < b.length; i++) expect(Math.abs(b[i] - x[i])).toBeLessThanOrEqual(eV(3.0001));
  });
  it("active electrons: 32 above 11.103 keV, 30 between 1.4146 and 11.103 keV, 28, 26, 22 below L3", () => {
    expect(germaniumActiveElectrons(eV(12000))).toBe(32);
    expect(germaniumActiveElectrons(eV(11103))).toBe(32);
    expect(germaniumActiveElectrons(eV(11102))).toBe(30);
    expect(germaniumActiveElectrons(eV(1500))).toBe(30);
    expect(germaniumActiveElectrons(eV(1300))).toBe(28);
    expect(germaniumActiveElectrons(eV(1230))).toBe(26);
    expect(germaniumActiveElectrons(eV(1000))).toBe(22);
    expect(germaniumActiveElectrons(eV(1))).toBe(0);
  });
  it("matches the reference script's count over the whole range", () => {
    for (const r of REF.activeElectrons) expect(germaniumActiveElectrons(eV(r.eV))).toBe(r.n);
  });
  it("xraylib set moves the M2 step (127.9 eV instead of 124.9 eV)", () => {
    expect(germaniumActiveElectrons(eV(126), "booklet") - germaniumActiveElectrons(eV(126), "xraylib")).toBe(2);
  });
});
