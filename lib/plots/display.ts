import { createRequire } from "node:module";

/** The rich-output channel of a running tslab kernel, or null outside a notebook. */
interface TslabDisplay {
  html(s: string): void;
  svg(s: string): void;
  text(s: string): void;
}

const require = createRequire(import.meta.url);

/**
 * tslab's display object when this code runs inside a tslab cell (the kernel or the
 * in-process executor has set `lastWriteDisplayData`), else null. Loaded lazily: tslab
 * brings its own TypeScript, which a CLI run should not pay for.
 */
export function notebookDisplay(): TslabDisplay | null {
  let jupyter: { lastWriteDisplayData: unknown };
  try {
    jupyter = require("tslab/dist/jupyter");
  } catch (e) {
    // tslab not installed (a CLI-only install): no notebook to display in. Anything else is real.
    if ((e as NodeJS.ErrnoException).code !== "MODULE_NOT_FOUND") throw e;
    return null;
  }
  if (jupyter.lastWriteDisplayData == null) return null;
  return (require("tslab") as { display: TslabDisplay }).display;
}
