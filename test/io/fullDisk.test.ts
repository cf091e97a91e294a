// A full disk during a write (ENOSPC from write(2), simulated): the old file stays, the error names it.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";

const disk = vi.hoisted(() => ({ freeBytes: Infinity }));
vi.mock("node:fs", async (importOriginal) => {
  const fs = await importOriginal<typeof import("node:fs")>();
  const writeSync = (fd: number, buf: Uint8Array, offset = 0, length = buf.byteLength - offset, ...rest: unknown[]) => {
    if (length > disk.freeBytes) {
      const n = Math.max(0, disk.freeBytes);
      disk.freeBytes = 0;
      if (n > 0) return fs.writeSync(fd, buf, offset, n);
      throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
    }
    disk.freeBytes -= length;
    return (fs.writeSync as (...a: unknown[]) => number)(fd, buf, offset, length, ...rest);
  };
  return { ...fs, default: { ...fs, writeSync }, writeSync };
});

const { writeFileAtomic } = await import("../../lib/io/safeWrite.js");

describe("writeFileAtomic on a full disk", () => {
  it("keeps the previous file whole, removes the partial one, and names the path", () => {
    const root = mkdtempSync(join(tmpdir(), "nuem-io-"));
    try {
      const f = join(root, "spectra.json");
      writeFileSync(f, '{"old": true}\n');
      disk.freeBytes = 1000;
      expect(() => writeFileAtomic(f, "x".repeat(5000))).toThrow(`${f}: cannot write (ENOSPC: no space left on device, write); the previous file is unchanged`);
      expect(readFileSync(f, "utf8")).toBe('{"old": true}\n');
      expect(readdirSync(root)).toEqual(["spectra.json"]);
    } finally {
      disk.freeBytes = Infinity;
      rmSync(root, { recursive: true, force: true });
    }
  });
});
