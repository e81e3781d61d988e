import { organizations } from "@openkam/db";
import { buildAccount, buildTeamMember } from "@openkam/db/testing/builders";
import { buildInteraction } from "@openkam/db/testing/builders-activity";
import { assessCadence, DEFAULT_CADENCE_POLICIES, resolveCadencePolicy, zonedDateOf } from "@openkam/domain";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type Client, type TestApp } from "../../testing/test-app";

const DAY = 86_400_000;
/** Noon UTC, n days before today (UTC): far from midnight, so the day does not depend on when the test runs. */
const daysAgo = (n: number) => new Date(Date.parse(`${new Date().toISOString().slice(0, 10)}T12:00:00Z`) - n * DAY);
const isoDaysAgo = (n: number) => daysAgo(n).toISOString().slice(0, 10);

let t: TestApp;
let admin: Client;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.newOrgWithUser("admin");
  await t.db.orm.update(organizations).set({ timezone: "UTC" }).where(eq(organizations.id, admin.orgId));
});
afterAll(async () => t?.close());

const cadenceOf = (c: Client, accountId: string) => c.get(`/api/accounts/${accountId}/cadence`);
const put = (c: Client, accountId: string, body: unknown, headers?: Record<string, string>) => c.put(`/api/accounts/${accountId}/cadence`, body, headers);

