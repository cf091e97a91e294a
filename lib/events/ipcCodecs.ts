/**
 * Decoders for compressed Arrow IPC record batches, registered with apache-arrow on import.
 * The Arrow format allows each body buffer to be LZ4-frame or ZSTD compressed (Columnar format,
 * "Compression": BodyCompression in Message.fbs); pyarrow's `write_feather` writes LZ4 by default.
 * Only decoding is registered: the project's own writer stays uncompressed.
 */
import { CompressionType, compressionRegistry } from "apache-arrow";
import { decompress as zstdDecompress } from "fzstd";
import { decompressFrameSync as lz4FrameDecompress } from "lz4-napi";

let registered = false;

/** Registers the LZ4-frame and ZSTD decoders once (idempotent). */
export function registerArrowCodecs(): void {
  if (registered) return;
  compressionRegistry.set(CompressionType.ZSTD, { decode: (data: Uint8Array) => zstdDecompress(data) });
  compressionRegistry.set(CompressionType.LZ4_FRAME, {
    decode: (data: Uint8Array) => {
      const out = lz4FrameDecompress(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
      // A fresh copy when the Buffer is not 8-byte aligned (typed-array views need alignment).
      return out.byteOffset % 8 === 0 ? new Uint8Array(out.buffer, out.byteOffset, out.byteLength) : new Uint8Array(out);
    },
  });
  registered = true;
}

registerArrowCodecs();
