import { fileURLToPath } from "node:url";

/**
 * Absolute path of a file in the project's `data/` folder. Works from `lib/` (tests, tsx)
 * and from the built `dist/` alike, since both sit one level below the project root.
 *
 * @example
 * dataPath("experiments/gemma.json").endsWith("data/experiments/gemma.json"); // => true
 */
export function dataPath(relative: string): string {
  return fileURLToPath(new URL(`../../data/${relative}`, import.meta.url));
}
