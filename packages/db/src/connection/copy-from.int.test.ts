import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../testing/test-database";
import { binaryCopyData, binaryCopyRow } from "./copy-binary";
import { copyField, type Database } from "./database";
import { isDatabaseError } from "./driver";

// Bulk input through `copy … from stdin` on both engines (PGlite reads it from a blob), fields escaped by copyField.

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
  await db.exec("create table copy_check (n int primary key, label text, tags text[], doc json)");
  await db.exec("create table copy_binary (id uuid primary key, ids uuid[], tags text[], ranks int[], doc json, bytes bytea)");
});
afterAll(async () => db?.close());

const COPY = "copy copy_check (n, label, tags, doc) from stdin";
const line = (fields: Array<string | number | null>) => fields.map(copyField).join("\t");

describe("copyFrom", () => {
  it("writes every row with tabs, newlines, backslashes, quotes, nulls and JSON escapes intact", async () => {
    const label = 'tab\there, line\nbreak, back\\slash, "quoted", 中文';
    const doc = JSON.stringify({ text: 'a\\b "c"\n\td', n: 1.5, none: null });
    await db.copyFrom(COPY, [`${line([1, label, '{"x\\\\y","q\\"r",NULL}', doc])}\n`, `${line([2, null, null, null])}\n`]);
    const rows = await db.rows<{ n: number; label: string | null; tags: string[] | null; doc: unknown }>(sql`select n, label, tags, doc from copy_check order by n`);
    expect(rows).toEqual([
      { n: 1, label, tags: ["x\\y", 'q"r', null], doc: { text: 'a\\b "c"\n\td', n: 1.5, none: null } },
      { n: 2, label: null, tags: null, doc: null },
    ]);
  });

  it("refuses bad input with the database's error, and a transaction that copied keeps nothing when it fails", async () => {
    const error = await db.copyFrom(COPY, [`${line([3, "ok", null, "{not json"])}\n`]).catch((e: unknown) => e);
    expect(isDatabaseError(error, "22P02")).toBe(true);
    const failed = await db.transaction(async (tx) => {
      await tx.copyFrom(COPY, [`${line([4, "kept?", null, null])}\n`]);
      await tx.copyFrom(COPY, [`${line([4, "again", null, null])}\n`]);
    }).catch((e: unknown) => e);
    expect(isDatabaseError(failed, "23505")).toBe(true);
    expect(await db.rows(sql`select n from copy_check where n >= 3`)).toEqual([]);
    // The engine still answers afterwards.
    expect(await db.rows(sql`select count(*)::int as n from copy_check`)).toEqual([{ n: 2 }]);
  });

  it("is refused on the root handle inside a transaction, as queries are", async () => {
    const error = await db.transaction(() => db.copyFrom(COPY, [])).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/inside a transaction/);
  });

  it("writes binary rows: uuids, arrays of uuids, texts and integers, JSON and bytes, nulls and empty ones", async () => {
    const id = "0190a000-0000-7000-8000-00000000abcd";
    const other = "FFFFFFFF-0123-4567-89AB-CDEF01234567";
    const doc = JSON.stringify({ text: "tab\there, 中文", n: -1.5 });
    const bytes = Buffer.from(Float64Array.of(1.25, Number.NaN, -0).buffer);
    const rows = [
      binaryCopyRow([
        { type: "uuid", value: id }, { type: "uuid[]", value: [id, other] }, { type: "text[]", value: ["A", null, "中文\t\"q\""] },
        { type: "int4[]", value: [1, -2, 2_147_483_647] }, { type: "text", value: doc }, { type: "bytea", value: bytes },
      ]),
      binaryCopyRow([
        { type: "uuid", value: other }, { type: "uuid[]", value: [] }, { type: "text[]", value: [] },
        { type: "int4[]", value: [] }, { type: "text", value: null }, { type: "bytea", value: null },
      ]),
    ];
    await db.copyFrom("copy copy_binary (id, ids, tags, ranks, doc, bytes) from stdin (format binary)", binaryCopyData(rows));
    const read = await db.rows<Record<string, unknown>>(sql`select id, ids, tags, ranks, doc, encode(bytes, 'hex') as hex from copy_binary order by id`);
    expect(read).toEqual([
      { id, ids: [id, other.toLowerCase()], tags: ["A", null, '中文\t"q"'], ranks: [1, -2, 2_147_483_647], doc: { text: "tab\there, 中文", n: -1.5 }, hex: bytes.toString("hex") },
      { id: other.toLowerCase(), ids: [], tags: [], ranks: [], doc: null, hex: null },
    ]);
  });

  it("refuses to encode a text that is not a uuid", () => {
    for (const bad of ["0190a000-0000-7000-8000-00000000abc", "0190a000-0000-7000-8000-00000000abcg", "0190a000+0000-7000-8000-00000000abcd"]) {
      expect(() => binaryCopyRow([{ type: "uuid", value: bad }])).toThrow(/not a uuid/);
    }
  });
});
