import { buildAccount, buildTeamMember } from "@openkam/db/testing/builders";
import { buildProduct } from "@openkam/db/testing/builders-activity";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type Client, type TestApp } from "../../testing/test-app";

let t: TestApp;
let admin: Client;
let accountId: string;
let productA: string;
let productB: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.newOrgWithUser("admin");
  accountId = (await buildAccount(t.db, admin.orgId, { currency: "EUR" })).id;
  productA = (await buildProduct(t.db, admin.orgId)).id;
  productB = (await buildProduct(t.db, admin.orgId)).id;
});
afterAll(async () => t?.close());

const create = (c: Client, body: Record<string, unknown>) => c.post("/api/orders", { accountId, orderDate: "2025-03-14", ...body });

describe("orders", () => {
  it("creates an order with lines, computing amounts exactly, and reads it back with an ETag", async () => {
    const res = await create(admin, {
      lines: [
        { productId: productA, quantity: 3, unitPrice: "19.99" },
        { productId: productB, quantity: "1", unitPrice: "0.1" },
        { productId: productB, quantity: "1", unitPrice: "0.2" },
        { productId: productA, quantity: "1", unitPrice: "2.675" },
      ],
    });
    expect(res.statusCode).toBe(201);
    const order = res.json();
    expect(order).toMatchObject({ accountId, currency: "EUR", status: "confirmed", version: 1 });
    expect(order.lines.map((l: { amount: string }) => l.amount)).toEqual(["59.97", "0.10", "0.20", "2.68"]);
    expect(order.lines[0]).toMatchObject({ lineNo: 1, quantity: "3", unitPrice: "19.99" });
    expect(order.amount).toBe("62.95");
    expect(res.headers.location).toBe(`/api/orders/${order.id}`);

    const got = await admin.get(`/api/orders/${order.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.headers.etag).toBe('"1"');
    expect(got.json()).toEqual(order);
    const [stored] = await t.db.rows<{ amount: string }>(sql`select amount::text from orders where id = ${order.id}`);
    expect(stored!.amount).toBe("62.95");
  });

  it("takes the amount from the client when there are no lines, and checks it against lines otherwise", async () => {
    const plain = await create(admin, { amount: "1234.5", currency: "USD" });
    expect(plain.statusCode).toBe(201);
    expect(plain.json()).toMatchObject({ amount: "1234.50", currency: "USD", lines: [] });

    const missing = await create(admin, {});
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors).toEqual([{ field: "amount", message: expect.any(String) }]);

    const mismatch = await create(admin, { amount: "10.00", lines: [{ productId: productA, quantity: 1, unitPrice: "9.99" }] });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().errors[0].field).toBe("amount");
    const agreeing = await create(admin, { amount: 9.99, lines: [{ productId: productA, quantity: 1, unitPrice: "9.99" }] });
    expect(agreeing.statusCode).toBe(201);
  });

  it("answers bad input with problem details per field", async () => {
    const res = await admin.post("/api/orders", {
      accountId: "nope", orderDate: "2025-02-30", currency: "euro",
      lines: [{ productId: productA, quantity: 0, unitPrice: "-1" }, { productId: productA, quantity: "1.23456", unitPrice: "1" }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    const fields = res.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining([
      "body.accountId", "body.orderDate", "body.currency", "body.lines.0.quantity", "body.lines.0.unitPrice", "body.lines.1.quantity",
    ]));

    const other = await t.newOrgWithUser("admin");
    const foreignProduct = (await buildProduct(t.db, other.orgId)).id;
    const unknown = await create(admin, { lines: [{ productId: productA, quantity: 1, unitPrice: 1 }, { productId: foreignProduct, quantity: 1, unitPrice: 1 }] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toEqual([{ field: "lines.1.productId", message: "The product does not exist" }]);
  });

  it("updates header fields and replaces lines with versions: 412 for a stale If-Match, 409 for a stale body version", async () => {
    const order = (await create(admin, { lines: [{ productId: productA, quantity: 2, unitPrice: "10.005" }] })).json();
    expect(order.amount).toBe("20.01");
    const patched = await admin.patch(`/api/orders/${order.id}`, { notes: "Rush", lines: [{ productId: productB, quantity: "0.5", unitPrice: "0.01" }] }, { "if-match": '"1"' });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ notes: "Rush", amount: "0.01", version: 2, lines: [{ productId: productB, amount: "0.01" }] });
    expect(patched.headers.etag).toBe('"2"');

    const stale = await admin.patch(`/api/orders/${order.id}`, { notes: "Late" }, { "if-match": '"1"' });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().current).toMatchObject({ notes: "Rush", version: 2 });
    const staleBody = await admin.patch(`/api/orders/${order.id}`, { notes: "Late", version: 1 });
    expect(staleBody.statusCode).toBe(409);
    expect(staleBody.json().code).toBe("VERSION_CONFLICT");
    expect((await admin.patch(`/api/orders/${order.id}`, { notes: "Late" })).statusCode).toBe(400);

    const directAmount = await admin.patch(`/api/orders/${order.id}`, { amount: "99.00", version: 2 });
    expect(directAmount.statusCode).toBe(400);
    expect(directAmount.json().errors[0].field).toBe("amount");
    const cleared = await admin.patch(`/api/orders/${order.id}`, { lines: [], amount: "99", status: "cancelled", version: 2 });
    expect(cleared.json()).toMatchObject({ amount: "99.00", status: "cancelled", lines: [], version: 3 });
    expect((await admin.get(`/api/orders/${order.id}`)).json().lines).toEqual([]);
  });

  it("lets exactly one of 10 concurrent updates with the same version succeed", async () => {
    const order = (await create(admin, { amount: "1" })).json();
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => admin.patch(`/api/orders/${order.id}`, { notes: `n${i}`, version: 1 })));
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(1);
    expect(results.filter((r) => r.statusCode === 409)).toHaveLength(9);
  });

  it("pages, sorts and filters the list", async () => {
    const c = await t.newOrgWithUser("director");
    const acc = (await buildAccount(t.db, c.orgId, { name: "Listed Orders AG" })).id;
    const other = (await buildAccount(t.db, c.orgId, { name: "Other Orders Ltd" })).id;
    const amounts = ["5.00", "100.00", "20.50", "20.05", "7.00", "300.00", "0.99"];
    for (const [i, amount] of amounts.entries()) {
      const res = await c.post("/api/orders", { accountId: acc, orderDate: `2024-0${i + 1}-10`, amount, status: i === 6 ? "cancelled" : "confirmed" });
      expect(res.statusCode).toBe(201);
    }
    await c.post("/api/orders", { accountId: other, orderDate: "2024-01-01", amount: "1" });

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await c.get(`/api/orders?accountId=${acc}&limit=3&sort=-amount${cursor ? `&cursor=${cursor}` : ""}`);
      expect(res.statusCode).toBe(200);
      const page = res.json() as { items: Array<{ amount: string; accountName: string; lineCount: number }>; nextCursor: string | null };
      seen.push(...page.items.map((o) => o.amount));
      expect(page.items.every((o) => o.accountName === "Listed Orders AG")).toBe(true);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(["300.00", "100.00", "20.50", "20.05", "7.00", "5.00", "0.99"]);

    const ranged = (await c.get(`/api/orders?accountId=${acc}&from=2024-02-10&to=2024-04-10&sort=orderDate`)).json();
    expect(ranged.items.map((o: { orderDate: string }) => o.orderDate)).toEqual(["2024-02-10", "2024-03-10", "2024-04-10"]);
    const cancelled = (await c.get("/api/orders?status=cancelled")).json();
    expect(cancelled.items.map((o: { amount: string }) => o.amount)).toEqual(["0.99"]);
    const all = (await c.get("/api/orders?sort=-orderDate")).json().items as Array<{ accountId: string; accountName: string }>;
    expect(all).toHaveLength(8);
    // One name per order, from its own account (a join, not a lookup per row).
    expect(all.map((o) => [o.accountId, o.accountName]).filter(([id]) => id === other)).toEqual([[other, "Other Orders Ltd"]]);
    expect(new Set(all.map((o) => o.accountName))).toEqual(new Set(["Listed Orders AG", "Other Orders Ltd"]));
    expect((await c.get("/api/orders?cursor=garbage")).statusCode).toBe(400);
  });

  it("soft-deletes and restores within 30 days, keeping an audit trail", async () => {
    const order = (await create(admin, { amount: "42" })).json();
    expect((await admin.delete(`/api/orders/${order.id}`)).statusCode).toBe(204);
    expect((await admin.get(`/api/orders/${order.id}`)).statusCode).toBe(404);
    expect((await admin.get(`/api/orders?accountId=${accountId}`)).json().items.map((o: { id: string }) => o.id)).not.toContain(order.id);
    expect((await admin.get("/api/orders?deleted=true")).json().items.map((o: { id: string }) => o.id)).toContain(order.id);

    const restored = await admin.post(`/api/orders/${order.id}/restore`);
    expect(restored.statusCode).toBe(200);
    expect(restored.json()).toMatchObject({ deletedAt: null, amount: "42.00" });
    expect((await admin.post(`/api/orders/${order.id}/restore`)).statusCode).toBe(404);

    const history = await t.db.rows<{ action: string }>(sql`select action from audit_log where entity_id = ${order.id} order by id`);
    expect(history.map((h) => h.action)).toEqual(["create", "delete", "restore"]);

    expect((await admin.delete(`/api/orders/${order.id}`)).statusCode).toBe(204);
    await t.db.rows(sql`update orders set deleted_at = now() - interval '31 days' where id = ${order.id}`);
    expect((await admin.post(`/api/orders/${order.id}/restore`)).statusCode).toBe(404);
    expect((await admin.get("/api/orders?deleted=true")).json().items.map((o: { id: string }) => o.id)).not.toContain(order.id);
  });

  it("keeps viewers read-only and account managers to the orders of their accounts", async () => {
    const order = (await create(admin, { amount: "10" })).json();
    const viewer = await t.newUser(admin.orgId, "viewer");
    expect((await viewer.post("/api/orders", { accountId, orderDate: "2025-01-01", amount: "1" })).statusCode).toBe(403);

    const manager = await t.newUser(admin.orgId, "account_manager");
    expect((await manager.get(`/api/orders/${order.id}`)).statusCode).toBe(404);
    expect((await manager.get("/api/orders")).json().items).toEqual([]);
    expect((await manager.patch(`/api/orders/${order.id}`, { notes: "x", version: 1 })).statusCode).toBe(404);
    expect((await manager.delete(`/api/orders/${order.id}`)).statusCode).toBe(404);
    const refused = await manager.post("/api/orders", { accountId, orderDate: "2025-01-01", amount: "1" });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].field).toBe("accountId");

    await buildTeamMember(t.db, admin.orgId, accountId, manager.userId);
    expect((await manager.get(`/api/orders/${order.id}`)).statusCode).toBe(200);
    expect((await manager.get(`/api/orders?accountId=${accountId}`)).json().items.length).toBeGreaterThan(0);
    expect((await manager.post("/api/orders", { accountId, orderDate: "2025-01-01", amount: "1" })).statusCode).toBe(201);
  });

  it("never lets another organization read, list, change, delete or restore an order", async () => {
    const order = (await create(admin, { amount: "500", lines: [] })).json();
    const intruder = await t.newOrgWithUser("admin");
    expect((await intruder.get(`/api/orders/${order.id}`)).statusCode).toBe(404);
    expect((await intruder.get("/api/orders")).json().items).toEqual([]);
    expect((await intruder.get(`/api/orders?accountId=${accountId}`)).json().items).toEqual([]);
    expect((await intruder.patch(`/api/orders/${order.id}`, { notes: "mine", version: 1 })).statusCode).toBe(404);
    expect((await intruder.delete(`/api/orders/${order.id}`)).statusCode).toBe(404);
    expect((await intruder.post(`/api/orders/${order.id}/restore`)).statusCode).toBe(404);
    expect((await intruder.post("/api/orders", { accountId, orderDate: "2025-01-01", amount: "1" })).statusCode).toBe(400);
    expect((await admin.get(`/api/orders/${order.id}`)).json()).toEqual(order);
  });
});
