import type { Db } from "@openkam/db";
import { AppError } from "../../http/app-error";
import type { Scope } from "../../tenancy/scope";
import { detectFormat, type FileFormat } from "./imports.reader";
import { insertChunk } from "./imports.repository";

/** Files are stored in chunks of this size: small enough for any driver, large enough to be few. */
export const CHUNK_BYTES = 1024 * 1024;

export const unsupportedFile = () =>
  new AppError("UNSUPPORTED_MEDIA_TYPE", "Upload a CSV file (UTF-8, with or without BOM) or an Excel .xlsx file");

/**
 * Re-chunks a byte stream into fixed-size chunks, holding at most one chunk
 * (plus the piece being read) in memory.
 */
export async function* rechunk(source: AsyncIterable<Buffer | Uint8Array | string>, size = CHUNK_BYTES): AsyncGenerator<Buffer> {
  let parts: Buffer[] = [];
  let length = 0;
  for await (const piece of source) {
    let buf = typeof piece === "string" ? Buffer.from(piece) : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
    while (length + buf.length >= size) {
      const take = size - length;
      parts.push(buf.subarray(0, take));
      yield Buffer.concat(parts, size);
      parts = [];
      length = 0;
      buf = buf.subarray(take);
    }
    if (buf.length > 0) {
      parts.push(Buffer.from(buf));
      length += buf.length;
    }
  }
  if (length > 0) yield Buffer.concat(parts, length);
}

/**
 * Streams a file into import_file_chunks (inside the caller's transaction).
 * The format is checked on the first chunk, before the rest is read.
 */
export async function storeFile(tx: Db, scope: Scope, importId: string, source: AsyncIterable<Buffer | Uint8Array | string>, file: { name: string; mimeType: string }, chunkBytes = CHUNK_BYTES): Promise<{ size: number; format: FileFormat }> {
  let seq = 0;
  let size = 0;
  let format: FileFormat | null = null;
  for await (const chunk of rechunk(source, chunkBytes)) {
    if (seq === 0) {
      format = detectFormat(file.name, file.mimeType, chunk);
      if (!format) throw unsupportedFile();
    }
    await insertChunk(tx, scope, importId, seq++, chunk);
    size += chunk.length;
  }
  if (!format) throw new AppError("VALIDATION_FAILED", "The file is empty", { errors: [{ field: "file", message: "The file is empty" }] });
  return { size, format };
}

/** The first bytes of a stream (up to `limit`), then reads and discards the rest. */
export async function headOf(source: AsyncIterable<Buffer>, limit: number): Promise<{ head: Buffer; complete: boolean }> {
  const parts: Buffer[] = [];
  let length = 0;
  let complete = true;
  for await (const piece of source) {
    if (length >= limit) {
      complete = false;
      continue;
    }
    parts.push(piece);
    length += piece.length;
  }
  return { head: Buffer.concat(parts), complete };
}
