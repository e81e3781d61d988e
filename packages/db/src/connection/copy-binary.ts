// The input of `copy … from stdin (format binary)`: a signature, then each row as a field count and each field as its
// length and its bytes in the type's binary form (PostgreSQL's "COPY" page, "Binary Format"; the types' send
// functions). Numbers and ids travel as bytes, so neither side formats or parses them as text: for 100,000 analysis
// results with 40 figures each, the database's part of a text copy was most of the write (docs/performance.md).

/** A field of a binary copy row, by the column's type. `text` serves `json` columns too (their binary form is their text). */
export type BinaryField =
  | { type: "uuid"; value: string }
  | { type: "uuid[]"; value: readonly string[] }
  | { type: "text[]"; value: ReadonlyArray<string | null> }
  | { type: "int4[]"; value: ArrayLike<number> }
  | { type: "text"; value: string | null }
  | { type: "bytea"; value: Uint8Array | null };

const SIGNATURE = Buffer.from("PGCOPY\n\xff\r\n\0", "latin1");
const OIDS = { uuid: 2950, text: 25, int4: 23 } as const;
/**
 * An array's header: dimensions, has-nulls flag, element type, then the one dimension's length and lower bound (an
 * empty array has no dimension).
 */
const arrayHeader = (items: number) => (items === 0 ? 12 : 20);

/** Hex digit values by character code (-1: not a hex digit). */
const HEX = new Int8Array(128).fill(-1);
for (let i = 0; i < 16; i++) {
  HEX["0123456789abcdef".charCodeAt(i)] = i;
  HEX["0123456789ABCDEF".charCodeAt(i)] = i;
}

/** The 16 bytes of a uuid in its canonical form (8-4-4-4-12 hex digits), digit by digit: Buffer.write per group took most of a row's time. */
function writeUuid(buffer: Buffer, at: number, id: string): void {
  if (id.length !== 36 || id[8] !== "-" || id[13] !== "-" || id[18] !== "-" || id[23] !== "-") throw new Error(`not a uuid: ${id}`);
  let bad = 0;
  for (let c = 0, b = at; c < 36; c += 2, b++) {
    if (c === 8 || c === 13 || c === 18 || c === 23) c++;
    const high = HEX[id.charCodeAt(c)] ?? -1;
    const low = HEX[id.charCodeAt(c + 1)] ?? -1;
    bad |= high | low;
    buffer[b] = (high << 4) | low;
  }
  if (bad < 0) throw new Error(`not a uuid: ${id}`);
}

function fieldLength(field: BinaryField): number {
  switch (field.type) {
    case "uuid": return 16;
    case "uuid[]": return arrayHeader(field.value.length) + field.value.length * 20;
    case "int4[]": return arrayHeader(field.value.length) + field.value.length * 8;
    case "text[]": {
      let length = arrayHeader(field.value.length);
      for (const item of field.value) length += 4 + (item === null ? 0 : Buffer.byteLength(item));
      return length;
    }
    case "text": return field.value === null ? -1 : Buffer.byteLength(field.value);
    case "bytea": return field.value === null ? -1 : field.value.byteLength;
  }
}

function writeArrayHeader(buffer: Buffer, at: number, oid: number, length: number, hasNull: boolean): number {
  buffer.writeInt32BE(length === 0 ? 0 : 1, at);
  buffer.writeInt32BE(hasNull ? 1 : 0, at + 4);
  buffer.writeInt32BE(oid, at + 8);
  if (length === 0) return at + 12;
  buffer.writeInt32BE(length, at + 12);
  buffer.writeInt32BE(1, at + 16);
  return at + 20;
}

function writeField(buffer: Buffer, at: number, field: BinaryField): void {
  switch (field.type) {
    case "uuid":
      writeUuid(buffer, at, field.value);
      return;
    case "uuid[]":
      at = writeArrayHeader(buffer, at, OIDS.uuid, field.value.length, false);
      for (const id of field.value) {
        buffer.writeInt32BE(16, at);
        writeUuid(buffer, at + 4, id);
        at += 20;
      }
      return;
    case "int4[]":
      at = writeArrayHeader(buffer, at, OIDS.int4, field.value.length, false);
      for (let i = 0; i < field.value.length; i++, at += 8) {
        buffer.writeInt32BE(4, at);
        buffer.writeInt32BE(field.value[i]!, at + 4);
      }
      return;
    case "text[]":
      at = writeArrayHeader(buffer, at, OIDS.text, field.value.length, field.value.includes(null));
      for (const item of field.value) {
        if (item === null) {
          buffer.writeInt32BE(-1, at);
          at += 4;
        } else {
          const length = buffer.write(item, at + 4, "utf8");
          buffer.writeInt32BE(length, at);
          at += 4 + length;
        }
      }
      return;
    case "text":
      if (field.value !== null) buffer.write(field.value, at, "utf8");
      return;
    case "bytea":
      if (field.value !== null) buffer.set(field.value, at);
      return;
  }
}

/** One row of a binary copy, its fields in the order of the copy's columns. */
export function binaryCopyRow(fields: readonly BinaryField[]): Buffer {
  const lengths = fields.map(fieldLength);
  const buffer = Buffer.allocUnsafe(2 + lengths.reduce((sum, length) => sum + 4 + Math.max(length, 0), 0));
  buffer.writeInt16BE(fields.length, 0);
  let at = 2;
  fields.forEach((field, i) => {
    buffer.writeInt32BE(lengths[i]!, at);
    at += 4;
    if (lengths[i]! > 0) writeField(buffer, at, field);
    at += Math.max(lengths[i]!, 0);
  });
  return buffer;
}

/** The whole input of a binary copy: the header, the rows as they are made, the trailer. */
export function* binaryCopyData(rows: Iterable<Buffer>): Generator<Buffer> {
  const header = Buffer.alloc(SIGNATURE.length + 8);
  SIGNATURE.copy(header);
  yield header;
  yield* rows;
  yield Buffer.from([0xff, 0xff]);
}
