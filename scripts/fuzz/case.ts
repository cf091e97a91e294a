/** What one campaign case is: the command line, what was mutated, and what a correct CLI does. */

export type Group = "spectra" | "dataset" | "args";

/**
 * refuse: the input is invalid, the CLI must exit 1 or 2 with a clear message;
 * accept: the mutation keeps the input valid, the CLI must exit 0 with finite output;
 * either: both are right (e.g. a plausible but changed number), but a refusal must still be
 * clear and an answer must still be finite.
 */
export type Expect = "refuse" | "accept" | "either";

export interface Case {
  id: number;
  group: Group;
  /** Coarse kind for grouping failures, e.g. "spectra/element-negative". */
  kind: string;
  /** Exactly what was done to the input or the arguments. */
  mutation: string;
  /** Arguments after `nuem`, with paths relative to the case directory. */
  args: string[];
  expect: Expect;
  /** A refusal's message must contain, for each inner list, at least one of its strings. */
  mustName: string[][];
  /** Paths (relative to the case directory, files or directories) that must not change. */
  inputs: string[];
}

/** Builds one case in `dir` (an empty directory), drawing from the case's own stream. */
export type CaseMaker = (dir: string) => Case;
