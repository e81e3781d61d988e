import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../testing/test-database";
import type { Database } from "./database";

// Migrations 0018 and 0019 ask for lz4 compression of the result figures (JSON and binary), which PostgreSQL has
// (built with lz4, as Debian's is) and the embedded engine has not: there the figures stay uncompressed, and the
// migrations still apply.

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.close());

describe("migrations 0018 and 0019 (result figures compressed with lz4 where the server can)", () => {
  it("compresses both figure columns with lz4 on PostgreSQL and leaves them uncompressed on the embedded engine", async () => {
    const columns = await db.rows<{ name: string; storage: string; compression: string }>(sql`
      select attname as name, attstorage as storage, attcompression::text as compression from pg_attribute
      where attrelid = 'analysis_result_blocks'::regclass and attname in ('values', 'figures') order by attname`);
    const expected = db.kind === "postgres" ? { storage: "x", compression: "l" } : { storage: "e", compression: "" };
    expect(columns).toEqual([{ name: "figures", ...expected }, { name: "values", ...expected }]);
  });
});
