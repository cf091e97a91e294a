/**
 * The frame of an Arrow IPC file checked against its size, before any record batch is decoded:
 * the messages after the leading magic are walked one by one (each message's metadata and body
 * inside the file, each record batch's buffers inside its body) up to the end-of-stream marker,
 * which must sit exactly where the footer begins; the footer must decode and list exactly the
 * record batches found. A truncated file, a file written twice over itself or appended to, or a
 * footer length that is off fails here with the byte offset of the problem.
 * Layout: Arrow columnar format, "IPC File Format" and "Encapsulated message format"
 * (arrow.apache.org/docs/format/Columnar.html).
 */
import { readSync } from "node:fs";
import { Message, MessageHeader } from "apache-arrow";
import { Footer } from "apache-arrow/ipc/metadata/file";
import { EventDataError } from "./errors.js";

/** Leading "ARROW1" + 2 padding bytes. */
const HEAD_BYTES = 8;
/** int32 continuation marker 0xFFFFFFFF that precedes each message's metadata length. */
const CONTINUATION = -1;

/** Up to `length` bytes at `position` (fewer at the end of the file). */
export function readExactly(fd: number, length: number, position: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let done = 0;
  while (done < length) {
    const n = readSync(fd, bytes, done, length - done, position + done);
    if (n === 0) break;
    done += n;
  }
  return done === length ? bytes : bytes.subarray(0, done);
}

/** One record batch as the file holds it: offset of its message, metadata and body lengths. */
export interface BatchBlock {
  offset: number;
  bodyLength: number;
  rows: number;
}

/**
 * Walks the messages of the IPC file `file` (open on `fd`, `size` bytes) between the leading magic
 * and `streamEnd` (where the footer of `footerBytes` bytes begins); throws an `EventDataError`
 * naming the file and the offset at the first inconsistency. Returns the record batches.
 */
export function checkIpcLayout(file: string, fd: number, size: number, streamEnd: number, footerBytes: number): BatchBlock[] {
  const bad = (what: string): never => {
    throw new EventDataError(file, `corrupt Arrow IPC file (${size} bytes): ${what}`);
  };
  const found: BatchBlock[] = [];
  let at = HEAD_BYTES;
  let ended = false;
  while (at < streamEnd) {
    if (at + 4 > streamEnd) bad(`a message at byte ${at} runs into the footer at byte ${streamEnd}`);
    const prefix = readExactly(fd, Math.min(8, streamEnd - at), at);
    const dv = new DataView(prefix.buffer, prefix.byteOffset, prefix.byteLength);
    let length = dv.getInt32(0, true);
    let metaStart = at + 4;
    if (length === CONTINUATION) {
      if (prefix.byteLength < 8) bad(`a message at byte ${at} runs into the footer at byte ${streamEnd}`);
      length = dv.getInt32(4, true);
      metaStart = at + 8;
    }
    if (length === 0) {
      at = metaStart;
      ended = true;
      break;
    }
    if (length < 0 || metaStart + length > streamEnd) bad(`the message at byte ${at} declares ${length} bytes of metadata, past the footer at byte ${streamEnd} (truncated or overwritten?)`);
    let message: Message;
    try {
      message = Message.decode(readExactly(fd, length, metaStart));
    } catch (e) {
      return bad(`the message at byte ${at} does not decode (${(e as Error).message})`);
    }
    const bodyStart = metaStart + length;
    const bodyLength = Number(message.bodyLength);
    if (!(bodyLength >= 0) || bodyStart + bodyLength > streamEnd) bad(`the message at byte ${at} has a ${bodyLength}-byte body that runs past the footer at byte ${streamEnd} (truncated?)`);
    if (message.headerType === MessageHeader.RecordBatch) {
      const header = message.header() as { length: number; buffers: { offset: number; length: number }[] };
      const rows = Number(header.length);
      if (!(rows >= 0)) bad(`record batch ${found.length} (byte ${at}) has ${rows} rows`);
      header.buffers.forEach((b, k) => {
        const end = Number(b.offset) + Number(b.length);
        if (Number(b.offset) < 0 || end > bodyLength) bad(`record batch ${found.length} (byte ${at}): buffer ${k} spans bytes ${b.offset}..${end} of a ${bodyLength}-byte body`);
      });
      found.push({ offset: at, bodyLength, rows });
    }
    at = bodyStart + bodyLength;
  }
  // Some writers (flechette) repeat the end-of-stream marker in front of the footer.
  while (ended && at + 8 <= streamEnd) {
    const more = readExactly(fd, 8, at);
    const dv = new DataView(more.buffer, more.byteOffset, 8);
    if (dv.getInt32(0, true) !== CONTINUATION || dv.getInt32(4, true) !== 0) break;
    at += 8;
  }
  if (at !== streamEnd) {
    bad(
      ended
        ? `${streamEnd - at} bytes between the end-of-stream marker (byte ${at}) and the footer (byte ${streamEnd}): the file was doubled, appended to, or its footer length is wrong`
        : `no end-of-stream marker before the footer at byte ${streamEnd}`,
    );
  }
  let footer: InstanceType<typeof Footer>;
  try {
    footer = Footer.decode(readExactly(fd, footerBytes, streamEnd));
  } catch (e) {
    return bad(`the footer (bytes ${streamEnd}..${streamEnd + footerBytes}) does not decode (${(e as Error).message}): is the footer length at the end of the file right?`);
  }
  const listed = [...footer.recordBatches()];
  if (listed.length !== found.length) bad(`the footer lists ${listed.length} record batches, the file holds ${found.length}`);
  listed.forEach((b, k) => {
    if (Number(b.offset) !== found[k].offset || Number(b.bodyLength) !== found[k].bodyLength) {
      bad(`the footer places record batch ${k} at byte ${b.offset} (${b.bodyLength}-byte body), the file has it at byte ${found[k].offset} (${found[k].bodyLength}-byte body)`);
    }
  });
  return found;
}
