import { buildAccount, buildTeamMember } from "@openkam/db/testing/builders";
import { buildContact } from "@openkam/db/testing/builders-people";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type Client, type TestApp } from "../../testing/test-app";

let t: TestApp;
let admin: Client;
let colleague: Client;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.newOrgWithUser("admin");
  colleague = await t.newUser(admin.orgId, "member");
});
afterAll(async () => t?.close());

const rel = (contactId: string, userId: string) => `/api/contacts/${contactId}/relationships/${userId}`;
const relationshipsOf = async (contactId: string) =>
  t.db.rows<{ user_id: string; strength: number; notes: string | null }>(sql`select user_id, strength, notes from stakeholder_relationships where contact_id = ${contactId} order by user_id`);
const managerOf = async (client: Client, id: string) => (await client.get(`/api/contacts/${id}`)).json().reportsToContactId as string | null;

/** A small chart: boss ← lead ← (ann, ben); our two people know the lead. */
async function chart() {
  const account = await buildAccount(t.db, admin.orgId);
  const boss = await buildContact(t.db, admin.orgId, account.id, { name: "Bo Boss" });
  const lead = await buildContact(t.db, admin.orgId, account.id, { name: "Lea Lead", reportsToContactId: boss.id });
  const ann = await buildContact(t.db, admin.orgId, account.id, { name: "Ann Analyst", reportsToContactId: lead.id });
  const ben = await buildContact(t.db, admin.orgId, account.id, { name: "Ben Buyer", reportsToContactId: lead.id });
  expect((await admin.put(rel(lead.id, admin.userId), { strength: 4, notes: "Lunch" })).statusCode).toBe(201);
  expect((await admin.put(rel(lead.id, colleague.userId), { strength: 2 })).statusCode).toBe(201);
  return { account, boss, lead, ann, ben };
}

