// Arrow IPC file I/O for the format's three tables (internal: apache-arrow types stay in here).
// Writing and reading are synchronous and stream record batch by record batch through a file
// descriptor, so neither side ever holds a whole file in memory.
import { closeSync, fstatSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from "node:fs";
import {
  DataType,
  Field,
  Float32,
  Float64,
  Int32,
  Message,
  MessageHeader,
  RecordBatch,
  RecordBatchFileWriter,
  RecordBatchReader,
  Schema,
  Struct,
  Uint8,
  makeData,
} from "apache-arrow";
import { openRegularFile } from "../io/regularFile.js";
import { allocColumn, type TypedColumn } from "./columns.js";
import { EventDataError } from "./errors.js";
import "./ipcCodecs.js";
import { checkIpcLayout, readExactly, type BatchBlock } from "./ipcLayout.js";
import { acceptedOnRead, widenColumn } from "./widening.js";
import { EVENTS_FORMAT_NAME, EVENTS_SCHEMA_VERSION, type EventColumnSpec, type EventColumnType, type EventTableKind } from "./schema.js";

const MAGIC = "ARROW1";
/** "ARROW1" + 2 padding bytes at the start of an IPC file. */
const HEAD_BYTES = 8;
/** int32 footer length + "ARROW1" at the end of an IPC file. */
const TAIL_BYTES = 10;
/** Smallest possible IPC file: head, end-of-stream marker (8), a footer of >= 8 bytes, tail. */
const MIN_FILE_BYTES = HEAD_BYTES + 8 + 8 + TAIL_BYTES;

function arrowType(type: EventColumnType): DataType {
  switch (type) {
    case "float64":
      return new Float64();
    case "float32":
      return new Float32();
    case "int32":
      return new Int32();
    case "uint8":
      return new Uint8();
  }
}

/** The Arrow type name a column spec stores as ("Float64", "Int32", ...), as `String(type)` prints it. */
function arrowTypeName(type: EventColumnType): string {
  return String(arrowType(type));
}

/**
 * The Arrow schema of a table: non-nullable fields carrying `unit`, `description` (and `codes`)
 * metadata, and schema metadata `nuem.format`, `nuem.schema_version`, `nuem.table` followed by
 * the caller's entries in key order (so equal inputs give equal bytes).
 */
export function makeSchema(kind: EventTableKind, specs: readonly EventColumnSpec[], extra: Record<string, string> = {}): Schema {
  const fields = specs.map((s) => {
    const meta = new Map<string, string>();
    if (s.unit) meta.set("unit", s.unit);
    meta.set("description", s.description);
    if (s.codes) meta.set("codes", s.codes.map((c, k) => `${k}=${c}`).join(","));
    return new Field(s.name, arrowType(s.type), false, meta);
  });
  const meta = new Map<string, string>([
    ["nuem.format", EVENTS_FORMAT_NAME],
    ["nuem.schema_version", String(EVENTS_SCHEMA_VERSION)],
    ["nuem.table", kind],
  ]);
  for (const key of Object.keys(extra).sort()) meta.set(key, extra[key]);
  return new Schema(fields, meta);
}

/** Size of the output buffer that collects the writer's small pieces (message headers, padding). */
const SINK_BUFFER_BYTES = 1 << 16;

/**
 * apache-arrow's file writer with two changes: bytes go straight to a file descriptor (the stock
 * writer queues the whole file in memory), and the schema message is written after the leading
 * magic, as the IPC file format specifies (the stock JS writer puts the schema only in the footer,
 * which footer-based readers such as pyarrow accept, but stream-style readers do not).
 */
class FdFileWriter extends RecordBatchFileWriter {
  private readonly fd: number;
  private readonly pending = new Uint8Array(SINK_BUFFER_BYTES);
  private used = 0;

  constructor(fd: number) {
    super();
    this.fd = fd;
  }

  protected _writeSchema(schema: Schema): this {
    this._writeMagic()._writePadding(2);
    return this._writeMessage(Message.from(schema));
  }

  protected _write(chunk: unknown): this {
    if (!this._started) return this;
    const view = chunk as ArrayBufferView;
    const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
    const n = bytes.byteLength;
    if (n === 0) return this;
    if (n >= SINK_BUFFER_BYTES / 4) {
      // Large pieces (column buffers) go straight to the file, after what is pending.
      this.flushPending();
      writeAll(this.fd, bytes);
    } else {
      if (this.used + n > SINK_BUFFER_BYTES) this.flushPending();
      this.pending.set(bytes, this.used);
      this.used += n;
    }
    this._position += n;
    return this;
  }

  flushPending(): void {
    if (this.used > 0) writeAll(this.fd, this.pending.subarray(0, this.used));
    this.used = 0;
  }
}

function writeAll(fd: number, bytes: Uint8Array): void {
  let done = 0;
  while (done < bytes.byteLength) done += writeSync(fd, bytes, done, bytes.byteLength - done);
}

/**
 * Writes one table to an Arrow IPC file, record batch by record batch. The bytes go to
 * `<file>.partial`, renamed to `file` by `close()`: a reader never sees a half-written file, and
 * a failed write leaves no file under the final name.
 */
export class IpcTableWriter {
  readonly file: string;
  private readonly tmp: string;
  private readonly schema: Schema;
  private readonly types: EventColumnType[];
  private fd: number | null;
  private readonly writer: FdFileWriter;
  rows = 0;
  batches = 0;

  constructor(file: string, kind: EventTableKind, specs: readonly EventColumnSpec[], metadata: Record<string, string> = {}) {
    this.file = file;
    this.tmp = `${file}.partial`;
    this.schema = makeSchema(kind, specs, metadata);
    this.types = specs.map((s) => s.type);
    try {
      this.fd = openSync(this.tmp, "w");
    } catch (e) {
      throw new EventDataError(file, `cannot create (${(e as Error).message})`);
    }
    this.writer = new FdFileWriter(this.fd);
    // Start the file now, so that a table with no rows still gets its schema and footer.
    this.writer.reset(undefined, this.schema);
  }

  /** Append one record batch; `columns` in the order of the specs, all `length` long. */
  writeBatch(columns: readonly TypedColumn[], length: number): void {
    if (this.fd === null) throw new EventDataError(this.file, "writer is closed");
    const children = columns.map((c, k) => makeData({ type: this.schema.fields[k].type, length, nullCount: 0, data: c }));
    const data = makeData({ type: new Struct(this.schema.fields), length, nullCount: 0, children });
    this.failsNamingFile(() => this.writer.write(new RecordBatch(this.schema, data)));
    this.rows += length;
    this.batches += 1;
  }

  /** Write the footer, close the file and move it to its final name. */
  close(): void {
    if (this.fd === null) return;
    this.failsNamingFile(() => {
      this.writer.close();
      this.writer.flushPending();
    });
    closeSync(this.fd);
    this.fd = null;
    renameSync(this.tmp, this.file);
  }

  /** Runs a write; a failure of the file system (full disk, I/O error) becomes an error naming the file. */
  private failsNamingFile(write: () => void): void {
    try {
      write();
    } catch (e) {
      if (e instanceof EventDataError || typeof (e as NodeJS.ErrnoException).code !== "string") throw e;
      throw new EventDataError(this.file, `cannot write (${(e as Error).message}): the file is incomplete and is not kept`);
    }
  }

  /** Give up: close and delete the partial file. */
  abort(): void {
    if (this.fd === null) return;
    closeSync(this.fd);
    this.fd = null;
    try {
      unlinkSync(this.tmp);
    } catch (e) {
      // Already gone is fine; a partial file that cannot be removed is reported.
      if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
    }
  }

  /** Zero-length columns of this table's types (for empty batches). */
  emptyColumns(): TypedColumn[] {
    return this.types.map((t) => allocColumn(t, 0));
  }
}

/** One record batch as columns (typed arrays viewing the bytes read from the file when possible). */
export interface RawBatch {
  readonly index: number;
  readonly firstRow: number;
  readonly length: number;
  readonly columns: ReadonlyMap<string, TypedColumn>;
}


/**
 * Bytes of the file from `start` to `end`, in pieces of exactly the size the Arrow stream reader
 * asks for next (it passes the wanted size to `next()`): each record-batch body arrives as one
 * fresh, 8-byte-aligned buffer that the column arrays can view without copying.
 */
function* fileRange(fd: number, start: number, end: number): Generator<Uint8Array, void, number | undefined> {
  let position = start;
  // The first value is produced before any size is known; an empty piece asks for the size.
  let want: number | undefined = yield new Uint8Array(0);
  while (position < end) {
    if (want === 0) {
      // The reader has the bytes it needs buffered already: hand over nothing.
      want = yield new Uint8Array(0);
      continue;
    }
    const n = Math.min(end - position, typeof want === "number" && want > 0 ? want : 1 << 20);
    const bytes = readExactly(fd, n, position);
    position += bytes.byteLength;
    if (bytes.byteLength < n) return;
    want = yield bytes;
  }
}

function typeName(type: DataType): string {
  return String(type);
}

/**
 * Reads one table of the format from an Arrow IPC file, batch by batch. The constructor checks
 * the file's frame (not empty, leading and trailing magic, footer length: a truncated file fails
 * here) and its schema against the specs; `batches()` then decodes one record batch at a time.
 * The file is opened read-only and never written.
 */
export class IpcTableReader {
  readonly file: string;
  readonly kind: EventTableKind;
  /** Schema metadata of the file. */
  readonly metadata: Readonly<Record<string, string>>;
  /** Specs of the columns the file has (required ones and the optional ones present). */
  readonly specs: readonly EventColumnSpec[];
  /** Record batches as the file's frame lists them (checked against the file size on opening). */
  readonly blocks: readonly BatchBlock[] = [];
  private fd: number | null;
  private readonly reader: Iterable<RecordBatch>;
  private readonly fieldIndex: number[];

  constructor(file: string, kind: EventTableKind, specs: readonly EventColumnSpec[], forbidden: readonly string[] = []) {
    this.file = file;
    this.kind = kind;
    let fd: number;
    try {
      fd = openRegularFile(file);
    } catch (e) {
      throw new EventDataError(file, (e as Error).message.slice(file.length + 2));
    }
    this.fd = fd;
    try {
      const reader = this.openArrow(fd);
      const schema = reader.schema;
      this.reader = reader;
      const meta: Record<string, string> = {};
      for (const [k, v] of schema.metadata) meta[k] = v;
      this.metadata = meta;
      this.checkMetadata(meta);
      const names = schema.fields.map((f) => f.name);
      for (const name of forbidden) {
        if (names.includes(name)) {
          throw new EventDataError(file, `truth column "${name}" found in an events file: truth labels belong in the separate truth-<period>.arrow file`, { column: name });
        }
      }
      const present: EventColumnSpec[] = [];
      this.fieldIndex = [];
      for (const spec of specs) {
        const k = names.indexOf(spec.name);
        if (k < 0) {
          if (spec.optional) continue;
          throw new EventDataError(file, `missing column "${spec.name}" (${kind} table; the file has: ${names.join(", ") || "no columns"})`, { column: spec.name });
        }
        const got = typeName(schema.fields[k].type);
        const want = arrowTypeName(spec.type);
        if (got !== want && !acceptedOnRead(spec, got)) {
          throw new EventDataError(file, `column "${spec.name}" has type ${got}, expected ${want} (${spec.type}; see FORMAT.md for the types accepted on reading)`, { column: spec.name });
        }
        present.push(spec);
        this.fieldIndex.push(k);
      }
      this.specs = present;
    } catch (e) {
      this.close();
      throw e;
    }
  }

  private openArrow(fd: number): RecordBatchReader {
    const { file } = this;
    const size = fstatSync(fd).size;
    if (size === 0) throw new EventDataError(file, "empty file (0 bytes)");
    if (size < MIN_FILE_BYTES) throw new EventDataError(file, `too short for an Arrow IPC file (${size} bytes): truncated?`);
    const head = readExactly(fd, HEAD_BYTES, 0);
    const headText = String.fromCharCode(...head.subarray(0, 6));
    if (headText !== MAGIC) {
      const stream = head[0] === 0xff && head[1] === 0xff && head[2] === 0xff && head[3] === 0xff;
      throw new EventDataError(
        file,
        stream
          ? "is an Arrow IPC stream, not an Arrow IPC file (write it with a file writer, e.g. pyarrow.ipc.new_file)"
          : `not an Arrow IPC file (does not start with "${MAGIC}")`,
      );
    }
    const tail = readExactly(fd, TAIL_BYTES, size - TAIL_BYTES);
    if (String.fromCharCode(...tail.subarray(4)) !== MAGIC) {
      throw new EventDataError(file, `truncated or incomplete Arrow IPC file: it does not end with "${MAGIC}" (no footer; ${size} bytes). Was the writer closed?`);
    }
    const footerBytes = new DataView(tail.buffer, tail.byteOffset, 4).getInt32(0, true);
    const streamEnd = size - TAIL_BYTES - footerBytes;
    if (footerBytes <= 0 || streamEnd < HEAD_BYTES + 8) {
      throw new EventDataError(file, `corrupt Arrow IPC file: footer length ${footerBytes} does not fit in ${size} bytes (truncated?)`);
    }
    (this as { blocks: readonly BatchBlock[] }).blocks = checkIpcLayout(file, fd, size, streamEnd, footerBytes);
    let reader: RecordBatchReader;
    try {
      if (this.startsWithSchemaMessage(fd, streamEnd)) {
        // Stream the messages that follow the leading magic, one record batch at a time.
        reader = RecordBatchReader.from(fileRange(fd, HEAD_BYTES, streamEnd));
      } else {
        // Files from writers that keep the schema only in the footer (apache-arrow JS's own
        // writer): read through the footer, which needs the whole file in memory.
        reader = RecordBatchReader.from(readFileSync(file));
      }
      reader.open();
    } catch (e) {
      if (e instanceof EventDataError) throw e;
      throw new EventDataError(file, `cannot decode the Arrow IPC schema (${(e as Error).message})`);
    }
    if (!reader.schema) throw new EventDataError(file, "no schema in the Arrow IPC file");
    return reader;
  }

  private startsWithSchemaMessage(fd: number, streamEnd: number): boolean {
    const prefix = readExactly(fd, 8, HEAD_BYTES);
    const dv = new DataView(prefix.buffer, prefix.byteOffset, 8);
    let length = dv.getInt32(0, true);
    let at = HEAD_BYTES + 4;
    if (length === -1) {
      length = dv.getInt32(4, true);
      at += 4;
    }
    if (length <= 0 || at + length > streamEnd) return false;
    // checkIpcLayout has decoded every message already; a failure here is reported by the caller.
    return Message.decode(readExactly(fd, length, at)).headerType === MessageHeader.Schema;
  }

  private checkMetadata(meta: Record<string, string>): void {
    const table = meta["nuem.table"];
    if (table !== undefined && table !== this.kind) {
      throw new EventDataError(this.file, `is a ${table} table (schema metadata nuem.table = "${table}"), expected nuem.table = "${this.kind}"`);
    }
    const version = meta["nuem.schema_version"];
    if (version !== undefined && !(Number(version) >= 1 && Number(version) <= EVENTS_SCHEMA_VERSION)) {
      throw new EventDataError(this.file, `schema version ${version} is not supported (this reader knows versions 1..${EVENTS_SCHEMA_VERSION})`);
    }
  }

  /** The record batches, in file order; closes the file when done (or when the loop is left early). */
  *batches(): Generator<RawBatch, void, undefined> {
    const { file } = this;
    let index = 0;
    let firstRow = 0;
    try {
      const it = this.reader[Symbol.iterator]();
      for (;;) {
        let next: IteratorResult<RecordBatch>;
        try {
          next = it.next();
        } catch (e) {
          throw new EventDataError(file, `cannot decode record batch ${index} (from row ${firstRow}): ${(e as Error).message}`);
        }
        if (next.done) {
          // A file without record batches decodes to one empty batch (apache-arrow adds it).
          const expected = this.blocks.length === 0 ? index : this.blocks.length;
          if (index !== expected) throw new EventDataError(file, `decoded ${index} record batches, the file's footer lists ${this.blocks.length}`);
          break;
        }
        const batch = next.value;
        const length = batch.numRows;
        const synthetic = this.blocks.length === 0 && index === 0 && length === 0;
        if (!synthetic && (index >= this.blocks.length || this.blocks[index].rows !== length)) {
          throw new EventDataError(file, `record batch ${index} decodes to ${length} rows, the file's frame says ${index < this.blocks.length ? this.blocks[index].rows : "no such batch"}`);
        }
        const columns = new Map<string, TypedColumn>();
        this.specs.forEach((spec, j) => {
          const vector = batch.getChildAt(this.fieldIndex[j]);
          if (!vector || vector.data.length !== 1) {
            throw new EventDataError(file, `record batch ${index}: cannot read column "${spec.name}"`, { column: spec.name });
          }
          columns.set(spec.name, this.columnOf(spec, vector.data[0], firstRow));
        });
        yield { index, firstRow, length, columns };
        index += 1;
        firstRow += length;
      }
    } finally {
      this.close();
    }
  }

  private columnOf(
    spec: EventColumnSpec,
    d: { type: DataType; offset: number; length: number; nullCount: number; values: unknown; nullBitmap: Uint8Array | undefined },
    firstRow: number,
  ): TypedColumn {
    if (d.nullCount > 0) {
      let row = 0;
      const bits = d.nullBitmap!;
      while (row < d.length && (bits[(d.offset + row) >> 3] >> ((d.offset + row) & 7)) & 1) row++;
      throw new EventDataError(this.file, `row ${firstRow + row}: column "${spec.name}" is null (${d.nullCount} nulls in this batch); the format has no missing values`, {
        row: firstRow + row,
        column: spec.name,
      });
    }
    const got = typeName(d.type);
    if (got !== arrowTypeName(spec.type)) return widenColumn(this.file, spec, got, d, firstRow);
    const values = d.values as TypedColumn;
    return values.subarray(d.offset, d.offset + d.length);
  }

  close(): void {
    if (this.fd !== null) {
      closeSync(this.fd);
      this.fd = null;
    }
  }
}
