import { resolve } from "node:path";
import { lockDataDir } from "./data-dir-lock";
import { databaseOn, type Database } from "./database";
import { createPgliteDriver } from "./pglite-driver";
import { createPostgresDriver, redact } from "./postgres-driver";

export type DatabaseConfig =
  | { url: string; maxConnections?: number }
  | { dataDir: string }
  /** In-memory PGlite: for small tests only (bulk loads slow down quadratically). */
  | { memory: true };

/** The database named by the environment: DATABASE_URL, else the embedded data folder. */
export function databaseConfigFromEnv(options: { dataDir?: string } = {}, env = process.env): DatabaseConfig {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL };
  return { dataDir: resolve(options.dataDir ?? env.OPENKAM_DATA_DIR ?? ".openkam") };
}

export async function createDatabase(config: DatabaseConfig): Promise<Database> {
  if ("url" in config) {
    const driver = await createPostgresDriver({ url: config.url, maxConnections: config.maxConnections });
    return databaseOn(driver, redact(config.url));
  }
  if ("memory" in config) return databaseOn(await createPgliteDriver(null), "memory");

  const release = lockDataDir(config.dataDir);
  try {
    const driver = await createPgliteDriver(resolve(config.dataDir, "pgdata"));
    const database = databaseOn(driver, config.dataDir);
    return {
      ...database,
      async close() {
        await database.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
