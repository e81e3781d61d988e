import { interactionContacts, memberships } from "@openkam/db";
import { buildAccount, buildTeamMember } from "@openkam/db/testing/builders";
import { buildInteraction } from "@openkam/db/testing/builders-activity";
import { buildContact } from "@openkam/db/testing/builders-people";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type Client, type TestApp } from "../../testing/test-app";

let t: TestApp;
let admin: Client;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.newOrgWithUser("admin");
});
afterAll(async () => t?.close());

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);
const rel = (contactId: string, userId: string) => `/api/contacts/${contactId}/relationships/${userId}`;
const codes = (res: { json(): { coverage: Array<{ code: string }> } }) => res.json().coverage.map((w) => w.code);

describe("stakeholder map", () => {
  it("shows each contact's relationships and last meeting, and warns of the gaps in coverage", async () => {
    const account = await buildAccount(t.db, admin.orgId, { name: "Single Thread AG" });
    const boss = await buildContact(t.db, admin.orgId, account.id, { name: "Anna Boss", buyingRole: "decision_maker", influence: 5 });
    const fan = await buildContact(t.db, admin.orgId, account.id, { name: "Bert Fan", buyingRole: "champion", attitude: -1, reportsToContactId: boss.id });
    const user = await buildContact(t.db, admin.orgId, account.id, { name: "Carl User", buyingRole: "user", influence: 2, reportsToContactId: fan.id });
    const met = daysAgo(10);
    expect((await admin.put(rel(user.id, admin.userId), { strength: 4, lastMetAt: met.toISOString(), notes: "Golf" })).statusCode).toBe(201);

    const map = await admin.get(`/api/accounts/${account.id}/stakeholder-map`);
    expect(map.statusCode).toBe(200);
    expect(map.json().contacts.map((c: { name: string }) => c.name)).toEqual(["Anna Boss", "Bert Fan", "Carl User"]);
    expect(map.json().contacts[2]).toMatchObject({
      id: user.id, buyingRole: "user", influence: 2, reportsToContactId: fan.id, lastMetAt: met.toISOString(),
      relationships: [{ userId: admin.userId, strength: 4, lastMetAt: met.toISOString(), userName: expect.any(String) }],
    });
    expect(map.json().coverage).toEqual([
      { code: "no_decision_maker_contact", contactIds: [boss.id], userIds: [] },
      { code: "no_champion", contactIds: [fan.id], userIds: [] },
      { code: "key_contact_not_met", contactIds: [boss.id], userIds: [] },
      { code: "single_threaded", contactIds: [boss.id, fan.id, user.id], userIds: [admin.userId] },
    ]);

    const meeting = await buildInteraction(t.db, admin.orgId, account.id, { occurredAt: daysAgo(3) });
    const planned = await buildInteraction(t.db, admin.orgId, account.id, { occurredAt: new Date(Date.now() + 5 * DAY) });
    await t.db.orm.insert(interactionContacts).values([
      { orgId: admin.orgId, interactionId: meeting.id, contactId: boss.id },
      { orgId: admin.orgId, interactionId: planned.id, contactId: fan.id },
    ]);
    const colleague = await t.newUser(admin.orgId, "member");
    expect((await admin.put(rel(boss.id, colleague.userId), { strength: 2 })).statusCode).toBe(201);
    expect((await admin.patch(`/api/contacts/${fan.id}`, { attitude: 1, version: 1 })).statusCode).toBe(200);

    const after = (await admin.get(`/api/accounts/${account.id}/stakeholder-map`)).json();
    expect(after.contacts[0].lastMetAt).toBe(meeting.occurredAt.toISOString());
    expect(after.contacts[1].lastMetAt).toBeNull();
    expect(after.coverage).toEqual([]);

    await t.db.orm.update(memberships).set({ isActive: false }).where(and(eq(memberships.orgId, admin.orgId), eq(memberships.userId, colleague.userId)));
    const left = await admin.get(`/api/accounts/${account.id}/stakeholder-map`);
    expect(codes(left)).toEqual(["single_threaded"]);
    expect(left.json().contacts[0].relationships).toEqual([]);
  });

  it("answers an account of 200 contacts within two seconds", async () => {
    const account = await buildAccount(t.db, admin.orgId);
    for (let i = 0; i < 200; i++) await buildContact(t.db, admin.orgId, account.id, { name: `Person ${String(i).padStart(3, "0")}`, influence: (i % 5) + 1 });
    const started = performance.now();
    const res = await admin.get(`/api/accounts/${account.id}/stakeholder-map`);
    expect(res.statusCode).toBe(200);
    expect(res.json().contacts).toHaveLength(200);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("answers 404 for an unknown account or one of another organization", async () => {
    const other = await t.newOrgWithUser("admin");
    const theirs = await buildAccount(t.db, other.orgId);
    expect((await admin.get(`/api/accounts/${theirs.id}/stakeholder-map`)).statusCode).toBe(404);
    expect((await admin.get("/api/accounts/0190a0a0-0000-7000-8000-000000000000/stakeholder-map")).statusCode).toBe(404);
  });
});

describe("relationships", () => {
  it("creates, updates with versions, and deletes with an audit trail", async () => {
    const account = await buildAccount(t.db, admin.orgId);
    const contact = await buildContact(t.db, admin.orgId, account.id);
    const url = rel(contact.id, admin.userId);
    expect((await admin.put(url, { strength: 3, version: 1 })).statusCode).toBe(409);
    const created = await admin.put(url, { strength: 3, notes: "Met at the fair", version: 0 });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ contactId: contact.id, userId: admin.userId, strength: 3, lastMetAt: null, notes: "Met at the fair", version: 1 });
    expect(created.headers.etag).toBe('"1"');

    const updated = await admin.put(url, { strength: 5 }, { "if-match": '"1"' });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ strength: 5, notes: "Met at the fair", version: 2 });
    const stale = await admin.put(url, { strength: 1 }, { "if-match": '"1"' });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().current).toMatchObject({ strength: 5, version: 2 });
    const staleBody = await admin.put(url, { strength: 1, version: 1 });
    expect(staleBody.statusCode).toBe(409);
    expect(staleBody.json().code).toBe("VERSION_CONFLICT");
    expect((await admin.put(url, { strength: 4, notes: null, version: 2 })).json()).toMatchObject({ strength: 4, notes: null, version: 3 });

    expect((await admin.delete(url)).statusCode).toBe(400);
    expect((await admin.delete(url, { "if-match": '"2"' })).statusCode).toBe(412);
    expect((await admin.delete(`${url}?version=2`)).statusCode).toBe(409);
    expect((await admin.delete(`${url}?version=3`)).statusCode).toBe(204);
    expect((await admin.delete(`${url}?version=3`)).statusCode).toBe(404);

    const history = await t.db.rows<{ action: string; entity_type: string }>(
      sql`select action, entity_type from audit_log where entity_id = ${contact.id} order by id`,
    );
    expect(history).toEqual(["create", "update", "update", "delete"].map((action) => ({ action, entity_type: "stakeholder_relationship" })));
  });

  it("answers bad input with field messages, never a 500", async () => {
    const account = await buildAccount(t.db, admin.orgId);
    const contact = await buildContact(t.db, admin.orgId, account.id);
    for (const strength of [0, 6, 1.5, "3", null]) {
      const res = await admin.put(rel(contact.id, admin.userId), { strength });
      expect(res.statusCode, `strength ${String(strength)}`).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain("body.strength");
    }
    const future = await admin.put(rel(contact.id, admin.userId), { strength: 3, lastMetAt: new Date(Date.now() + DAY).toISOString() });
    expect(future.json().errors).toEqual([{ field: "lastMetAt", message: expect.stringMatching(/not a meeting yet/) }]);
    expect((await admin.put(rel(contact.id, admin.userId), { strength: 3, lastMetAt: "yesterday" })).statusCode).toBe(400);

    const unknown = await admin.put(rel(contact.id, "0190a0a0-0000-7000-8000-000000000000"), { strength: 3 });
    const stranger = await t.newOrgWithUser("admin");
    const foreign = await admin.put(rel(contact.id, stranger.userId), { strength: 3 });
    for (const res of [unknown, foreign]) {
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual([{ field: "userId", message: "The user must be an active member of this organization" }]);
    }
    expect((await admin.put(rel(contact.id, "not-a-uuid"), { strength: 3 })).statusCode).toBe(400);
    expect((await admin.put(rel(contact.id, admin.userId), { strength: 3, orgId: stranger.orgId })).statusCode).toBe(400);
  });

  it("lets team members write, keeps viewers read-only, and hides other accounts' contacts", async () => {
    const account = await buildAccount(t.db, admin.orgId);
    const elsewhere = await buildAccount(t.db, admin.orgId);
    const contact = await buildContact(t.db, admin.orgId, account.id);
    const hidden = await buildContact(t.db, admin.orgId, elsewhere.id);
    const kam = await t.newUser(admin.orgId, "account_manager");
    const viewer = await t.newUser(admin.orgId, "viewer");
    for (const c of [kam, viewer]) await buildTeamMember(t.db, admin.orgId, account.id, c.userId);

    expect((await kam.put(rel(contact.id, kam.userId), { strength: 3 })).statusCode).toBe(201);
    expect((await viewer.get(`/api/accounts/${account.id}/stakeholder-map`)).statusCode).toBe(200);
    expect((await viewer.put(rel(contact.id, viewer.userId), { strength: 3 })).statusCode).toBe(403);
    expect((await viewer.delete(`${rel(contact.id, kam.userId)}?version=1`)).statusCode).toBe(403);
    expect((await kam.get(`/api/accounts/${elsewhere.id}/stakeholder-map`)).statusCode).toBe(404);
    expect((await kam.put(rel(hidden.id, kam.userId), { strength: 3 })).statusCode).toBe(404);

    const intruder = await t.newOrgWithUser("admin");
    expect((await intruder.put(rel(contact.id, intruder.userId), { strength: 3 })).statusCode).toBe(404);
    expect((await intruder.delete(`${rel(contact.id, kam.userId)}?version=1`)).statusCode).toBe(404);
    expect((await admin.get(`/api/accounts/${account.id}/stakeholder-map`)).json().contacts[0].relationships).toHaveLength(1);
  });
});
