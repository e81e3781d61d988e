import { nameOrderKey } from "@openkam/domain/names/name-order";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "../ids";
import { createTestDatabase } from "../testing/test-database";
import type { Database } from "./database";
import { migrate } from "./migrate";

// Migration 0023 added accounts.name_key, which only Node can compute (pinyin); migrate() fills in the keys of the
// accounts stored before it, then validates the check that every account has one. The test puts accounts back in
// that state.

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.close());

const validated = async () =>
  (await db.rows<{ v: boolean }>(sql`select convalidated as v from pg_constraint where conname = 'accounts_name_key_set'`))[0]!.v;

describe("migration 0023 (accounts' sort keys)", () => {
  it("fills in the key of every account stored before it, in batches, then requires one of every account", async () => {
    const org = newId();
    const names = ["重庆长安汽车", "Acme Tools", "阿里巴巴", "École Süd", ...Array.from({ length: 5200 }, (_, i) => `Account ${i}`)];
    await db.rows(sql`insert into organizations (id, name) values (${org}, 'Before 0023')`);
    await db.rows(sql`alter table accounts drop constraint accounts_name_key_set`);
    await db.rows(sql`insert into accounts (org_id, id, name, currency) select ${org}, gen_random_uuid(), n, 'CNY' from unnest(${sql.param(names)}::text[]) as n`);
    await db.rows(sql`alter table accounts add constraint accounts_name_key_set check (name_key is not null) not valid`);
    expect(await validated()).toBe(false);

    expect(await migrate(db)).toBe(0);

    const rows = await db.rows<{ name: string; name_key: string }>(sql`select name, name_key from accounts where org_id = ${org}`);
    expect(rows).toHaveLength(names.length);
    for (const row of rows) expect(row.name_key).toBe(nameOrderKey(row.name));
    expect(rows.find((r) => r.name === "重庆长安汽车")!.name_key).toBe("chong qing chang an qi che");
    expect(await validated()).toBe(true);
    await expect(db.rows(sql`insert into accounts (org_id, id, name, currency) values (${org}, gen_random_uuid(), 'No key', 'CNY')`)).rejects.toThrow(/accounts_name_key_set/);
    // Once validated, a start does nothing more.
    expect(await migrate(db)).toBe(0);
  });
});
