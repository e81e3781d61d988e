import { nameOrderKey } from "@openkam/domain/names/name-order";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "../ids";
import { createTestDatabase } from "../testing/test-database";
import type { Database } from "./database";
import { migrate } from "./migrate";

// Migrations 0023–0025 added name_key to accounts, contacts, products, users and three smaller lists, which only Node
// can compute (pinyin); migrate() fills in the keys of the rows stored before, then validates the check that every
// row has one. The tests put the tables back in that state.

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.close());

const validated = async (check = "accounts_name_key_set") =>
  (await db.rows<{ v: boolean }>(sql`select convalidated as v from pg_constraint where conname = ${check}`))[0]!.v;

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

describe("migration 0024 (contacts', products' and users' sort keys)", () => {
  it("fills in the keys of the contacts, products and users stored before it, then requires them", async () => {
    const org = newId();
    const account = newId();
    const people = ["张伟", "Émile Zola", "欧阳娜娜", ...Array.from({ length: 30 }, (_, i) => `Person ${i}`)];
    await db.rows(sql`insert into organizations (id, name) values (${org}, 'Before 0024')`);
    await db.rows(sql`insert into accounts (org_id, id, name, name_key, currency) values (${org}, ${account}, 'Acme', 'acme', 'CNY')`);
    for (const table of ["contacts", "products", "users"]) await db.rows(sql`alter table ${sql.identifier(table)} drop constraint ${sql.identifier(`${table}_name_key_set`)}`);
    await db.rows(sql`insert into contacts (org_id, id, account_id, name) select ${org}, gen_random_uuid(), ${account}, n from unnest(${sql.param(people)}::text[]) as n`);
    await db.rows(sql`insert into products (org_id, id, sku, name) select ${org}, gen_random_uuid(), 'SKU-' || i, n from unnest(${sql.param(people)}::text[]) with ordinality as p(n, i)`);
    await db.rows(sql`insert into users (id, email, name, password_hash) select gen_random_uuid(), ${org} || '-' || i || '@example.test', n, 'x' from unnest(${sql.param(people)}::text[]) with ordinality as p(n, i)`);
    for (const table of ["contacts", "products", "users"]) {
      await db.rows(sql`alter table ${sql.identifier(table)} add constraint ${sql.identifier(`${table}_name_key_set`)} check (name_key is not null) not valid`);
    }

    expect(await migrate(db)).toBe(0);

    const stored = {
      contacts: await db.rows<{ name: string; name_key: string }>(sql`select name, name_key from contacts where org_id = ${org}`),
      products: await db.rows<{ name: string; name_key: string }>(sql`select name, name_key from products where org_id = ${org}`),
      users: await db.rows<{ name: string; name_key: string }>(sql`select name, name_key from users where email like ${`${org}-%`}`),
    };
    for (const [table, rows] of Object.entries(stored)) {
      expect(rows, table).toHaveLength(people.length);
      for (const row of rows) expect(row.name_key, `${table}: ${row.name}`).toBe(nameOrderKey(row.name));
      expect(rows.find((r) => r.name === "欧阳娜娜")!.name_key).toBe("ou yang na na");
      expect(await validated(`${table}_name_key_set`), table).toBe(true);
    }
    await expect(db.rows(sql`insert into contacts (org_id, id, account_id, name) values (${org}, gen_random_uuid(), ${account}, 'No key')`)).rejects.toThrow(/contacts_name_key_set/);
    await expect(db.rows(sql`insert into products (org_id, id, sku, name) values (${org}, gen_random_uuid(), 'NOKEY', 'No key')`)).rejects.toThrow(/products_name_key_set/);
    await expect(db.rows(sql`insert into users (id, email, name, password_hash) values (gen_random_uuid(), 'nokey@example.test', 'No key', 'x')`)).rejects.toThrow(/users_name_key_set/);
  });
});

describe("migration 0025 (business units', opportunities' and saved views' sort keys)", () => {
  it("fills in the keys of the rows stored before it, then requires them", async () => {
    const org = newId();
    const account = newId();
    const user = newId();
    await db.rows(sql`insert into organizations (id, name) values (${org}, 'Before 0025')`);
    await db.rows(sql`insert into accounts (org_id, id, name, name_key, currency) values (${org}, ${account}, 'Acme', 'acme', 'CNY')`);
    await db.rows(sql`insert into users (id, email, name, name_key, password_hash) values (${user}, ${`${org}@example.test`}, 'U', 'u', 'x')`);
    await db.rows(sql`insert into memberships (org_id, user_id, role) values (${org}, ${user}, 'admin')`);
    const tables = ["account_business_units", "opportunities", "saved_views"];
    for (const table of tables) await db.rows(sql`alter table ${sql.identifier(table)} drop constraint ${sql.identifier(`${table}_name_key_set`)}`);
    await db.rows(sql`insert into account_business_units (org_id, id, account_id, name) values (${org}, gen_random_uuid(), ${account}, '重庆工厂')`);
    await db.rows(sql`insert into opportunities (org_id, id, account_id, name, value, currency, probability) values (${org}, gen_random_uuid(), ${account}, '重庆工厂', 1, 'CNY', 50)`);
    await db.rows(sql`insert into saved_views (org_id, id, user_id, entity, name, state) values (${org}, gen_random_uuid(), ${user}, 'accounts', '重庆工厂', '{}')`);
    for (const table of tables) {
      await db.rows(sql`alter table ${sql.identifier(table)} add constraint ${sql.identifier(`${table}_name_key_set`)} check (name_key is not null) not valid`);
    }

    expect(await migrate(db)).toBe(0);

    for (const table of tables) {
      expect(await db.rows(sql`select name_key from ${sql.identifier(table)} where org_id = ${org}`), table).toEqual([{ name_key: "chong qing gong chang" }]);
      expect(await validated(`${table}_name_key_set`), table).toBe(true);
    }
  });
});
