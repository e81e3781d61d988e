import { orderLines, orders } from "@openkam/db";
import { buildAccount, buildOrganization } from "@openkam/db/testing/builders";
import { buildProduct } from "@openkam/db/testing/builders-people";
import { createTestDatabase } from "@openkam/db/testing/test-database";
import { eq, sql } from "drizzle-orm";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@openkam/db";
import { systemScope } from "../../tenancy/scope";
import { csv } from "./fixtures/upload.fixture";
import { importFile } from "./index";

let db: Database;
let dir: string;
beforeAll(async () => {
  db = await createTestDatabase();
  dir = mkdtempSync(join(tmpdir(), "openkam-import-file-"));
});
afterAll(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

async function orgWithCatalogue() {
  const org = await buildOrganization(db);
  await buildAccount(db, org.id, { externalId: "A1" });
  await buildProduct(db, org.id, { sku: "P1" });
  return org.id;
}

function ordersFile(name: string, orders: number, bad?: number): string {
  const rows: Array<Array<string | number>> = [["external_id", "account_external_id", "order_date", "currency", "sku", "quantity", "unit_price"]];
  for (let o = 1; o <= orders; o++) {
    for (let l = 1; l <= 2; l++) rows.push([`O-${o}`, o === bad ? "NOPE" : "A1", "2024-01-01", "CNY", "P1", l, "1.50"]);
  }
  const path = join(dir, name);
  writeFileSync(path, csv(rows));
  return path;
}

describe("importFile (the CLI's import)", () => {
  it("reads a file stored in many chunks, in all-or-nothing mode, in one transaction", async () => {
    const orgId = await orgWithCatalogue();
    const progress: number[] = [];
    const result = await importFile({
      db, scope: systemScope(orgId), entity: "orders", filePath: ordersFile("ok.csv", 400), mode: "all-or-nothing", dryRun: false,
      batchRows: 100, chunkBytes: 1024, onProgress: (p) => progress.push(p.rowsRead),
    });
    expect(result).toMatchObject({ status: "succeeded", rowsRead: 800, rowsAccepted: 800, rowsRejected: 0, rejections: [] });
    expect(progress.at(-1)).toBe(800);
    const [n] = await db.rows<{ orders: number; lines: number }>(sql`select (select count(*)::int from ${orders} where org_id = ${orgId}) as orders,
      (select count(*)::int from ${orderLines} where org_id = ${orgId}) as lines`);
    expect(n).toEqual({ orders: 400, lines: 800 });
  });

  it("reports the rejections and exits with nothing written when one order is bad", async () => {
    const orgId = await orgWithCatalogue();
    const result = await importFile({
      db, scope: systemScope(orgId), entity: "orders", filePath: ordersFile("bad.csv", 300, 250), mode: "all-or-nothing", dryRun: false, batchRows: 100, chunkBytes: 1024,
    });
    expect(result).toMatchObject({ status: "failed", rowsRead: 600, rowsAccepted: 0, rowsRejected: 2 });
    expect(result.rejections).toEqual([
      { line: 500, column: "account_external_id", reason: "account_external_id: no account NOPE (or you cannot see it)" },
      { line: 501, column: "account_external_id", reason: "account_external_id: no account NOPE (or you cannot see it) (see line 500)" },
    ]);
    expect(await db.orm.select().from(orders).where(eq(orders.orgId, orgId))).toHaveLength(0);
  });
});
