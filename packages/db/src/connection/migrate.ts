import { readMigrationFiles } from "drizzle-orm/migrator";
import { fileURLToPath } from "node:url";
import type { Database } from "./database";
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
    return applied;
  });
}
