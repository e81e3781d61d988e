import type { Database } from "@openkam/db";

export interface DatabaseOptions {
  /** The embedded data folder; DATABASE_URL, when set, wins. */
  dataDir?: string;
}

/** Opens the database named by the flags and environment, with the migrations applied. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const { createDatabase, databaseConfigFromEnv, migrate } = await import("@openkam/db");
  const db = await createDatabase(databaseConfigFromEnv({ dataDir: options.dataDir }));
  try {
    await migrate(db);
    return db;
  } catch (error) {
    await db.close();
    throw error;
  }
}

/** Runs `fn` on the database and closes it (releasing the data folder) whatever happens. */
export async function withDatabase<T>(options: DatabaseOptions, fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase(options);
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}
