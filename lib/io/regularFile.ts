/**
 * Inputs are opened only when they are regular files: a FIFO in place of an events file would
 * block the reader forever, a device would be read without end. The type is checked with `stat`
 * before opening, and again on the opened descriptor (opened non-blocking, so that a path swapped
 * for a FIFO in between cannot block either).
 */
import { closeSync, constants, fstatSync, openSync, readFileSync, statSync, type Stats } from "node:fs";
import { InputDataError } from "../errors.js";

/** What a path is, in words ("a regular file", "a FIFO (named pipe)", ...). */
export function kindOf(s: Stats): string {
  if (s.isFile()) return "a regular file";
  if (s.isDirectory()) return "a directory";
  if (s.isFIFO()) return "a FIFO (named pipe)";
  if (s.isCharacterDevice()) return "a character device";
  if (s.isBlockDevice()) return "a block device";
  if (s.isSocket()) return "a socket";
  return "not a regular file";
}

/** An input that is missing, unreadable or not a regular file; the message starts with the path. */
export class InputFileError extends InputDataError {
  override readonly name: string = "InputFileError";
  constructor(file: string, problem: string) {
    super(`${file}: ${problem}`, { file });
  }
}

/** Why `file` cannot be opened as a regular file, or null when it can. */
export function notRegularFile(file: string): string | null {
  let s: Stats;
  try {
    s = statSync(file);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return err.code === "ENOENT" ? "does not exist" : `cannot read (${err.code ?? err.message})`;
  }
  return s.isFile() ? null : `is ${kindOf(s)}, not a regular file: refused`;
}

/**
 * Opens a regular file read-only and returns its descriptor; anything else (missing, FIFO,
 * device, directory) is refused at once with an `InputFileError` naming the file.
 */
export function openRegularFile(file: string): number {
  const why = notRegularFile(file);
  if (why) throw new InputFileError(file, why);
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    throw new InputFileError(file, `cannot open (${(e as Error).message})`);
  }
  const s = fstatSync(fd);
  if (!s.isFile()) {
    closeSync(fd);
    throw new InputFileError(file, `is ${kindOf(s)}, not a regular file: refused`);
  }
  return fd;
}

/** The text of a regular file (UTF-8); other kinds of file are refused (see `openRegularFile`). */
export function readRegularFile(file: string): string {
  const fd = openRegularFile(file);
  try {
    return readFileSync(fd, "utf8");
  } catch (e) {
    throw new InputFileError(file, `cannot read (${(e as Error).message})`);
  } finally {
    closeSync(fd);
  }
}
