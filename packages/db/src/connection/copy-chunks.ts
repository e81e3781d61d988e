// The input of a copy, joined into larger chunks before it goes to the socket (postgres-driver.ts, copyOn).

/** The parts of `data` joined into chunks of at least `size` bytes (the last one may be smaller). */
export function* inChunks(data: Iterable<string | Uint8Array>, size: number): Generator<Uint8Array> {
  let parts: Uint8Array[] = [];
  let bytes = 0;
  for (const part of data) {
    const chunk = typeof part === "string" ? Buffer.from(part, "utf8") : part;
    parts.push(chunk);
    bytes += chunk.byteLength;
    if (bytes >= size) {
      yield parts.length === 1 ? parts[0]! : Buffer.concat(parts, bytes);
      [parts, bytes] = [[], 0];
    }
  }
  if (parts.length > 0) yield parts.length === 1 ? parts[0]! : Buffer.concat(parts, bytes);
}
