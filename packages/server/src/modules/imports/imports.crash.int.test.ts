import { createDatabase, importRejections, imports, jobs, newId, orderLines, orders, type Database } from "@openkam/db";
import { buildAccount, buildOrganization } from "@openkam/db/testing/builders";
import { buildProduct } from "@openkam/db/testing/builders-people";
import { testDatabaseKind, testServerUrl } from "@openkam/db/testing/test-database";
import { eq, sql } from "drizzle-orm";
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { createJobQueue } from "../../jobs/job-queue";
import { systemScope } from "../../tenancy/scope";
import { csv } from "./fixtures/upload.fixture";
import { IMPORT_JOB_KIND, registerImportJob } from "./index";
import { insertImport, completeUpload } from "./imports.repository";
import { storeFile } from "./imports.upload";

const SCRIPT = fileURLToPath(new URL("./fixtures/crash-import.script.ts", import.meta.url));
const ORDERS = 800;
const LINES_PER_ORDER = 3;
const BATCH_ROWS = 120;

/** A database this test owns, that a child process can open too: a copy of the migrated template. */
async function scratchDatabase(): Promise<{ open: () => Promise<Database>; env: Record<string, string>; drop: () => Promise<void> }> {
  if (testDatabaseKind() === "pglite") {
    const dir = mkdtempSync(join(tmpdir(), "openkam-crash-"));
    cpSync(process.env.OPENKAM_TEST_TEMPLATE_PGLITE!, dir, { recursive: true, filter: (src) => !src.endsWith("openkam.lock") });
    return { open: () => createDatabase({ dataDir: dir }), env: { CRASH_DATA_DIR: dir }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `openkam_crash_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: testServerUrl() });
  await admin.connect();
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`create database ${name} template ${process.env.OPENKAM_TEST_TEMPLATE_POSTGRES}`);
      break;
    } catch (error) {
      if (attempt > 50 || (error as { code?: string }).code !== "55006") throw error;
      await new Promise((r) => setTimeout(r, 150));
    }
  }
  await admin.end();
  const url = new URL(testServerUrl());
  url.pathname = `/${name}`;
  return {
    open: () => createDatabase({ url: url.toString(), maxConnections: 4 }),
    env: { CRASH_DATABASE_URL: url.toString() },
    drop: async () => {
      const c = new pg.Client({ connectionString: testServerUrl() });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** Runs the child until it has committed `afterRows` rows, then kills it with SIGKILL. */
function runAndKill(env: Record<string, string>, afterRows: number): Promise<{ killedAt: number; finished: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", SCRIPT], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    let killedAt = 0;
    child.stdout.on("data", (data: Buffer) => {
      out += data.toString();
      const last = [...out.matchAll(/committed (\d+)/g)].pop();
      if (!killedAt && last && Number(last[1]) >= afterRows) {
        killedAt = Number(last[1]);
        child.kill("SIGKILL");
      }
    });
    child.stderr.on("data", (data: Buffer) => (err += data.toString()));
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (signal === "SIGKILL") resolve({ killedAt, finished: out.includes("finished") });
      else reject(new Error(`the import process ended (${code}) before it was killed: ${out.slice(-500)} ${err.slice(-2000)}`));
    });
  });
}

/**
 * An organization with accounts A1, A2 and products P1–P3, and a queued import
 * of ORDERS orders of LINES_PER_ORDER lines each; `accountOf` names each order's account.
 */
async function queueOrdersImport(db: Database, mode: "valid-rows" | "all-or-nothing", accountOf: (order: number) => string) {
  const org = await buildOrganization(db);
  await buildAccount(db, org.id, { externalId: "A1" });
  await buildAccount(db, org.id, { externalId: "A2" });
  for (const sku of ["P1", "P2", "P3"]) await buildProduct(db, org.id, { sku });
  const rows: Array<Array<string | number>> = [["external_id", "account_external_id", "order_date", "currency", "line_no", "sku", "quantity", "unit_price"]];
  for (let o = 1; o <= ORDERS; o++) {
    for (let l = 1; l <= LINES_PER_ORDER; l++) rows.push([`O-${o}`, accountOf(o), "2024-05-01", "CNY", l, `P${l}`, l, "9.99"]);
  }
  const scope = systemScope(org.id);
  const importId = newId();
  await db.transaction(async (tx) => {
    await insertImport(tx, scope, { id: importId, entity: "orders", mode, dryRun: false, fileName: "orders.csv", format: "csv", fileSize: 0, mapping: null });
    const { size } = await storeFile(tx, scope, importId, (async function* () { yield Buffer.from(csv(rows)); })(), { name: "orders.csv", mimeType: "text/csv" });
    await completeUpload(tx, scope, importId, { fileSize: size });
    await createJobQueue(db).enqueue(tx, org.id, IMPORT_JOB_KIND, { importId, batchRows: BATCH_ROWS });
  });
  return { org, importId };
}

describe("an import killed mid-way", () => {
  it("leaves no partial batch, and the resumed job ends with exact counts and rows", { timeout: 240_000 }, async () => {
    const scratch = await scratchDatabase();
    let db = await scratch.open();
    try {
      // Every 50th order names an unknown account: rejected rows must not be counted twice either.
      const bad = Math.floor(ORDERS / 50);
      const { org, importId } = await queueOrdersImport(db, "valid-rows", (o) => (o % 50 === 0 ? "NOPE" : `A${1 + (o % 2)}`));
      if (testDatabaseKind() === "pglite") await db.close();

      const { killedAt, finished } = await runAndKill(scratch.env, BATCH_ROWS * 3);
      expect(finished).toBe(false);
      expect(killedAt).toBeGreaterThan(0);

      if (testDatabaseKind() === "pglite") db = await scratch.open();
      const state = async () => {
        const [imp] = await db.orm.select().from(imports).where(eq(imports.id, importId));
        const [n] = await db.rows<{ orders: number; lines: number; rejections: number; lines_rejected: number }>(sql`select
          (select count(*)::int from ${orders} where org_id = ${org.id}) as orders,
          (select count(*)::int from ${orderLines} where org_id = ${org.id}) as lines,
          (select count(*)::int from ${importRejections} where org_id = ${org.id}) as rejections,
          (select count(distinct line)::int from ${importRejections} where org_id = ${org.id}) as lines_rejected`);
        return { imp: imp!, n: n! };
      };

      // What is in the database is exactly what the committed counters say: no partial batch.
      const crashed = await state();
      expect(crashed.imp.status).toBe("running");
      expect(crashed.imp.rowsRead).toBeGreaterThanOrEqual(killedAt);
      expect(crashed.imp.rowsRead).toBeLessThan(ORDERS * LINES_PER_ORDER);
      expect(crashed.n.lines).toBe(crashed.imp.rowsAccepted);
      expect(crashed.n.orders * LINES_PER_ORDER).toBe(crashed.imp.rowsAccepted);
      expect(crashed.n.lines_rejected).toBe(crashed.imp.rowsRejected);
      expect(crashed.imp.committedLine).toBe(1 + crashed.imp.rowsRead);

      // The queue takes the job over once its lease runs out; expire it now instead of waiting a minute.
      await db.orm.update(jobs).set({ lockedUntil: sql`now() - interval '1 second'` }).where(eq(jobs.orgId, org.id));
      const queue = createJobQueue(db);
      registerImportJob(queue, { db });
      expect(await queue.drain()).toBe(1);

      const done = await state();
      const expectedRejected = bad * LINES_PER_ORDER;
      expect(done.imp).toMatchObject({
        status: "succeeded", rowsRead: ORDERS * LINES_PER_ORDER, rowsAccepted: (ORDERS - bad) * LINES_PER_ORDER, rowsRejected: expectedRejected,
        committedLine: 1 + ORDERS * LINES_PER_ORDER,
      });
      expect(done.n).toEqual({ orders: ORDERS - bad, lines: (ORDERS - bad) * LINES_PER_ORDER, rejections: expectedRejected, lines_rejected: expectedRejected });
      const [dupes] = await db.rows<{ n: number }>(sql`select count(*)::int as n from (select external_id from ${orders} where org_id = ${org.id} group by external_id having count(*) > 1) d`);
      expect(dupes!.n).toBe(0);
      const [sum] = await db.rows<{ total: string }>(sql`select sum(amount)::text as total from ${orders} where org_id = ${org.id}`);
      // Each order: 1×9.99 + 2×9.99 + 3×9.99 = 59.94.
      expect(sum!.total).toBe((59.94 * (ORDERS - bad)).toFixed(2));
    } finally {
      await db.close().catch(() => undefined);
      await scratch.drop();
    }
  });
});

describe("an all-or-nothing import killed mid-way", () => {
  it("leaves nothing written, and the resumed job imports every row exactly once", { timeout: 240_000 }, async () => {
    const scratch = await scratchDatabase();
    let db = await scratch.open();
    try {
      const { org, importId } = await queueOrdersImport(db, "all-or-nothing", (o) => `A${1 + (o % 2)}`);
      if (testDatabaseKind() === "pglite") await db.close();

      const { killedAt, finished } = await runAndKill(scratch.env, BATCH_ROWS * 3);
      expect(finished).toBe(false);
      expect(killedAt).toBeGreaterThan(0);

      if (testDatabaseKind() === "pglite") db = await scratch.open();
      const count = async () => {
        const [n] = await db.rows<{ orders: number; lines: number }>(sql`select
          (select count(*)::int from ${orders} where org_id = ${org.id}) as orders,
          (select count(*)::int from ${orderLines} where org_id = ${org.id}) as lines`);
        return n!;
      };
      const [crashed] = await db.orm.select().from(imports).where(eq(imports.id, importId));
      expect(crashed!.status).toBe("running");
      expect(crashed!.rowsRead).toBeGreaterThanOrEqual(killedAt);
      expect(await count()).toEqual({ orders: 0, lines: 0 });

      await db.orm.update(jobs).set({ lockedUntil: sql`now() - interval '1 second'` }).where(eq(jobs.orgId, org.id));
      const queue = createJobQueue(db);
      registerImportJob(queue, { db });
      expect(await queue.drain()).toBe(1);

      const [done] = await db.orm.select().from(imports).where(eq(imports.id, importId));
      expect(done).toMatchObject({ status: "succeeded", rowsRead: ORDERS * LINES_PER_ORDER, rowsAccepted: ORDERS * LINES_PER_ORDER, rowsRejected: 0 });
      expect(await count()).toEqual({ orders: ORDERS, lines: ORDERS * LINES_PER_ORDER });
    } finally {
      await db.close().catch(() => undefined);
      await scratch.drop();
    }
  });
});