describe("an account's cadence", () => {
  it("gives per planned kind the last past interaction, the due day, the days overdue and the status", async () => {
    const account = await buildAccount(t.db, admin.orgId, { tier: "strategic", createdAt: daysAgo(400) });
    await buildInteraction(t.db, admin.orgId, account.id, { type: "visit", occurredAt: daysAgo(50) });
    await buildInteraction(t.db, admin.orgId, account.id, { type: "visit", occurredAt: daysAgo(40) });
    // Calls and meetings keep no cadence; a planned visit has not kept one yet.
    await buildInteraction(t.db, admin.orgId, account.id, { type: "call", occurredAt: daysAgo(1) });
    await buildInteraction(t.db, admin.orgId, account.id, { type: "visit", occurredAt: daysAgo(-3) });
    await buildInteraction(t.db, admin.orgId, account.id, { type: "executive_meeting", occurredAt: daysAgo(85) });

    const res = await cadenceOf(admin, account.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers.etag).toBe('"0"');
    const body = res.json();
    expect(body).toMatchObject({
      accountId: account.id, tier: "strategic", timeZone: "UTC", today: isoDaysAgo(0),
      policy: DEFAULT_CADENCE_POLICIES.strategic, tierPolicy: DEFAULT_CADENCE_POLICIES.strategic, overrides: {}, version: 0,
    });
    expect(body.items).toEqual([
      { kind: "visit", interval: 30, lastAt: daysAgo(40).toISOString(), dueOn: isoDaysAgo(10), daysUntilDue: -10, daysOverdue: 10, status: "overdue" },
      { kind: "executive_meeting", interval: 90, lastAt: daysAgo(85).toISOString(), dueOn: isoDaysAgo(-5), daysUntilDue: 5, daysOverdue: 0, status: "due_soon" },
      expect.objectContaining({ kind: "qbr", interval: "quarterly", lastAt: null, status: "never_met" }),
    ]);
    expect(body.items[2].daysOverdue).toBeGreaterThan(0);
  });

  it("counts days in the organization's time zone, as the domain rules do", async () => {
    const other = await t.newOrgWithUser("admin");
    await t.db.orm.update(organizations).set({ timezone: "Pacific/Auckland" }).where(eq(organizations.id, other.orgId));
    const startedAt = new Date(Date.now() - 200 * DAY);
    const account = await buildAccount(t.db, other.orgId, { tier: "key", createdAt: startedAt });
    const visit = new Date(Date.now() - 61 * DAY + 5 * 3_600_000);
    await buildInteraction(t.db, other.orgId, account.id, { type: "visit", occurredAt: visit });
    const now = new Date();
    const body = (await cadenceOf(other, account.id)).json();
    const expected = assessCadence({ policy: DEFAULT_CADENCE_POLICIES.key, lastAt: { visit }, startedAt, now, timeZone: "Pacific/Auckland" });
    expect(body.today).toBe(zonedDateOf(now, "Pacific/Auckland"));
    expect(body.items).toEqual(expected.map((d) => ({ ...d, lastAt: d.lastAt?.toISOString() ?? null })));
  });

  it("applies the organization's tier policy, then the account's overrides; null takes a kind out of the plan", async () => {
    const account = await buildAccount(t.db, admin.orgId, { tier: "growth", createdAt: daysAgo(30) });
    expect((await admin.put("/api/cadence/policies/growth", { visit: 60, executive_meeting: 120, version: 0 })).statusCode).toBe(200);
    const inherited = (await cadenceOf(admin, account.id)).json();
    expect(inherited.tierPolicy).toEqual({ visit: 60, executive_meeting: 120, qbr: "half_yearly" });
    expect(inherited.policy).toEqual(inherited.tierPolicy);

    const res = await put(admin, account.id, { visit: 14, executive_meeting: null, version: 0 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers.etag).toBe('"1"');
    expect(res.json()).toMatchObject({
      overrides: { visit: 14, executive_meeting: null },
      tierPolicy: { visit: 60, executive_meeting: 120, qbr: "half_yearly" },
      policy: { visit: 14, executive_meeting: null, qbr: "half_yearly" },
      version: 1,
    });
    expect(res.json().items.map((d: { kind: string; interval: unknown; status: string; daysOverdue: number }) => [d.kind, d.interval, d.status, d.daysOverdue])).toEqual([
      ["visit", 14, "never_met", 16],
      ["qbr", "half_yearly", "never_met", 0],
    ]);
    expect(await cadenceOf(admin, account.id).then((r) => r.json())).toEqual(res.json());

    // The org's later change shows through where the account has no override of its own.
    expect((await admin.put("/api/cadence/policies/growth", { visit: 60, executive_meeting: 120, qbr: "quarterly" }, { "if-match": '"1"' })).statusCode).toBe(200);
    expect((await cadenceOf(admin, account.id)).json().policy).toEqual({ visit: 14, executive_meeting: null, qbr: "quarterly" });
    expect(resolveCadencePolicy("growth", { visit: 14, executive_meeting: null, qbr: "quarterly" })).toEqual((await cadenceOf(admin, account.id)).json().policy);

    const cleared = await put(admin, account.id, {}, { "if-match": '"1"' });
    expect(cleared.json()).toMatchObject({ overrides: {}, policy: cleared.json().tierPolicy, version: 2 });

    const history = await t.db.rows<{ action: string; after: { accountId: string; version: number } }>(
      sql`select action, after from audit_log where org_id = ${admin.orgId} and entity_type = 'account_cadence' and entity_id = ${account.id} order by id`,
    );
    expect(history.map((h) => [h.action, h.after.accountId, h.after.version])).toEqual([["create", account.id, 1], ["update", account.id, 2]]);
    const activity = (await admin.get(`/api/accounts/${account.id}/activity`)).json();
    expect(activity.items.map((a: { entityType: string }) => a.entityType)).toContain("account_cadence");
  });

  it("refuses a stale If-Match with 412 and a stale version with 409, and says what is current", async () => {
    const account = await buildAccount(t.db, admin.orgId, { tier: "key" });
    expect((await put(admin, account.id, { visit: 30, version: 0 })).statusCode).toBe(200);
    const stale = await put(admin, account.id, { visit: 20 }, { "if-match": '"0"' });
    expect(stale.statusCode).toBe(412);
    expect(stale.json()).toMatchObject({ code: "PRECONDITION_FAILED", current: { accountId: account.id, overrides: { visit: 30 }, version: 1 } });
    const conflict = await put(admin, account.id, { visit: 20, version: 0 });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json().code).toBe("VERSION_CONFLICT");
    expect((await put(admin, account.id, { visit: 20 })).statusCode).toBe(400);
    expect((await put(admin, account.id, { visit: 20 }, { "if-match": "yesterday" })).statusCode).toBe(412);
    expect((await cadenceOf(admin, account.id)).json().policy.visit).toBe(30);
  });

  it("answers invalid overrides with 400 problems naming the field", async () => {
    const account = await buildAccount(t.db, admin.orgId);
    for (const [body, field] of [
      [{ visit: 0, version: 0 }, "body.visit"],
      [{ visit: -1, version: 0 }, "body.visit"],
      [{ qbr: "monthly", version: 0 }, "body.qbr"],
      [{ visit: 30, email: 7, version: 0 }, "body"],
      [{ visit: 30, version: 1.5 }, "body.version"],
    ] as const) {
      const res = await put(admin, account.id, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect((await admin.get("/api/accounts/not-a-uuid/cadence")).json().errors[0].field).toBe("params.id");
    expect((await cadenceOf(admin, account.id)).json().version).toBe(0);
  });
});

describe("who may see and change an account's cadence", () => {
  it("lets the account's team change it, directors and admins anywhere, and never viewers", async () => {
    const account = await buildAccount(t.db, admin.orgId, { tier: "key" });
    const member = await t.newUser(admin.orgId, "member");
    const viewer = await t.newUser(admin.orgId, "viewer");
    const kam = await t.newUser(admin.orgId, "account_manager");
    const director = await t.newUser(admin.orgId, "director");
    await buildTeamMember(t.db, admin.orgId, account.id, member.userId);
    await buildTeamMember(t.db, admin.orgId, account.id, viewer.userId);

    expect((await put(member, account.id, { visit: 21, version: 0 })).statusCode).toBe(200);
    expect((await cadenceOf(viewer, account.id)).statusCode).toBe(200);
    expect((await put(viewer, account.id, { visit: 7, version: 1 })).statusCode).toBe(403);
    // An account manager outside the team does not see the account at all.
    expect((await cadenceOf(kam, account.id)).statusCode).toBe(404);
    expect((await put(kam, account.id, { visit: 7, version: 1 })).statusCode).toBe(404);
    const ownAccount = await buildAccount(t.db, admin.orgId, { ownerUserId: kam.userId });
    expect((await put(kam, ownAccount.id, { qbr: "quarterly", version: 0 })).statusCode).toBe(200);
    expect((await put(director, account.id, { visit: 28, version: 1 })).statusCode).toBe(200);
    expect((await cadenceOf(admin, account.id)).json()).toMatchObject({ policy: { visit: 28 }, version: 2 });
  });

  it("answers 404 for another organization's account, a deleted one or one that does not exist", async () => {
    const account = await buildAccount(t.db, admin.orgId);
    const intruder = await t.newOrgWithUser("admin");
    expect((await cadenceOf(intruder, account.id)).statusCode).toBe(404);
    expect((await put(intruder, account.id, { visit: 1, version: 0 })).statusCode).toBe(404);
    expect((await put(intruder, account.id, { visit: 1 }, { "if-match": '"0"' })).statusCode).toBe(404);
    const deleted = await buildAccount(t.db, admin.orgId, { deletedAt: new Date() });
    expect((await cadenceOf(admin, deleted.id)).statusCode).toBe(404);
    expect((await cadenceOf(admin, "0190a000-0000-7000-8000-000000000001")).statusCode).toBe(404);
    expect((await cadenceOf(admin, account.id)).json().version).toBe(0);
  });
});
