import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../testing/test-database";
import { copyField, type Database } from "./database";
import { isDatabaseError } from "./driver";

// Bulk input through `copy … from stdin` on both engines (PGlite reads it from a blob), fields escaped by copyField.

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
  await db.exec("create table copy_check (n int primary key, label text, tags text[], doc json)");
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
});
