import { buildAccount } from "@openkam/db/testing/builders";
import { buildProduct } from "@openkam/db/testing/builders-people";
import { newId, orderLines, orders } from "@openkam/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { everyPage } from "../../testing/every-page";
import { createTestApp, type Client, type TestApp } from "../../testing/test-app";

let t: TestApp;
let admin: Client;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.newOrgWithUser("admin");
});
afterAll(async () => t?.close());

const create = (c: Client, body: Record<string, unknown>) => c.post("/api/products", { name: "Servo motor", ...body });
const ids = (res: { json(): { items: Array<{ id: string }> } }) => res.json().items.map((x) => x.id);

/** Puts the product on an order line of a new order in the organization. */
async function sell(orgId: string, productId: string) {
  const account = await buildAccount(t.db, orgId);
  const orderId = newId();
  await t.db.orm.insert(orders).values({ orgId, id: orderId, accountId: account.id, orderDate: "2025-03-01", currency: "CNY", amount: "200.00" });
  await t.db.orm.insert(orderLines).values({ orgId, orderId, lineNo: 1, productId, quantity: "2", unitPrice: "100", amount: "200.00" });
}

describe("products", () => {
  it("lists names in the order of their letters, Chinese ones by pinyin, and follows a rename", async () => {
    const c = await t.newOrgWithUser("director");
    const made: Record<string, string> = {};
    for (const [i, name] of ["螺栓 M8", "Zinc plate", "阀门 DN50", "Anchor bolt"].entries()) made[name] = (await create(c, { sku: `ORD-${i}`, name })).json().id;
    const names = async (query = "limit=2&sort=name") => (await everyPage<{ name: string }>(c, `/api/products?${query}`)).map((p) => p.name);
    expect(await names()).toEqual(["Anchor bolt", "阀门 DN50", "螺栓 M8", "Zinc plate"]);
    expect((await c.patch(`/api/products/${made["Zinc plate"]}`, { name: "齿轮", version: 1 })).statusCode).toBe(200);
    expect(await names()).toEqual(["Anchor bolt", "齿轮", "阀门 DN50", "螺栓 M8"]);
    expect(await names("sort=-name&limit=3")).toEqual(["螺栓 M8", "阀门 DN50", "齿轮", "Anchor bolt"]);
  });

  it("creates, reads with an ETag and lists a product with an exact price", async () => {
    const res = await create(admin, { sku: "SRV-100", name: "伺服电机 100W", category: "Motion", unit: "piece", listPrice: "1299.5", currency: "CNY" });
    expect(res.statusCode).toBe(201);
    const product = res.json();
    expect(product).toMatchObject({ sku: "SRV-100", name: "伺服电机 100W", category: "Motion", unit: "piece", listPrice: "1299.50", currency: "CNY", isActive: true, version: 1 });
    expect(res.headers.location).toBe(`/api/products/${product.id}`);
    const got = await admin.get(`/api/products/${product.id}`);
    expect(got.headers.etag).toBe('"1"');
    expect(got.json()).toEqual(product);
    expect(ids(await admin.get(`/api/products?q=${encodeURIComponent("伺服")}`))).toEqual([product.id]);

    const big = await create(admin, { sku: "BIG-1", listPrice: "12345678901234.5678", currency: "USD" });
    expect(big.json()).toMatchObject({ listPrice: "12345678901234.5678", unit: "each" });
  });

  it("answers bad input with problem details per field", async () => {
    const res = await admin.post("/api/products", { sku: "has space", name: "", listPrice: "-1", currency: "yuan", isActive: "yes" });
    expect(res.statusCode).toBe(400);
    const fields = res.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(["body.sku", "body.name", "body.listPrice", "body.currency", "body.isActive"]));
    expect((await create(admin, { sku: "P-5DEC", listPrice: "1.23456", currency: "CNY" })).json().errors[0].field).toBe("body.listPrice");

    const noCurrency = await create(admin, { sku: "NO-CUR", listPrice: "10" });
    expect(noCurrency.statusCode).toBe(400);
    expect(noCurrency.json().errors[0].field).toBe("currency");
  });

  it("keeps SKUs unique within an organization only", async () => {
    const first = (await create(admin, { sku: "UNIQ-1" })).json();
    const dup = await create(admin, { sku: "UNIQ-1", name: "Copy" });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: "ALREADY_EXISTS", errors: [{ field: "sku" }] });
    const second = (await create(admin, { sku: "UNIQ-2" })).json();
    const rename = await admin.patch(`/api/products/${second.id}`, { sku: "UNIQ-1", version: 1 });
    expect(rename.statusCode).toBe(409);
    expect(rename.json().errors[0].field).toBe("sku");

    const other = await t.newOrgWithUser("director");
    expect((await create(other, { sku: "UNIQ-1" })).statusCode).toBe(201);
    expect((await admin.get(`/api/products/${first.id}`)).json().name).toBe("Servo motor");
  });

  it("pages through products with a cursor and filters by category, activity and text", async () => {
    const c = await t.newOrgWithUser("director");
    for (let i = 0; i < 7; i++) await buildProduct(t.db, c.orgId, { sku: `K-${i}`, name: `Item ${6 - i}`, category: i < 4 ? "Valves" : "Pumps", isActive: i !== 2 });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = (await c.get(`/api/products?limit=2&sort=sku${cursor ? `&cursor=${cursor}` : ""}`)).json() as { items: Array<{ sku: string }>; nextCursor: string | null };
      seen.push(...page.items.map((p) => p.sku));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(["K-0", "K-1", "K-2", "K-3", "K-4", "K-5", "K-6"]);

    const skus = async (query: string) => (await c.get(`/api/products?${query}`)).json().items.map((p: { sku: string }) => p.sku);
    expect(await skus("category=Valves&isActive=true&sort=-name")).toEqual(["K-0", "K-1", "K-3"]);
    expect(await skus("isActive=false")).toEqual(["K-2"]);
    expect(await skus("q=k-5")).toEqual(["K-5"]);
    expect(await skus("sort=name&limit=3")).toEqual(["K-6", "K-5", "K-4"]);
  });

  it("refuses a stale If-Match with 412 and a stale body version with 409", async () => {
    const product = (await create(admin, { sku: "VER-1" })).json();
    expect((await admin.patch(`/api/products/${product.id}`, { name: "x" })).statusCode).toBe(400);
    const ok = await admin.patch(`/api/products/${product.id}`, { isActive: false, listPrice: null }, { "if-match": '"1"' });
    expect(ok.json()).toMatchObject({ isActive: false, version: 2 });
    const stale = await admin.patch(`/api/products/${product.id}`, { name: "Late" }, { "if-match": '"1"' });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().current).toMatchObject({ isActive: false, version: 2 });
    expect((await admin.patch(`/api/products/${product.id}`, { name: "Late", version: 1 })).json().code).toBe("VERSION_CONFLICT");
    const priceOnly = await admin.patch(`/api/products/${product.id}`, { listPrice: "5", version: 2 });
    expect(priceOnly.json().errors[0].field).toBe("currency");
  });

  it("deletes an unused product but refuses one that is on orders", async () => {
    const unused = (await create(admin, { sku: "DEL-1" })).json();
    expect((await admin.delete(`/api/products/${unused.id}`, { "if-match": '"9"' })).statusCode).toBe(412);
    expect((await admin.delete(`/api/products/${unused.id}`)).statusCode).toBe(204);
    expect((await admin.get(`/api/products/${unused.id}`)).statusCode).toBe(404);

    const sold = (await create(admin, { sku: "DEL-2" })).json();
    await sell(admin.orgId, sold.id);
    const refused = await admin.delete(`/api/products/${sold.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: "CONFLICT" });
    expect(refused.json().detail).toMatch(/deactivate/);
    expect((await admin.get(`/api/products/${sold.id}`)).statusCode).toBe(200);

    const history = await t.db.rows<{ action: string }>(sql`select action from audit_log where entity_id = ${unused.id} and entity_type = 'product' order by id`);
    expect(history.map((h) => h.action)).toEqual(["create", "delete"]);
  });
});

describe("products by role and across organizations", () => {
  it("lets everyone read the catalogue and only directors and admins change it", async () => {
    const product = await buildProduct(t.db, admin.orgId, { sku: "ROLE-1", name: "Role test" });
    for (const role of ["account_manager", "member", "viewer"] as const) {
      const c = await t.newUser(admin.orgId, role);
      expect((await c.get(`/api/products/${product.id}`)).statusCode).toBe(200);
      expect(ids(await c.get("/api/products?q=ROLE-1"))).toEqual([product.id]);
      const attempts = [
        await create(c, { sku: `ROLE-${role}` }),
        await c.patch(`/api/products/${product.id}`, { name: "Changed", version: 1 }),
        await c.delete(`/api/products/${product.id}`),
      ];
      expect(attempts.map((r) => [r.statusCode, r.json().code])).toEqual(Array(3).fill([403, "FORBIDDEN"]));
    }
    const director = await t.newUser(admin.orgId, "director");
    expect((await director.patch(`/api/products/${product.id}`, { name: "By director", version: 1 })).statusCode).toBe(200);
  });

  it("answers 404 to another organization's admin and leaves the product unchanged", async () => {
    const product = (await create(admin, { sku: "SECRET-1", name: "Org A only" })).json();
    const intruder = await t.newOrgWithUser("admin");
    expect((await intruder.get(`/api/products/${product.id}`)).statusCode).toBe(404);
    expect(ids(await intruder.get("/api/products?limit=200"))).toEqual([]);
    expect((await intruder.patch(`/api/products/${product.id}`, { name: "Hacked", version: 1 })).statusCode).toBe(404);
    expect((await intruder.patch(`/api/products/${product.id}`, { name: "Hacked" }, { "if-match": '"1"' })).statusCode).toBe(404);
    expect((await intruder.delete(`/api/products/${product.id}`)).statusCode).toBe(404);
    expect((await admin.get(`/api/products/${product.id}`)).json()).toMatchObject({ name: "Org A only", version: 1 });
  });
});
