import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { createDatabase } from "../connection/create-database";
import type { Database } from "../connection/database";
import type { DatabaseKind } from "../connection/driver";
import { migrate } from "../connection/migrate";

/**
 * Databases for integration tests. Each test file gets its own database, made
 * by copying a migrated template (creating a PGlite database takes seconds, a
 * copy a fraction of one), so test files never see each other's rows.
 *
 * OPENKAM_TEST_DB picks the engine: "pglite" (default) or "postgres"
 * (TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test).
 */
export function testDatabaseKind(env = process.env): DatabaseKind {
  return env.OPENKAM_TEST_DB === "postgres" ? "postgres" : "pglite";
}

export function testServerUrl(env = process.env): string {
  return env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

const templateEnv = (kind: DatabaseKind) => `OPENKAM_TEST_TEMPLATE_${kind.toUpperCase()}`;

/** Global setup: makes the migrated template and returns a teardown. */
export async function prepareTestTemplate(kind: DatabaseKind, runId: string): Promise<() => Promise<void>> {
  if (kind === "pglite") {
    const dir = mkdtempSync(join(tmpdir(), "openkam-template-"));
    const db = await createDatabase({ dataDir: dir });
    await migrate(db);
    await db.close();
    process.env[templateEnv(kind)] = dir;
    return async () => rmSync(dir, { recursive: true, force: true });
  }
  const admin = new pg.Client({ connectionString: testServerUrl() });
  await admin.connect();
  const template = `openkam_t_${runId}_template`;
  await admin.query(`create database ${template}`);
  const db = await createDatabase({ url: withDatabase(testServerUrl(), template), maxConnections: 2 });
  await migrate(db);
  await db.close();
  await admin.end();
  process.env[templateEnv(kind)] = template;
  process.env.OPENKAM_TEST_RUN = runId;
  return async () => {
    const client = new pg.Client({ connectionString: testServerUrl() });
    await client.connect();
    const { rows } = await client.query<{ datname: string }>("select datname from pg_database where datname like $1", [`openkam_t_${runId}_%`]);
    for (const { datname } of rows) await client.query(`drop database if exists ${datname} with (force)`);
    await client.end();
  };
}

let counter = 0;

/** A fresh, migrated, empty database for one test file. Close it in afterAll. */
export async function createTestDatabase(): Promise<Database> {
  const template = process.env[templateEnv(testDatabaseKind())];
  if (!template) throw new Error(`${templateEnv(testDatabaseKind())} is not set: run integration tests through vitest (its global setup makes the template)`);
  if (testDatabaseKind() === "pglite") {
    const dir = mkdtempSync(join(tmpdir(), "openkam-test-"));
    cpSync(template, dir, { recursive: true, filter: (src) => !src.endsWith("openkam.lock") });
    const db = await createDatabase({ dataDir: dir });
    return { ...db, close: async () => { await db.close(); rmSync(dir, { recursive: true, force: true }); } };
  }
  const name = `openkam_t_${process.env.OPENKAM_TEST_RUN}_${process.pid}_${++counter}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: testServerUrl() });
  await admin.connect();
  // CREATE DATABASE ... TEMPLATE needs the template to have no other connections; retry briefly if another file is copying it.
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`create database ${name} template ${template}`);
      break;
    } catch (error) {
      if (attempt > 50 || (error as { code?: string }).code !== "55006") throw error;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
  await admin.end();
  const db = await createDatabase({ url: withDatabase(testServerUrl(), name), maxConnections: 25 });
  return {
    ...db,
    async close() {
      await db.close();
      const c = new pg.Client({ connectionString: testServerUrl() });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** Resolves whether the test PostgreSQL server answers. */
export async function postgresReachable(url = testServerUrl()): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}
