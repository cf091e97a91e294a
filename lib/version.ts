import { readFileSync } from "node:fs";

/** The nuem package version (from package.json). */
export const version: string = (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }).version;
