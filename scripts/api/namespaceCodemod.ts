/*
 * The rewrite behind scripts/codemod-namespaces.ts: `nuem.NAME` -> `nuem.STAGE.NAME` for a name
 * that is not top-level but that exactly one stage namespace exports, and `nuem.OLD.NAME` ->
 * `nuem.NEW.NAME` (or `nuem.NAME`) for a name that has left stage OLD.
 */
import type { PublicApi } from "./publicApi.js";

/** Which names stay top-level, and the stages that export each other name. */
export interface NameMap {
  topLevel: Set<string>;
  /** The stage namespaces (nuem.reactor, ...), by stage name. */
  stages: Map<string, Set<string>>;
  stagesOf: Map<string, string[]>;
}

export function nameMap(api: PublicApi): NameMap {
  const topLevel = new Set([...api["nuem"].values, ...api["nuem"].types]);
  const stagesOf = new Map<string, string[]>();
  const stages = new Map<string, Set<string>>();
  for (const key of Object.keys(api)) {
    if (key === "nuem") continue;
    const stage = key.slice("nuem.".length);
    const names = [...api[key].values, ...api[key].types];
    stages.set(stage, new Set(names));
    for (const name of names) stagesOf.set(name, [...(stagesOf.get(name) ?? []), stage]);
  }
  return { topLevel, stages, stagesOf };
}

// `nuem.NAME` not preceded by an identifier character or a member-access dot (so `x.nuem.y` is not
// matched), but matched after a spread (`...nuem.NAME`).
// The second member, if any, is looked at only when the first is a stage namespace.
const MEMBER = /(?<![\w$])(?<!(?:^|[^.])\.)nuem\.([A-Za-z_$][\w$]*)(?:\.([A-Za-z_$][\w$]*))?/gm;
const NAMED_IMPORT = /import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*["']nuem["']/g;

export interface RewriteResult {
  text: string;
  rewrites: number;
  /** Uses the codemod cannot settle (reported for code only). */
  problems: string[];
}

/** Rewrites one cell or file. `isCode`: report unknown or ambiguous names and non-top-level named imports. */
export function rewriteNamespaces(text: string, map: NameMap, isCode: boolean): RewriteResult {
  const problems: string[] = [];
  let rewrites = 0;
  if (isCode) {
    for (const m of text.matchAll(NAMED_IMPORT)) {
      for (const part of m[1].split(",")) {
        const name = part.trim().replace(/^type\s+/, "").split(/\s+as\s+/)[0].trim();
        if (name && !map.topLevel.has(name)) problems.push(`imports ${name} from "nuem", which is not a top-level name (use nuem.${map.stagesOf.get(name)?.join("|") ?? "?"}.${name})`);
      }
    }
  }
  // Where NAME lives now: top level, or the one stage that exports it.
  const home = (name: string): string | undefined => {
    if (map.topLevel.has(name)) return `nuem.${name}`;
    const stages = map.stagesOf.get(name);
    if (stages && stages.length === 1) return `nuem.${stages[0]}.${name}`;
    if (isCode) problems.push(stages ? `nuem.${name} is exported by several stages (${stages.join(", ")}); choose one by hand` : `nuem.${name} is not exported by the package`);
    return undefined;
  };
  const out = text.replace(MEMBER, (whole, first: string, second: string | undefined) => {
    const stage = map.stages.get(first);
    if (stage) {
      if (second === undefined || stage.has(second)) return whole;
      const moved = home(second);
      if (moved === undefined) return whole;
      rewrites++;
      return moved;
    }
    const rest = second === undefined ? "" : `.${second}`;
    if (map.topLevel.has(first)) return whole;
    const moved = home(first);
    if (moved === undefined) return whole;
    rewrites++;
    return moved + rest;
  });
  return { text: out, rewrites, problems };
}
