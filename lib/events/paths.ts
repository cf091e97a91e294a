import { basename, dirname, join } from "node:path";

/** Name of the events file of a period inside a dataset directory: `events-<period>.arrow`. */
export function eventsFileName(period: string): string {
  return `events-${period}.arrow`;
}

/** Name of the truth file of a period inside a dataset directory: `truth-<period>.arrow`. */
export function truthFileName(period: string): string {
  return `truth-${period}.arrow`;
}

/**
 * The truth file that belongs to an events file: `.../events-X.arrow` -> `.../truth-X.arrow`;
 * any other name `.../NAME.arrow` -> `.../NAME.truth.arrow`.
 *
 * @example
 * truthPathFor("out/events-2005-08.arrow"); // => "out/truth-2005-08.arrow"
 */
export function truthPathFor(eventsFile: string): string {
  const dir = dirname(eventsFile);
  const name = basename(eventsFile);
  const m = /^events-(.+)\.arrow$/.exec(name);
  return join(dir, m ? truthFileName(m[1]) : `${name.replace(/\.arrow$/, "")}.truth.arrow`);
}

/**
 * Period names become file names: letters, digits, `.`, `_`, `-`; not starting with `.`.
 *
 * @example
 * isValidPeriodName("2005-08"); // => true
 * isValidPeriodName("../x"); // => false
 */
export function isValidPeriodName(period: string): boolean {
  return /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/.test(period);
}
