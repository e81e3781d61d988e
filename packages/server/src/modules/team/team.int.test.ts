import { buildAccount, buildMembership, buildTeamMember, buildUser } from "@openkam/db/testing/builders";
import { buildContact } from "@openkam/db/testing/builders-people";
import { memberships } from "@openkam/db";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, testPasswordHash, type Client, type TestApp } from "../../testing/test-app";

let t: TestApp;
let admin: Client;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.newOrgWithUser("admin");
});
afterAll(async () => t?.close());

const team = (c: Client, accountId: string) => c.get(`/api/accounts/${accountId}/team`);
const put = (c: Client, accountId: string, userId: string, body: Record<string, unknown>, headers?: Record<string, string>) =>
  c.put(`/api/accounts/${accountId}/team/${userId}`, { teamRole: "sales", allocationPct: 20, ...body }, headers);
const userIds = async (c: Client, accountId: string) => (await team(c, accountId)).json().items.map((m: { userId: string }) => m.userId);

/** A user of the organization who is not signed in (no argon2 sign-in needed). */
async function orgUser(orgId: string, role: "member" | "account_manager" = "member", name?: string) {
  const user = await buildUser(t.db, { passwordHash: await testPasswordHash(), ...(name ? { name } : {}) });
  await buildMembership(t.db, orgId, user.id, role);
  return user;
}

describe("account team", () => {
  it("adds, lists, changes and removes team members, with an audit trail", async () => {
    const account = (await admin.post("/api/accounts", { name: "Team Works Ltd", currency: "CNY" })).json();
    const user = await orgUser(admin.orgId, "member", "Zhang Wei");

    const added = await put(admin, account.id, user.id, { teamRole: "support", allocationPct: 30 });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toEqual({ accountId: account.id, userId: user.id, userName: "Zhang Wei", userEmail: user.email, teamRole: "support", allocationPct: 30, version: 1 });
    expect(added.headers.etag).toBe('"1"');

    const list = (await team(admin, account.id)).json().items;
    expect(list.map((m: { userId: string; teamRole: string }) => [m.userId, m.teamRole])).toEqual([[admin.userId, "kam_lead"], [user.id, "support"]]);

    const changed = await put(admin, account.id, user.id, { teamRole: "executive_sponsor", allocationPct: 5 });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ teamRole: "executive_sponsor", allocationPct: 5, version: 2 });

    expect((await admin.delete(`/api/accounts/${account.id}/team/${user.id}`)).statusCode).toBe(204);
    expect(await userIds(admin, account.id)).toEqual([admin.userId]);
    expect((await admin.delete(`/api/accounts/${account.id}/team/${user.id}`)).statusCode).toBe(404);

    const history = await t.db.rows<{ action: string }>(
      sql`select action from audit_log where entity_type = 'account_team_member' and entity_id = ${account.id} order by id`,
    );
    expect(history.map((h) => h.action)).toEqual(["create", "update", "delete"]);
  });

  it("answers bad input with problem details per field and accepts only active members of the organization", async () => {
    const account = await buildAccount(t.db, admin.orgId);
    const user = await orgUser(admin.orgId);
    const bad = await admin.put(`/api/accounts/${account.id}/team/${user.id}`, { teamRole: "boss", allocationPct: 120 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(["body.teamRole", "body.allocationPct"]));
    expect((await admin.put(`/api/accounts/${account.id}/team/not-a-uuid`, { teamRole: "sales", allocationPct: 1 })).json().errors[0].field).toBe("params.userId");

    const outsider = await orgUser((await t.newOrgWithUser("admin")).orgId);
    const foreignUser = await put(admin, account.id, outsider.id, {});
    expect(foreignUser.statusCode).toBe(400);
    expect(foreignUser.json().errors[0].field).toBe("userId");
    await t.db.orm.update(memberships).set({ isActive: false }).where(and(eq(memberships.orgId, admin.orgId), eq(memberships.userId, user.id)));
    expect((await put(admin, account.id, user.id, {})).json().errors).toEqual(foreignUser.json().errors);
    expect(await userIds(admin, account.id)).toEqual([]);
  });

  it("refuses a stale If-Match with 412 and a stale body version with 409", async () => {
    const account = await buildAccount(t.db, admin.orgId);
    const user = await orgUser(admin.orgId);
    await put(admin, account.id, user.id, { allocationPct: 10 });
    expect((await put(admin, account.id, user.id, { allocationPct: 40 }, { "if-match": '"1"' })).statusCode).toBe(200);
    const stale = await put(admin, account.id, user.id, { allocationPct: 90 }, { "if-match": '"1"' });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().current).toMatchObject({ allocationPct: 40, version: 2 });
    expect((await put(admin, account.id, user.id, { allocationPct: 90, version: 1 })).json().code).toBe("VERSION_CONFLICT");
    expect((await admin.delete(`/api/accounts/${account.id}/team/${user.id}`, { "if-match": '"1"' })).statusCode).toBe(412);
    expect((await team(admin, account.id)).json().items[0]).toMatchObject({ allocationPct: 40, version: 2 });
  });
});

