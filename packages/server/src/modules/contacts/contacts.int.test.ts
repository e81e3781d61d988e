import { buildAccount } from "@openkam/db/testing/builders";
import { buildContact } from "@openkam/db/testing/builders-people";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { everyPage } from "../../testing/every-page";
import { createTestApp, type Client, type TestApp } from "../../testing/test-app";

let t: TestApp;
let admin: Client;
let accountId: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.newOrgWithUser("admin");
  accountId = (await buildAccount(t.db, admin.orgId, { name: "华东重工集团" })).id;
});
afterAll(async () => t?.close());

const create = (c: Client, body: Record<string, unknown>) => c.post("/api/contacts", { accountId, ...body });
const ids = (res: { json(): { items: Array<{ id: string }> } }) => res.json().items.map((x) => x.id);

describe("contacts", () => {
  it("lists names in the order of their letters, Chinese ones by pinyin, and follows a rename", async () => {
    const c = await t.newOrgWithUser("director");
    const account = (await buildAccount(t.db, c.orgId, { name: "Order test" })).id;
    const made: Record<string, string> = {};
    for (const name of ["张伟", "Zoe Adams", "欧阳娜娜", "Anna Li", "李娜"]) made[name] = (await c.post("/api/contacts", { accountId: account, name })).json().id;
    const names = async () => (await everyPage<{ name: string }>(c, "/api/contacts?limit=2&sort=name")).map((x) => x.name);
    // 欧阳 is read ōu yáng as a surname: among the O's.
    expect(await names()).toEqual(["Anna Li", "李娜", "欧阳娜娜", "张伟", "Zoe Adams"]);
    expect((await c.patch(`/api/contacts/${made["Zoe Adams"]}`, { name: "白雪" }, { "if-match": '"1"' })).statusCode).toBe(200);
    expect(await names()).toEqual(["Anna Li", "白雪", "李娜", "欧阳娜娜", "张伟"]);
    expect((await c.get("/api/contacts?sort=-name&limit=1")).json().items[0].name).toBe("张伟");
  });

  it("creates, reads with an ETag, and finds a contact by name or e-mail", async () => {
    const res = await create(admin, {
      name: "王晓明", title: "采购总监", department: "Procurement", email: "  wang.xm@huadong.example ", phone: "+86 21 5555 0101",
      buyingRole: "decision_maker", influence: 5, attitude: 1, notes: "Prefers WeChat", externalId: "crm-7",
    });
    expect(res.statusCode).toBe(201);
    const contact = res.json();
    expect(contact).toMatchObject({
      accountId, name: "王晓明", email: "wang.xm@huadong.example", buyingRole: "decision_maker", influence: 5, attitude: 1,
      reportsToContactId: null, externalId: "crm-7", version: 1, deletedAt: null,
    });
    expect(res.headers.location).toBe(`/api/contacts/${contact.id}`);
    expect(contact).not.toHaveProperty("orgId");

    const got = await admin.get(`/api/contacts/${contact.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.headers.etag).toBe('"1"');
    expect(ids(await admin.get(`/api/contacts?q=${encodeURIComponent("晓明")}`))).toEqual([contact.id]);
    expect(ids(await admin.get("/api/contacts?q=WANG.XM@"))).toEqual([contact.id]);
  });

  it("answers bad input with problem details per field", async () => {
    const res = await admin.post("/api/contacts", { accountId: "nope", name: " ", email: "not-an-email", buyingRole: "boss", influence: 7, attitude: -3 });
    expect(res.statusCode).toBe(400);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    const fields = res.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(["body.accountId", "body.name", "body.email", "body.buyingRole", "body.influence", "body.attitude"]));

    const unknownAccount = await create(admin, { name: "Nobody", accountId: "0190a0a0-0000-7000-8000-000000000000" });
    expect(unknownAccount.statusCode).toBe(400);
    expect(unknownAccount.json().errors).toEqual([{ field: "accountId", message: "The account does not exist" }]);

    const duplicate = await create(admin, { name: "Twin", externalId: "dup-1" });
    expect(duplicate.statusCode).toBe(201);
    const again = await create(admin, { name: "Twin", externalId: "dup-1" });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors[0].field).toBe("externalId");
  });

  it("pages through contacts with a cursor, sorted and filtered, with no duplicates or gaps", async () => {
    const c = await t.newOrgWithUser("director");
    const a1 = await buildAccount(t.db, c.orgId);
    const a2 = await buildAccount(t.db, c.orgId);
    for (let i = 0; i < 7; i++) {
      expect((await c.post("/api/contacts", { accountId: a1.id, name: `Person ${i}`, buyingRole: i % 2 ? "user" : "champion" })).statusCode).toBe(201);
    }
    await buildContact(t.db, c.orgId, a2.id, { name: "Person elsewhere" });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await c.get(`/api/contacts?accountId=${a1.id}&limit=3&sort=-name${cursor ? `&cursor=${cursor}` : ""}`);
      expect(res.statusCode).toBe(200);
      const page = res.json() as { items: Array<{ name: string }>; nextCursor: string | null };
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((x) => x.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([6, 5, 4, 3, 2, 1, 0].map((i) => `Person ${i}`));

    const champions = (await c.get(`/api/contacts?buyingRole=champion&sort=name`)).json().items.map((x: { name: string }) => x.name);
    expect(champions).toEqual(["Person 0", "Person 2", "Person 4", "Person 6"]);
    const both = await c.get(`/api/contacts?buyingRole=champion&buyingRole=user`);
    expect(both.json().items).toHaveLength(7);
    expect((await c.get("/api/contacts?cursor=garbage")).statusCode).toBe(400);
    expect((await c.get("/api/contacts?sort=email")).statusCode).toBe(400);
  });

  it("requires a version, refuses a stale If-Match with 412 and a stale body version with 409", async () => {
    const contact = (await create(admin, { name: "Versioned Contact" })).json();
    expect((await admin.patch(`/api/contacts/${contact.id}`, { title: "CFO" })).statusCode).toBe(400);
    const ok = await admin.patch(`/api/contacts/${contact.id}`, { title: "CFO" }, { "if-match": '"1"' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ title: "CFO", version: 2 });
    expect(ok.headers.etag).toBe('"2"');
    const stale = await admin.patch(`/api/contacts/${contact.id}`, { title: "CEO" }, { "if-match": '"1"' });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().current).toMatchObject({ title: "CFO", version: 2 });
    const staleBody = await admin.patch(`/api/contacts/${contact.id}`, { title: "CEO", version: 1 });
    expect(staleBody.statusCode).toBe(409);
    expect(staleBody.json().code).toBe("VERSION_CONFLICT");
    expect((await admin.get(`/api/contacts/${contact.id}`)).json().title).toBe("CFO");
  });

  it("lets exactly one of 10 concurrent updates with the same version succeed", async () => {
    const contact = (await create(admin, { name: "Race Contact" })).json();
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => admin.patch(`/api/contacts/${contact.id}`, { phone: `${i}`, version: 1 })));
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(1);
    expect(results.filter((r) => r.statusCode === 409)).toHaveLength(9);
  });

  it("soft-deletes and restores, keeping an audit trail", async () => {
    const contact = (await create(admin, { name: "Leaving Soon" })).json();
    expect((await admin.delete(`/api/contacts/${contact.id}`, { "if-match": '"7"' })).statusCode).toBe(412);
    expect((await admin.delete(`/api/contacts/${contact.id}`)).statusCode).toBe(204);
    expect((await admin.get(`/api/contacts/${contact.id}`)).statusCode).toBe(404);
    expect(ids(await admin.get("/api/contacts?limit=200"))).not.toContain(contact.id);
    expect(ids(await admin.get("/api/contacts?deleted=true"))).toContain(contact.id);
    expect((await admin.patch(`/api/contacts/${contact.id}`, { title: "x", version: 2 })).statusCode).toBe(404);

    const restored = await admin.post(`/api/contacts/${contact.id}/restore`);
    expect(restored.statusCode).toBe(200);
    expect(restored.json()).toMatchObject({ deletedAt: null, version: 3 });
    expect((await admin.post(`/api/contacts/${contact.id}/restore`)).statusCode).toBe(404);
    const history = await t.db.rows<{ action: string; entity_type: string }>(
      sql`select action, entity_type from audit_log where entity_id = ${contact.id} order by id`,
    );
    expect(history).toEqual(["create", "delete", "restore"].map((action) => ({ action, entity_type: "contact" })));
  });

  it("hides the contacts of a deleted account, and shows them again when it is restored", async () => {
    const account = (await admin.post("/api/accounts", { name: "Closing Down AG", currency: "EUR" })).json();
    const contact = (await create(admin, { accountId: account.id, name: "Last Employee" })).json();
    expect((await admin.delete(`/api/accounts/${account.id}`)).statusCode).toBe(204);
    expect((await admin.get(`/api/contacts/${contact.id}`)).statusCode).toBe(404);
    expect((await admin.get(`/api/contacts?accountId=${account.id}`)).json().items).toEqual([]);
    const moved = await create(admin, { accountId: account.id, name: "Newcomer" });
    expect(moved.json().errors?.[0]?.field).toBe("accountId");
    expect((await admin.post(`/api/accounts/${account.id}/restore`)).statusCode).toBe(200);
    expect((await admin.get(`/api/contacts/${contact.id}`)).statusCode).toBe(200);
  });
});

describe("contact reporting lines", () => {
  it("accepts a manager at the same account and refuses self, other accounts, unknown ids and cycles", async () => {
    const boss = (await create(admin, { name: "Chairman Li" })).json();
    const cfo = (await create(admin, { name: "CFO Zhao", reportsToContactId: boss.id })).json();
    expect(cfo.reportsToContactId).toBe(boss.id);
    const clerk = (await create(admin, { name: "Clerk Sun", reportsToContactId: cfo.id })).json();

    const fieldError = async (res: Promise<{ statusCode: number; json(): { errors?: Array<{ field: string; message: string }> } }>) => {
      const r = await res;
      expect(r.statusCode).toBe(400);
      expect(r.json().errors?.[0]?.field).toBe("reportsToContactId");
      return r.json().errors![0]!.message;
    };
    await fieldError(admin.patch(`/api/contacts/${boss.id}`, { reportsToContactId: boss.id, version: 1 }));
    expect(await fieldError(admin.patch(`/api/contacts/${boss.id}`, { reportsToContactId: clerk.id, version: 1 }))).toMatch(/own reports/);

    const other = await buildAccount(t.db, admin.orgId);
    const outsider = await buildContact(t.db, admin.orgId, other.id);
    expect(await fieldError(create(admin, { name: "Cross", reportsToContactId: outsider.id }))).toMatch(/same account/);

    const foreign = await t.newOrgWithUser("admin");
    const foreignContact = await buildContact(t.db, foreign.orgId, (await buildAccount(t.db, foreign.orgId)).id);
    const foreignMessage = await fieldError(create(admin, { name: "Spy", reportsToContactId: foreignContact.id }));
    const unknownMessage = await fieldError(create(admin, { name: "Ghost", reportsToContactId: "0190a0a0-0000-7000-8000-000000000001" }));
    expect(foreignMessage).toBe(unknownMessage);

    expect((await admin.get(`/api/contacts/${boss.id}`)).json()).toMatchObject({ reportsToContactId: null, version: 1 });
    const cleared = await admin.patch(`/api/contacts/${clerk.id}`, { reportsToContactId: null, version: 1 });
    expect(cleared.json().reportsToContactId).toBeNull();
  });

  it("moves a contact to another account only when nobody reports to them there", async () => {
    const target = await buildAccount(t.db, admin.orgId);
    const lead = (await create(admin, { name: "Team Lead" })).json();
    const report = (await create(admin, { name: "Team Member", reportsToContactId: lead.id })).json();
    const blocked = await admin.patch(`/api/contacts/${lead.id}`, { accountId: target.id, version: 1 });
    expect(blocked.statusCode).toBe(400);
    expect(blocked.json().errors[0].field).toBe("accountId");
    const keepsManager = await admin.patch(`/api/contacts/${report.id}`, { accountId: target.id, version: 1 });
    expect(keepsManager.json().errors[0].field).toBe("reportsToContactId");
    const moved = await admin.patch(`/api/contacts/${report.id}`, { accountId: target.id, reportsToContactId: null, version: 1 });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ accountId: target.id, reportsToContactId: null });
    expect((await admin.patch(`/api/contacts/${lead.id}`, { accountId: target.id, version: 1 })).statusCode).toBe(200);
  });
});