describe("deleting a contact who owns relationships", () => {
  it("refuses with 409 and the counts until the caller says what becomes of them, and deletes a contact without any at once", async () => {
    const { account, lead } = await chart();
    const res = await admin.delete(`/api/contacts/${lead.id}`);
    expect(res.statusCode).toBe(409);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(res.json()).toMatchObject({ code: "CONTACT_HAS_RELATIONSHIPS", current: { relationships: 2, directReports: 2 } });
    expect(res.json().detail).toContain("Lea Lead");
    expect((await admin.get(`/api/contacts/${lead.id}`)).json().deletedAt).toBeNull();

    const loner = await buildContact(t.db, admin.orgId, account.id);
    expect((await admin.delete(`/api/contacts/${loner.id}`)).statusCode).toBe(204);
  });

  it("with relationships=delete drops the relationships and moves the reports up to the contact's manager, audited", async () => {
    const { boss, lead, ann, ben } = await chart();
    expect((await admin.delete(`/api/contacts/${lead.id}?relationships=delete`)).statusCode).toBe(204);
    expect(await relationshipsOf(lead.id)).toEqual([]);
    expect(await managerOf(admin, ann.id)).toBe(boss.id);
    expect(await managerOf(admin, ben.id)).toBe(boss.id);
    const audit = await t.db.rows<{ action: string; entity_type: string; entity_id: string }>(
      sql`select action, entity_type, entity_id from audit_log where entity_id in (${lead.id}, ${ann.id}, ${ben.id}) and actor_user_id = ${admin.userId} and action <> 'create' order by id`,
    );
    expect(audit.map((a) => `${a.action} ${a.entity_type}`)).toEqual([
      "delete stakeholder_relationship", "delete stakeholder_relationship", "update contact", "update contact", "delete contact",
    ]);
  });

  it("with relationships=transfer moves relationships (merging with existing ones) and direct reports to the successor in one go", async () => {
    const { account, boss, lead, ann, ben } = await chart();
    const heir = await buildContact(t.db, admin.orgId, account.id, { name: "Hal Heir", reportsToContactId: boss.id });
    expect((await admin.put(rel(heir.id, admin.userId), { strength: 5, notes: "Old friend" })).statusCode).toBe(201);

    expect((await admin.delete(`/api/contacts/${lead.id}?relationships=transfer&to=${heir.id}`)).statusCode).toBe(204);
    expect(await relationshipsOf(lead.id)).toEqual([]);
    const moved = await relationshipsOf(heir.id);
    expect(moved).toEqual(expect.arrayContaining([
      { user_id: admin.userId, strength: 5, notes: "Old friend\n\nLunch" },
      { user_id: colleague.userId, strength: 2, notes: null },
    ]));
    expect(moved).toHaveLength(2);
    expect(await managerOf(admin, ann.id)).toBe(heir.id);
    expect(await managerOf(admin, ben.id)).toBe(heir.id);

    const map = (await admin.get(`/api/accounts/${account.id}/stakeholder-map`)).json();
    expect(map.contacts.map((c: { name: string }) => c.name)).not.toContain("Lea Lead");
  });

  it("lets a direct report take over, who then steps into the contact's place", async () => {
    const { boss, lead, ann, ben } = await chart();
    expect((await admin.delete(`/api/contacts/${lead.id}?relationships=transfer&to=${ann.id}`)).statusCode).toBe(204);
    expect(await managerOf(admin, ann.id)).toBe(boss.id);
    expect(await managerOf(admin, ben.id)).toBe(ann.id);
    expect((await relationshipsOf(ann.id)).map((r) => r.user_id).sort()).toEqual([admin.userId, colleague.userId].sort());
  });

  it("refuses a successor who is missing, the contact itself, at another account, another organization's, or further down the chart, and changes nothing", async () => {
    const { lead, ann } = await chart();
    const deeper = await buildContact(t.db, admin.orgId, lead.accountId, { name: "Dee Deeper", reportsToContactId: ann.id });
    const elsewhere = await buildContact(t.db, admin.orgId, (await buildAccount(t.db, admin.orgId)).id);
    const stranger = await t.newOrgWithUser("admin");
    const foreign = await buildContact(t.db, stranger.orgId, (await buildAccount(t.db, stranger.orgId)).id);
    const cases: Array<[string, RegExp]> = [
      [lead.id, /another contact/],
      [elsewhere.id, /same account/],
      [foreign.id, /does not exist/],
      ["0190a0a0-0000-7000-8000-000000000000", /does not exist/],
      [deeper.id, /Dee Deeper reports to Lea Lead through someone else/],
    ];
    for (const [to, message] of cases) {
      const res = await admin.delete(`/api/contacts/${lead.id}?relationships=transfer&to=${to}`);
      expect(res.statusCode, to).toBe(400);
      expect(res.json().errors).toEqual([{ field: "to", message: expect.stringMatching(message) }]);
    }
    expect((await relationshipsOf(lead.id))).toHaveLength(2);
    expect(await managerOf(admin, ann.id)).toBe(lead.id);
    expect((await admin.get(`/api/contacts/${lead.id}`)).json().deletedAt).toBeNull();
  });

  it("answers hostile or incomplete queries with 400 problem+json, never a 500", async () => {
    const { lead } = await chart();
    for (const query of ["relationships=transfer", "relationships=keep", "relationships=transfer&to=not-a-uuid", "relationships=delete&evil=1", `relationships=${"x".repeat(5000)}`]) {
      const res = await admin.delete(`/api/contacts/${lead.id}?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.headers["content-type"]).toContain("application/problem+json");
    }
  });

  it("keeps viewers and other organizations out", async () => {
    const { account, lead } = await chart();
    const viewer = await t.newUser(admin.orgId, "viewer");
    await buildTeamMember(t.db, admin.orgId, account.id, viewer.userId);
    expect((await viewer.delete(`/api/contacts/${lead.id}?relationships=delete`)).statusCode).toBe(403);
    const intruder = await t.newOrgWithUser("admin");
    expect((await intruder.delete(`/api/contacts/${lead.id}?relationships=delete`)).statusCode).toBe(404);
    expect(await relationshipsOf(lead.id)).toHaveLength(2);
  });
});
