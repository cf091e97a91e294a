import { closeSync, readSync } from "node:fs";
import { createHash } from "node:crypto";
import { openRegularFile } from "./regularFile.js";

const CHUNK_BYTES = 1 << 20;

/** SHA-256 of a regular file's bytes, lower-case hex (read in 1 MB pieces). */
export function sha256File(file: string): string {
  const fd = openRegularFile(file);
  const hash = createHash("sha256");
  const buf = Buffer.allocUnsafe(CHUNK_BYTES);
  try {
    let position = 0;
    for (;;) {
      const n = readSync(fd, buf, 0, CHUNK_BYTES, position);
      if (n === 0) break;
      hash.update(buf.subarray(0, n));
      position += n;
    }
  } finally {
    closeSync(fd);
  }
  return hash.digest("hex");
}
