import { createDatabase, migrate, type Database } from "@openkam/db";
import { seedDemo } from "@openkam/db/seed/index";
import { hashPassword } from "@openkam/server";
import { sql } from "drizzle-orm";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import pg from "pg";
import { BENCH_POSTGRES_URL, databaseUrl } from "./options";
import { fmt, log } from "./report";

/** The cache of seeded databases, beside the repository's other local data (gitignored). */
export const BENCH_DATA = resolve(import.meta.dirname, "../../.bench-data");
/** A cache older than this is rebuilt, so "the last 12 months" still has data in it. */
const MAX_AGE_DAYS = 30;

export interface SeedInfo {
  scale: number;
  asOf: string;
  seededAt: string;
  seconds: number;
  counts: Record<string, number>;
}

const today = () => new Date().toISOString().slice(0, 10);
const stale = (info: SeedInfo) => Date.now() - Date.parse(info.asOf) > MAX_AGE_DAYS * 86_400_000;

async function countRows(db: Database): Promise<Record<string, number>> {
  const [row] = await db.rows<Record<string, number>>(sql`select
    (select count(*) from accounts)::int as accounts, (select count(*) from contacts)::int as contacts,
    (select count(*) from orders)::int as orders, (select count(*) from order_lines)::int as order_lines,
    (select count(*) from interactions)::int as interactions, (select count(*) from tasks)::int as tasks`);
  return row ?? {};
}

async function seedInto(db: Database, scale: number): Promise<SeedInfo> {
  const started = performance.now();
  await migrate(db);
  let lastLog = 0;
  await seedDemo(db, {
    scale,
    asOf: today(),
    passwordHash: await hashPassword("openkam-demo"),
    onProgress: (done, total, label) => {
      if (performance.now() - lastLog < 10_000) return;
      lastLog = performance.now();
      log(`  seeding … ${fmt((done / total) * 100)}% (${label})`);
    },
  });
  const seconds = (performance.now() - started) / 1000;
  const counts = await countRows(db);
  log(`  seeded scale ${scale} in ${fmt(seconds, 1)} s: ${Object.entries(counts).map(([k, v]) => `${fmt(v)} ${k}`).join(", ")}`);
  return { scale, asOf: today(), seededAt: new Date().toISOString(), seconds, counts };
}

/** A PGlite data folder seeded at `scale`, cached under .bench-data/ between runs. */
/** A cached database may predate the newest migrations: apply them, as `openkam serve` does at start. */
async function migrateCopy(target: { url: string } | { dataDir: string }): Promise<void> {
  const db = await createDatabase(target);
  try {
    await migrate(db);
  } finally {
    await db.close();
  }
}

export async function seededPgliteDir(scale: number, fresh: boolean): Promise<{ dataDir: string; info: SeedInfo }> {
  const dataDir = resolve(BENCH_DATA, `pglite-scale-${scale}`);
  const marker = `${dataDir}.json`;
  if (!fresh && existsSync(marker)) {
    const info = JSON.parse(readFileSync(marker, "utf8")) as SeedInfo;
    if (!stale(info)) {
      log(`embedded: reusing ${dataDir} (seeded ${info.asOf}; --fresh rebuilds it)`);
      await migrateCopy({ dataDir });
      return { dataDir, info };
    }
  }
  rmSync(marker, { force: true });
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  log(`embedded: seeding scale ${scale} into ${dataDir}`);
  const db = await createDatabase({ dataDir });
  try {
    const info = await seedInto(db, scale);
    writeFileSync(marker, JSON.stringify(info, null, 2));
    return { dataDir, info };
  } finally {
    await db.close();
  }
}

/** A short-lived connection to the bench server's maintenance database (create, drop, describe databases). */
export async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: BENCH_POSTGRES_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Whether a process still runs (a run database named after a dead one was left behind). */
export const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Run databases left behind by an interrupted bench (their process is gone). */
async function dropAbandonedRuns(): Promise<void> {
  await admin(async (c) => {
    const { rows } = await c.query<{ datname: string }>("select datname from pg_database where datname ~ '^openkam_bench_s[0-9.]+_run_[0-9]+$'");
    for (const { datname } of rows) {
      if (!alive(Number(datname.split("_").at(-1)))) await c.query(`drop database if exists ${datname} with (force)`);
    }
  });
}

/**
 * A scratch PostgreSQL database seeded at `scale`. The seeded state is kept as
 * a template database between runs; each run works on its own copy
 * (CREATE DATABASE … TEMPLATE copies files, in seconds) and drops it.
 */
export async function seededPostgresDatabase(scale: number, fresh: boolean): Promise<{ url: string; info: SeedInfo; drop: () => Promise<void> }> {
  const template = `openkam_bench_s${scale}_template`;
  await dropAbandonedRuns();
  let info = await admin(async (c) => {
    const { rows } = await c.query<{ note: string | null }>("select shobj_description(oid, 'pg_database') as note from pg_database where datname = $1", [template]);
    return rows[0]?.note ? (JSON.parse(rows[0].note) as SeedInfo) : undefined;
  });
  if (info && (fresh || stale(info))) info = undefined;
  if (info) {
    log(`postgres: reusing template database ${template} (seeded ${info.asOf}; --fresh rebuilds it)`);
  } else {
    log(`postgres: seeding scale ${scale} into ${template}`);
    await admin(async (c) => {
      await c.query(`drop database if exists ${template} with (force)`);
      await c.query(`create database ${template}`);
    });
    const db = await createDatabase({ url: databaseUrl(template), maxConnections: 10 });
    try {
      info = await seedInto(db, scale);
    } finally {
      await db.close();
    }
    // Autovacuum would get there on its own; the bench should not depend on when.
    const analyse = new pg.Client({ connectionString: databaseUrl(template) });
    await analyse.connect();
    await analyse.query("vacuum analyze");
    await analyse.end();
    await admin((c) => c.query(`comment on database ${template} is ${pg.escapeLiteral(JSON.stringify(info))}`));
  }
  const name = `openkam_bench_s${scale}_run_${process.pid}`;
  await admin((c) => c.query(`create database ${name} template ${template}`));
  await migrateCopy({ url: databaseUrl(name) });
  let dropped = false;
  const drop = async () => {
    if (dropped) return;
    dropped = true;
    await admin((c) => c.query(`drop database if exists ${name} with (force)`));
  };
  return { url: databaseUrl(name), info: info!, drop };
}
