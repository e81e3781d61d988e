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

const create = (c: Client, body: Record<string, unknown>) => c.post("/api/accounts", { currency: "CNY", ...body });

describe("accounts", () => {
  it("creates, reads with an ETag, and lists an account", async () => {
    const res = await create(admin, { name: "上海华信精密机械有限公司", tier: "strategic", tags: ["制造"], country: "cn" });
    expect(res.statusCode).toBe(201);
    const account = res.json();
    expect(account).toMatchObject({ name: "上海华信精密机械有限公司", tier: "strategic", country: "CN", version: 1, ownerUserId: admin.userId });
    expect(res.headers.location).toBe(`/api/accounts/${account.id}`);

    const got = await admin.get(`/api/accounts/${account.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.headers.etag).toBe('"1"');

    const list = await admin.get(`/api/accounts?q=${encodeURIComponent("华信")}`);
    expect(list.json().items.map((a: { id: string }) => a.id)).toEqual([account.id]);
  });

  it("answers bad input with problem details per field", async () => {
    const res = await admin.post("/api/accounts", { name: "", currency: "yuan", tier: "gold" });
    expect(res.statusCode).toBe(400);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    const fields = res.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(["body.name", "body.currency", "body.tier"]));
  });

  it("pages through accounts with a cursor, sorted, with no duplicates or gaps", async () => {
    const c = await t.newOrgWithUser("director");
    for (let i = 0; i < 7; i++) expect((await create(c, { name: `Page test ${String(i).padStart(2, "0")}` })).statusCode).toBe(201);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await c.get(`/api/accounts?limit=3&sort=-name${cursor ? `&cursor=${cursor}` : ""}`);
      expect(res.statusCode).toBe(200);
      const page = res.json() as { items: Array<{ name: string }>; nextCursor: string | null };
      seen.push(...page.items.map((a) => a.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...Array(7).keys()].map((i) => `Page test ${String(6 - i).padStart(2, "0")}`));
    expect((await c.get("/api/accounts?cursor=garbage")).statusCode).toBe(400);
  });

  it("lists names in the order of their letters, Chinese ones by pinyin, and follows a rename", async () => {
    const c = await t.newOrgWithUser("director");
    const ids: Record<string, string> = {};
    for (const name of ["重庆长安汽车", "Zeta GmbH", "北京天成", "Acme Tools", "阿里巴巴"]) ids[name] = (await create(c, { name })).json().id;
    const names = async () => (await everyPage<{ name: string }>(c, "/api/accounts?limit=2&sort=name")).map((a) => a.name);
    // 重庆 reads chóng qìng here: under C, not under Z.
    expect(await names()).toEqual(["阿里巴巴", "Acme Tools", "北京天成", "重庆长安汽车", "Zeta GmbH"]);
    expect((await c.patch(`/api/accounts/${ids["Zeta GmbH"]}`, { name: "安徽建工" }, { "if-match": '"1"' })).statusCode).toBe(200);
    expect(await names()).toEqual(["阿里巴巴", "Acme Tools", "安徽建工", "北京天成", "重庆长安汽车"]);
    expect((await c.get("/api/accounts?sort=-name&limit=1")).json().items[0].name).toBe("重庆长安汽车");
  });

  it("refuses a stale If-Match with 412 and a stale body version with 409, returning the current record", async () => {
    const account = (await create(admin, { name: "Versioned Ltd" })).json();
    const ok = await admin.patch(`/api/accounts/${account.id}`, { industry: "Energy" }, { "if-match": '"1"' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().version).toBe(2);
    const stale = await admin.patch(`/api/accounts/${account.id}`, { industry: "Retail" }, { "if-match": '"1"' });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().current).toMatchObject({ industry: "Energy", version: 2 });
    const staleBody = await admin.patch(`/api/accounts/${account.id}`, { industry: "Retail", version: 1 });
    expect(staleBody.statusCode).toBe(409);
    expect(staleBody.json().code).toBe("VERSION_CONFLICT");
    expect((await admin.patch(`/api/accounts/${account.id}`, { industry: "Retail" })).statusCode).toBe(400);
  });

  it("lets exactly one of 20 concurrent updates with the same version succeed", async () => {
    const account = (await create(admin, { name: "Race Co" })).json();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => admin.patch(`/api/accounts/${account.id}`, { region: `R${i}`, version: 1 })),
    );
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(19);
    expect((await admin.get(`/api/accounts/${account.id}`)).json().version).toBe(2);
  });

  it("soft-deletes and restores, keeping an audit trail", async () => {
    const account = (await create(admin, { name: "Deleted Soon GmbH" })).json();
    expect((await admin.delete(`/api/accounts/${account.id}`)).statusCode).toBe(204);
    expect((await admin.get(`/api/accounts/${account.id}`)).statusCode).toBe(404);
    const trash = (await admin.get("/api/accounts?deleted=true")).json();
    expect(trash.items.map((a: { id: string }) => a.id)).toContain(account.id);
    const restored = await admin.post(`/api/accounts/${account.id}/restore`);
    expect(restored.statusCode).toBe(200);
    expect(restored.json().deletedAt).toBeNull();
    const history = await t.db.rows<{ action: string }>(
      (await import("drizzle-orm")).sql`select action from audit_log where entity_id = ${account.id} order by id`,
    );
    expect(history.map((h) => h.action)).toEqual(["create", "delete", "restore"]);
  });

  it("refuses to make an account its own ancestor", async () => {
    const parent = (await create(admin, { name: "Group Holding" })).json();
    const child = (await create(admin, { name: "Group Subsidiary", parentAccountId: parent.id })).json();
    const res = await admin.patch(`/api/accounts/${parent.id}`, { parentAccountId: child.id, version: parent.version });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe("parentAccountId");
  });
});
