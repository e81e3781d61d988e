import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../testing/test-database";
import type { Database } from "./database";

// Migrations 0018, 0019 and 0022 ask for lz4 compression of the result blocks' figures (JSON and binary) and of their
// ids, groups and ranks, which PostgreSQL has (built with lz4, as Debian's is) and the embedded engine has not: there
// they stay uncompressed, and the migrations still apply.

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.close());

describe("migrations 0018, 0019 and 0022 (result blocks compressed with lz4 where the server can)", () => {
  it("compresses the figures, ids, groups and ranks with lz4 on PostgreSQL and leaves them uncompressed on the embedded engine", async () => {
    const columns = await db.rows<{ name: string; storage: string; compression: string }>(sql`
      select attname as name, attstorage as storage, attcompression::text as compression from pg_attribute
      where attrelid = 'analysis_result_blocks'::regclass and attname in ('values', 'figures', 'account_ids', 'grps', 'ranks') order by attname`);
    const expected = db.kind === "postgres" ? { storage: "x", compression: "l" } : { storage: "e", compression: "" };
    expect(columns).toEqual(["account_ids", "figures", "grps", "ranks", "values"].map((name) => ({ name, ...expected })));
  });
});
