/**
 * Composite Simpson rule on n (even) equal intervals: a second, independent quadrature for the
 * reactor tests (the library uses Gauss-Legendre).
 */
export function simpson(f: (x: number) => number, a: number, b: number, n = 20000): number {
  if (n % 2 === 1) n++;
  const h = (b - a) / n;
  let s = f(a) + f(b);
  for (let i = 1; i < n; i++) s += (i % 2 === 1 ? 4 : 2) * f(a + i * h);
  return (s * h) / 3;
}

/** Reference numbers made by test/reference/reactor/make_reference.py (scipy). */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
export const reference = JSON.parse(
  readFileSync(fileURLToPath(new URL("../reference/reactor/reference_numbers.json", import.meta.url)), "utf8"),
) as {
  fitIntegrals: Record<string, Record<string, number>>;
  fitValues: Record<string, Record<string, number>>;
  fitMeanEnergy2to8MeV: Record<string, number>;
  fermi: { z: number; w: number; a: number; value: number }[];
  allowed: Record<"U239" | "Np239", { q: number; z: number; a: number; norm: number; meanEnergyMeV: number; values: Record<string, number> }>;
  fissionRate3GW205MeV: number;
  meanQDayaBayMa: number;
};
