/** Replacement values for JSON fields and numeric options, with what kind of wrong they are. */

export type ValueKind = "nonnum" | "neg" | "zero" | "huge" | "tiny" | "frac";

export interface BadValue {
  value: unknown;
  label: string;
  kind: ValueKind;
}

/** JSON values put in place of a field (the NaN and Infinity of a hand-edited file are strings). */
export const JSON_VALUES: readonly BadValue[] = [
  { value: "abc", label: '"abc"', kind: "nonnum" },
  { value: {}, label: "{}", kind: "nonnum" },
  { value: [], label: "[]", kind: "nonnum" },
  { value: true, label: "true", kind: "nonnum" },
  { value: null, label: "null", kind: "nonnum" },
  { value: "NaN", label: '"NaN"', kind: "nonnum" },
  { value: "Infinity", label: '"Infinity"', kind: "nonnum" },
  { value: "1.5", label: '"1.5"', kind: "nonnum" },
  { value: -1, label: "-1", kind: "neg" },
  { value: -1e300, label: "-1e300", kind: "neg" },
  { value: 0, label: "0", kind: "zero" },
  { value: 1e300, label: "1e300", kind: "huge" },
  { value: 1e-300, label: "1e-300", kind: "tiny" },
  { value: 2.5, label: "2.5", kind: "frac" },
];

/** Option values on the command line. */
export const OPTION_VALUES: readonly { text: string; kind: ValueKind }[] = [
  { text: "1e300", kind: "huge" },
  { text: "-1", kind: "neg" },
  { text: "NaN", kind: "nonnum" },
  { text: "0", kind: "zero" },
  { text: "-0", kind: "zero" },
  { text: "Infinity", kind: "nonnum" },
  { text: "-1e300", kind: "neg" },
  { text: "1e-300", kind: "tiny" },
  { text: "", kind: "nonnum" },
  { text: "abc", kind: "nonnum" },
  { text: "1e", kind: "nonnum" },
  { text: "2.5", kind: "frac" },
];
