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

/** Accounts whose keys are filled in a statement. */
const KEYS_PER_UPDATE = 5000;

/**
 * The sort keys of the accounts stored before migration 0023, which can only be computed here (nameOrderKey reads
 * the pinyin dictionary); then the check that every account has one is validated, so later starts skip this.
 */
async function fillNameKeys(tx: Db): Promise<void> {
  const [state] = await tx.rows<{ pending: boolean }>(sql`
    select exists (select 1 from pg_constraint where conname = 'accounts_name_key_set' and conrelid = 'accounts'::regclass and not convalidated) as pending`);
  if (!state?.pending) return;
  let filled = 0;
  for (;;) {
    const rows = await tx.rows<{ org_id: string; id: string; name: string }>(sql`select org_id, id, name from accounts where name_key is null limit ${KEYS_PER_UPDATE}`);
    if (rows.length === 0) break;
    filled += rows.length;
    await tx.rows(sql`
      update accounts a set name_key = v.key
      from (select unnest(${sql.param(rows.map((r) => r.org_id))}::uuid[]) as org_id, unnest(${sql.param(rows.map((r) => r.id))}::uuid[]) as id,
        unnest(${sql.param(rows.map((r) => nameOrderKey(r.name)))}::text[]) as key) v
      where a.org_id = v.org_id and a.id = v.id`);
  }
  await tx.rows(sql`alter table accounts validate constraint accounts_name_key_set`);
  // Every account row was rewritten: the planner's figures for the new column and index come from a fresh sample.
  if (filled > 0) await tx.rows(sql`analyze accounts`);
}
