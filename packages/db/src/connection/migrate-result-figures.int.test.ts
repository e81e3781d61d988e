import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../testing/test-database";
import type { Database } from "./database";

// Migration 0018 asks for lz4 compression of the result figures, which PostgreSQL has (built with lz4, as Debian's
// is) and the embedded engine has not: there the figures stay uncompressed, and the migration still applies.

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.close());

describe("migration 0018 (result figures compressed with lz4 where the server can)", () => {
  it("compresses the figures with lz4 on PostgreSQL and leaves them uncompressed on the embedded engine", async () => {
    const [column] = await db.rows<{ storage: string; compression: string }>(sql`
      select attstorage as storage, attcompression::text as compression from pg_attribute
      where attrelid = 'analysis_result_blocks'::regclass and attname = 'values'`);
    expect(column).toEqual(db.kind === "postgres" ? { storage: "x", compression: "l" } : { storage: "e", compression: "" });
  });
});