describe("account team by role", () => {
  it("lets an account manager staff the accounts they see, and a new member then sees its contacts", async () => {
    const kam = await t.newUser(admin.orgId, "account_manager");
    const mine = await buildAccount(t.db, admin.orgId);
    const notMine = await buildAccount(t.db, admin.orgId);
    await buildTeamMember(t.db, admin.orgId, mine.id, kam.userId, { teamRole: "kam_lead" });
    const contact = await buildContact(t.db, admin.orgId, mine.id);
    const colleague = await t.newUser(admin.orgId, "member");
    expect((await colleague.get(`/api/contacts/${contact.id}`)).statusCode).toBe(404);

    expect((await put(kam, mine.id, colleague.userId, { teamRole: "product" })).statusCode).toBe(201);
    expect((await colleague.get(`/api/contacts/${contact.id}`)).statusCode).toBe(200);
    expect((await team(colleague, mine.id)).statusCode).toBe(200);

    expect((await team(kam, notMine.id)).statusCode).toBe(404);
    expect((await put(kam, notMine.id, kam.userId, { teamRole: "kam_lead" })).statusCode).toBe(404);
    expect(await userIds(admin, notMine.id)).toEqual([]);
  });

  it("keeps members and viewers from changing the team, even of their own accounts", async () => {
    const account = await buildAccount(t.db, admin.orgId);
    const member = await t.newUser(admin.orgId, "member");
    const viewer = await t.newUser(admin.orgId, "viewer");
    await buildTeamMember(t.db, admin.orgId, account.id, member.userId);
    await buildTeamMember(t.db, admin.orgId, account.id, viewer.userId);
    for (const c of [member, viewer]) {
      expect((await team(c, account.id)).statusCode).toBe(200);
      expect((await put(c, account.id, c.userId, { teamRole: "kam_lead", allocationPct: 100 })).statusCode).toBe(403);
      expect((await c.delete(`/api/accounts/${account.id}/team/${member.userId}`)).statusCode).toBe(403);
    }
    const director = await t.newUser(admin.orgId, "director");
    expect((await put(director, account.id, viewer.userId, { teamRole: "support" })).statusCode).toBe(200);
    expect((await team(admin, account.id)).json().items.map((m: { teamRole: string }) => m.teamRole).sort()).toEqual(["sales", "support"]);
  });
});

describe("account team across organizations", () => {
  it("answers 404 to another organization's admin and leaves the team unchanged", async () => {
    const account = (await admin.post("/api/accounts", { name: "Org A Team", currency: "CNY" })).json();
    const intruder = await t.newOrgWithUser("admin");
    const before = (await team(admin, account.id)).json();

    expect((await team(intruder, account.id)).statusCode).toBe(404);
    expect((await put(intruder, account.id, intruder.userId, { teamRole: "kam_lead" })).statusCode).toBe(404);
    expect((await put(intruder, account.id, admin.userId, { teamRole: "support" })).statusCode).toBe(404);
    expect((await intruder.delete(`/api/accounts/${account.id}/team/${admin.userId}`)).statusCode).toBe(404);
    expect((await team(admin, account.id)).json()).toEqual(before);
  });
});
