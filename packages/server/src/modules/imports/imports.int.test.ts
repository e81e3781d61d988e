import type { TImport, TImportRejection } from "@openkam/contracts";
import { accounts, contacts, interactionContacts, interactionUsers, interactions, orderBookChanges, orderBookRevisions, orderLines, orders, products } from "@openkam/db";
import { buildAccount } from "@openkam/db/testing/builders";
import { and, eq, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../app";
import { createTestApp, TEST_PASSWORD, type Client, type TestApp } from "../../testing/test-app";
import { csv, multipartBody, upload } from "./fixtures/upload.fixture";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

async function runImport(client: Client, entity: string, content: string | Buffer, fields: Record<string, string> = {}, name = `${entity}.csv`): Promise<TImport> {
  const res = await upload(client, { entity, ...fields }, { name, content });
  expect(res.statusCode, res.body).toBe(202);
  const created = res.json<TImport>();
  expect(res.headers.location).toBe(`/api/imports/${created.id}`);
  expect(created.status).toBe("queued");
  await t.jobs.drain();
  const done = await client.get(`/api/imports/${created.id}`);
  expect(done.statusCode).toBe(200);
  return done.json<TImport>();
}

async function rejectionsOf(client: Client, id: string): Promise<TImportRejection[]> {
  return (await client.get(`/api/imports/${id}/rejections?limit=1000`)).json<{ items: TImportRejection[] }>().items;
}

const count = async (table: typeof accounts | typeof orders | typeof contacts | typeof products | typeof interactions, orgId: string) =>
  (await t.db.orm.select({ n: sql<number>`count(*)::int` }).from(table).where(eq(table.orgId, orgId)))[0]!.n;

async function seedCatalogue(client: Client) {
  await runImport(client, "accounts", csv([["external_id", "name", "currency"], ["A1", "Acme", "CNY"], ["A2", "Beta", "USD"]]));
  await runImport(client, "products", csv([["sku", "name", "list_price"], ["P1", "Pump", "100"], ["P2", "Valve", "12.5"]]));
}

describe("POST /api/imports", () => {
  it("imports accounts with owners and parents that appear later in the file", async () => {
    const admin = await t.newOrgWithUser("admin");
    const content = csv([
      ["external_id", "name", "industry", "currency", "tier", "owner_email", "parent_external_id", "tags"],
      ["C-1", "上海子公司", "制造", "cny", "Key", admin.email.toUpperCase(), "C-2", "a; b"],
      ["C-2", "Global Holding", "Manufacturing", "EUR", "strategic", "", "", ""],
    ]);
    const done = await runImport(admin, "accounts", content);
    expect(done).toMatchObject({ status: "succeeded", rowsRead: 2, rowsAccepted: 2, rowsRejected: 0, entity: "accounts", mode: "all-or-nothing" });
    const rows = await t.db.orm.select().from(accounts).where(eq(accounts.orgId, admin.orgId));
    const child = rows.find((r) => r.externalId === "C-1")!;
    const parent = rows.find((r) => r.externalId === "C-2")!;
    expect(child).toMatchObject({ name: "上海子公司", currency: "CNY", tier: "key", ownerUserId: admin.userId, parentAccountId: parent.id, tags: ["a", "b"] });
    expect(parent.parentAccountId).toBeNull();
    // Each account's sort key is written with it, and follows a rename by a later import.
    expect([child.nameKey, parent.nameKey]).toEqual(["shang hai zi gong si", "global holding"]);
    await runImport(admin, "accounts", csv([["external_id", "name", "currency"], ["C-2", "重庆控股", "EUR"]]));
    const renamed = await t.db.orm.select().from(accounts).where(and(eq(accounts.orgId, admin.orgId), eq(accounts.externalId, "C-2")));
    expect(renamed[0]).toMatchObject({ name: "重庆控股", nameKey: "chong qing kong gu" });
  });

  it("records a tier changed by a re-import in the tier history, as an edit would", async () => {
    const admin = await t.newOrgWithUser("admin");
    await runImport(admin, "accounts", csv([["external_id", "name", "currency", "tier"], ["T-1", "Tiered", "EUR", "growth"], ["T-2", "Steady", "EUR", "key"]]));
    const again = await runImport(admin, "accounts", csv([["external_id", "name", "currency", "tier"], ["T-1", "Tiered", "EUR", "strategic"], ["T-2", "Steady", "EUR", "key"]]));
    expect(again).toMatchObject({ status: "succeeded", rowsAccepted: 2 });
    const rows = await t.db.orm.select().from(accounts).where(eq(accounts.orgId, admin.orgId));
    const history = async (externalId: string) =>
      (await admin.get(`/api/accounts/${rows.find((r) => r.externalId === externalId)!.id}/tier-history`)).json<{ items: Array<Record<string, unknown>> }>().items;
    expect(await history("T-1")).toEqual([expect.objectContaining({ fromTier: "growth", toTier: "strategic", reason: null, runId: null, changedBy: expect.objectContaining({ id: admin.userId }) })]);
    // Creating an account and re-importing the same tier are not changes.
    expect(await history("T-2")).toEqual([]);
  });

  it("reports each rejected row with its line, column and reason, and all-or-nothing writes nothing", async () => {
    const admin = await t.newOrgWithUser("admin");
    await seedCatalogue(admin);
    const content = csv([
      ["external_id", "account_external_id", "order_date", "currency", "amount", "sku", "quantity", "unit_price"],
      ["O1", "A1", "2024-01-05", "CNY", "", "P1", "2", "100"],
      ["O2", "A1", "05/01/2024", "CNY", "", "P1", "1", "100"],
      ["O3", "NOPE", "2024-01-06", "CNY", "50", "", "", ""],
      ["O4", "A2", "2024-01-07", "USD", "", "P9", "1", "1"],
    ]);
    const done = await runImport(admin, "orders", content);
    expect(done).toMatchObject({ status: "failed", rowsRead: 4, rowsAccepted: 0, rowsRejected: 3 });
    expect(done.error).toMatch(/nothing was imported/);
    expect(await count(orders, admin.orgId)).toBe(0);
    const rejections = await rejectionsOf(admin, done.id);
    expect(rejections.map((r) => [r.line, r.column, r.reason])).toEqual([
      [3, "order_date", "order_date: use YYYY-MM-DD"],
      [4, "account_external_id", "account_external_id: no account NOPE (or you cannot see it)"],
      [5, "sku", "sku: no product with sku P9 (import the products first)"],
    ]);
    expect(rejections[0]!.raw).toMatchObject({ external_id: "O2", order_date: "05/01/2024" });

    const file = await admin.get(`/api/imports/${done.id}/rejections.csv`);
    expect(file.statusCode).toBe(200);
    expect(file.headers["content-disposition"]).toMatch(/attachment; filename="orders-rejections.csv"/);
    const lines = file.body.replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toBe("line,column,reason,external_id,account_external_id,order_date,currency,amount,sku,quantity,unit_price");
    expect(lines[1]).toBe("3,order_date,order_date: use YYYY-MM-DD,O2,A1,05/01/2024,CNY,,P1,1,100");
  });

  it("valid-rows writes the good orders with their lines; an order with one bad line is rejected whole", async () => {
    const admin = await t.newOrgWithUser("admin");
    await seedCatalogue(admin);
    const content = csv([
      ["external_id", "account_external_id", "order_date", "currency", "amount", "status", "notes", "line_no", "sku", "quantity", "unit_price"],
      ["O1", "A1", "2024-01-05", "CNY", "", "", "first", "1", "P1", "2", "100.005"],
      ["O1", "A1", "2024-01-05", "CNY", "", "", "first", "2", "P2", "3", "12.5"],
      ["O2", "A2", "2024-02-01", "USD", "99.90", "cancelled", "", "", "", "", ""],
      ["O3", "A1", "2024-03-01", "CNY", "", "", "", "1", "P1", "x", "1"],
      ["O3", "A1", "2024-03-01", "CNY", "", "", "", "2", "P2", "1", "1"],
    ]);
    const done = await runImport(admin, "orders", content, { mode: "valid-rows" });
    expect(done).toMatchObject({ status: "succeeded", rowsRead: 5, rowsAccepted: 3, rowsRejected: 2 });
    const rejections = await rejectionsOf(admin, done.id);
    expect(rejections.map((r) => [r.line, r.column])).toEqual([[5, "quantity"], [6, "external_id"]]);
    expect(rejections[1]!.reason).toBe("external_id: O3 has a rejected line (line 5)");

    const saved = await t.db.orm.select().from(orders).where(eq(orders.orgId, admin.orgId)).orderBy(orders.externalId);
    expect(saved.map((o) => [o.externalId, o.amount, o.status, o.notes])).toEqual([["O1", "237.51", "confirmed", "first"], ["O2", "99.90", "cancelled", null]]);
    const lines = await t.db.orm.select().from(orderLines).where(and(eq(orderLines.orgId, admin.orgId), eq(orderLines.orderId, saved[0]!.id))).orderBy(orderLines.lineNo);
    expect(lines.map((l) => [l.lineNo, l.quantity, l.unitPrice, l.amount])).toEqual([[1, "2.0000", "100.0050", "200.01"], [2, "3.0000", "12.5000", "37.50"]]);
    // The write raised the order-book revision, so the analyses read the orders again: those of the accounts written.
    const [revision] = await t.db.orm.select().from(orderBookRevisions).where(eq(orderBookRevisions.orgId, admin.orgId));
    expect(revision?.revision).toBeGreaterThan(0);
    const changes = await t.db.orm.select().from(orderBookChanges).where(eq(orderBookChanges.orgId, admin.orgId));
    expect(new Set(changes.flatMap((c) => c.accountIds ?? ["all"]))).toEqual(new Set(saved.map((o) => o.accountId)));
  });

  it("is idempotent: importing the same file again gives the same counts and no duplicates", async () => {
    const admin = await t.newOrgWithUser("admin");
    await seedCatalogue(admin);
    const content = csv([
      ["external_id", "account_external_id", "order_date", "currency", "sku", "quantity", "unit_price"],
      ["O1", "A1", "2024-01-05", "CNY", "P1", "1", "10"],
      ["O1", "A1", "2024-01-05", "CNY", "P2", "2", "10"],
      ["O2", "A2", "2024-01-06", "USD", "P1", "1", "5"],
    ]);
    const first = await runImport(admin, "orders", content);
    const revisionsBefore = (await t.db.orm.select().from(orderBookChanges).where(eq(orderBookChanges.orgId, admin.orgId))).length;
    const second = await runImport(admin, "orders", content);
    // Imported again, the orders changed the same accounts (the analyses read only theirs again).
    const written = await t.db.orm.select().from(orders).where(eq(orders.orgId, admin.orgId));
    const changes = await t.db.orm.select().from(orderBookChanges).where(eq(orderBookChanges.orgId, admin.orgId)).orderBy(orderBookChanges.revision);
    expect(changes.slice(revisionsBefore).map((c) => new Set(c.accountIds))).toEqual([new Set(written.map((o) => o.accountId))]);
    for (const done of [first, second]) expect(done).toMatchObject({ status: "succeeded", rowsRead: 3, rowsAccepted: 3, rowsRejected: 0 });
    expect(await count(orders, admin.orgId)).toBe(2);
    const [{ n }] = await t.db.rows<{ n: number }>(sql`select count(*)::int as n from ${orderLines} where org_id = ${admin.orgId}`) as [{ n: number }];
    expect(n).toBe(3);
  });

  it("records both accounts when an order imported again moves to another account", async () => {
    const admin = await t.newOrgWithUser("admin");
    await seedCatalogue(admin);
    const header = ["external_id", "account_external_id", "order_date", "currency", "amount"];
    await runImport(admin, "orders", csv([header, ["O1", "A1", "2024-01-05", "CNY", "10"], ["O2", "A1", "2024-01-06", "CNY", "20"]]));
    const before = (await t.db.orm.select().from(orderBookChanges).where(eq(orderBookChanges.orgId, admin.orgId))).length;
    expect(await runImport(admin, "orders", csv([header, ["O1", "A2", "2024-01-05", "CNY", "10"]]))).toMatchObject({ status: "succeeded", rowsAccepted: 1 });
    const ids = new Map((await t.db.orm.select().from(accounts).where(eq(accounts.orgId, admin.orgId))).map((a) => [a.externalId, a.id]));
    const changes = await t.db.orm.select().from(orderBookChanges).where(eq(orderBookChanges.orgId, admin.orgId)).orderBy(orderBookChanges.revision);
    expect(changes.slice(before).map((c) => new Set(c.accountIds))).toEqual([new Set([ids.get("A1"), ids.get("A2")])]);
  });

  it("a dry run validates and reports but writes nothing", async () => {
    const admin = await t.newOrgWithUser("admin");
    const content = csv([["external_id", "name", "currency"], ["X1", "Fine", "CNY"], ["X2", "", "CNY"], ["X3", "Bad currency", "yuan"]]);
    const done = await runImport(admin, "accounts", content, { dryRun: "true", mode: "valid-rows" });
    expect(done).toMatchObject({ status: "succeeded", dryRun: true, rowsRead: 3, rowsAccepted: 1, rowsRejected: 2 });
    expect((await rejectionsOf(admin, done.id)).map((r) => r.reason)).toEqual(["name: required", "currency: use a three-letter currency code such as CNY or USD"]);
    expect(await count(accounts, admin.orgId)).toBe(0);
  });

  it("imports contacts, products and interactions, with Chinese headers mapped by guess or by an explicit mapping", async () => {
    const admin = await t.newOrgWithUser("admin");
    const colleague = await t.newUser(admin.orgId, "account_manager");
    await runImport(admin, "accounts", csv([["客户编号", "客户名称", "币种", "行业"], ["A1", "华东机械", "CNY", "制造"]]).replace("客户编号", "外部编号"));
    const acme = (await t.db.orm.select().from(accounts).where(eq(accounts.orgId, admin.orgId)))[0]!;
    expect(acme).toMatchObject({ externalId: "A1", name: "华东机械", industry: "制造" });

    const people = csv([["Customer", "Full name", "Role", "Boss", "ID"], ["A1", "Li Wei", "Decision maker", "", "K1"], ["A1", "Wang Fang", "champion", "K1", "K2"]]);
    const mapping = JSON.stringify({ Customer: "account_external_id", "Full name": "name", Role: "buying_role", Boss: "reports_to_external_id", ID: "external_id" });
    expect(await runImport(admin, "contacts", people, { mapping })).toMatchObject({ status: "succeeded", rowsAccepted: 2 });
    const people2 = await t.db.orm.select().from(contacts).where(eq(contacts.orgId, admin.orgId)).orderBy(contacts.externalId);
    expect(people2.map((c) => [c.name, c.buyingRole, c.reportsToContactId])).toEqual([["Li Wei", "decision_maker", null], ["Wang Fang", "champion", people2[0]!.id]]);
    // Sort keys are written with the names and follow a rename by a later import, for contacts and products alike.
    expect(people2.map((c) => c.nameKey)).toEqual(["li wei", "wang fang"]);
    await runImport(admin, "contacts", csv([["account_external_id", "name", "external_id"], ["A1", "王芳", "K2"]]));
    expect(await t.db.orm.select({ name: contacts.name, nameKey: contacts.nameKey }).from(contacts).where(and(eq(contacts.orgId, admin.orgId), eq(contacts.externalId, "K2"))))
      .toEqual([{ name: "王芳", nameKey: "wang fang" }]);
    await runImport(admin, "products", csv([["sku", "name"], ["P9", "螺栓"]]));
    await runImport(admin, "products", csv([["sku", "name"], ["P9", "阀门"]]));
    expect(await t.db.orm.select({ name: products.name, nameKey: products.nameKey }).from(products).where(and(eq(products.orgId, admin.orgId), eq(products.sku, "P9"))))
      .toEqual([{ name: "阀门", nameKey: "fa men" }]);

    const visits = csv([
      ["external_id", "account_external_id", "type", "occurred_at", "subject", "contact_external_ids", "user_emails"],
      ["I1", "A1", "QBR", "2024-03-01T09:30:00+08:00", "Q1 review", "K1;K2", colleague.email],
    ]);
    expect(await runImport(admin, "interactions", visits)).toMatchObject({ status: "succeeded", rowsAccepted: 1 });
    const [visit] = await t.db.orm.select().from(interactions).where(eq(interactions.orgId, admin.orgId));
    expect(visit).toMatchObject({ type: "qbr", subject: "Q1 review", accountId: acme.id });
    expect(visit!.occurredAt.toISOString()).toBe("2024-03-01T01:30:00.000Z");
    expect(await t.db.orm.select().from(interactionContacts).where(eq(interactionContacts.interactionId, visit!.id))).toHaveLength(2);
    expect(await t.db.orm.select().from(interactionUsers).where(eq(interactionUsers.interactionId, visit!.id))).toHaveLength(1);
  });

  it("reads XLSX files", async () => {
    const admin = await t.newOrgWithUser("admin");
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Products");
    sheet.addRow(["sku", "name", "list_price", "is_active"]);
    sheet.addRow(["X-1", "Gear", 12.5, true]);
    sheet.addRow(["X-2", { richText: [{ text: "Big " }, { text: "gear" }] }, { formula: "2*10", result: 20 }, "no"]);
    const content = Buffer.from(await book.xlsx.writeBuffer());
    const done = await runImport(admin, "products", content, {}, "products.xlsx");
    expect(done).toMatchObject({ status: "succeeded", rowsRead: 2, rowsAccepted: 2 });
    const rows = await t.db.orm.select().from(products).where(eq(products.orgId, admin.orgId)).orderBy(products.sku);
    expect(rows.map((p) => [p.sku, p.name, p.listPrice, p.isActive])).toEqual([["X-1", "Gear", "12.5000", true], ["X-2", "Big gear", "20.0000", false]]);
  });

  it("refuses other file types (415), unknown entities and modes (400), files over the limit (413), and members and viewers (403)", async () => {
    const admin = await t.newOrgWithUser("admin");
    expect((await upload(admin, { entity: "accounts" }, { name: "a.pdf", content: "%PDF-1.4", type: "application/pdf" })).statusCode).toBe(415);
    expect((await upload(admin, { entity: "accounts" }, { name: "a.csv", content: Buffer.from([0x41, 0, 0x42]) })).statusCode).toBe(415);
    expect((await admin.post("/api/imports", { entity: "accounts" })).statusCode).toBe(415);
    const bad = await upload(admin, { entity: "planets" }, { name: "a.csv", content: "name\nx\n" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ errors: Array<{ field: string }> }>().errors[0]!.field).toBe("entity");
    expect((await upload(admin, { entity: "accounts", mode: "some" }, { name: "a.csv", content: "name\nx\n" })).statusCode).toBe(400);
    expect(await count(accounts, admin.orgId)).toBe(0);
    for (const role of ["member", "viewer"] as const) {
      const user = await t.newUser(admin.orgId, role);
      expect((await upload(user, { entity: "accounts" }, { name: "a.csv", content: "name\nx\n" })).statusCode).toBe(403);
    }

    // The same database behind an app with a 1 KiB upload limit.
    const small = await buildApp({ database: t.db, jobs: t.jobs, config: { runJobs: false, maxUploadBytes: 1024 } });
    try {
      const login = await small.inject({ method: "POST", url: "/api/auth/login", payload: { email: admin.email, password: TEST_PASSWORD } });
      const cookie = `openkam_session=${login.cookies.find((c) => c.name === "openkam_session")!.value}`;
      const body = await multipartBody({ entity: "accounts" }, { name: "big.csv", content: "name\n" + "x".repeat(5000) + "\n" });
      const res = await small.inject({
        method: "POST", url: "/api/imports", payload: body.payload,
        headers: { cookie, "x-csrf-token": login.json<{ csrfToken: string }>().csrfToken, "content-type": body.contentType },
      });
      expect(res.statusCode).toBe(413);
      expect(res.headers["content-type"]).toMatch(/problem\+json/);
    } finally {
      await small.close();
    }
    expect(await count(accounts, admin.orgId)).toBe(0);
  });

  it("hides imports of other organizations (404) and lists an organization's imports newest first", async () => {
    const admin = await t.newOrgWithUser("admin");
    const other = await t.newOrgWithUser("admin");
    const first = await runImport(admin, "accounts", csv([["external_id", "name", "currency"], ["Q1", "One", "CNY"]]));
    const second = await runImport(admin, "accounts", csv([["external_id", "name", "currency"], ["Q2", "Two", "CNY"]]));
    for (const url of [`/api/imports/${first.id}`, `/api/imports/${first.id}/rejections`, `/api/imports/${first.id}/rejections.csv`]) {
      expect((await other.get(url)).statusCode).toBe(404);
    }
    expect((await other.get("/api/imports")).json<{ items: unknown[] }>().items).toHaveLength(0);
    const page = await admin.get("/api/imports?limit=1");
    const body = page.json<{ items: TImport[]; nextCursor: string }>();
    expect(body.items.map((i) => i.id)).toEqual([second.id]);
    const next = await admin.get(`/api/imports?limit=1&cursor=${body.nextCursor}`);
    expect(next.json<{ items: TImport[] }>().items.map((i) => i.id)).toEqual([first.id]);
  });

  it("previews a file with a guessed mapping", async () => {
    const admin = await t.newOrgWithUser("account_manager");
    const content = "\uFEFF客户名称,行业,订单日期,Region\n" + Array.from({ length: 15 }, (_, i) => `客户${i},制造,2024-01-01,East`).join("\n");
    const res = await upload(admin, { entity: "accounts" }, { name: "x.csv", content }, "/api/imports/preview");
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{ headers: string[]; rows: string[][]; guessedMapping: Record<string, string>; requiredFields: string[] }>();
    expect(body.headers).toEqual(["客户名称", "行业", "订单日期", "Region"]);
    expect(body.requiredFields).toEqual(["external_id", "name", "currency"]);
    expect(body.rows).toHaveLength(10);
    expect(body.guessedMapping).toEqual({ 客户名称: "name", 行业: "industry", Region: "region" });
  });

  it("an account manager cannot overwrite an account they cannot see", async () => {
    const admin = await t.newOrgWithUser("admin");
    await buildAccount(t.db, admin.orgId, { externalId: "SECRET", name: "Hidden" });
    const am = await t.newUser(admin.orgId, "account_manager");
    const done = await runImport(am, "accounts", csv([["external_id", "name", "currency"], ["SECRET", "Mine now", "CNY"], ["NEW", "New one", "CNY"]]), { mode: "valid-rows" });
    expect(done).toMatchObject({ rowsAccepted: 1, rowsRejected: 1 });
    const rows = await t.db.orm.select().from(accounts).where(eq(accounts.orgId, admin.orgId)).orderBy(accounts.externalId);
    expect(rows.map((r) => r.name)).toEqual(["New one", "Hidden"]);
    expect((await am.get("/api/accounts")).json<{ items: Array<{ name: string }> }>().items.map((a) => a.name)).toEqual(["New one"]);
  });
});
