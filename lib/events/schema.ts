import { ORIGIN_NAMES } from "./origin.js";
import { RUN_STATE_NAMES } from "./runState.js";

/** Name of the format, written in every file's schema metadata (`nuem.format`) and in dataset.json. */
export const EVENTS_FORMAT_NAME = "nuem-events";

/** Version of the on-disk format described in FORMAT.md; readers refuse files from a newer version. */
export const EVENTS_SCHEMA_VERSION = 1;

/** The Arrow storage types the format uses (all little-endian, non-nullable, uncompressed). */
export type EventColumnType = "float64" | "float32" | "int32" | "uint8";

/** One column of a table of the format. */
export interface EventColumnSpec {
  readonly name: string;
  readonly type: EventColumnType;
  /** Unit ("s", "keV", "GW") or "" for ids, flags and codes. */
  readonly unit: string;
  readonly description: string;
  /** True for 0/1 flags (uint8; an Arrow bool column is accepted on reading and unpacked). */
  readonly flag?: boolean;
  /** For coded columns: the allowed codes, index = code. */
  readonly codes?: readonly string[];
  /** Optional columns may be absent from a file. */
  readonly optional?: boolean;
}

/** Columns of an events file, `events-<period>.arrow`, in file order. */
export const EVENT_COLUMNS: readonly EventColumnSpec[] = [
  { name: "time_s", type: "float64", unit: "s", description: "time of the event since the start of its run" },
  { name: "run", type: "int32", unit: "", description: "run id (a row of the run table)" },
  { name: "e1_kev", type: "float32", unit: "keV", description: "HPGe energy through the 2 us shaping channel" },
  { name: "e2_kev", type: "float32", unit: "keV", description: "HPGe energy through the 4 us shaping channel" },
  { name: "e3_kev", type: "float32", unit: "keV", description: "HPGe energy through the 12 us shaping channel" },
  { name: "nai_kev", type: "float32", unit: "keV", description: "anti-Compton NaI energy in coincidence, 0 if none" },
  { name: "veto", type: "uint8", unit: "", description: "plastic muon-veto signal in coincidence (0/1)", flag: true },
  { name: "pulser", type: "uint8", unit: "", description: "test-pulser event (0/1)", flag: true },
];

/** Columns of a truth file, `truth-<period>.arrow`: row i labels row i of the events file. */
export const TRUTH_COLUMNS: readonly EventColumnSpec[] = [
  { name: "origin", type: "uint8", unit: "", description: "what produced the event", codes: ORIGIN_NAMES },
  {
    name: "e_true_kev",
    type: "float32",
    unit: "keV",
    description: "energy deposited in the HPGe before resolution smearing (0 for pure noise)",
    optional: true,
  },
];

/** Columns of the run table, `runs.arrow`, in file order. */
export const RUN_COLUMNS: readonly EventColumnSpec[] = [
  { name: "run", type: "int32", unit: "", description: "run id, unique, ascending" },
  { name: "start_utc", type: "float64", unit: "s", description: "run start, POSIX seconds (UTC, leap seconds not counted)" },
  { name: "duration_s", type: "float64", unit: "s", description: "real (wall-clock) length of the run, 3600 for a full hour" },
  { name: "live_time_s", type: "float64", unit: "s", description: "time the DAQ could record events" },
  { name: "dead_time_s", type: "float64", unit: "s", description: "DAQ dead time; live + dead <= duration" },
  { name: "thermal_power_gw", type: "float64", unit: "GW", description: "mean reactor thermal power during the run" },
  { name: "state", type: "uint8", unit: "", description: "reactor state", codes: RUN_STATE_NAMES },
  { name: "phase", type: "int32", unit: "", description: "measurement phase (1 = Phase I, 2 = Phase II, ...)" },
  { name: "ln2_fill", type: "uint8", unit: "", description: "liquid-nitrogen filling during the run (0/1)", flag: true },
  { name: "site_work", type: "uint8", unit: "", description: "mechanical or electrical work at the site (0/1)", flag: true },
];

/** The three tables of the format, as named in the schema metadata key `nuem.table`. */
export type EventTableKind = "events" | "truth" | "runs";

/** Column specs of a table kind. */
export function eventTableColumns(kind: EventTableKind): readonly EventColumnSpec[] {
  return kind === "events" ? EVENT_COLUMNS : kind === "truth" ? TRUTH_COLUMNS : RUN_COLUMNS;
}
