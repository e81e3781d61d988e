import { readMigrationFiles } from "drizzle-orm/migrator";
import { fileURLToPath } from "node:url";
import { nameOrderKey } from "@openkam/domain/names/name-order";
import type { Database, Db } from "./database";
import { sql } from "drizzle-orm";

export const MIGRATIONS_FOLDER = fileURLToPath(new URL("../../migrations", import.meta.url));

// Any constant works; it only has to be the same for every instance.
const MIGRATION_LOCK = 7_415_926_535;

/**
 * Applies the committed drizzle-kit migrations that have not run yet, each in
 * its own transaction. An advisory lock makes concurrent starts of several
 * server instances apply them once. Returns the number applied.
 */
export async function migrate(database: Database): Promise<number> {
  const migrations = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER });
  return database.transaction(async (tx) => {
    await tx.rows(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await tx.rows(sql`create table if not exists openkam_migrations (hash text primary key, created_at bigint not null, applied_at timestamptz not null default now())`);
    const done = new Set((await tx.rows<{ hash: string }>(sql`select hash from openkam_migrations`)).map((r) => r.hash));
    let applied = 0;
    for (const migration of migrations) {
      if (done.has(migration.hash)) continue;
      for (const statement of migration.sql) {
        if (statement.trim()) await tx.rows(sql.raw(statement));
      }
      await tx.rows(sql`insert into openkam_migrations (hash, created_at) values (${migration.hash}, ${migration.folderMillis})`);
      applied++;
    }
    await fillNameKeys(tx);
    return applied;
  });
}

/** Rows whose keys are filled in a statement. */
const KEYS_PER_UPDATE = 5000;

/** The tables whose names carry a sort key (migrations 0023–0025), each with its check and its key columns. */
const NAME_KEYED = [
  { table: "accounts", check: "accounts_name_key_set", orgScoped: true },
  { table: "contacts", check: "contacts_name_key_set", orgScoped: true },
  { table: "products", check: "products_name_key_set", orgScoped: true },
  { table: "users", check: "users_name_key_set", orgScoped: false },
  { table: "account_business_units", check: "account_business_units_name_key_set", orgScoped: true },
  { table: "opportunities", check: "opportunities_name_key_set", orgScoped: true },
  { table: "saved_views", check: "saved_views_name_key_set", orgScoped: true },
] as const;

/**
 * The sort keys of the rows stored before their table got a key column, which can only be computed here
 * (nameOrderKey reads the pinyin dictionary); then the check that every row has one is validated, so later starts
 * skip the table.
 */
async function fillNameKeys(tx: Db): Promise<void> {
  const pending = new Set((await tx.rows<{ conname: string }>(sql`
    select conname from pg_constraint where conname = any(${sql.param(NAME_KEYED.map((k) => k.check))}::text[]) and not convalidated`)).map((r) => r.conname));
  for (const { table, check, orgScoped } of NAME_KEYED) {
    if (!pending.has(check)) continue;
    const t = sql.identifier(table);
    let filled = 0;
    for (;;) {
      const rows = await tx.rows<{ org_id: string | null; id: string; name: string }>(
        sql`select ${orgScoped ? sql`org_id` : sql`null::uuid as org_id`}, id, name from ${t} where name_key is null limit ${KEYS_PER_UPDATE}`);
      if (rows.length === 0) break;
      filled += rows.length;
      const ids = sql.param(rows.map((r) => r.id));
      const keys = sql.param(rows.map((r) => nameOrderKey(r.name)));
      await tx.rows(orgScoped
        ? sql`
          update ${t} a set name_key = v.key
          from (select unnest(${sql.param(rows.map((r) => r.org_id))}::uuid[]) as org_id, unnest(${ids}::uuid[]) as id, unnest(${keys}::text[]) as key) v
          where a.org_id = v.org_id and a.id = v.id`
        : sql`
          update ${t} a set name_key = v.key
          from (select unnest(${ids}::uuid[]) as id, unnest(${keys}::text[]) as key) v
          where a.id = v.id`);
    }
    await tx.rows(sql`alter table ${t} validate constraint ${sql.identifier(check)}`);
    // Every row was rewritten: the planner's figures for the new column and index come from a fresh sample.
    if (filled > 0) await tx.rows(sql`analyze ${t}`);
  }
}
